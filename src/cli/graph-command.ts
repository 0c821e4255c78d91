/**
 * `papergraph graph [inputs...]`: listings in, public/data/graph.json out. Data goes to files (or stdout with
 * `--out -`), progress and the per-file summary to stderr, a non-zero exit code on failure (Observable Framework's
 * data-loader manners).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatMergeReport } from "../pipeline/identity";
import { OptionsError, flagName, resolveOptions, DEFAULT_OPTIONS, type PipelineOptions } from "../pipeline/options";
import { runPipeline } from "../pipeline/run";
import { writeExplorerFolder } from "./explorer-output";
import { collectInputs, displayPath } from "./inputs";
import { formatSummary } from "./summary";
import type { CliIO } from "./io";

export const GRAPH_USAGE = `Usage: npm run graph -- [inputs...] [options]

Reads paper listings (files or folders; default: seeds/) and writes the analysed graph.

Options:
  --out DIR            output folder (default: public/data); "-" writes graph.json to stdout
  --config FILE        JSON file with build options (default: papergraph.config.json when present)
  --thesaurus FILE     thesaurus CSV (force/forbid merges, rename); default: thesaurus.csv inside an input folder
  --strict             exit 1 on any diagnostic
  --merge-report       also print the identity audit trail (merges and near-misses) to stdout
  --quiet              only errors on stderr
${Object.keys(DEFAULT_OPTIONS)
  .map((k) => `  --${flagName(k).padEnd(19)}default ${String(DEFAULT_OPTIONS[k as keyof PipelineOptions])}`)
  .join("\n")}
  -h, --help           this text`;

const optionFlags = Object.fromEntries(Object.keys(DEFAULT_OPTIONS).map((k) => [flagName(k), { type: "string" as const }]));

export async function runGraph(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        config: { type: "string" },
        thesaurus: { type: "string" },
        strict: { type: "boolean" },
        "merge-report": { type: "boolean" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...optionFlags,
      },
    });
  } catch (e) {
    io.stderr(`papergraph graph: ${(e as Error).message}\n\n${GRAPH_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(GRAPH_USAGE + "\n");
    return 0;
  }
  const log = (s: string) => {
    if (!values.quiet) io.stderr(s + "\n");
  };

  // Options: defaults <- config file <- flags.
  let options: PipelineOptions;
  try {
    let fromConfig: Record<string, unknown> = {};
    const configPath = values.config ?? (await exists(path.join(io.cwd, "papergraph.config.json")) ? "papergraph.config.json" : null);
    if (configPath) {
      const text = await readFile(path.resolve(io.cwd, configPath), "utf8").catch(() => null);
      if (text === null) {
        io.stderr(`papergraph graph: config file ${configPath} cannot be read\n`);
        return 2;
      }
      try {
        const json: unknown = JSON.parse(text);
        if (!json || typeof json !== "object" || Array.isArray(json)) throw new Error("expected a JSON object such as {\"seed\": 7}");
        fromConfig = json as Record<string, unknown>;
      } catch (e) {
        io.stderr(`papergraph graph: ${configPath}: not valid JSON (${(e as Error).message})\n`);
        return 2;
      }
      resolveOptions(fromConfig, configPath);
    }
    const fromFlags = Object.fromEntries(Object.keys(optionFlags).map((f) => [f, values[f as keyof typeof values]]));
    options = resolveOptions({ ...fromConfig, ...stripUndefined(fromFlags) }, "options");
  } catch (e) {
    if (e instanceof OptionsError) {
      io.stderr(`papergraph graph: invalid options\n  ${e.problems.join("\n  ")}\n`);
      return 2;
    }
    throw e;
  }

  const inputs = positionals.length ? positionals : ["seeds"];
  const collected = await collectInputs(inputs, io.cwd);
  for (const p of collected.problems) io.stderr(`papergraph graph: ${p}\n`);
  let thesaurus = collected.thesaurus;
  if (values.thesaurus) {
    const text = await readFile(path.resolve(io.cwd, values.thesaurus), "utf8").catch(() => null);
    if (text === null) {
      io.stderr(`papergraph graph: thesaurus ${values.thesaurus} cannot be read\n`);
      return 2;
    }
    thesaurus = { file: displayPath(values.thesaurus, io.cwd), text };
  }
  if (collected.documents.length === 0) {
    io.stderr(`papergraph graph: no input files found in ${inputs.join(", ")}\n`);
    return 1;
  }

  log(`papergraph: reading ${collected.documents.length} file(s)${thesaurus ? ` with thesaurus ${thesaurus.file}` : ""}`);
  const result = runPipeline({ documents: collected.documents, thesaurus }, options);
  const summary = formatSummary(result);
  io.stderr(values.quiet ? summary.errorsOnly : summary.text);

  const totalRecords = result.summaries.reduce((n, s) => n + s.records, 0);
  if (totalRecords === 0) {
    io.stderr("papergraph graph: nothing could be read; no graph written\n");
    return 1;
  }

  const json = JSON.stringify(result.graph.export()) + "\n";
  const report = formatMergeReport(result.identity);
  if (values.out === "-") {
    io.stdout(json);
  } else {
    const outDir = path.resolve(io.cwd, values.out ?? "public/data");
    try {
      await mkdir(outDir, { recursive: true });
      await writeFile(path.join(outDir, "graph.json"), json);
      await writeFile(path.join(outDir, "merge-report.md"), report);
      const explorer = await writeExplorerFolder(outDir, result.graph);
      log(`wrote ${displayPath(explorer.dir, io.cwd)}/ (${explorer.files} files, ${(explorer.bytes / 1024).toFixed(0)} KiB; core.bin ${(explorer.coreBytes / 1024).toFixed(0)} KiB)`);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      io.stderr(`papergraph graph: cannot write to ${displayPath(outDir, io.cwd)} (${err.code ?? err.message}); choose another --out folder\n`);
      return 1;
    }
    log(`wrote ${displayPath(path.join(outDir, "graph.json"), io.cwd)} (${(json.length / 1024).toFixed(0)} KiB) and ${displayPath(path.join(outDir, "merge-report.md"), io.cwd)}`);
  }
  if (values["merge-report"]) {
    // stdout already carries the graph with --out -: the report goes to stderr then, never silently nowhere.
    if (values.out === "-") io.stderr(report);
    else io.stdout(report);
  }

  const diagnostics = result.summaries.reduce((n, s) => n + s.diagnostics.length, 0);
  if (values.strict && (diagnostics > 0 || collected.problems.length > 0)) {
    io.stderr(`papergraph graph: --strict: ${diagnostics + collected.problems.length} diagnostic(s)\n`);
    return 1;
  }
  return 0;
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

async function exists(p: string): Promise<boolean> {
  return readFile(p).then(
    () => true,
    () => false,
  );
}

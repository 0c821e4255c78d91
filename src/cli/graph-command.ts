/**
 * `papergraph graph [inputs...]`: listings in, public/data/graph.json out. Data goes to files (or stdout with
 * `--out -`), progress and the per-file summary to stderr, a non-zero exit code on failure (Observable Framework's
 * data-loader manners).
 */
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { formatMergeReport } from "../pipeline/identity";
import { OptionsError, flagName, resolveOptions, DEFAULT_OPTIONS, type PipelineOptions } from "../pipeline/options";
import { binaryLine } from "../pipeline/formats/text";
import { BuildTooLargeError, runPipeline } from "../pipeline/run";
import { escapeForTerminal } from "./escape";
import { countingChunks, graphJsonChunks } from "./graph-json-stream";
import { displayPath, listInputs, readInputs, readRegularFile } from "./inputs";
import { LOCK_NAME } from "./lock";
import { memoryRefusal } from "./memory";
import { openOutputFolder, outputFolderProblem, type OpenFolder } from "./out-folder";
import { explorerOutput } from "./explorer-output";
import { EXPLORER_DIR } from "../model/explorer-format";
import { formatSummary } from "./summary";
import { progressDisplayFor } from "./progress";
import { buildSummaryJson, summaryTarget, type BuildSummaryJson } from "./summary-json";
import type { CliIO } from "./io";
import { parseFlags } from "./args";

export const GRAPH_USAGE = `Usage: papergraph graph [inputs...] [options]   (in the repository also: npm run graph -- ...)

Reads paper listings (files or folders; default: seeds/) and writes the analysed graph.

Options:
  --out DIR            output folder (default: public/data); "-" writes graph.json to stdout
  --config FILE        JSON file with build options (default: papergraph.config.json when present)
  --thesaurus FILE     thesaurus CSV (force/forbid merges, rename); default: thesaurus.csv inside an input folder
  --strict             exit 1 on any diagnostic
  --merge-report       also print the identity audit trail (merges and near-misses) to stdout
  --summary json       print the per-file summary and the counts as one JSON object on stdout
  --summary-file FILE  write that JSON object to FILE
  --quiet              only errors on stderr (no progress, no summary)
${Object.keys(DEFAULT_OPTIONS)
  .map((k) => `  --${flagName(k).padEnd(19)}default ${String(DEFAULT_OPTIONS[k as keyof PipelineOptions])}`)
  .join("\n")}
  -h, --help           this text`;

const optionFlags = Object.fromEntries(Object.keys(DEFAULT_OPTIONS).map((k) => [flagName(k), { type: "string" as const }]));

export async function runGraph(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseFlags({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        config: { type: "string" },
        thesaurus: { type: "string" },
        strict: { type: "boolean" },
        "merge-report": { type: "boolean" },
        summary: { type: "string" },
        "summary-file": { type: "string" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...optionFlags,
      },
    });
  } catch (e) {
    io.stderr(`papergraph graph: ${escapeForTerminal((e as Error).message)}\n\n${GRAPH_USAGE}\n`);
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
  const summaryTo = summaryTarget(values);
  if (typeof summaryTo === "string") {
    io.stderr(`papergraph graph: ${summaryTo}\n`);
    return 2;
  }

  // Options: defaults <- config file <- flags.
  let options: PipelineOptions;
  try {
    let fromConfig: Record<string, unknown> = {};
    const configPath = values.config ?? (await exists(path.join(io.cwd, "papergraph.config.json")) ? "papergraph.config.json" : null);
    if (configPath) {
      const text = readTextOrNull(path.resolve(io.cwd, configPath));
      if (text === null) {
        io.stderr(`papergraph graph: config file ${escapeForTerminal(configPath)} cannot be read\n`);
        return 2;
      }
      try {
        const json: unknown = JSON.parse(text);
        if (!json || typeof json !== "object" || Array.isArray(json)) throw new Error("expected a JSON object such as {\"seed\": 7}");
        fromConfig = json as Record<string, unknown>;
      } catch (e) {
        io.stderr(`papergraph graph: ${escapeForTerminal(configPath)}: not valid JSON (${escapeForTerminal((e as Error).message)})\n`);
        return 2;
      }
      resolveOptions(fromConfig, configPath);
    }
    const fromFlags = Object.fromEntries(Object.keys(optionFlags).map((f) => [f, values[f as keyof typeof values]]));
    options = resolveOptions({ ...fromConfig, ...stripUndefined(fromFlags) }, "options");
  } catch (e) {
    if (e instanceof OptionsError) {
      io.stderr(`papergraph graph: invalid options\n  ${e.problems.map(escapeForTerminal).join("\n  ")}\n`);
      return 2;
    }
    throw e;
  }

  // The output folder is made ready (created, writable, locked) before the build: an unusable or busy one fails fast.
  let folder: OpenFolder | null = null;
  if (values.out !== "-") {
    const outDir = path.resolve(io.cwd, values.out ?? "public/data");
    const opened = await openOutputFolder(outDir);
    if (!opened.ok) {
      io.stderr(`papergraph graph: ${escapeForTerminal(outputFolderProblem(opened, displayPath(outDir, io.cwd), displayPath(path.join(outDir, LOCK_NAME), io.cwd)))}\n`);
      return 1;
    }
    folder = opened.folder;
  }
  try {
    return await build(values, positionals, options, folder, summaryTo, io, log);
  } finally {
    await folder?.close();
  }
}

interface GraphValues {
  out?: string | undefined;
  thesaurus?: string | undefined;
  strict?: boolean | undefined;
  "merge-report"?: boolean | undefined;
  quiet?: boolean | undefined;
}

type SummaryTo = Exclude<ReturnType<typeof summaryTarget>, string>;

async function build(
  values: GraphValues, positionals: string[], options: PipelineOptions, folder: OpenFolder | null, summaryTo: SummaryTo, io: CliIO,
  log: (s: string) => void,
): Promise<number> {
  const inputs = positionals.length ? positionals : ["seeds"];
  // Sizes first, contents after: inputs too large for the heap are refused before they are read (memory.ts).
  const listed = await listInputs(inputs, io.cwd);
  const refusal = memoryRefusal(listed.totalBytes);
  if (refusal) {
    io.stderr(`papergraph graph: ${refusal}\n`);
    return 1;
  }
  const collected = await readInputs(listed, io.cwd);
  for (const p of collected.problems) io.stderr(`papergraph graph: ${escapeForTerminal(p)}\n`);
  let thesaurus = collected.thesaurus;
  if (values.thesaurus) {
    const text = readTextOrNull(path.resolve(io.cwd, values.thesaurus));
    if (text === null) {
      io.stderr(`papergraph graph: thesaurus ${escapeForTerminal(values.thesaurus)} cannot be read\n`);
      return 2;
    }
    if (binaryLine(text) !== null) {
      io.stderr(`papergraph graph: thesaurus ${escapeForTerminal(values.thesaurus)} is a binary file, not a thesaurus (a CSV text file with the header action,name,other)\n`);
      return 2;
    }
    thesaurus = { file: displayPath(values.thesaurus, io.cwd), text };
  }
  if (collected.documents.length === 0) {
    io.stderr(`papergraph graph: no input files found in ${escapeForTerminal(inputs.join(", "))}\n`);
    return 1;
  }

  log(`papergraph: reading ${collected.documents.length} file(s)${thesaurus ? ` with thesaurus ${escapeForTerminal(thesaurus.file)}` : ""}`);
  const progress = progressDisplayFor(io, values.quiet === true);
  let result;
  try {
    // The heap limit goes in so that a build too large for it stops right after reading (build-size.ts), not minutes
    // later in V8's out-of-memory abort.
    result = runPipeline({ documents: collected.documents, thesaurus }, options, {
      onProgress: progress.listener, heapLimitBytes: getHeapStatistics().heap_size_limit, releaseInput: true,
    });
  } catch (e) {
    if (!(e instanceof BuildTooLargeError)) throw e;
    progress.clear();
    io.stderr(`papergraph graph: ${e.message}\n`);
    return 1;
  }
  progress.clear();
  let output: BuildSummaryJson["output"] = null;
  let writeStart = 0;
  // The JSON summary is written on every exit after the build (a failed build's diagnostics are what a script needs).
  const finish = async (code: number): Promise<number> => {
    progress.clear();
    if (!summaryTo.stdout && !summaryTo.file) return code;
    const timings = { ...result.timings, ...(output ? { write: performance.now() - writeStart } : {}) };
    const text = JSON.stringify(buildSummaryJson(result, { exitCode: code, problems: collected.problems, output, timings }), null, 2) + "\n";
    if (summaryTo.stdout) io.stdout(text);
    if (summaryTo.file) {
      try {
        await writeFile(path.resolve(io.cwd, summaryTo.file), text);
      } catch (e) {
        io.stderr(`papergraph graph: cannot write the summary to ${summaryTo.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
        return code || 1;
      }
    }
    return code;
  };
  const summary = formatSummary(result);
  io.stderr(values.quiet ? summary.errorsOnly : summary.text);

  const totalRecords = result.summaries.reduce((n, s) => n + s.records, 0);
  if (totalRecords === 0) {
    io.stderr("papergraph graph: nothing could be read; no graph written\n");
    return finish(1);
  }

  const files = folder ? 3 : 1;
  writeStart = performance.now();
  progress.listener({ phase: "write", done: 0, total: files, unit: "files" });
  // graph.json is streamed in chunks, never one string (V8 caps strings near 512 MiB).
  const report = formatMergeReport(result.identity);
  const written = { bytes: 0 };
  const graphChunks = countingChunks(graphJsonChunks(result.view), written);
  if (!folder) {
    for (const chunk of graphChunks) io.stdout(chunk);
    output = { graph: "-", mergeReport: null };
    progress.listener({ phase: "write", done: files, total: files, unit: "files", finished: true });
  } else {
    const outDir = folder.dir;
    const explorer = explorerOutput(result.view);
    const made = explorer.written;
    try {
      // The report first, then the explorer's folder, the graph last: graph.json is the commit point (see
      // atomic-write.ts), so a new graph.json always has its own report and explorer files beside it.
      await folder.write([{ name: "merge-report.md", chunks: [report] }, explorer.output, { name: "graph.json", chunks: graphChunks }]);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      progress.clear();
      io.stderr(`papergraph graph: cannot write to ${escapeForTerminal(displayPath(outDir, io.cwd))} (${err.code ?? err.message}); choose another --out folder; the previous outputs are unchanged\n`);
      return finish(1);
    }
    output = { graph: displayPath(path.join(outDir, "graph.json"), io.cwd), mergeReport: displayPath(path.join(outDir, "merge-report.md"), io.cwd) };
    progress.listener({ phase: "write", done: files, total: files, unit: "files", finished: true });
    log(escapeForTerminal(`wrote ${displayPath(path.join(outDir, "graph.json"), io.cwd)} (${(written.bytes / 1024).toFixed(0)} KiB) and ${displayPath(path.join(outDir, "merge-report.md"), io.cwd)}`));
    log(escapeForTerminal(`wrote ${displayPath(path.join(outDir, EXPLORER_DIR), io.cwd)}/ (${made.files} files, ${(made.bytes / 1024).toFixed(0)} KiB; core.bin ${(made.coreBytes / 1024).toFixed(0)} KiB)`));
  }
  if (values["merge-report"]) {
    // stdout already carries the graph with --out -: the report goes to stderr then, never silently nowhere.
    if (values.out === "-" || summaryTo.stdout) io.stderr(report);
    else io.stdout(report);
  }

  const diagnostics = result.summaries.reduce((n, s) => n + s.diagnostics.length, 0);
  if (values.strict && (diagnostics > 0 || collected.problems.length > 0)) {
    io.stderr(`papergraph graph: --strict: ${diagnostics + collected.problems.length} diagnostic(s)\n`);
    return finish(1);
  }
  return finish(0);
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/** A regular file's text, or null (missing, unreadable, or a FIFO or device, which would block or never end). */
function readTextOrNull(p: string): string | null {
  try {
    return readRegularFile(p).toString("utf8");
  } catch {
    return null;
  }
}

async function exists(p: string): Promise<boolean> {
  // stat, not a read: a config path that is a FIFO must not block here.
  return stat(p).then(
    () => true,
    () => false,
  );
}

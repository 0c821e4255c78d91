/**
 * `papergraph export`: public/data/graph.json -> GEXF, GraphML, CSV, graphology JSON, VOSviewer JSON, SVG for other
 * tools. Files go to --out, progress to stderr; exit 0 on success, 1 when the input is missing or unusable or a file
 * cannot be written, 2 on a usage mistake. Filter flags mirror the explorer's filters; with none, the whole graph.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import Graph from "graphology";
import { levelCount } from "../model/levels";
import { exportGraph, isExportFormat, makeProvenance, EXPORT_FORMATS, type ExportFormat, type ExportView } from "../exporters";
import { COLOR_MODES, isColorMode, resolveColorMode, type ColorMode } from "../model/appearance";
import { validateGraphFile } from "../model/validate";
import { DEFAULT_VIEW_FILTER, LENS_KINDS, type Lens, type ViewFilter } from "../model/view-filter";
import type { NodeKind } from "../model/graph-file";
import { parseDecimal } from "../pipeline/options";
import { parseFlags } from "./args";

export interface ExportIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Folder relative paths are resolved against (default: the process's). */
  cwd?: string;
}

export const EXPORT_USAGE = `Usage: papergraph export --format FORMAT [--format FORMAT ...] --out DIR [options]   (in the repository also: npm run export -- ...)

Writes the graph (default public/data/graph.json) for other tools:
  gexf       graph.gexf             Gephi, Gephi Lite (GEXF 1.3 with positions, colours, sizes)
  graphml    graph.graphml          Cytoscape, yEd, networkx
  csv        nodes.csv, edges.csv   spreadsheets, pandas (+ export-info.txt with the provenance)
  json       graph.json             graphology JSON; papergraph opens it again
  vosviewer  graph.vosviewer.json   VOSviewer Online / VOSviewer map
  svg        graph.svg              vector drawing for publications

Options:
  --format F           one of ${EXPORT_FORMATS.join(", ")} (repeat, or comma-separate); "all" for every one
  --out DIR            output folder (created when missing)
  --in FILE            graph file (default public/data/graph.json)
  --exported-at ISO    timestamp written into the exports' metadata (default: now, or SOURCE_DATE_EPOCH)
  --color-mode M       what node colours show: auto (co-author communities in the co-author lens, research
                       clusters otherwise; the default), topicCluster, community, yearFirst or yearMean; SVG
                       legends, cluster names and VOSviewer clusters follow it
  --community-level N  colour and group by level N (0 = fewest groups) of the graph's co-author community ladder
  --cluster-level N    the same for the research-cluster ladder (default: the build's own level; see \`graph\`'s summary)
  --no-legend          SVG without the legend and cluster names
  --dark               SVG on the dark theme's background (default light, for print)
  --quiet              only errors on stderr
View filters (as in the explorer; with any of them, the export holds the filtered view, else the whole graph):
  --lens L             coauthor | topics | full (default full when other filters are given)
  --kinds K,K          node kinds shown in the full lens: author,paper,topic
  --years A-B          paper years, inclusive (e.g. 2020-2023, or 2021)
  --include-undated    keep papers without a year while --years is set (default)
  --no-undated         hide them
  --min-shared N       co-author links need at least N joint papers
  --include-large      also the co-author links of papers above the build's author cut (graph attribute largePapers)
  --hide-clusters 1,2  cluster ids to hide
  --cluster-mode M     community | topicCluster: which partition --hide-clusters means (default topicCluster)
  -h, --help           this text`;

class UsageError extends Error {}

function parseList(v: string | undefined, what: string, re: RegExp): string[] {
  if (v === undefined) return [];
  const parts = v.split(",").map((s) => s.trim()).filter(Boolean);
  for (const p of parts) if (!re.test(p)) throw new UsageError(`${what}: "${p}" is not valid`);
  return parts;
}

function buildFilter(values: Record<string, string | boolean | string[] | undefined>): ViewFilter | null {
  const given = ["lens", "kinds", "years", "include-undated", "no-undated", "min-shared", "include-large", "hide-clusters", "cluster-mode"].some((k) => values[k] !== undefined);
  if (!given) return null;
  const filter: ViewFilter = { ...DEFAULT_VIEW_FILTER, lens: "full", kinds: [...DEFAULT_VIEW_FILTER.kinds], hiddenClusters: [] };
  const lens = values.lens as string | undefined;
  if (lens !== undefined) {
    if (!Object.hasOwn(LENS_KINDS, lens)) throw new UsageError(`--lens must be one of ${Object.keys(LENS_KINDS).join(", ")}; got "${lens}"`);
    filter.lens = lens as Lens;
  }
  if (values.kinds !== undefined) {
    filter.kinds = parseList(values.kinds as string, "--kinds (author, paper or topic)", /^(author|paper|topic)$/) as NodeKind[];
    if (filter.lens !== "full") throw new UsageError(`--kinds applies to --lens full only (the ${filter.lens} lens shows fixed kinds)`);
  }
  const years = values.years as string | undefined;
  if (years !== undefined) {
    const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?$/.exec(years);
    if (!m) throw new UsageError(`--years must look like 2020-2023 or 2021; got "${years}"`);
    const from = Number(m[1]), to = Number(m[2] ?? m[1]);
    if (from > to) throw new UsageError(`--years: ${from} is after ${to}; write the earlier year first (${to}-${from})`);
    filter.yearRange = [from, to];
  }
  if (values["include-undated"] && values["no-undated"]) throw new UsageError("--include-undated and --no-undated contradict each other; give one");
  if (values["no-undated"]) filter.includeUndated = false;
  const minShared = values["min-shared"] as string | undefined;
  if (minShared !== undefined) {
    const n = parseDecimal(minShared) ?? Number.NaN; // "0x10" is a mistake, not 16
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--min-shared must be a whole number of at least 1; got "${minShared}"`);
    filter.minSharedPapers = n;
  }
  if (values["include-large"]) filter.includeLargePapers = true;
  const mode = values["cluster-mode"] as string | undefined;
  if (mode !== undefined) {
    if (mode !== "community" && mode !== "topicCluster") throw new UsageError(`--cluster-mode must be community or topicCluster; got "${mode}"`);
    filter.clusterMode = mode;
  }
  filter.hiddenClusters = parseList(values["hide-clusters"] as string | undefined, "--hide-clusters (comma-separated cluster ids)", /^-?\d+$/).map(Number);
  return filter;
}

function exportedAtFrom(flag: string | undefined): string {
  if (flag !== undefined) {
    const t = Date.parse(flag);
    if (Number.isNaN(t)) throw new UsageError(`--exported-at must be an ISO date/time such as 2024-05-01T12:00:00Z; got "${flag}"`);
    return new Date(t).toISOString();
  }
  // Reproducible builds convention: a fixed clock from the environment.
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

export async function runExport(argv: string[], io: ExportIO): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  let values;
  try {
    values = parseFlags({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        format: { type: "string", multiple: true },
        out: { type: "string" },
        in: { type: "string" },
        "exported-at": { type: "string" },
        "no-legend": { type: "boolean" },
        "color-mode": { type: "string" },
        "community-level": { type: "string" },
        "cluster-level": { type: "string" },
        dark: { type: "boolean" },
        "include-large": { type: "boolean" },
        quiet: { type: "boolean" },
        lens: { type: "string" },
        kinds: { type: "string" },
        years: { type: "string" },
        "include-undated": { type: "boolean" },
        "no-undated": { type: "boolean" },
        "min-shared": { type: "string" },
        "hide-clusters": { type: "string" },
        "cluster-mode": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    io.stderr(`papergraph export: ${(e as Error).message}\n\n${EXPORT_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(EXPORT_USAGE + "\n");
    return 0;
  }
  const log = (s: string) => {
    if (!values.quiet) io.stderr(s + "\n");
  };

  let formats: ExportFormat[];
  let filter: ViewFilter | null;
  let exportedAt: string;
  let colorMode: ColorMode;
  const levelFlags: { community?: number; topicCluster?: number } = {};
  try {
    for (const [flag, mode] of [["community-level", "community"], ["cluster-level", "topicCluster"]] as const) {
      const v = values[flag];
      if (v === undefined) continue;
      if (!/^\d+$/.test(v.trim())) throw new UsageError(`--${flag} must be a level number (0, 1, 2, ...); got "${v}"`);
      levelFlags[mode] = Number(v.trim());
    }
    const requested = (values.format ?? []).flatMap((f) => f.split(",")).map((f) => f.trim().toLowerCase()).filter(Boolean);
    if (!requested.length) throw new UsageError(`say which format(s) to write with --format (${EXPORT_FORMATS.join(", ")} or all)`);
    const unknown = requested.filter((f) => f !== "all" && !isExportFormat(f));
    if (unknown.length) throw new UsageError(`unknown format ${unknown.map((f) => `"${f}"`).join(", ")}; valid formats: ${EXPORT_FORMATS.join(", ")} (or all)`);
    formats = requested.includes("all") ? [...EXPORT_FORMATS] : [...new Set(requested as ExportFormat[])];
    if (!values.out) throw new UsageError("say where to write with --out DIR");
    filter = buildFilter(values);
    const cm = values["color-mode"] ?? "auto";
    if (!isColorMode(cm)) throw new UsageError(`--color-mode must be one of ${COLOR_MODES.join(", ")}; got "${cm}"`);
    colorMode = cm;
    exportedAt = exportedAtFrom(values["exported-at"]);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`papergraph export: ${e.message}\n\nRun "npm run export -- --help" for the options.\n`);
      return 2;
    }
    throw e;
  }

  const inPath = values.in ?? "public/data/graph.json";
  const inAbs = path.resolve(cwd, inPath);
  let text: string;
  try {
    text = await readFile(inAbs, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(
      code === "ENOENT"
        ? `papergraph export: ${inPath} not found; run \`npm run graph\` first (or pass --in FILE)\n`
        : `papergraph export: cannot read ${inPath} (${code ?? (e as Error).message})\n`,
    );
    return 1;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    io.stderr(`papergraph export: ${inPath} is not valid JSON (${(e as Error).message}); rebuild it with \`npm run graph\`\n`);
    return 1;
  }
  const checked = validateGraphFile(json);
  if (!checked.ok) {
    io.stderr(`papergraph export: ${inPath} is not a papergraph graph file:\n  ${checked.errors.join("\n  ")}\n`);
    return 1;
  }
  for (const w of checked.warnings) log(`papergraph export: warning: ${w}`);
  let graph: Graph;
  try {
    graph = Graph.from(checked.file as unknown as Parameters<typeof Graph.from>[0]);
  } catch (e) {
    io.stderr(`papergraph export: ${inPath} cannot be loaded as a graph (${(e as Error).message}); rebuild it with \`npm run graph\`\n`);
    return 1;
  }

  for (const [mode, flag] of [["community", "community-level"], ["topicCluster", "cluster-level"]] as const) {
    const level = levelFlags[mode];
    if (level === undefined) continue;
    const n = levelCount(graph.getAttributes(), mode);
    if (level >= n) {
      io.stderr(`papergraph export: --${flag} ${level} does not exist in ${inPath}: it has ${n === 1 ? "no ladder (level 0 only; rebuild it with `npm run graph`)" : `levels 0 to ${n - 1}`}\n`);
      return 2;
    }
  }
  const view: ExportView | null = filter ? { filter } : null;
  const generator = `${typeof graph.getAttribute("generator") === "string" ? graph.getAttribute("generator") : "papergraph"} export`;
  // The whole graph reads as the full lens: "auto" colours it by research cluster.
  const provenance = makeProvenance(graph, view, { exportedAt, generator, colorMode: resolveColorMode(colorMode, filter?.lens ?? "full") });
  const outDir = path.resolve(cwd, values.out!);
  try {
    await mkdir(outDir, { recursive: true });
  } catch (e) {
    io.stderr(`papergraph export: cannot create ${values.out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
    return 1;
  }
  log(`papergraph export: ${inPath} (${graph.order} nodes, ${graph.size} edges), ${filter ? "filtered view" : "whole graph"}`);
  for (const format of formats) {
    const t0 = performance.now();
    const result = exportGraph(format, graph, view, provenance, { legend: !values["no-legend"], dark: values.dark === true, levels: levelFlags });
    for (const f of result.files) {
      const target = path.join(outDir, f.name);
      try {
        await writeFile(target, f.content);
      } catch (e) {
        io.stderr(`papergraph export: cannot write ${target} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
        return 1;
      }
      const bytes = typeof f.content === "string" ? Buffer.byteLength(f.content) : f.content.byteLength;
      log(`  ${format.padEnd(9)} ${path.relative(cwd, target) || target}  ${(bytes / 1024).toFixed(1)} KiB`);
    }
    log(`  ${format.padEnd(9)} done in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  return 0;
}

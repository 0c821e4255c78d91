/**
 * Pipeline benchmark (`npm run bench`): runs runPipeline over a seeded synthetic corpus and prints, per size, the CPU
 * time of every phase (and of the graph phase's steps), total CPU and wall time, peak resident memory, the graph's
 * size and the size of graph.json, then the scaling exponent of every phase between consecutive sizes.
 *
 *   npm run bench                          1,000 and 10,000 papers of the field corpus
 *   npm run bench -- 1k 10k 100k           any sizes (k and M suffixes allowed); `field-scale` = 1k 10k 100k
 *   npm run bench -- 1M                    a million papers (completes, or stops early naming the limit)
 *   npm run bench -- --corpus profile      the profile-page corpus (bench/synthetic/generate-corpus.ts)
 *   npm run bench -- --steps               also every step of every phase
 *   npm run bench -- --json FILE           also the figures as JSON
 *
 * Corpora: `field` (default) is Web of Science plain text with complete bylines (bench/synthetic/field-corpus.ts:
 * heavy-tailed bylines and groups, ~1.3 people per paper, consortium papers); `profile` is the profile-page corpus.
 * Each corpus is generated once into tmp/bench/<corpus>-<papers>-s<seed>/ (in its own process, streamed file by file)
 * and read from there like the CLI reads its inputs, so corpus generation neither costs time nor inflates peak memory.
 *
 * Measuring: each size runs in a fresh child process. On a shared machine wall time mostly measures the neighbours'
 * load, so the child replaces performance.now (which run.ts reads for result.timings) with a CPU-time clock
 * (process.cpuUsage, user + system, all threads): the per-phase figures are CPU seconds. Peak memory is the kernel's
 * high-water mark of the child's resident set (process.resourceUsage().maxRSS) when the build returns, input text
 * included. Then what the CLI writes is made from the build's GraphView and timed apart (not in the total): graph.json's
 * bytes, counted chunk by chunk as the CLI streams them (never one string), and the explorer's files, each counted and
 * dropped as it is made, as the CLI writes each to disk.
 * The exponent of a phase between sizes n1 < n2 is log(t2 / t1) / log(n2 / n1): 1 is linear; 1.1 is n log n-like.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getHeapStatistics } from "node:v8";
import { fileURLToPath } from "node:url";
import { graphJsonChunks } from "../src/cli/graph-json-stream";
import { streamExplorerFiles } from "../src/exporters/explorer-files";
import type { GraphView } from "../src/pipeline/graph";
import { resolveOptions } from "../src/pipeline/options";
import type { ProgressEvent } from "../src/pipeline/progress";
import type { InputDocument } from "../src/pipeline/records";
import { runPipeline } from "../src/pipeline/run";
import { fieldCorpusFiles, generateCorpus } from "../bench/synthetic";

const DEFAULT_SIZES = [1000, 10000];
const PRESETS: Record<string, number[]> = { "field-scale": [1000, 10000, 100000] };
const PHASES = ["read", "identity", "topics", "clusters", "graph"] as const;

interface Report {
  papers: number;
  corpus: string;
  files: number;
  records: number;
  inputMB: number;
  timings: Record<string, number>;
  steps: Record<string, number>;
  cpuMs: number;
  wallMs: number;
  peakRssMB: number;
  heapUsedMB: number;
  /** Largest heap in use seen at any progress event (garbage included), and the build's own estimate of its need. */
  peakHeapMB: number;
  estimatedHeapMB: number;
  /** Largest heap in use seen during each phase (MB). */
  phaseHeapMB: Record<string, number>;
  /** What the build counted after reading (build-size.ts). */
  size?: { records: number; authorNames: number; coauthorPairs: number; textUnits: number; heapBytes: number };
  outputMB: number;
  /** Writing after the build (not in the total): CPU of graph.json's bytes and of the explorer files, and the peak RSS by then. */
  write?: { graphJsonMs: number; explorerMs: number; explorerMB: number; peakRssMB: number };
  graph: { nodes: number; edges: number; authors: number; papers: number; topics: number; coauthorEdges: number; betweenness: string };
  error?: string;
}

const wallClock = performance.now.bind(performance);
const self = fileURLToPath(import.meta.url);
const root = join(self, "..", "..");

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s);
  if (!m) throw new Error(`not a size: "${s}" (e.g. 1000, 10k, 1M)`);
  return Math.round(Number(m[1]) * (m[2]!.toLowerCase() === "k" ? 1e3 : m[2]!.toLowerCase() === "m" ? 1e6 : 1));
}

function corpusDir(corpus: string, papers: number, seed: number): string {
  return join(root, "tmp", "bench", `${corpus}-${papers}-s${seed}`);
}

/** Writes the corpus file by file (child mode "generate"); a finished folder is renamed into place. */
function generate(corpus: string, papers: number, seed: number): void {
  const dir = corpusDir(corpus, papers, seed);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const docs: Iterable<InputDocument> = corpus === "field" ? fieldCorpusFiles({ papers, seed }) : generateCorpus({ papers, seed });
  for (const d of docs) {
    const path = join(partial, d.file.replace(/\//g, "__"));
    mkdirSync(partial, { recursive: true });
    writeFileSync(path, d.text);
  }
  renameSync(partial, dir);
}

function readCorpus(dir: string): InputDocument[] {
  const decoder = new TextDecoder();
  return readdirSync(dir)
    .sort()
    .map((name) => ({ file: name.replace(/__/g, "/"), text: decoder.decode(readFileSync(join(dir, name))) }));
}

/** Bytes of graph.json as the CLI writes it (streamed from the build's GraphView), counted chunk by chunk. */
function graphJsonBytes(view: GraphView): number {
  let bytes = 0;
  for (const chunk of graphJsonChunks(view)) bytes += Buffer.byteLength(chunk);
  return bytes;
}

function measure(corpus: string, papers: number, seed: number): Report {
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const wall0 = wallClock();
  const documents = readCorpus(corpusDir(corpus, papers, seed));
  const inputMB = documents.reduce((s, d) => s + d.text.length, 0) / 1e6;
  performance.now = cpuNow;
  const steps: Record<string, number> = {};
  let current: string | null = null;
  let since = 0;
  let peakHeap = 0;
  const phaseHeapMB: Record<string, number> = {};
  const onProgress = (e: ProgressEvent) => {
    const heap = process.memoryUsage().heapUsed;
    peakHeap = Math.max(peakHeap, heap);
    phaseHeapMB[e.phase] = Math.max(phaseHeapMB[e.phase] ?? 0, Math.round(heap / 1e6));
    const name = `${e.phase}${e.step ? `: ${e.step}` : ""}`;
    if (name === current) return;
    const t = cpuNow();
    if (current) steps[current] = (steps[current] ?? 0) + t - since;
    current = e.finished ? null : name;
    since = t;
  };
  const base: Omit<Report, "timings" | "steps" | "cpuMs" | "wallMs" | "peakRssMB" | "heapUsedMB" | "peakHeapMB" | "estimatedHeapMB" | "phaseHeapMB" | "outputMB" | "graph"> = {
    papers, corpus, files: documents.length, records: 0, inputMB,
  };
  const cpu0 = cpuNow();
  const finish = (rest: Partial<Report>): Report => ({
    ...base,
    timings: {},
    steps,
    cpuMs: cpuNow() - cpu0,
    wallMs: wallClock() - wall0,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1e6,
    peakHeapMB: peakHeap / 1e6,
    estimatedHeapMB: 0,
    phaseHeapMB,
    outputMB: 0,
    graph: { nodes: 0, edges: 0, authors: 0, papers: 0, topics: 0, coauthorEdges: 0, betweenness: "" },
    ...rest,
  });
  let result;
  try {
    result = runPipeline({ documents }, resolveOptions({}), { onProgress, heapLimitBytes: getHeapStatistics().heap_size_limit, releaseInput: true });
  } catch (error) {
    return finish({ error: error instanceof Error ? error.message : String(error) });
  }
  const cpuMs = cpuNow() - cpu0;
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  base.records = result.size.records;
  const g = result.view;
  const counts = g.getAttribute("counts");
  const coauthorEdges = countCoauthorEdges(g);
  // What the CLI writes after the build, from the same view: graph.json (counted, not stored) and the explorer files.
  const write0 = cpuNow();
  const outputMB = graphJsonBytes(g) / 1e6;
  const write1 = cpuNow();
  // Streamed and counted as the CLI writes them (each file dropped once made), not all held at once.
  let explorerBytes = 0;
  streamExplorerFiles(g, (f) => (explorerBytes += f.bytes.length));
  const explorerMB = explorerBytes / 1e6;
  const write = { graphJsonMs: write1 - write0, explorerMs: cpuNow() - write1, explorerMB, peakRssMB: process.resourceUsage().maxRSS / 1024 };
  return finish({
    peakRssMB,
    write,
    timings: result.timings,
    estimatedHeapMB: result.size.heapBytes / 1e6,
    size: result.size,
    cpuMs,
    outputMB,
    graph: { nodes: g.order, edges: g.size, authors: counts.authors, papers: counts.papers, topics: counts.topics, coauthorEdges, betweenness: g.getAttribute("betweenness") as string },
  });
}

function countCoauthorEdges(view: GraphView): number {
  let n = 0;
  view.forEachEdge((_k, a) => {
    if (a.kind === "coauthor") n++;
  });
  return n;
}

const s = (ms: number) => (ms / 1000).toFixed(2);

function print(r: Report, withSteps: boolean): void {
  const lines = [`${r.papers.toLocaleString("en-US")} papers (${r.corpus}): ${r.files} files, ${r.records.toLocaleString("en-US")} records, ${r.inputMB.toFixed(1)} MB of text`];
  if (r.error) lines.push(`  stopped: ${r.error}`);
  lines.push(
    `  CPU per phase (s): ${PHASES.map((p) => `${p} ${s(r.timings[p] ?? 0)}`).join(", ")}`,
    `  largest heap in use per phase (MB): ${PHASES.map((p) => `${p} ${r.phaseHeapMB[p] ?? "-"}`).join(", ")}`,
    `  total ${s(r.cpuMs)} s CPU (${s(r.wallMs)} s wall, reading files included); peak RSS ${r.peakRssMB.toFixed(0)} MB; ` +
      `peak heap ${r.peakHeapMB.toFixed(0)} MB (estimated need ${r.estimatedHeapMB.toFixed(0)} MB); heap used at end ${r.heapUsedMB.toFixed(0)} MB`,
    `  graph: ${r.graph.nodes.toLocaleString("en-US")} nodes (${r.graph.authors} authors, ${r.graph.papers} papers, ${r.graph.topics} topics), ` +
      `${r.graph.edges.toLocaleString("en-US")} edges (${r.graph.coauthorEdges.toLocaleString("en-US")} co-author), betweenness ${r.graph.betweenness}; graph.json ${r.outputMB.toFixed(1)} MB`,
  );
  if (r.write) {
    lines.push(
      `  writing after the build (not in the total): graph.json ${s(r.write.graphJsonMs)} s CPU, explorer files ${s(r.write.explorerMs)} s CPU ` +
        `(${r.write.explorerMB.toFixed(1)} MB); peak RSS by then ${r.write.peakRssMB.toFixed(0)} MB`,
    );
  }
  const ranked = Object.entries(r.steps).sort((a, b) => b[1] - a[1]);
  const shown = withSteps ? ranked : ranked.filter(([k]) => k.startsWith("graph")).slice(0, 8);
  lines.push(`  ${withSteps ? "steps" : "graph steps"} (CPU s): ${shown.map(([k, v]) => `${withSteps ? k : k.replace(/^graph: /, "")} ${s(v)}`).join(", ")}`);
  process.stdout.write(lines.join("\n") + "\n");
}

function printExponents(reports: Report[]): void {
  const ok = reports.filter((r) => !r.error).sort((a, b) => a.papers - b.papers);
  if (ok.length < 2) return;
  process.stdout.write("scaling exponent per phase, log(t2/t1) / log(n2/n1) (1 = linear):\n");
  for (let i = 1; i < ok.length; i++) {
    const [a, b] = [ok[i - 1]!, ok[i]!];
    const e = (x: number, y: number) => (x > 0 && y > 0 ? (Math.log(y / x) / Math.log(b.papers / a.papers)).toFixed(2) : "-");
    const parts = PHASES.map((p) => `${p} ${e(a.timings[p] ?? 0, b.timings[p] ?? 0)}`);
    parts.push(`total ${e(a.cpuMs, b.cpuMs)}`, `peak RSS ${e(a.peakRssMB, b.peakRssMB)}`);
    process.stdout.write(`  ${a.papers} -> ${b.papers}: ${parts.join(", ")}\n`);
  }
}

function main(args: string[]): void {
  if (args[0] === "--generate") return generate(args[1]!, Number(args[2]), Number(args[3]));
  if (args[0] === "--child") {
    process.stdout.write(JSON.stringify(measure(args[1]!, Number(args[2]), Number(args[3]))) + "\n");
    return;
  }
  let corpus = "field";
  let seed = 1;
  let json: string | null = null;
  let withSteps = false;
  const sizes: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--corpus") corpus = args[++i] ?? "";
    else if (a === "--seed") seed = Number(args[++i]);
    else if (a === "--json") json = args[++i] ?? null;
    else if (a === "--steps") withSteps = true;
    else if (PRESETS[a]) sizes.push(...PRESETS[a]!);
    else sizes.push(parseSize(a));
  }
  if (corpus !== "field" && corpus !== "profile") throw new Error(`--corpus must be field or profile; got "${corpus}"`);
  const run = (mode: string, papers: number) =>
    execFileSync(process.execPath, [...process.execArgv, self, mode, corpus, String(papers), String(seed)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 26,
    });
  process.stdout.write(`papergraph pipeline benchmark (${corpus} corpus, seed ${seed}, default options; CPU seconds)\n`);
  const reports: Report[] = [];
  for (const papers of sizes.length ? sizes : DEFAULT_SIZES) {
    if (!existsSync(corpusDir(corpus, papers, seed))) run("--generate", papers);
    // A fresh process per size, so one size's peak memory and JIT state do not colour the next.
    const r = JSON.parse(run("--child", papers).trim().split("\n").pop()!) as Report;
    print(r, withSteps);
    reports.push(r);
  }
  printExponents(reports);
  if (json) writeFileSync(json, JSON.stringify(reports, null, 2) + "\n");
}

main(process.argv.slice(2));

/**
 * The graph stage alone, for profiling (issue 10): `prepare` runs read, identity, topics and clusters once on a bench
 * corpus and stores buildGraph's input (v8.serialize, so Maps and typed arrays survive); `run` loads it and runs
 * buildGraphView, printing CPU seconds and the heap per step (with `--gc`, a full collection before each step, so the
 * figure is the live heap, not garbage), and optionally writing graph.json's bytes (`--write FILE`) to compare two
 * implementations with cmp. Run `run` under `node --cpu-prof` (through tsx) for a profile of the graph stage only.
 *
 *   npx tsx scripts/profile-graph.ts prepare tmp/bench/field-10000-s1 /tmp/graph-input-10k.bin
 *   node --expose-gc --import tsx scripts/profile-graph.ts run /tmp/graph-input-10k.bin [--gc] [--write FILE]
 *     [--explorer] [--graphology]   also time the explorer's files, and a graphology copy of the graph
 */
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { graphJsonChunks } from "../src/cli/graph-json-stream";
import { buildGraphView } from "../src/pipeline/graph";
import { writeExplorerFiles } from "../src/exporters/explorer-files";
import { resolveOptions } from "../src/pipeline/options";
import { compareStrings } from "../src/model/compare";
import { readDocument } from "../src/pipeline/formats";
import { resolveIdentity } from "../src/pipeline/identity";
import type { InputDocument } from "../src/pipeline/records";
import { analyseTopics, clusterTopics } from "../src/pipeline/topics";
import type { GraphBuildInput } from "../src/pipeline/graph/types";

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const mb = (b: number) => (b / 1e6).toFixed(0);

function prepare(dir: string, out: string): void {
  const documents = readdirSync(dir)
    .sort()
    .map((name) => ({ file: name.replace(/__/g, "/"), text: readFileSync(join(dir, name), "utf8") }));
  writeFileSync(out, serialize(graphInput(documents)));
}

/** runPipeline's phases before the graph (without thesaurus and the identity diagnostics' move to their files). */
function graphInput(documents: InputDocument[]): GraphBuildInput {
  const options = resolveOptions({});
  const parsed = [...documents].sort((a, b) => compareStrings(a.file, b.file)).map(readDocument);
  const identity = resolveIdentity(parsed, {});
  const topicInput = identity.papers.map((p) => ({
    key: p.key, title: p.title, abstract: p.abstract, keywords: p.keywords, indexKeywords: p.indexKeywords, meshTerms: p.meshTerms,
  }));
  const { topics, analysis } = analyseTopics(topicInput, { maxTopics: options.maxTopics, topicsPerPaper: options.topicsPerPaper, seed: options.seed, thesaurus: [] });
  const clusters = clusterTopics(topicInput, topics, { seed: options.seed, resolution: options.clusterResolution, analysis });
  const sources = parsed.map((d) => ({ file: d.file, format: d.format, records: d.records.length, diagnostics: d.diagnostics }));
  return { identity, topics, clusters, sources };
}

async function run(file: string, args: string[]): Promise<void> {
  const input = deserialize(readFileSync(file)) as GraphBuildInput;
  const collect = args.includes("--gc") ? (globalThis as { gc?: () => void }).gc : undefined;
  const writeTo = args.includes("--write") ? args[args.indexOf("--write") + 1] : undefined;
  collect?.();
  collect?.();
  const base = used();
  const rows: { step: string; cpu: number; heap: number; peak: number }[] = [];
  let current = "start";
  let since = cpu();
  let peak = 0;
  const close = (next: string) => {
    const t = cpu();
    collect?.();
    const heap = used() - base;
    rows.push({ step: current, cpu: t - since, heap, peak: Math.max(peak, heap) });
    current = next;
    peak = 0;
    since = cpu();
  };
  const t0 = cpu();
  const graph = buildGraphView(input, resolveOptions({}), (step) => {
    const name = step.replace(/^edges: .*/, "graphology edges");
    peak = Math.max(peak, used() - base);
    if (name !== current) close(name);
  });
  close("end");
  const total = cpu() - t0;
  const merged = new Map<string, { cpu: number; heap: number; peak: number }>();
  for (const r of rows) {
    const m = merged.get(r.step) ?? { cpu: 0, heap: 0, peak: 0 };
    merged.set(r.step, { cpu: m.cpu + r.cpu, heap: r.heap, peak: Math.max(m.peak, r.peak) });
  }
  // Heap figures from the lowest point of the run (the input alone, once the file's bytes are collected).
  const floor = Math.min(0, ...rows.map((r) => r.heap));
  process.stdout.write(`step, CPU s, heap + array buffers after it, largest seen during it (MB above the input alone)\n`);
  for (const [step, m] of merged) {
    process.stdout.write(`${step.padEnd(40)} ${m.cpu.toFixed(2).padStart(7)} ${mb(m.heap - floor).padStart(7)} ${mb(m.peak - floor).padStart(7)}\n`);
  }
  process.stdout.write(`buildGraph ${total.toFixed(2)} s CPU; ${graph.order} nodes, ${graph.size} edges; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  if (writeTo) {
    const t = cpu();
    const stream = createWriteStream(writeTo);
    for (const chunk of graphJsonChunks(graph)) if (!stream.write(chunk)) await new Promise<void>((r) => stream.once("drain", () => r()));
    await new Promise<void>((r) => stream.end(() => r()));
    process.stdout.write(`graph.json written in ${(cpu() - t).toFixed(2)} s CPU\n`);
  }
  if (args.includes("--explorer")) {
    const t = cpu();
    const files = writeExplorerFiles(graph);
    process.stdout.write(`explorer files (${files.length}, ${mb(files.reduce((n, f) => n + f.bytes.length, 0))} MB) made in ${(cpu() - t).toFixed(2)} s CPU\n`);
  }
  if (args.includes("--graphology")) {
    const t = cpu();
    const g = graph.toGraphology();
    process.stdout.write(`graphology copy (${g.size} edges) made in ${(cpu() - t).toFixed(2)} s CPU\n`);
  }
  process.stdout.write(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "prepare") prepare(rest[0]!, rest[1]!);
else if (mode === "run") await run(rest[0]!, rest.slice(1));
else process.stderr.write("usage: profile-graph.ts prepare DIR OUT | run FILE [--gc] [--write FILE]\n");

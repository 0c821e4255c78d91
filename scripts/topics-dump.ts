/**
 * The topic stage alone, for measuring it and for proving that a faster implementation gives the same result.
 *
 *   npx tsx scripts/topics-dump.ts prepare tmp/bench/field-10000-s1 tmp/topics-input-10000.json
 *       reads the corpus and resolves identity once, and writes the topic stage's input (what run.ts hands it)
 *   node --expose-gc --import tsx scripts/topics-dump.ts dump tmp/topics-input-10000.json tmp/out.json [--root DIR]
 *       runs analyseTopics and clusterTopics (with that analysis, as run.ts does) (from DIR/pipeline/topics, default src/), prints CPU seconds and the largest
 *       heap in use per step, and writes both results as JSON (Maps as entry lists), so two implementations diff
 *       byte for byte: `cmp tmp/out-base.json tmp/out.json`. DIR may be an archived older tree
 *       (`git archive <commit> src | tar -x -C tmp/base`, then --root tmp/base/src).
 *       --ballast MB keeps about MB megabytes of small live objects on the heap while the stage runs, as the rest of the
 *       pipeline does in a real build (records, identity: 2.8 GB at 100,000 papers), so garbage collection costs what it
 *       costs there; the GC column is the collector's wall time during each step.
 *
 * Build options as runPipeline uses them with the defaults (options.ts): seed 42, 150 topics, 6 per paper, resolution 1.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PerformanceObserver, performance } from "node:perf_hooks";

const [mode, from, to, ...rest] = process.argv.slice(2);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const mb = (bytes: number) => bytes / 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function prepare(dir: string, out: string): Promise<void> {
  const { readDocument } = await import("../src/pipeline/formats");
  const { resolveIdentity } = await import("../src/pipeline/identity");
  const docs = readdirSync(dir)
    .sort()
    .map((file) => readDocument({ file, text: readFileSync(join(dir, file), "utf8") }));
  const identity = resolveIdentity(docs, {});
  const papers = identity.papers.map((p) => ({
    key: p.key,
    title: p.title,
    abstract: p.abstract,
    keywords: p.keywords,
    indexKeywords: p.indexKeywords,
    meshTerms: p.meshTerms,
  }));
  writeFileSync(out, JSON.stringify(papers));
  console.log(`${papers.length} papers -> ${out}`);
}

const entries = (m: Map<string, unknown>) => [...m.entries()];

/** About `mb` megabytes of live records-like objects (a short string, numbers and a small array each). */
function ballastOf(mb: number): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < mb * 5400; i++) out.push({ name: `person ${i}`, id: i, weight: i / 3, tags: [i, i + 1] });
  return out;
}

async function dump(input: string, out: string, root: string, ballastMB: number): Promise<void> {
  const topicsModule = await import(pathToFileURL(join(resolve(root), "pipeline", "topics", "index.ts")).href);
  const papers = JSON.parse(readFileSync(input, "utf8"));
  const ballast = ballastOf(ballastMB);
  const gcPauses: { start: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, duration: e.duration });
  });
  observer.observe({ entryTypes: ["gc"] });
  gc();
  const baseHeap = process.memoryUsage().heapUsed;
  const steps = new Map<string, { cpu: number; heap: number; gc: number }>();
  const boundaries: { at: number; name: string }[] = [];
  let current = "";
  let since = cpu();
  let peak = baseHeap;
  const progress = (phase: string) => (step: string) => {
    const name = `${phase}: ${step.replace(/ \(Louvain \d+ of \d+\)/, " (Louvain)")}`;
    const heap = process.memoryUsage().heapUsed;
    if (heap > peak) peak = heap;
    if (name === current) {
      const s = steps.get(current)!;
      if (heap > s.heap) s.heap = heap;
      return;
    }
    const t = cpu();
    if (current) steps.get(current)!.cpu += t - since;
    since = t;
    current = name;
    boundaries.push({ at: performance.now(), name });
    if (!steps.has(name)) steps.set(name, { cpu: 0, heap, gc: 0 });
  };
  const c0 = cpu();
  // As run.ts does: the clusters reuse the topics' analysis instead of tokenising the corpus again.
  const { topics, analysis } = topicsModule.analyseTopics(papers, { maxTopics: 150, topicsPerPaper: 6, seed: 42, thesaurus: [], progress: progress("topics") });
  const c1 = cpu();
  const topicsPeak = peak;
  const clusters = topicsModule.clusterTopics(papers, topics, { seed: 42, resolution: 1, progress: progress("clusters"), analysis });
  const c2 = cpu();
  steps.get(current)!.cpu += c2 - since;
  const peakAll = Math.max(peak, process.memoryUsage().heapUsed);
  gc();
  const retained = process.memoryUsage().heapUsed - baseHeap;
  const endAt = performance.now();
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  for (const p of gcPauses) {
    if (p.start > endAt) continue;
    let step: string | undefined;
    for (const b of boundaries) if (b.at <= p.start) step = b.name;
    if (step) steps.get(step)!.gc += p.duration / 1000;
  }
  const gcTotal = [...steps.values()].reduce((s, x) => s + x.gc, 0);

  console.log(`${papers.length} papers, root ${root}${ballastMB ? `, ${ballastMB} MB ballast` : ""}`);
  console.log(`  CPU s   GC s   heap MB`);
  for (const [name, s] of steps) {
    console.log(`  ${s.cpu.toFixed(2).padStart(7)} ${s.gc.toFixed(2).padStart(6)} ${mb(s.heap - baseHeap).toFixed(0).padStart(6)}  ${name}`);
  }
  console.log(`topics ${(c1 - c0).toFixed(2)} s CPU, clusters ${(c2 - c1).toFixed(2)} s CPU, together ${(c2 - c0).toFixed(2)} s (GC ${gcTotal.toFixed(2)} s)`);
  console.log(
    `heap in use before ${mb(baseHeap).toFixed(0)} MB; largest extra: topics ${mb(topicsPeak - baseHeap).toFixed(0)} MB, ` +
      `clusters ${mb(peakAll - baseHeap).toFixed(0)} MB; retained after both (vocabulary cached with the result) ${mb(retained).toFixed(0)} MB`,
  );
  const result = {
    topics: { ...topics, paperTopics: entries(topics.paperTopics) },
    clusters: { ...clusters, paperCluster: entries(clusters.paperCluster), topicCluster: entries(clusters.topicCluster) },
  };
  writeFileSync(out, JSON.stringify(result, null, 1));
  void ballast;
}

const rootAt = rest.indexOf("--root");
const root = rootAt >= 0 ? rest[rootAt + 1]! : join(import.meta.dirname, "..", "src");
const ballastAt = rest.indexOf("--ballast");
const ballastMB = ballastAt >= 0 ? Number(rest[ballastAt + 1]) : 0;
if (mode === "prepare" && from && to) await prepare(from, to);
else if (mode === "dump" && from && to) await dump(from, to, root, ballastMB);
else {
  console.error("usage: topics-dump.ts prepare CORPUS_DIR INPUT.json | dump INPUT.json OUT.json [--root SRC_DIR] [--ballast MB]");
  process.exit(2);
}

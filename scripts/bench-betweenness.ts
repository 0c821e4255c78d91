/**
 * Sampled betweenness against exact betweenness (`npm run bench:betweenness`, issue 10's accuracy target): builds the
 * graph of a field corpus (bench/synthetic/field-corpus.ts, cached under tmp/bench/ by `npm run bench`), computes exact
 * Brandes betweenness on it once (every node a source), then the build's estimator (linear scaling, sources stratified
 * by node kind and degree class) and the uniform Brandes-Pich estimator it replaced, at the same number of sources over
 * several seeds, and prints per estimator: the top-100 overlap with exact, Spearman's rank correlation, and CPU time.
 *
 *   npm run bench:betweenness                       10,000 papers, 300 sources, seeds 1-5
 *   npm run bench:betweenness -- --papers 1000 --samples 300 --seeds 10
 *
 * The exact pass is O(N * M): about two minutes of CPU at 10,000 papers (23k nodes, 320k edges); its values are
 * cached under tmp/bench/.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import seedrandom from "seedrandom";
import { adjacencyOf } from "../src/pipeline/graph/centrality/undirected-view";
import { sourceStrata } from "../src/pipeline/graph/centrality";
import { sampledBetweenness, type BetweennessEstimator } from "../src/pipeline/graph/centrality/betweenness-sampled";
import { resolveOptions } from "../src/pipeline/options";
import { runPipeline } from "../src/pipeline/run";
import type { PaperGraph } from "../src/pipeline/graph/types";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const papers = arg("papers", 10_000);
const samples = arg("samples", 300);
const seeds = arg("seeds", 5);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const dir = join("tmp", "bench", `field-${papers}-s1`);
if (!existsSync(dir)) {
  console.error(`no cached corpus at ${dir}: run \`npm run bench -- ${papers}\` once first (it generates and caches it)`);
  process.exit(1);
}
const documents = readdirSync(dir).sort().map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
console.log(`building the graph of ${papers.toLocaleString("en-US")} field papers ...`);
const { graph } = runPipeline({ documents }, resolveOptions({}));
const adjacency = adjacencyOf(graph as PaperGraph);
const n = adjacency.nodes.length;
const KIND: Record<string, number> = { author: 0, paper: 1, topic: 2 };
const kinds = Uint8Array.from(adjacency.nodes, (key) => KIND[graph.getNodeAttribute(key, "kind") as string] ?? 3);
console.log(`${n.toLocaleString("en-US")} nodes, ${graph.size.toLocaleString("en-US")} edges; exact betweenness (every node a source) ...`);
let t = cpu();
// The exact values are cached beside the corpus (the graph is seeded, so the same corpus gives the same graph).
const cache = join(dir, "..", `exact-betweenness-${papers}-${n}-${graph.size}.f64`);
let exact: Float64Array;
if (existsSync(cache)) {
  exact = new Float64Array(new Uint8Array(readFileSync(cache)).buffer);
  console.log(`exact: read from ${cache}`);
} else {
  exact = sampledBetweenness(adjacency, { samples: n, rng: seedrandom("exact") });
  writeFileSync(cache, new Uint8Array(exact.buffer));
  console.log(`exact: ${(cpu() - t).toFixed(1)} s CPU`);
}

/** Ranks with ties averaged (for Spearman). */
function ranks(values: Float64Array): Float64Array {
  const order = Array.from(values.keys()).sort((a, b) => values[a]! - values[b]! || a - b);
  const r = new Float64Array(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}
function spearman(a: Float64Array, b: Float64Array): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length - 1) / 2;
  let num = 0, da = 0, db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean);
    da += (ra[i]! - mean) ** 2;
    db += (rb[i]! - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}
const top = (v: Float64Array, k: number) => new Set(Array.from(v.keys()).sort((a, b) => v[b]! - v[a]! || a - b).slice(0, k));
const exactTop = top(exact, 100);
const exactRanks = exact;

const variants: { name: string; estimator: BetweennessEstimator; strata: boolean }[] = [
  { name: "build (linear, stratified)", estimator: "linear", strata: true },
  { name: "uniform sources (Brandes-Pich)", estimator: "uniform", strata: false },
];
for (const v of variants) {
  const overlaps: number[] = [];
  const rhos: number[] = [];
  let seconds = 0;
  for (let s = 1; s <= seeds; s++) {
    t = cpu();
    const est = sampledBetweenness(adjacency, {
      samples, rng: seedrandom(`${s}:betweenness`), estimator: v.estimator, strata: v.strata ? sourceStrata(adjacency, kinds) : undefined,
    });
    seconds += cpu() - t;
    const estTop = top(est, 100);
    overlaps.push([...estTop].filter((i) => exactTop.has(i)).length / 100);
    rhos.push(spearman(est, exactRanks));
  }
  const range = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}-${f(Math.max(...xs))} (mean ${f(xs.reduce((a, b) => a + b, 0) / xs.length)})`;
  console.log(
    `${v.name}, ${samples} sources, ${seeds} seeds: top-100 overlap ${range(overlaps, (x) => `${(x * 100).toFixed(0)}%`)}, ` +
      `Spearman ${range(rhos, (x) => x.toFixed(3))}, ${(seconds / seeds).toFixed(2)} s CPU per run`,
  );
}

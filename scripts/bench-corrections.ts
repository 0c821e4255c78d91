/**
 * What applying identity corrections to a built graph costs (src/pipeline/corrections, as the explorer's worker runs
 * it on the prebuilt graph): on the field corpus's graph (bench/synthetic/field-corpus.ts, cached under tmp/bench/ by
 * `npm run bench`; the graph itself is cached beside it on the first run), a split of the most doubtful correctable
 * merge, a merge of the most doubtful near miss and a rename, one at a time and together, timed as the worker does
 * them: the compact files read back (every chunk) and prepared once, then per list the corrections and the compact
 * files written again. Prints CPU and wall time per step and the heap in use.
 * With --explorer, the same graph (or the seeds) is served in the built explorer and, in Debian's Chromium, the review
 * panel's most doubtful merge is split, undone and split again: per action the time from the click to the corrected
 * graph drawn, the long tasks (main-thread work over 50 ms) and the page's main-thread time by kind (CPU profiler).
 *
 *   npx tsx scripts/bench-corrections.ts                 10,000 papers
 *   npx tsx scripts/bench-corrections.ts --papers 1000
 *   npx tsx scripts/bench-corrections.ts --explorer      in the explorer (add --seeds for the seeds graph, --profile DIR
 *                                                        for a CPU profile per action and its top functions)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Graph from "graphology";
import { writeExplorerFiles } from "../src/exporters/explorer-files";
import { CompactGraph } from "../src/model/compact-graph";
import type { GraphAttributes } from "../src/model/graph-file";
import { mergeDecision, splitDecision, type Correction } from "../src/model/identity-corrections";
import { applyIdentityCorrections, prepareCorrections } from "../src/pipeline/corrections";
import { resolveOptions } from "../src/pipeline/options";
import { runPipeline } from "../src/pipeline/run";
import { benchExplorer } from "./bench/corrections-explorer";

const at = process.argv.indexOf("--papers");
const papers = at > 0 ? Number(process.argv[at + 1]) : 10_000;
const flag = (name: string) => process.argv.includes(name);
const option = (name: string) => (process.argv.indexOf(name) > 0 ? process.argv[process.argv.indexOf(name) + 1]! : null);

function graphOf(): Graph {
  const dir = join("tmp", "bench", `field-${papers}-s1`);
  const cached = `${dir}-graph.json`;
  if (existsSync(cached)) return Graph.from(JSON.parse(readFileSync(cached, "utf8")));
  if (!existsSync(dir)) throw new Error(`no cached corpus at ${dir}: run \`npm run bench -- ${papers}\` once first`);
  console.log(`building the graph of ${papers.toLocaleString("en-US")} field papers (cached in ${cached}) ...`);
  const documents = readdirSync(dir).sort().map((file) => ({ file, text: readFileSync(join(dir, file), "utf8") }));
  const { graph } = runPipeline({ documents }, resolveOptions({}));
  writeFileSync(cached, JSON.stringify(graph.export()));
  return graph;
}

function timed<T>(label: string, fn: () => T): T {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  console.log(`  ${label}: ${(wall / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
  return out;
}

async function main(): Promise<void> {
  if (flag("--explorer")) return benchExplorer(flag("--seeds") ? null : JSON.stringify(graphOf().export()), option("--profile"));
  const graph = graphOf();
  const review = (graph.getAttributes() as GraphAttributes).identityReview!;
  console.log(`${graph.order.toLocaleString("en-US")} nodes, ${graph.size.toLocaleString("en-US")} edges; review: ${review.merges.length} merges, ${review.keptApart.length} near misses`);
  const merge = review.merges.find((d) => d.correctable && d.sides.length >= 2);
  const miss = review.keptApart.find((d) => d.correctable && d.keys.length >= 2);
  const person = graph.findNode((_k, a) => a.kind === "author")!;
  const cases: [string, Correction[]][] = [];
  if (merge) cases.push([`split ${merge.sides.map((s) => s.join(" / ")).join(" from ")}`, [splitDecision(merge)]]);
  if (miss) cases.push([`merge ${miss.sides.map((s) => s[0]).join(" and ")}`, [mergeDecision(miss)]]);
  cases.push([`rename ${graph.getNodeAttribute(person, "name")}`, [{ kind: "rename", spelling: graph.getNodeAttribute(person, "name") as string, name: "Renamed Person" }]]);
  cases.push(["all three together", cases.flatMap(([, c]) => c)]);

  const files = timed("compact files written (once, as `npm run graph` does)", () => writeExplorerFiles(graph));
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  console.log(`  ${files.length} files, core.bin ${(files[0]!.bytes.length / 2 ** 20).toFixed(1)} MB`);
  // As the worker does: the graph as built read once (every chunk), then each list applied to it.
  const prepared = timed("graph as built read back (every chunk) and prepared, once per graph", () => {
    const r = CompactGraph.fromBytes(files[0]!.bytes, (name) => byName.get(name)!);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    void r.value.loadEverything();
    return prepareCorrections(r.value);
  });
  for (const [label, corrections] of cases) {
    console.log(label);
    const result = timed("corrections applied", () => applyIdentityCorrections(prepared, corrections));
    const out = timed("compact files written", () => writeExplorerFiles(result.graph));
    console.log(`  ${graph.order} -> ${result.graph.order} nodes, ${graph.size} -> ${result.graph.size} edges; ${out.length} files; notes: ${JSON.stringify(result.notes)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

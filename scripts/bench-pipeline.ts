/**
 * Pipeline benchmark (`npm run bench`): runs runPipeline over the synthetic corpus at 1,000 and 10,000 papers (or the
 * sizes given: `npm run bench -- 2000 5000`) and prints wall time per phase, total wall and CPU time, peak memory and
 * graph size.
 * Memory: the pipeline is one synchronous call, so a sampling timer could never fire during it; each size runs in a
 * fresh child process instead and reports the kernel's high-water mark of its resident memory
 * (process.resourceUsage().maxRSS), which includes the generated corpus, plus the heap in use at the end.
 * CPU time: on a shared machine wall time mostly measures the neighbours' load, so the child process replaces
 * performance.now (which run.ts reads for result.timings) with a CPU-time clock (process.cpuUsage, user + system, all
 * threads of the process): the per-phase figures are CPU seconds. Total wall time is measured with the real clock.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runPipeline } from "../src/pipeline/run";
import { resolveOptions } from "../src/pipeline/options";
import { generateCorpus } from "../bench/synthetic";

const SIZES = [1000, 10000];
const SEED = 1;

interface Report {
  papers: number;
  documents: number;
  inputMB: number;
  timings: Record<string, number>;
  totalMs: number;
  cpuMs: number;
  peakRssMB: number;
  heapUsedMB: number;
  graph: { nodes: number; edges: number; authors: number; papers: number; topics: number; betweenness: string };
}

const wallClock = performance.now.bind(performance);

function useCpuClock(): void {
  performance.now = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
}

function measure(papers: number): Report {
  const documents = generateCorpus({ papers, seed: SEED });
  const inputMB = documents.reduce((s, d) => s + d.text.length, 0) / 1e6;
  useCpuClock();
  const t0 = wallClock();
  const cpu0 = process.cpuUsage();
  const result = runPipeline({ documents }, resolveOptions({}));
  const cpu = process.cpuUsage(cpu0);
  const totalMs = wallClock() - t0;
  const g = result.graph;
  const counts = g.getAttribute("counts") as { authors: number; papers: number; topics: number };
  return {
    papers,
    documents: documents.length,
    inputMB,
    timings: result.timings,
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    // maxRSS is in kilobytes: the process's peak resident memory, corpus generation included.
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1e6,
    graph: { nodes: g.order, edges: g.size, ...counts, betweenness: g.getAttribute("betweenness") as string },
  };
}

function print(r: Report): void {
  const phases = Object.entries(r.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(", ");
  const lines = [
    `papers ${r.papers}: ${r.documents} profile pages, ${r.inputMB.toFixed(1)} MB of text`,
    `  CPU per phase: ${phases}`,
    `  total ${(r.totalMs / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU; peak RSS ${r.peakRssMB.toFixed(0)} MB; heap used at end ${r.heapUsedMB.toFixed(0)} MB`,
    `  graph: ${r.graph.nodes} nodes (${r.graph.authors} authors, ${r.graph.papers} papers, ${r.graph.topics} topics), ` +
      `${r.graph.edges} edges, betweenness ${r.graph.betweenness}`,
  ];
  process.stdout.write(lines.join("\n") + "\n");
}

const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
if (args[0] === "--child") {
  process.stdout.write(JSON.stringify(measure(Number(args[1]))) + "\n");
} else {
  const sizes = args.length ? args.map(Number) : SIZES;
  process.stdout.write(`papergraph pipeline benchmark (synthetic corpus, seed ${SEED}, default options)\n`);
  for (const papers of sizes) {
    // A fresh process per size, so one size's peak memory and JIT state do not colour the next.
    const out = execFileSync(process.execPath, [...process.execArgv, self, "--child", String(papers)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    });
    print(JSON.parse(out.trim().split("\n").pop()!) as Report);
  }
}

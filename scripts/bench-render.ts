/**
 * Render benchmark (`npx tsx scripts/bench-render.ts [runs]`): the built explorer in headless Chromium, for the seeds
 * graph and for the 10,000-paper synthetic graph. Prints figures, asserts nothing.
 *
 * Per graph: the graph.json size; per run (a fresh page each): time from navigation to the app's first complete
 * render (window.__papergraph.ready, read in the page against performance.timeOrigin), the graph.json fetch time
 * (Resource Timing), and frame times while the mouse drags the stage and the wheel zooms (requestAnimationFrame
 * deltas collected in the page for ~3 s): median, p95, max and frames per second.
 * Chromium draws WebGL with SwiftShader (CPU) here, so the figures are relative: compare graphs and commits on the
 * same machine, not with a GPU browser. The synthetic graph takes minutes to build; it is cached under
 * node_modules/.cache/papergraph-bench/ keyed by papers, seed and a hash of the pipeline's sources. The seeds graph
 * comes from the browser tests' cache (test/e2e/harness.ts, keyed by the same hash). BENCH_GRAPH=<file> uses that
 * graph file as the synthetic graph instead (no rebuild).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { resolveOptions } from "../src/pipeline/options";
import { runPipeline } from "../src/pipeline/run";
import { generateCorpus } from "../bench/synthetic";
import { ROOT, buildApp, buildSeedsGraph, hooks, inputsHash, launch, serveVariant, waitReady, watchPage } from "../test/e2e/harness";

const SYNTHETIC = { papers: 10_000, seed: 1 };
const VIEWPORT = { width: 1400, height: 900 };
const PAN_MS = 1500;
const ZOOM_MS = 1500;
const RUNS = Number(process.argv[2] ?? 3);

const log = (s: string) => process.stderr.write(s + "\n");

async function syntheticGraph(papers: number, seed: number): Promise<string> {
  // BENCH_GRAPH=<file> pins the synthetic graph: comparing renderer commits while someone edits the pipeline would
  // otherwise rebuild it (minutes) and change the input between the "before" and "after" runs.
  const pinned = process.env.BENCH_GRAPH;
  if (pinned) {
    log(`synthetic graph: pinned ${pinned}`);
    return readFile(pinned, "utf8");
  }
  const dir = path.join(ROOT, "node_modules/.cache/papergraph-bench");
  // Keyed by the pipeline's sources too (the harness's input hash), so a changed pipeline rebuilds it.
  const file = path.join(dir, `graph-${papers}-seed${seed}-${await inputsHash()}.json`);
  if (existsSync(file)) {
    log(`synthetic graph: cached ${path.relative(ROOT, file)}`);
    return readFile(file, "utf8");
  }
  log(`synthetic graph: building ${papers} papers (seed ${seed}); this takes a few minutes, once`);
  const t0 = performance.now();
  const result = runPipeline({ documents: generateCorpus({ papers, seed }) }, resolveOptions({}));
  const json = JSON.stringify(result.graph.export()) + "\n";
  log(`synthetic graph: built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  await mkdir(dir, { recursive: true });
  await writeFile(file, json);
  return json;
}

interface Run {
  readyMs: number;
  fetchMs: number | null;
  /** Frame times (ms) while dragging, then while wheel-zooming. */
  pan: number[];
  zoom: number[];
  durationMs: number;
  nodes: number;
  edges: number;
  rendered: number | null;
  messages: string[];
}

/**
 * In-page code is passed as source text: tsx compiles this file with esbuild's keepNames, which wraps named inner
 * functions in a __name() helper that does not exist in the page.
 */
// Installed before the app's scripts: records when `ready` first turns true, polled every frame.
const READY_PROBE = `(() => {
  const tick = () => {
    if (window.__papergraph && window.__papergraph.ready) window.__benchReadyAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

// Collects requestAnimationFrame timestamps and deltas ([t, dt] pairs) until __benchStop is set.
const FRAME_RECORDER = `(() => {
  window.__benchFrames = [];
  window.__benchStop = false;
  let last = 0;
  const tick = (t) => {
    window.__benchFrames.push([t, t - last]);
    last = t;
    if (!window.__benchStop) requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(tick);
  });
})()`;

async function measure(browser: Browser, url: string): Promise<Run> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const watch = watchPage(page);
  try {
    await page.addInitScript({ content: READY_PROBE });
    await page.goto(url);
    await waitReady(page, 300_000);
    await page.waitForFunction(() => (window as unknown as { __benchReadyAt?: number }).__benchReadyAt !== undefined);
    const h = await hooks(page);
    if (!h.rendererOk) throw new Error(`the renderer did not start: ${h.error}`);
    const { readyMs, fetchMs } = await page.evaluate(() => {
      const entry = performance.getEntriesByType("resource").find((e) => /\/data\/graph\.json/.test(e.name)) as PerformanceResourceTiming | undefined;
      return {
        readyMs: (window as unknown as { __benchReadyAt: number }).__benchReadyAt,
        fetchMs: entry ? entry.responseEnd - entry.startTime : null,
      };
    });
    // Let the first render settle before driving the camera.
    await page.waitForTimeout(500);

    const stage = await page.locator(".graph-canvas").boundingBox();
    if (!stage) throw new Error("no graph stage");
    const cx = stage.x + stage.width / 2;
    const cy = stage.y + stage.height / 2;
    await page.evaluate(FRAME_RECORDER);
    const t0 = Date.now();
    // Pan: drag the stage in a circle-ish path, one mouse event every ~16 ms.
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 0; Date.now() - t0 < PAN_MS; i++) {
      const a = i / 10;
      await page.mouse.move(cx + Math.cos(a) * 150, cy + Math.sin(a) * 100);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    // Resolves once the page's main thread is free again, i.e. after the drag's work: the phase boundary.
    const zoomStart = (await page.evaluate("performance.now()")) as number;
    // Zoom: wheel in, then out, around the centre.
    const t1 = Date.now();
    for (let i = 0; Date.now() - t1 < ZOOM_MS; i++) {
      await page.mouse.wheel(0, i % 20 < 10 ? -120 : 120);
      await page.waitForTimeout(30);
    }
    const frames = (await page.evaluate("window.__benchStop = true, window.__benchFrames")) as [number, number][];
    return {
      readyMs,
      fetchMs,
      pan: frames.filter(([t]) => t <= zoomStart).map(([, dt]) => dt),
      zoom: frames.filter(([t]) => t > zoomStart).map(([, dt]) => dt),
      durationMs: Date.now() - t0,
      nodes: h.visibleNodeCount,
      edges: h.visibleEdgeCount,
      rendered: h.renderedNodeCount,
      messages: watch.errors.filter((e) => !/GL Driver Message \(OpenGL, Performance/.test(e)),
    };
  } finally {
    await context.close();
  }
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const median = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
const f0 = (x: number | null) => (x === null || Number.isNaN(x) ? "n/a" : x.toFixed(0));
const f1 = (x: number) => x.toFixed(1);

function frameStats(frames: number[]): string {
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((sum, x) => sum + x, 0);
  return (
    `${frames.length} frames, median ${f1(quantile(sorted, 0.5))} / p95 ${f1(quantile(sorted, 0.95))} / ` +
    `max ${f1(sorted[sorted.length - 1] ?? NaN)} ms, ${f1(total > 0 ? (frames.length / total) * 1000 : NaN)} fps`
  );
}

function report(name: string, json: string, runs: Run[]): string {
  const r0 = runs[0]!;
  const lines = [`${name}: graph.json ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB; co-author lens draws ${r0.nodes} nodes, ${r0.edges} edges (rendered ${r0.rendered ?? "n/a"})`];
  lines.push(
    `  navigation -> first complete render: ${runs.map((r) => f0(r.readyMs)).join(", ")} ms (median ${f0(median(runs.map((r) => r.readyMs)))})`,
    `  graph.json fetch (Resource Timing): ${runs.map((r) => f0(r.fetchMs)).join(", ")} ms`,
  );
  for (const [i, r] of runs.entries()) {
    lines.push(`  run ${i + 1} (${(r.durationMs / 1000).toFixed(1)} s): pan ${frameStats(r.pan)}; zoom ${frameStats(r.zoom)}; both ${frameStats([...r.pan, ...r.zoom])}`);
  }
  const messages = [...new Set(runs.flatMap((r) => r.messages))];
  if (messages.length) lines.push(`  console: ${messages.slice(0, 5).join(" | ")}`);
  return lines.join("\n");
}

async function main(): Promise<void> {
  log("building the seeds graph (CLI) ...");
  const seeds = await buildSeedsGraph();
  const synthetic = await syntheticGraph(SYNTHETIC.papers, SYNTHETIC.seed);
  log("building the app ...");
  const outDir = await buildApp(seeds);
  const browser = await launch();
  const version = browser.version();
  try {
    process.stdout.write(`papergraph render benchmark: Chromium ${version} headless, WebGL via SwiftShader (CPU), viewport ${VIEWPORT.width}x${VIEWPORT.height}, ${RUNS} runs each\n`);
    for (const [name, json] of [
      ["seeds", seeds],
      [`synthetic ${SYNTHETIC.papers} papers (seed ${SYNTHETIC.seed})`, synthetic],
    ] as const) {
      const variant = await serveVariant(outDir, json);
      try {
        const runs: Run[] = [];
        for (let i = 0; i < RUNS; i++) {
          log(`${name}: run ${i + 1}/${RUNS}`);
          runs.push(await measure(browser, variant.url));
        }
        process.stdout.write(report(name, json, runs) + "\n");
      } finally {
        await variant.close();
      }
    }
  } finally {
    await browser.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-render: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});

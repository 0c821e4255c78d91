/**
 * Render benchmark (`npm run bench:render -- [seeds] [10k] [100k] [--runs N] [--first-render]`, default seeds and 10k): the built
 * explorer and a bare sigma page drawing the same visible graph, in one headless Chromium, one after the other per run,
 * with the ratio app / bare printed. Prints figures, asserts nothing.
 *
 * Per graph and page (a fresh browser context each run):
 * - first frame on screen: navigation to two animation frames after the page says its first frame is drawn (the
 *   app's `window.__papergraph.ready`, the bare page's `__bareReady`, read every animation frame against
 *   performance.timeOrigin). Without a GPU the drawn frame is presented by the main thread waiting on the software
 *   rasteriser (seconds at 10^5 edges) in the rendering update after it; the bare page says it is ready before that
 *   update, the app (whose ready comes from a React effect, after a yield) after it, so only "shown" compares them.
 *   The timeline of each run (the "pg:" marks of src/app/phase-marks.ts, the bare page's own, the files' request
 *   times) says where the wait went; BENCH_PROFILE=<folder> samples each page's main thread up to that point;
 * - pan and zoom: a drag in 12 steps, then 12 wheel ticks; per step the time until the moved view is on screen
 *   (two animation frames after the event), the CPU the renderer and GPU processes spent, and the frames drawn;
 * - memory after the interactions: the renderer process's resident memory (the tab; /proc via the DevTools process
 *   list) and the GPU process's (SwiftShader keeps WebGL buffers in CPU memory there), plus the JS heap;
 * - app only: search (typing a name until suggestions show) and switching to the full-graph lens and back.
 * The bare page is a page of its own (scripts/bench/bare): graphology JSON of exactly what the app draws in its
 * default view (same nodes, edges, positions, sizes and colours), Graph.from, new Sigma with the app's settings, in a
 * stage of the app's stage size.
 *
 * Graphs: `seeds` (the CLI's build, cached by the browser tests' harness), `10k` (the pipeline over the synthetic corpus
 * of bench/synthetic, built once and cached under node_modules/.cache/papergraph-bench/, keyed by a hash of
 * src/pipeline), `100k` (synthesised directly by scripts/bench/synthetic-graph.ts: the pipeline cannot build 100,000
 * papers in reasonable time yet; cached the same way). BENCH_GRAPH=<graph.json> replaces the 10k graph;
 * BENCH_BUILD=<folder> replaces it by a folder `npm run graph` wrote, its explorer files served as they are (the way to
 * measure the pipeline's own 100,000-paper build, whose 1 GB graph.json no string can hold).
 * Chromium draws WebGL with SwiftShader (CPU) here, so absolute times are slow; compare ratios and commits.
 */
import { createHash } from "node:crypto";
import { existsSync, openSync, writeSync, closeSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { resolveOptions } from "../src/pipeline/options";
import { runPipeline } from "../src/pipeline/run";
import { generateCorpus } from "../bench/synthetic";
import { ROOT, buildApp, buildSeedsGraph, launch, serve, waitReady, watchPage, appMessages } from "../test/e2e/harness";
import { synthesiseGraph, streamGraphJson } from "./bench/synthetic-graph";
import { CORE_FILE, EXPLORER_DIR } from "../src/model/explorer-format";
import { startProfile } from "./bench/cdp-profile";
import { bareGraphJson, explorerFilesFor, searchQueryFor, type GraphData } from "./bench/bench-data";

const VIEWPORT = { width: 1400, height: 900 };
const CACHE = path.join(ROOT, "node_modules/.cache/papergraph-bench");

const args = process.argv.slice(2);
const runsFlag = args.indexOf("--runs");
const RUNS = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 2;
const sizes = args.filter((a, i) => !a.startsWith("--") && (runsFlag < 0 || i !== runsFlag + 1));
const WANTED = sizes.length ? sizes : ["seeds", "10k"];
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 600_000);
/** `--first-render`: only the first frame (wall, CPU, timeline, tab memory then), no interactions. */
const FIRST_ONLY = args.includes("--first-render");
const NO_PHASE: Phase = { stepsMs: [], cpuMs: null, renders: 0 };

const log = (s: string) => process.stderr.write(s + "\n");

async function hashDir(dir: string): Promise<string> {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const e of await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files.push(path.relative(ROOT, path.join(e.parentPath, e.name)));
  }
  for (const f of files.sort()) hash.update(f + "\0" + (await readFile(path.join(ROOT, f), "utf8")) + "\0");
  return hash.digest("hex").slice(0, 12);
}

/** The pipeline's graph of the synthetic corpus at `papers`, as graph.json text (cached). */
async function pipelineGraph(papers: number, seed: number): Promise<GraphData> {
  const pinned = process.env.BENCH_GRAPH;
  if (pinned) return { name: `pinned ${pinned}`, jsonFile: pinned };
  const built = process.env.BENCH_BUILD;
  if (built) return buildFolderGraph(built);
  const file = path.join(CACHE, `pipeline-${papers}-seed${seed}-${await hashDir("src/pipeline")}.json`);
  if (!existsSync(file)) {
    log(`building ${papers} synthetic papers with the pipeline (seed ${seed}); minutes, once`);
    const t0 = performance.now();
    const result = runPipeline({ documents: generateCorpus({ papers, seed }) }, resolveOptions({}));
    await mkdir(CACHE, { recursive: true });
    await writeFile(`${file}.tmp`, JSON.stringify(result.graph.export()) + "\n");
    await rename(`${file}.tmp`, file);
    log(`built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  return { name: `pipeline, synthetic corpus ${papers} papers (seed ${seed})`, jsonFile: file };
}

/** A folder `npm run graph` wrote (graph.json and explorer/), used as it is; derived files keyed by its core.bin. */
async function buildFolderGraph(dir: string): Promise<GraphData> {
  const explorerDir = path.join(dir, EXPLORER_DIR);
  const tag = `build-${createHash("sha256").update(await readFile(path.join(explorerDir, CORE_FILE))).digest("hex").slice(0, 12)}`;
  return { name: `build ${dir}`, jsonFile: path.join(dir, "graph.json"), build: { explorerDir, tag } };
}

/** A directly synthesised graph (scripts/bench/synthetic-graph.ts), graph.json streamed to disk (cached). */
async function synthesisedGraph(papers: number, seed: number): Promise<GraphData> {
  const key = createHash("sha256").update(await readFile(path.join(ROOT, "scripts/bench/synthetic-graph.ts"))).digest("hex").slice(0, 12);
  const file = path.join(CACHE, `synthetic-graph-${papers}-seed${seed}-${key}.json`);
  if (!existsSync(file)) {
    log(`synthesising a ${papers}-paper graph (seed ${seed})`);
    await mkdir(CACHE, { recursive: true });
    const fd = openSync(`${file}.tmp`, "w");
    streamGraphJson(synthesiseGraph({ papers, seed }), (s) => void writeSync(fd, s));
    closeSync(fd);
    await rename(`${file}.tmp`, file);
  }
  return { name: `synthesised graph, ${papers} papers (seed ${seed})`, jsonFile: file, synthetic: { papers, seed } };
}

async function graphFor(name: string): Promise<GraphData> {
  if (name === "seeds") {
    const json = await buildSeedsGraph();
    const file = path.join(CACHE, `seeds-${createHash("sha256").update(json).digest("hex").slice(0, 12)}.json`);
    if (!existsSync(file)) {
      await mkdir(CACHE, { recursive: true });
      await writeFile(file, json);
    }
    return { name: "seeds (npm run graph)", jsonFile: file };
  }
  const m = /^(\d+)k$/.exec(name);
  if (!m) throw new Error(`unknown graph "${name}": use seeds, 10k or 100k`);
  const papers = Number(m[1]) * 1000;
  return papers <= 10_000 && !process.env.BENCH_SYNTHETIC ? pipelineGraph(papers, 1) : synthesisedGraph(papers, 1);
}

async function buildBare(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), "papergraph-bare-"));
  await build({
    root: path.join(ROOT, "scripts/bench/bare"),
    base: "./",
    configFile: false,
    logLevel: "error",
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  return outDir;
}

interface PageRun {
  /** The page says its first frame is drawn (the app's `ready`, the bare page's `__bareReady`), at the next frame. */
  readyMs: number;
  /** Two frames after that: the first frame has been through a rendering update, so it is on screen. */
  shownMs: number;
  pan: Phase;
  zoom: Phase;
  /** CPU seconds the page's renderer process and the GPU process spent from navigation to the first frame shown. */
  cpuMs: number | null;
  /** App: search index complete, ms after navigation. */
  searchReadyMs?: number | null;
  rendererMB: number | null;
  gpuMB: number | null;
  heapMB: number | null;
  nodes: number;
  edges: number;
  searchMs?: number | null;
  lensMs?: number | null;
  /** App: the tab's resident memory after the lens switches too. */
  afterLensMB?: number | null;
  status?: string;
  messages: string[];
  /** Where the wait went: the page's "pg:" marks and resource timings, ms after navigation (phaseTimeline). */
  phases: string;
}

// In-page code is passed as source text: tsx compiles this file with esbuild's keepNames, whose __name() helper does
// not exist in the page.
const READY_PROBE = `(() => {
  const tick = () => {
    const h = window.__papergraph;
    if ((h && h.ready) || window.__bareReady) {
      window.__benchReadyAt = performance.now();
      // Two frames later the ready frame has been through a rendering update (composited, presented).
      requestAnimationFrame(() => requestAnimationFrame(() => void (window.__benchShownAt = performance.now())));
    } else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;


/**
 * The page's timeline up to now, ms after navigation: its scripts and data files (requested - received), the
 * "pg:" marks (src/app/phase-marks.ts; the bare page's own) and the first frame (ready, shown).
 */
const PHASES = `(() => {
  const f = (x) => Math.round(x);
  const parts = performance.getEntriesByType("resource")
    .filter((r) => /\\.(js|bin|json|woff2)$/.test(r.name))
    .map((r) => r.name.split("/").pop() + " " + f(r.startTime) + "-" + f(r.responseEnd));
  const seen = new Set();
  const marks = performance.getEntriesByType("mark")
    .filter((m) => m.name.startsWith("pg:") && !seen.has(m.name) && seen.add(m.name))
    .map((m) => m.name.slice(3) + " " + f(m.startTime));
  return [...parts, ...marks, "ready " + f(window.__benchReadyAt), "shown " + (window.__benchShownAt === undefined ? "-" : f(window.__benchShownAt))].join(", ");
})()`;

/** The first frame is on screen (READY_PROBE); its times, ms after navigation. */
const SHOWN = "window.__benchShownAt !== undefined";
const TIMES = "({ readyMs: window.__benchReadyAt, shownMs: window.__benchShownAt })";

type Cpu = Map<string, number>;

/** Cumulative CPU time per renderer and GPU process (DevTools' process list). */
async function processCpu(browser: Browser): Promise<Cpu | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const info = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    await cdp.detach();
    return new Map(info.processInfo.filter((p) => p.type === "renderer" || p.type === "GPU").map((p) => [`${p.type}:${p.id}`, p.cpuTime]));
  } catch {
    return null;
  }
}

/** CPU ms spent between two snapshots by the renderers and the GPU process (a new renderer counts from its start). */
function cpuSpent(before: Cpu | null, after: Cpu | null): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [k, v] of after) total += v - (before.get(k) ?? 0);
  return total * 1000;
}

async function processMemory(browser: Browser): Promise<{ rendererMB: number | null; gpuMB: number | null }> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const info = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: { type: string; id: number }[] };
    await cdp.detach();
    const rss = async (pid: number) => {
      const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      return m ? Number(m[1]) / 1024 : 0;
    };
    let renderer = 0;
    let gpu = 0;
    for (const p of info.processInfo) {
      if (p.type === "renderer") renderer = Math.max(renderer, await rss(p.id));
      if (p.type === "GPU") gpu += await rss(p.id);
    }
    return { rendererMB: renderer || null, gpuMB: gpu || null };
  } catch {
    return { rendererMB: null, gpuMB: null };
  }
}

/** One camera gesture's figures: wall ms per step (event sent until two frames later), CPU and frames drawn. */
interface Phase {
  stepsMs: number[];
  cpuMs: number | null;
  renders: number;
}

/** Camera steps per gesture; fewer on a big drawing (a frame of 150k edges takes SwiftShader tens of seconds here). */
const STEPS = Number(process.env.BENCH_STEPS ?? 12);
const stepsFor = (edges: number) => (edges > 100_000 ? Math.min(STEPS, 4) : STEPS);
const twoFrames = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))";

/**
 * Waits until `expr` (a page expression) is truthy and returns its value. Polled from here: waitForFunction evaluates
 * a string predicate with eval inside the page, which the explorer's Content-Security-Policy refuses.
 */
async function waitFor(page: Page, expr: string, timeout = TIMEOUT, every = 10): Promise<unknown> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await page.evaluate(expr);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${expr}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/**
 * Pans (a drag in 12 steps) then zooms (12 wheel ticks, in then out); after each step waits for two animation frames,
 * so the step's time is how long the page takes to show the moved camera. CPU (renderer + GPU process) and frames
 * drawn are counted over each gesture.
 */
async function driveCamera(browser: Browser, page: Page, selector: string, renders: string, steps: number): Promise<{ pan: Phase; zoom: Phase }> {
  const stage = await page.locator(selector).boundingBox();
  if (!stage) throw new Error(`no ${selector}`);
  const cx = stage.x + stage.width / 2;
  const cy = stage.y + stage.height / 2;
  const gesture = async (step: (i: number) => Promise<void>, before: () => Promise<void> = async () => {}, after: () => Promise<void> = async () => {}) => {
    await before();
    const cpu0 = await processCpu(browser);
    const r0 = (await page.evaluate(renders)) as number;
    const stepsMs: number[] = [];
    for (let i = 0; i < steps; i++) {
      const t = performance.now();
      await step(i);
      await page.evaluate(twoFrames);
      stepsMs.push(performance.now() - t);
    }
    const phase: Phase = { stepsMs, cpuMs: cpuSpent(cpu0, await processCpu(browser)), renders: ((await page.evaluate(renders)) as number) - r0 };
    await after();
    return phase;
  };
  const pan = await gesture(
    (i) => page.mouse.move(cx + Math.cos(i / 2) * 150, cy + Math.sin(i / 2) * 100),
    async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
    },
    () => page.mouse.up(),
  );
  await page.evaluate(twoFrames);
  const zoom = await gesture((i) => page.mouse.wheel(0, i < steps / 2 ? -120 : 120));
  return { pan, zoom };
}

type Hooks = { ready: boolean; rendererOk: boolean; error: string | null; visibleNodeCount: number; visibleEdgeCount: number; lens: string; drawnEdgeCount?: number; drawnNodeCount?: number; searchReady?: boolean };
const readHooks = (page: Page) =>
  page.evaluate(() => {
    const h = (window as unknown as { __papergraph?: Record<string, unknown> }).__papergraph ?? {};
    return Object.fromEntries(Object.entries(h).filter(([, v]) => typeof v !== "function"));
  }) as Promise<Hooks>;

async function measureApp(browser: Browser, url: string, searchFor: string | null): Promise<PageRun & { stage: { width: number; height: number } }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const watch = watchPage(page);
  try {
    await page.addInitScript({ content: READY_PROBE });
    const profiling = process.env.BENCH_PROFILE ? await startProfile(page, process.env.BENCH_PROFILE) : null;
    const cpu0 = await processCpu(browser);
    await page.goto(url);
    await waitReady(page, TIMEOUT);
    await waitFor(page, SHOWN);
    const cpuMs = cpuSpent(cpu0, await processCpu(browser));
    if (profiling) await profiling("app, navigation to the first frame shown");
    const { readyMs, shownMs } = (await page.evaluate(TIMES)) as { readyMs: number; shownMs: number };
    const phases = (await page.evaluate(PHASES)) as string;
    const h = await readHooks(page);
    if (!h.rendererOk) throw new Error(`the renderer did not start: ${h.error}`);
    const box = (await page.locator(".graph-canvas").boundingBox())!;
    const stage = { width: Math.round(box.width), height: Math.round(box.height) };
    if (FIRST_ONLY) {
      const nodes = h.drawnNodeCount ?? h.visibleNodeCount;
      const edges = h.drawnEdgeCount ?? h.visibleEdgeCount;
      return { readyMs, shownMs, cpuMs, pan: NO_PHASE, zoom: NO_PHASE, ...(await processMemory(browser)), heapMB: null, nodes, edges, messages: appMessages(watch), phases, stage };
    }
    // Pan and zoom in the steady state: once the search index (built after the first frame) is complete. (An app
    // older than the hook is measured as it is: BENCH_APP_DIR.)
    const searchReadyMs = "searchReady" in h
      ? ((await waitFor(page, "window.__papergraph && window.__papergraph.searchReady ? performance.now() : false").catch(() => null)) as number | null)
      : null;
    await page.waitForTimeout(500);
    const { pan, zoom } = await driveCamera(browser, page, ".graph-canvas", "window.__papergraph.renderCount ? window.__papergraph.renderCount() : NaN", stepsFor(h.drawnEdgeCount ?? h.visibleEdgeCount));
    await page.waitForTimeout(300);
    // Memory as the bare page is measured: after the first frame, panning and zooming (the lens switch comes after).
    const mem = await processMemory(browser);
    const heapMB = (await page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null")) as number | null;
    const status = (await page.getByTestId("status-bar").locator('[role="status"]').first().textContent()) ?? "";
    let searchMs: number | null = null;
    if (searchFor) {
      const input = page.getByTestId("search-input");
      await input.focus({ timeout: TIMEOUT });
      const t = Date.now();
      await input.fill(searchFor, { timeout: TIMEOUT });
      searchMs = await page
        .getByRole("listbox", { name: /Search authors/ })
        .getByRole("option")
        .first()
        .waitFor({ timeout: 120_000 })
        .then(() => Date.now() - t)
        .catch(() => null);
      await input.press("Escape", { timeout: TIMEOUT });
      await input.press("Escape", { timeout: TIMEOUT });
    }
    const lensGroup = page.getByRole("group", { name: "Lens" });
    let t = Date.now();
    await lensGroup.getByRole("button", { name: "Full graph" }).click({ timeout: TIMEOUT });
    await waitFor(page, `window.__papergraph && window.__papergraph.lens === "full" && window.__papergraph.ready`);
    // Two animation frames: the lens's first frame has been drawn.
    await page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
    let lensMs = Date.now() - t;
    t = Date.now();
    await lensGroup.getByRole("button", { name: "Co-authors" }).click({ timeout: TIMEOUT });
    await waitFor(page, `window.__papergraph && window.__papergraph.lens === "coauthor"`);
    await page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
    lensMs = Math.max(lensMs, Date.now() - t);
    const after = await processMemory(browser);
    return {
      readyMs,
      shownMs,
      cpuMs,
      searchReadyMs,
      pan,
      zoom,
      ...mem,
      heapMB,
      nodes: h.drawnNodeCount ?? h.visibleNodeCount,
      edges: h.drawnEdgeCount ?? h.visibleEdgeCount,
      searchMs,
      lensMs,
      afterLensMB: after.rendererMB,
      status: status.trim(),
      messages: appMessages(watch),
      phases,
      stage,
    };
  } finally {
    await context.close();
  }
}

async function measureBare(browser: Browser, url: string): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const watch = watchPage(page);
  try {
    await page.addInitScript({ content: READY_PROBE });
    const profiling = process.env.BENCH_PROFILE ? await startProfile(page, process.env.BENCH_PROFILE) : null;
    const cpu0 = await processCpu(browser);
    await page.goto(url);
    await waitFor(page, `(${SHOWN}) || window.__bareError`);
    const cpuMs = cpuSpent(cpu0, await processCpu(browser));
    if (profiling) await profiling("bare page, navigation to the first frame shown");
    const error = (await page.evaluate("window.__bareError")) as string | undefined;
    if (error) throw new Error(`bare page: ${error}`);
    const { readyMs, shownMs } = (await page.evaluate(TIMES)) as { readyMs: number; shownMs: number };
    const phases = (await page.evaluate(PHASES)) as string;
    const counts = (await page.evaluate("window.__bareCounts")) as { nodes: number; edges: number };
    if (FIRST_ONLY) return { readyMs, shownMs, cpuMs, pan: NO_PHASE, zoom: NO_PHASE, ...(await processMemory(browser)), heapMB: null, nodes: counts.nodes, edges: counts.edges, messages: appMessages(watch), phases };
    await page.waitForTimeout(500);
    const { pan, zoom } = await driveCamera(browser, page, "#stage", "window.__bareRenders", stepsFor(counts.edges));
    const mem = await processMemory(browser);
    const heapMB = (await page.evaluate("performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null")) as number | null;
    return { readyMs, shownMs, cpuMs, pan, zoom, ...mem, heapMB, nodes: counts.nodes, edges: counts.edges, messages: appMessages(watch), phases };
  } finally {
    await context.close();
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
}
const median = (xs: number[]) => quantile(xs, 0.5);
const f0 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(0));
const f1 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(2)}x` : "n/a");

function table(name: string, app: PageRun[], bare: PageRun[]): string {
  const row = (label: string, f: (r: PageRun) => number, fmt = f0) => {
    const a = median(app.map(f));
    const b = median(bare.map(f));
    return `| ${label} | ${fmt(a)} | ${fmt(b)} | ${ratio(a, b)} |`;
  };
  const perStep = (p: Phase) => (p.cpuMs ?? NaN) / p.stepsMs.length;
  const lines = [
    `${name}: the app draws ${app[0]!.nodes.toLocaleString("en")} nodes and ${app[0]!.edges.toLocaleString("en")} edges; the bare page ${bare[0]!.nodes.toLocaleString("en")} and ${bare[0]!.edges.toLocaleString("en")}`,
    ...(app[0]!.status === undefined ? [] : [`  status bar: ${app[0]!.status}`]),
    "",
    `| median of ${app.length} runs | app | bare sigma | app / bare |`,
    "|---|---|---|---|",
    row("first frame on screen (ms)", (r) => r.shownMs),
    row("page says drawn (ms; the bare page's is before its frame is presented)", (r) => r.readyMs),
    row("CPU to the first frame shown, renderer + GPU process (ms)", (r) => r.cpuMs ?? NaN),
    row("pan step to frame shown, median (ms)", (r) => median(r.pan.stepsMs), f1),
    row("pan CPU per step (ms)", (r) => perStep(r.pan), f1),
    row("pan frames drawn per step", (r) => r.pan.renders / r.pan.stepsMs.length, (x) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(2))),
    row("zoom step to frame shown, median (ms)", (r) => median(r.zoom.stepsMs), f1),
    row("zoom CPU per step (ms)", (r) => perStep(r.zoom), f1),
    row("zoom frames drawn per step", (r) => r.zoom.renders / r.zoom.stepsMs.length, (x) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : x.toFixed(2))),
    row("tab (renderer RSS, MB)", (r) => r.rendererMB ?? NaN),
    row("GPU process RSS (MB)", (r) => r.gpuMB ?? NaN),
    row("JS heap (MB)", (r) => r.heapMB ?? NaN),
    `| search index complete, after navigation (ms) | ${f0(median(app.map((r) => r.searchReadyMs ?? NaN)))} | | |`,
    `| search to first suggestion (ms) | ${f0(median(app.map((r) => r.searchMs ?? NaN)))} | | |`,
    `| lens switch, slower of full graph / back (ms) | ${f0(median(app.map((r) => r.lensMs ?? NaN)))} | | |`,
    `| tab after the lens switches (renderer RSS, MB) | ${f0(median(app.map((r) => r.afterLensMB ?? NaN)))} | | |`,
    "",
    `  first frame on screen per run: app ${app.map((r) => f0(r.shownMs)).join(", ")}; bare ${bare.map((r) => f0(r.shownMs)).join(", ")} ms`,
    `  CPU to the first frame shown per run: app ${app.map((r) => f0(r.cpuMs)).join(", ")}; bare ${bare.map((r) => f0(r.cpuMs)).join(", ")} ms`,
  ];
  app.forEach((r, i) => lines.push(`  timeline, app run ${i + 1} (ms after navigation): ${r.phases}`));
  bare.forEach((r, i) => lines.push(`  timeline, bare run ${i + 1}: ${r.phases}`));
  const messages = [...new Set([...app, ...bare].flatMap((r) => r.messages))];
  if (messages.length) lines.push(`  console: ${messages.slice(0, 5).join(" | ")}`);
  return lines.join("\n");
}

async function serveGraph(appDir: string, bareDir: string, data: GraphData, stage: { width: number; height: number } | null) {
  const dir = await mkdtemp(path.join(tmpdir(), "papergraph-bench-"));
  await cp(appDir, dir, { recursive: true });
  await rm(path.join(dir, "data"), { recursive: true, force: true });
  await mkdir(path.join(dir, "data"), { recursive: true });
  await cp(data.jsonFile, path.join(dir, "data/graph.json"));
  const explorer = await explorerFilesFor(data, CACHE);
  if (explorer && !process.env.BENCH_NO_EXPLORER) await cp(explorer, path.join(dir, "data/explorer"), { recursive: true });
  await cp(bareDir, path.join(dir, "bare"), { recursive: true });
  await writeFile(path.join(dir, "bare/bare.json"), await bareGraphJson(data, CACHE));
  const { server, url } = await serve(dir);
  return {
    appUrl: url,
    bareUrl: (s: { width: number; height: number }) => `${url}bare/index.html?w=${s.width}&h=${s.height}`,
    stage,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function copyBuilt(dir: string): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), "papergraph-app-"));
  await cp(dir, out, { recursive: true });
  return out;
}

async function main(): Promise<void> {
  const graphs: GraphData[] = [];
  for (const name of WANTED) graphs.push(await graphFor(name));
  log("building the app and the bare page ...");
  // BENCH_APP_DIR=<a built app> measures that build instead (e.g. an older commit's, for before/after tables).
  const appDir = process.env.BENCH_APP_DIR ? await copyBuilt(process.env.BENCH_APP_DIR) : await buildApp("{}");
  const bareDir = await buildBare();
  const browser = await launch();
  try {
    process.stdout.write(
      `papergraph render benchmark: Chromium ${browser.version()} headless, WebGL via SwiftShader (CPU), viewport ${VIEWPORT.width}x${VIEWPORT.height}, ${RUNS} runs per page\n\n`,
    );
    for (const data of graphs) {
      const served = await serveGraph(appDir, bareDir, data, null);
      try {
        const query = await searchQueryFor(data);
        const app: PageRun[] = [];
        const bare: PageRun[] = [];
        for (let i = 0; i < RUNS; i++) {
          log(`${data.name}: run ${i + 1}/${RUNS}, app`);
          const a = await measureApp(browser, served.appUrl, query);
          app.push(a);
          log(`${data.name}: run ${i + 1}/${RUNS}, bare sigma page (${a.stage.width}x${a.stage.height})`);
          bare.push(await measureBare(browser, served.bareUrl(a.stage)));
        }
        process.stdout.write(table(data.name, app, bare) + "\n\n");
      } catch (e) {
        process.stdout.write(`${data.name}: ${e instanceof Error ? e.message : String(e)}\n\n`);
      } finally {
        await served.close();
      }
    }
  } finally {
    await browser.close();
    await rm(appDir, { recursive: true, force: true });
    await rm(bareDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-render: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});

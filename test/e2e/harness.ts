/**
 * Browser-test harness: builds the real app and the real seeds graph into a temporary folder, serves it on
 * 127.0.0.1 and drives Debian's Chromium with playwright-core (no test tool downloads a browser of its own).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Graph from "graphology";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";
import type { PapergraphTestHooks } from "../../src/app/test-hooks";
import { writeExplorerFiles } from "../../src/exporters/explorer-files";
import { RUN_DIR_ENV } from "./global-setup";

// import.meta.url, not __dirname: the harness also runs under tsx (scripts/bench-render.ts) as an ES module.
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * Upper bound for one UI transition (a click, back/forward, a filter). Generous on purpose: CI runs these tests beside the
 * pipeline tests on 2 cores with WebGL in software, where one redraw can take seconds; a wait is not a speed assertion.
 */
export const UI_TIMEOUT = 20_000;
export const CHROMIUM = process.env.PAPERGRAPH_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
  // WebGL through SwiftShader on machines without a GPU.
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: run "apt-get install -y chromium" (or set PAPERGRAPH_CHROMIUM).`);
  }
}

/**
 * data/graph.json and, as `npm run graph` writes them beside it, the explorer's compact files in data/explorer/
 * (derived from the same JSON: the CLI writes the same bytes, test/cli/explorer-output.test.ts). `explorer: false`
 * leaves them out, as an older build or a hand-placed graph.json would.
 */
export async function writeGraphData(dir: string, graphJson: string, opts: { explorer?: boolean } = {}): Promise<void> {
  await mkdir(path.join(dir, "data"), { recursive: true });
  await writeFile(path.join(dir, "data/graph.json"), graphJson);
  await rm(path.join(dir, "data/explorer"), { recursive: true, force: true });
  if (opts.explorer === false) return;
  let files;
  try {
    files = writeExplorerFiles(Graph.from(JSON.parse(graphJson)));
  } catch {
    return; // not a graph file (a test of the error screens): nothing to convert
  }
  await mkdir(path.join(dir, "data/explorer"), { recursive: true });
  for (const f of files) await writeFile(path.join(dir, "data/explorer", f.name), f.bytes);
}

/**
 * The app, built into a temporary folder of its own; `graphJson` is written to data/ beside it (writeGraphData). In a
 * vitest run the Vite build is made once and copied (sharedAppBuild); elsewhere (scripts/) each call builds.
 */
export async function buildApp(graphJson: string, opts: { explorer?: boolean } = {}): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), "papergraph-app-"));
  const runDir = process.env[RUN_DIR_ENV];
  if (runDir) await cp(await sharedAppBuild(runDir), outDir, { recursive: true });
  else await viteBuild(outDir);
  await writeGraphData(outDir, graphJson, opts);
  return outDir;
}

async function viteBuild(outDir: string): Promise<void> {
  await build({ root: ROOT, configFile: path.join(ROOT, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true, ...(process.env.PAPERGRAPH_E2E_NOMINIFY ? { minify: false } : {}) } });
}

/**
 * The Vite build shared by the browser test files of one run (runDir: test/e2e/global-setup.ts), read-only: callers
 * copy it. The first caller takes the lock folder and builds; the others, in this or another test process, wait for
 * the build (or for the first caller's error). The sources do not change during a run, so one build serves them all.
 */
async function sharedAppBuild(runDir: string): Promise<string> {
  const app = path.join(runDir, "app");
  const failed = path.join(runDir, "app.failed");
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (existsSync(app)) return app;
    if (existsSync(failed)) throw new Error(`the Vite build of the explorer failed in another test file:\n${await readFile(failed, "utf8")}`);
    try {
      await mkdir(path.join(runDir, "app.lock")); // atomic: one builder per run; the lock is never released
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`no Vite build of the explorer in ${runDir} after 170 s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const building = path.join(runDir, `app.${process.pid}.tmp`);
    await viteBuild(building);
    await rename(building, app);
    return app;
  } catch (e) {
    await writeFile(failed, e instanceof Error ? (e.stack ?? e.message) : String(e));
    throw e;
  }
}

export async function serve(outDir: string): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "error",
    build: { outDir },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("preview server has no local URL");
  return { server, url };
}

export async function launch(): Promise<Browser> {
  assertChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export interface PageWatch {
  errors: string[];
  external: string[];
  /** Content-Security-Policy violations on this page (also kept for takeCspViolations). */
  csp: string[];
}

/** Every CSP violation seen on any watched page since the last takeCspViolations(). */
const cspViolations: string[] = [];

/**
 * The CSP violations recorded since the last call, cleared. Browser test files check it after every test
 * (`afterEach(() => expect(takeCspViolations()).toEqual([]))`): the explorer must run under its policy without one.
 */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0, cspViolations.length);
}

const CSP_MESSAGE = /Content[- ]Security[- ]Policy|CSP violation/i;

/**
 * Reports every `securitypolicyviolation` event of the page (and of its frames) as a console error, which the watch
 * below records. Registered before the first navigation; Playwright runs it in each new document before its scripts.
 */
function reportCspViolations(page: Page): void {
  // Not awaited (watchPage stays synchronous): Playwright sends it before any later navigation of the page.
  page
    .addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "an inline resource"} (${e.sourceFile || "document"}:${e.lineNumber})`);
      });
    })
    .catch(() => undefined);
}

/** Records console errors/warnings, page errors, CSP violations and every request that would leave the machine. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], external: [], csp: [] };
  reportCspViolations(page);
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") watch.errors.push(`${m.type()}: ${m.text()}`);
    // Chromium's own "Refused to ... because it violates the following Content Security Policy directive" and ours.
    if (CSP_MESSAGE.test(m.text())) {
      watch.csp.push(m.text());
      cspViolations.push(m.text());
    }
  });
  page.on("pageerror", (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) watch.external.push(r.url());
  });
  return watch;
}

/**
 * Console messages that are the app's: SwiftShader's driver notes about ReadPixels stalls are Chromium's own (sigma and
 * export-image read pixels), not errors of ours.
 */
export const appMessages = (w: PageWatch): string[] => w.errors.filter((e) => !/GL Driver Message \(OpenGL, Performance/.test(e));

/** A new page on the app at `url`, watched from the first request, once its first render is complete. */
export async function openApp(browser: Browser, url: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const watch = watchPage(page);
  await page.goto(url);
  await waitReady(page);
  return { page, watch };
}

/** Resolves when the app says its first render is complete. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __papergraph?: { ready?: boolean } }).__papergraph?.ready === true, null, { timeout });
}

/**
 * The real seeds graph, built the way a user builds it (`npm run graph`, i.e. the CLI), so the browser tests exercise
 * the same bytes the product ships. The build takes ~30-40 s, so the result is cached under
 * node_modules/.cache/papergraph-e2e/, keyed by a hash of everything the CLI output depends on (seeds/, src/cli,
 * src/pipeline, src/model, package-lock.json, papergraph.config.json); test files running in parallel share one build
 * through a lock folder. PAPERGRAPH_E2E_GRAPH=<graph.json> uses a given file instead.
 */
export async function buildSeedsGraph(): Promise<string> {
  const prebuilt = process.env.PAPERGRAPH_E2E_GRAPH;
  if (prebuilt) return readFile(prebuilt, "utf8");
  const dir = path.join(ROOT, "node_modules/.cache/papergraph-e2e");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `seeds-${await inputsHash()}.json`);
  const lock = `${file}.lock`;
  const deadline = Date.now() + 150_000;
  let owner = false;
  while (!owner && Date.now() < deadline) {
    if (existsSync(file)) return readFile(file, "utf8");
    try {
      await mkdir(lock); // atomic: exactly one process builds, the others wait for its file
      owner = true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  // Past the deadline the lock is taken as left over from a killed run: build anyway (same bytes either way).
  try {
    const json = await runGraphCli();
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, json);
    await rename(tmp, file);
    return json;
  } finally {
    if (owner || Date.now() >= deadline) await rm(lock, { recursive: true, force: true });
  }
}

async function runGraphCli(): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), "papergraph-graph-"));
  try {
    const tsx = path.join(ROOT, "node_modules/.bin/tsx");
    await promisify(execFile)(tsx, ["src/cli/main.ts", "graph", "--out", outDir], { cwd: ROOT, maxBuffer: 1 << 26 });
    return await readFile(path.join(outDir, "graph.json"), "utf8");
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** SHA-256 over the paths and contents of every file the seeds graph depends on (the pipeline, the CLI, seeds/). */
export async function inputsHash(): Promise<string> {
  const hash = createHash("sha256");
  const files: string[] = [];
  for (const d of ["seeds", "src/cli", "src/pipeline", "src/model"]) {
    for (const entry of await readdir(path.join(ROOT, d), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)));
    }
  }
  files.push("package-lock.json", "papergraph.config.json");
  for (const f of files.sort()) {
    hash.update(f + "\0");
    if (existsSync(path.join(ROOT, f))) hash.update(await readFile(path.join(ROOT, f)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** The hook snapshot's data (its functions cannot cross into Node; see nodePosition for the one there is). */
export type HookData = Omit<PapergraphTestHooks, "nodePagePosition">;

/** The app's current test-hook snapshot (throws when the app has not published one yet). */
export async function hooks(page: Page): Promise<HookData> {
  const h = await page.evaluate(() => {
    const w = (window as unknown as { __papergraph?: PapergraphTestHooks }).__papergraph;
    if (!w) return null;
    const data: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(w)) if (typeof v !== "function") data[k] = v;
    return data as HookData;
  });
  if (!h) throw new Error("window.__papergraph is not published");
  return h;
}

/** Where the renderer draws a node now, in page coordinates (to hover or click it), or null. */
export async function nodePosition(page: Page, key: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate((k) => (window as unknown as { __papergraph?: PapergraphTestHooks }).__papergraph?.nodePagePosition?.(k) ?? null, key);
}

/** Waits until the hook snapshot satisfies `pred` (the snapshot is replaced after each React commit). */
/**
 * Waits until `pred` (an expression over the hook data `h`) holds. The predicate is evaluated here, in Node, on the
 * data read from the page: evaluating a string inside the page is eval, which the app's Content-Security-Policy refuses.
 */
export async function waitHooks(page: Page, pred: string, timeout = UI_TIMEOUT): Promise<HookData> {
  const test = new Function("h", `return !!h && (${pred});`) as (h: unknown) => boolean;
  const deadline = Date.now() + timeout;
  for (;;) {
    const h = await page.evaluate(() => {
      const w = (window as unknown as { __papergraph?: Record<string, unknown> }).__papergraph;
      if (!w) return null;
      const data: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(w)) if (typeof v !== "function") data[k] = v;
      return data;
    });
    if (test(h)) return hooks(page);
    if (Date.now() > deadline) throw new Error(`waitHooks: timed out after ${timeout} ms waiting for ${pred}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface PixelStats {
  width: number;
  height: number;
  /** Pixels whose colour differs from the most common colour (the background) by more than a small tolerance. */
  nonBackground: number;
  /** Distinct colours after quantising to 5 bits per channel. */
  colours: number;
}

/**
 * Decodes a PNG in the page (the browser's own decoder, so no PNG library is needed in Node) and counts pixels that
 * are not the background colour. Background = the most frequent colour, so this works on white or tinted backgrounds.
 */
export async function pixelStats(page: Page, png: Buffer): Promise<PixelStats> {
  return page.evaluate(async (b64: string) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("no 2d context");
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const freq = new Map<number, number>();
    const quant = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const c = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      freq.set(c, (freq.get(c) ?? 0) + 1);
      quant.add(((data[i]! >> 3) << 10) | ((data[i + 1]! >> 3) << 5) | (data[i + 2]! >> 3));
    }
    let bg = 0, best = -1;
    for (const [c, n] of freq) if (n > best) [bg, best] = [c, n];
    const br = bg >> 16, bgG = (bg >> 8) & 255, bb = bg & 255;
    let nonBackground = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - br) + Math.abs(data[i + 1]! - bgG) + Math.abs(data[i + 2]! - bb) > 24) nonBackground++;
    }
    return { width: bitmap.width, height: bitmap.height, nonBackground, colours: quant.size };
  }, png.toString("base64"));
}

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString("latin1", 12, 16) !== "IHDR") {
    throw new Error(`not a PNG (starts with ${png.subarray(0, 8).toString("hex")})`);
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Everything a browser test file needs, started once in beforeAll and stopped in afterAll. */
export interface E2eContext {
  browser: Browser;
  url: string;
  outDir: string;
  close(): Promise<void>;
}

export async function startE2e(graphJson: string | null): Promise<E2eContext> {
  assertChromium(); // first, so a missing browser fails fast instead of after a 40 s build
  const outDir = await buildApp(graphJson ?? "");
  if (graphJson === null) await rm(path.join(outDir, "data/graph.json"));
  const { server, url } = await serve(outDir);
  const browser = await launch();
  return {
    browser,
    url,
    outDir,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/**
 * Serves a copy of an already-built app with another graph file (or none, for `null`): no second vite build.
 * Call the returned close() when done.
 */
export async function serveVariant(outDir: string, graphJson: string | null, opts: { explorer?: boolean } = {}): Promise<{ url: string; dir: string; close(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "papergraph-variant-"));
  await cp(outDir, dir, { recursive: true });
  if (graphJson === null) await rm(path.join(dir, "data"), { recursive: true, force: true });
  else await writeGraphData(dir, graphJson, opts);
  const { server, url } = await serve(dir);
  return {
    url,
    dir,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts collecting the page's long tasks (PerformanceObserver 'longtask': main-thread work over 50 ms); the returned
 * function gives their durations (ms) since this call. One observer per page, installed on the first call: a second
 * one would report every task twice.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks?: number[]; __longTaskObserver?: PerformanceObserver };
    w.__longTasks = [];
    if (w.__longTaskObserver) return;
    w.__longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks!.push(Math.round(e.duration));
    });
    w.__longTaskObserver.observe({ type: "longtask" });
  });
  return () => page.evaluate(() => [...((window as unknown as { __longTasks?: number[] }).__longTasks ?? [])]);
}


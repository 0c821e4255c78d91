/**
 * Browser-test harness: builds the real app and the real seeds graph into a temporary folder, serves it on
 * 127.0.0.1 and drives Debian's Chromium with playwright-core (no test tool downloads a browser of its own).
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";

export const ROOT = path.resolve(__dirname, "../..");
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

/** Builds the app once into a temporary folder; `graphJson` is written to data/graph.json beside it. */
export async function buildApp(graphJson: string): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), "papergraph-app-"));
  await build({ root: ROOT, configFile: path.join(ROOT, "vite.config.ts"), logLevel: "error", build: { outDir, emptyOutDir: true } });
  await mkdir(path.join(outDir, "data"), { recursive: true });
  await writeFile(path.join(outDir, "data/graph.json"), graphJson);
  return outDir;
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
}

/** Records console errors/warnings, page errors and every request that would leave the machine. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], external: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") watch.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => watch.errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost", "[::1]"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) watch.external.push(r.url());
  });
  return watch;
}

/** Resolves when the app says its first render is complete. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __papergraph?: { ready?: boolean } }).__papergraph?.ready === true, null, { timeout });
}

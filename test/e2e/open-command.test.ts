/**
 * `papergraph open seeds/` end to end (issue 16): the command builds the seeds, serves them with the bundled explorer
 * and prints a URL; that URL, opened in a real Chromium, shows the explorer with the whole seeds graph, with no
 * error and no request leaving the machine. Fails (does not skip) when Chromium is missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExplorer } from "../../src/cli/explorer";
import { appMessages, assertChromium, hooks, launch, openApp, ROOT } from "./harness";

let child: ChildProcess | undefined;
let browser: Browser | undefined;
let url = "";
let stderr = "";

beforeAll(async () => {
  assertChromium();
  const explorer = await ensureExplorer(() => {});
  if ("error" in explorer) throw new Error(explorer.error);
  // As a user types it, in the repository: `npx papergraph open seeds/` (node bin/papergraph.js is what npx runs).
  child = spawn(process.execPath, [path.join(ROOT, "bin/papergraph.js"), "open", "seeds/", "--port", "0"], {
    cwd: ROOT,
    env: { ...process.env, BROWSER: undefined, PAPERGRAPH_PROGRESS: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child!.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child!.on("exit", (code) => reject(new Error(`papergraph open exited ${code}:\n${stderr}`)));
  });
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  child?.kill("SIGTERM");
});

describe("papergraph open seeds/", () => {
  it("prints a URL on which the explorer shows the seeds graph", async () => {
    const { page, watch } = await openApp(browser!, url);
    const h = await hooks(page);
    expect(h.error).toBeNull();
    expect(h.rendererOk).toBe(true);
    // The seeds graph: 244 papers, 451 authors (with seeds/thesaurus.csv), 150 topics.
    expect(h.graphOrder).toBe(845);
    expect(h.visibleNodeCount).toBeGreaterThan(0);
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
    for (const phase of ["read", "identity", "topics", "clusters", "graph", "write"]) expect(stderr).toMatch(new RegExp(`^\\[${phase}\\] done`, "m"));
    await page.close();
  }, 120_000);
});

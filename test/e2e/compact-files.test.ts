/**
 * The explorer on its compact files (issue 10) in a real Chromium: the seeds graph built by the CLI, served with
 * data/explorer/ beside data/graph.json as `npm run graph` writes them. It reads core.bin and never graph.json, shows
 * the same counts as the same graph read from graph.json, fetches a paper's abstract only when its details open, and
 * falls back to graph.json (saying so) when core.bin is damaged. No console errors, no outside requests.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMessages, assertChromium, buildSeedsGraph, hooks, serveVariant, startE2e, UI_TIMEOUT, waitHooks, waitReady, watchPage, type E2eContext, type PageWatch } from "./harness";

let ctx: E2eContext;
let seeds: string;

beforeAll(async () => {
  assertChromium();
  seeds = await buildSeedsGraph();
  ctx = await startE2e(seeds);
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

/** A page watched (requests included) from its first request, once the app's first frame is drawn. */
async function open(url: string): Promise<{ page: Page; watch: PageWatch; requests: string[] }> {
  const page = await ctx.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const watch = watchPage(page);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(url);
  await waitReady(page);
  return { page, watch, requests };
}

const LENSES = [
  ["Co-authors", "coauthor"],
  ["Topics", "topics"],
  ["Full graph", "full"],
] as const;

async function countsPerLens(page: Page): Promise<Record<string, [number, number, string]>> {
  const out: Record<string, [number, number, string]> = {};
  for (const [label, id] of LENSES) {
    await page.getByRole("group", { name: "Lens" }).getByRole("button", { name: label }).click();
    const h = await waitHooks(page, `h.lens === ${JSON.stringify(id)}`);
    const status = (await page.getByTestId("status-bar").locator('[role="status"]').first().textContent()) ?? "";
    out[id] = [h.visibleNodeCount, h.visibleEdgeCount, status];
  }
  return out;
}

describe("explorer on the compact files", () => {
  it("reads data/explorer/core.bin, never graph.json, and no heavy text before a panel asks", async () => {
    const { page, watch, requests } = await open(ctx.url);
    try {
      const h = await hooks(page);
      expect(h.rendererOk).toBe(true);
      expect(h.error).toBeNull();
      expect(requests).toContain("/data/explorer/core.bin");
      expect(requests).not.toContain("/data/graph.json");
      expect(requests.filter((r) => /details-\d+\.json$/.test(r))).toEqual([]);
      // Everything the lens shows is drawn, once: the renderer holds exactly the visible nodes and edges.
      expect(h.renderedNodeCount).toBe(h.visibleNodeCount);
      expect(h.drawnEdgeCount).toBe(h.visibleEdgeCount);
      expect(h.overview).toBe(false);
      // Drawn once: sigma's first frame is the lens (no unfiltered frame first, no second full refresh after it).
      const renders = () => page.evaluate(() => (window as unknown as { __papergraph: { renderCount(): number } }).__papergraph.renderCount());
      expect(await renders()).toBe(1);
      await page.waitForTimeout(1500);
      expect(await renders()).toBe(1);
      expect(appMessages(watch)).toEqual([]);
      expect(watch.external).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("shows the same counts in every lens as the same graph read from graph.json", async () => {
    const variant = await serveVariant(ctx.outDir, seeds, { explorer: false });
    const compact = await open(ctx.url);
    const json = await open(variant.url);
    try {
      expect(json.requests).toContain("/data/graph.json");
      const a = await countsPerLens(compact.page);
      const b = await countsPerLens(json.page);
      expect(a).toEqual(b);
      expect(a.full![0]).toBeGreaterThan(a.coauthor![0]);
      expect(appMessages(compact.watch)).toEqual([]);
      expect(appMessages(json.watch)).toEqual([]);
    } finally {
      await compact.page.close();
      await json.page.close();
      await variant.close();
    }
  });

  it("fetches a paper's abstract when its details open", async () => {
    const graph = JSON.parse(seeds) as { nodes: { key: string; attributes: Record<string, unknown> }[] };
    const paper = graph.nodes.find((n) => n.attributes.kind === "paper" && typeof n.attributes.title === "string" && typeof n.attributes.abstract === "string" && (n.attributes.abstract as string).length > 200)!;
    const title = paper.attributes.title as string;
    const { page, watch, requests } = await open(ctx.url);
    try {
      const input = page.getByTestId("search-input");
      await input.click();
      await input.fill(title);
      const option = page.getByRole("listbox", { name: /Search authors, papers and topics/ }).getByRole("option").filter({ hasText: title }).first();
      await option.waitFor({ timeout: UI_TIMEOUT });
      expect(requests.filter((r) => /details-\d+\.json$/.test(r))).toEqual([]);
      await option.click();
      await waitHooks(page, `h.selected === ${JSON.stringify(paper.key)}`);
      const abstract = page.getByTestId("details-panel").locator(".abstract");
      await abstract.waitFor({ timeout: UI_TIMEOUT });
      expect((await abstract.textContent())!.slice(0, 80)).toBe((paper.attributes.abstract as string).slice(0, 80));
      // One chunk of heavy text for one paper (the search worker reads only the search chunks).
      expect(requests.filter((r) => /details-\d+\.json$/.test(r))).toHaveLength(1);
      expect(appMessages(watch)).toEqual([]);
      expect(watch.external).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it("reads graph.json instead when core.bin is damaged, and says so in the status bar", async () => {
    const variant = await serveVariant(ctx.outDir, seeds);
    const { page: probe } = await open(variant.url);
    const healthy = await hooks(probe);
    await probe.close();
    // Cut core.bin in half: a download that stopped midway.
    const file = path.join(variant.dir, "data/explorer/core.bin");
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length >> 1));
    const { page, watch, requests } = await open(variant.url);
    try {
      expect(requests).toContain("/data/graph.json");
      const h = await hooks(page);
      expect(h.rendererOk).toBe(true);
      expect([h.visibleNodeCount, h.visibleEdgeCount]).toEqual([healthy.visibleNodeCount, healthy.visibleEdgeCount]);
      const warning = await page.getByTestId("status-bar").locator(".warn").textContent();
      expect(warning).toMatch(/core\.bin: .*truncated or damaged.*\(read graph\.json instead\)/);
      expect(appMessages(watch)).toEqual([]);
    } finally {
      await page.close();
      await variant.close();
    }
  });
});

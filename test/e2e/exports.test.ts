/**
 * Exports from the explorer in a real Chromium (issue 6): PNG at 1x and 2x, SVG and GEXF of the current view,
 * downloaded through the Export dialog exactly as a user does, then read back from disk and checked.
 * Fails (does not skip) when Chromium is missing: startE2e throws with the install command.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ROOT, assertChromium, buildSeedsGraph, hooks, pixelStats, pngSize, serveVariant, startE2e, waitHooks, type E2eContext, type PageWatch, UI_TIMEOUT, appMessages, openApp, takeCspViolations } from "./harness";

let ctx: E2eContext;
let page: Page;
let watch: PageWatch;
let seedsGraph: string;

/** The seeds graph with Esther Puyol-Antón (a real, central author of seeds/) renamed to `name`. */
function renamed(name: string): string {
  const json = JSON.parse(seedsGraph) as { nodes: { key: string; attributes: Record<string, unknown> }[] };
  const node = json.nodes.find((n) => n.attributes.name === "Esther Puyol-Antón");
  if (!node) throw new Error("the seeds graph has no Esther Puyol-Antón");
  Object.assign(node.attributes, { name, label: name, aliases: [name] });
  return JSON.stringify(json);
}

beforeAll(async () => {
  assertChromium(); // before the 40 s graph build: a missing browser fails the file at once
  seedsGraph = await buildSeedsGraph();
  ctx = await startE2e(seedsGraph);
  ({ page, watch } = await openApp(ctx.browser, ctx.url));
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

// The explorer runs under its Content-Security-Policy (vite.config.ts): any violation on any page fails the test.
afterEach(() => {
  expect(takeCspViolations()).toEqual([]);
});

interface ExportChoice {
  format: RegExp;
  scale?: "1x" | "2x" | "4x";
  legend?: boolean;
  scope?: "Current view" | "Whole graph";
}

/** Opens the Export dialog (if closed), sets the choices, clicks Download and returns the downloaded file. */
async function exportFile(page: Page, choice: ExportChoice): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.getByRole("dialog", { name: "Export" });
  if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Export", exact: true }).click();
  await dialog.getByRole("radio", { name: choice.format }).check();
  if (choice.scope) await dialog.getByRole("radio", { name: choice.scope }).check();
  if (choice.scale) await dialog.getByLabel("Scale").selectOption({ label: choice.scale });
  if (choice.legend !== undefined) await dialog.getByRole("checkbox", { name: "Include legend" }).setChecked(choice.legend);
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), dialog.getByRole("button", { name: "Download" }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

/** Parses XML with the browser's strict parser; returns the root name, counts of the given tags, or the parse error. */
async function parseXml(page: Page, bytes: Buffer, mime: string, tags: string[], titleOf?: string) {
  return page.evaluate(
    ({ text, mime, tags, titleOf }) => {
      const doc = new DOMParser().parseFromString(text, mime as DOMParserSupportedType);
      const error = doc.getElementsByTagName("parsererror")[0]?.textContent ?? null;
      const counts = Object.fromEntries(tags.map((t) => [t, doc.getElementsByTagName(t).length]));
      // Circles titled with a given text (SVG) / nodes labelled with it (GEXF): proves the text survived escaping.
      const titled = titleOf === undefined ? 0 : [...doc.getElementsByTagName("title")].filter((t) => t.textContent === titleOf).length;
      const labelled = titleOf === undefined ? 0 : [...doc.getElementsByTagName("node")].filter((n) => n.getAttribute("label") === titleOf).length;
      return { root: doc.documentElement.localName, error, counts, titled, labelled };
    },
    { text: bytes.toString("utf8"), mime, tags, titleOf },
  );
}

async function stageSize(): Promise<{ width: number; height: number }> {
  return page.locator(".graph-canvas").evaluate((el) => ({ width: el.clientWidth, height: el.clientHeight }));
}

describe("exports of the current view", () => {
  it("downloads a PNG at 1x and 2x with the stage's pixel size times the scale, not blank", async () => {
    const stage = await stageSize();
    const one = await exportFile(page, { format: /PNG image/, scale: "1x", legend: false });
    expect(one.name).toMatch(/\.png$/);
    expect(pngSize(one.bytes)).toEqual(stage);
    const s1 = await pixelStats(page, one.bytes);
    // Without the legend, whatever is not background is the graph itself.
    expect(s1.nonBackground / (s1.width * s1.height)).toBeGreaterThan(0.02);
    expect(s1.colours).toBeGreaterThan(10);

    const two = await exportFile(page, { format: /PNG image/, scale: "2x", legend: false });
    expect(pngSize(two.bytes)).toEqual({ width: stage.width * 2, height: stage.height * 2 });
    const s2 = await pixelStats(page, two.bytes);
    // 2x enlarges the drawing (discs, edges, labels), not only the canvas: about four times the inked pixels.
    const ratio = s2.nonBackground / s1.nonBackground;
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(6);

    // The legend adds ink in the top-left corner.
    const withLegend = await exportFile(page, { format: /PNG image/, scale: "1x", legend: true });
    expect(pngSize(withLegend.bytes)).toEqual(stage);
    expect((await pixelStats(page, withLegend.bytes)).nonBackground).toBeGreaterThan(s1.nonBackground);
    expect(appMessages(watch)).toEqual([]);
  });

  it("downloads an SVG with one circle per visible node", async () => {
    const h = await hooks(page);
    const svg = await exportFile(page, { format: /^SVG/, scope: "Current view", legend: false });
    expect(svg.name).toMatch(/\.svg$/);
    const parsed = await parseXml(page, svg.bytes, "image/svg+xml", ["circle", "line"]);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("svg");
    expect(parsed.counts.circle).toBe(h.visibleNodeCount);
    expect(parsed.counts.line).toBe(h.visibleEdgeCount);
  });

  it("downloads a GEXF of the current view after a filter, with the visible nodes and edges only", async () => {
    await page.getByRole("group", { name: "Lens" }).getByRole("button", { name: "Full graph" }).click();
    await waitHooks(page, `h.lens === "full"`);
    const from = page.getByLabel("From year");
    await from.fill(String(Number(await from.getAttribute("max")) - 1));
    const h = await waitHooks(page, `h.filter.yearRange !== null`);
    expect(h.visibleNodeCount).toBeLessThan(h.graphOrder);
    const gexf = await exportFile(page, { format: /^GEXF/, scope: "Current view" });
    expect(gexf.name).toMatch(/\.gexf$/);
    const parsed = await parseXml(page, gexf.bytes, "application/xml", ["node", "edge"]);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("gexf");
    expect(parsed.counts.node).toBe(h.visibleNodeCount);
    expect(parsed.counts.edge).toBe(h.visibleEdgeCount);

    const whole = await exportFile(page, { format: /^GEXF/, scope: "Whole graph" });
    const all = await parseXml(page, whole.bytes, "application/xml", ["node", "edge"]);
    expect(all.counts.node).toBe(h.graphOrder);
    expect(all.counts.edge).toBe(h.graphSize);
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("escapes names with markup characters in SVG and GEXF (and shows them as text)", async () => {
    // Adversarial copy of the seeds graph: one real author renamed to a name full of XML/HTML specials (quotes,
    // angle brackets, a literal entity, a bare ampersand, non-ASCII letters), served as the app's graph file.
    const NAME = `Zoë "Q" O'Brien <b>&amp; Co</b> & Søn`;
    const variant = await serveVariant(ctx.outDir, renamed(NAME));
    const { page: p, watch: w } = await openApp(ctx.browser, variant.url);
    try {
      const input = p.getByTestId("search-input");
      await input.fill("brien");
      await p.getByRole("option", { name: /O'Brien/ }).first().waitFor();
      await input.press("Enter");
      const title = p.getByTestId("details-panel").locator("h2");
      await expect.poll(() => title.textContent(), { timeout: UI_TIMEOUT }).toBe(NAME);
      // Rendered as text: no <b> element made from the name.
      expect(await title.locator("b").count()).toBe(0);

      const h = await hooks(p);
      const svg = await parseXml(p, (await exportFile(p, { format: /^SVG/, scope: "Current view", legend: false })).bytes, "image/svg+xml", ["circle"], NAME);
      expect(svg.error).toBeNull();
      expect(svg.counts.circle).toBe(h.visibleNodeCount);
      expect(svg.titled).toBe(1);
      const gexf = await parseXml(p, (await exportFile(p, { format: /^GEXF/, scope: "Current view" })).bytes, "application/xml", ["node"], NAME);
      expect(gexf.error).toBeNull();
      expect(gexf.labelled).toBe(1);
      expect(appMessages(w)).toEqual([]);
      expect(w.external).toEqual([]);
    } finally {
      await p.close();
      await variant.close();
    }
  });

  it("opens another graph file with Open… and exports from it, without page errors", async () => {
    const NAME = "Opened Graph Author";
    const { page: p, watch: w } = await openApp(ctx.browser, ctx.url);
    try {
      await p.getByRole("button", { name: "Open…" }).click();
      await p.getByLabel("Open files (replaces the graph)").setInputFiles({ name: "renamed.json", mimeType: "application/json", buffer: Buffer.from(renamed(NAME)) });
      await expect.poll(() => p.getByText(NAME).count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await waitHooks(p, "h.ready && h.rendererOk", 30_000);
      const svg = await parseXml(p, (await exportFile(p, { format: /^SVG/, scope: "Whole graph", legend: false })).bytes, "image/svg+xml", ["circle"], NAME);
      expect(svg.titled).toBe(1);
      expect(appMessages(w)).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it("builds a graph from dropped listings in a worker, with a per-file summary", async () => {
    const { page: p, watch: w } = await openApp(ctx.browser, ctx.url);
    try {
      // Two real seed listings (arXiv listing 003_, compact profile 004_) and a file that is not a listing.
      await p.getByRole("button", { name: "Open…" }).click();
      await p.getByLabel("Open files (replaces the graph)").setInputFiles([
        ...(await Promise.all(["003_b7b40e951325af8c.txt", "004_ffc89207e1d731a7.txt"].map(async (name) => ({ name, mimeType: "text/plain", buffer: await readFile(path.join(ROOT, "seeds", name)) })))),
        { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("remember to email Lena\n") },
      ]);
      const summary = p.getByTestId("build-summary");
      await summary.waitFor({ timeout: 120_000 });
      await expect.poll(() => summary.textContent()).toMatch(/Built from 3 files: 60 records/);
      expect(await summary.textContent()).toMatch(/notes\.txt: not recognised, 0 records/);
      await waitHooks(p, "h.ready && h.rendererOk && h.graphOrder > 0", 60_000);
      // 60 records, one paper read twice ("Why is the winner the best?" in 003_ and 004_).
      const papers = (await p.getByTestId("status-bar").textContent()) ?? "";
      expect(papers).toMatch(/59 papers/);
      expect(appMessages(w)).toEqual([]);
    } finally {
      await p.close();
    }
  });
});

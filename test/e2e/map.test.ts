/**
 * The explorer reads like a map (issue 14), in a real Chromium on the real seeds graph: labels never overlap (at rest,
 * on the biggest hub's hover, in PNG and SVG exports), cluster names are drawn and frame their cluster, the palette
 * keeps the top groups apart, the large-paper control changes the co-author network, exports carry real colours,
 * dark mode switches page and canvas, the sidebar starts at the top, and a tap on a phone picks the node under the
 * finger. Label boxes are read from the test hooks (what LabelLayer drew); the SVG's are measured by the browser.
 * Fails (does not skip) when Chromium is missing: startE2e throws with the install command.
 */
import { networkxPython } from "../helpers/python";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NONE_COLOR } from "../../src/model/appearance";
import { overlappingPairs, type Box } from "../../src/model/label-placement";
import { appMessages, assertChromium, buildSeedsGraph, hooks, nodePosition, openApp, pixelStats, startE2e, UI_TIMEOUT, waitHooks, type E2eContext, type PageWatch } from "./harness";

interface SeedsJson {
  attributes: { communities: Record<string, { label: string; size: number; noLinks?: boolean }>; largePapers: { maxAuthors: number } };
  nodes: { key: string; attributes: { kind: string; community: number; label: string } }[];
  edges: { source: string; target: string; attributes: { kind: string } }[];
}

let ctx: E2eContext;
let page: Page;
let watch: PageWatch;
let seeds: SeedsJson;
/** The seeds' biggest hub in the co-author lens (the author with the most co-author links) and its neighbours. */
let hub: string;
let hubNeighbours: Set<string>;

beforeAll(async () => {
  assertChromium();
  const json = await buildSeedsGraph();
  seeds = JSON.parse(json) as SeedsJson;
  const degree = new Map<string, Set<string>>();
  for (const e of seeds.edges) {
    if (e.attributes.kind !== "coauthor") continue;
    for (const [a, b] of [[e.source, e.target], [e.target, e.source]] as const) {
      if (!degree.has(a)) degree.set(a, new Set());
      degree.get(a)!.add(b);
    }
  }
  [hub, hubNeighbours] = [...degree].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))[0]!;
  ctx = await startE2e(json);
  ({ page, watch } = await openApp(ctx.browser, ctx.url));
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

type Drawn = Box & { key: string; kind: "node" | "cluster"; text: string };
const drawn = (p: Page = page) => p.evaluate(() => (window as unknown as { __papergraph: { drawnLabels: () => Drawn[] } }).__papergraph.drawnLabels());
const colorOf = (key: string, p: Page = page) => p.evaluate((k) => (window as unknown as { __papergraph: { nodeColor: (k: string) => string | null } }).__papergraph.nodeColor(k), key);
const describePairs = (labels: Drawn[]) => overlappingPairs(labels).map(([a, b]) => `"${labels[a]!.text}" / "${labels[b]!.text}"`);

/** Waits until two consecutive reads of the drawn labels agree (the frame after a state change has been drawn). */
async function settledLabels(p: Page = page): Promise<Drawn[]> {
  let last = JSON.stringify(await drawn(p));
  for (let i = 0; i < 40; i++) {
    await p.waitForTimeout(200);
    const now = JSON.stringify(await drawn(p));
    if (now === last) return JSON.parse(now) as Drawn[];
    last = now;
  }
  return JSON.parse(last) as Drawn[];
}

async function exportFile(p: Page, choice: { format: RegExp; scope?: "Current view" | "Whole graph"; asShown?: boolean; legend?: boolean; framing?: RegExp }) {
  const dialog = p.getByRole("dialog", { name: "Export" });
  if (!(await dialog.isVisible())) await p.getByRole("button", { name: "Export", exact: true }).click();
  await dialog.getByRole("radio", { name: choice.format }).check();
  if (choice.scope) await dialog.getByRole("radio", { name: choice.scope }).check();
  if (choice.framing) await dialog.getByRole("radio", { name: choice.framing }).check();
  if (choice.legend !== undefined) await dialog.getByRole("checkbox", { name: "Include legend" }).setChecked(choice.legend);
  if (choice.asShown !== undefined) await dialog.getByRole("checkbox", { name: /As shown/ }).setChecked(choice.asShown);
  const [download] = await Promise.all([p.waitForEvent("download", { timeout: 60_000 }), dialog.getByRole("button", { name: "Download" }).click()]);
  return readFile((await download.path())!);
}

async function closeDialog(p: Page = page) {
  if (await p.getByRole("dialog", { name: "Export" }).isVisible()) await p.keyboard.press("Escape");
}

async function selectByKey(key: string, p: Page = page) {
  await p.evaluate(() => window.scrollTo(0, 0));
  const pos = await nodePosition(p, key);
  expect(pos, `${key} is drawn`).not.toBeNull();
  await p.mouse.click(pos!.x, pos!.y);
  await waitHooks(p, `h.selected === ${JSON.stringify(key)}`);
}

async function clearSelection(p: Page = page) {
  await p.mouse.move(2, 2);
  await p.keyboard.press("Escape");
  await waitHooks(p, "h.selected === null && h.hovered === null");
}

/** GEXF viz colours of every node, "r,g,b". */
const vizColors = (gexf: string) => [...gexf.matchAll(/<viz:color r="(\d+)" g="(\d+)" b="(\d+)"/g)].map((m) => `${m[1]},${m[2]},${m[3]}`);

async function networkxReads(gexf: Buffer): Promise<{ nodes: number; edges: number; directed: boolean }> {
  const dir = await mkdtemp(path.join(tmpdir(), "papergraph-nx-"));
  try {
    const file = path.join(dir, "graph.gexf");
    await writeFile(file, gexf);
    const script = "import sys, json, networkx as nx\nG = nx.read_gexf(sys.argv[1])\nprint(json.dumps({'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(), 'directed': G.is_directed()}))";
    const { stdout } = await promisify(execFile)(networkxPython(), ["-c", script, file], { maxBuffer: 1 << 24 });
    return JSON.parse(stdout) as { nodes: number; edges: number; directed: boolean };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("labels that never overlap", () => {
  it("at rest: labels and cluster names drawn, none overlapping another", async () => {
    const labels = await settledLabels();
    expect(labels.filter((l) => l.kind === "node").length).toBeGreaterThan(3);
    expect(describePairs(labels)).toEqual([]);
    const h = await hooks(page);
    expect(h.colorMode).toBe("community");
    // Cluster names on the map: the largest communities, in their colour's group.
    const names = labels.filter((l) => l.kind === "cluster");
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.map((n) => n.text)).toContain(h.clusterLabels![0]!.label);
    expect(appMessages(watch)).toEqual([]);
  });

  it("on hover of the biggest hub: every lit neighbour labelled without overlap, or listed", async () => {
    const pos = (await nodePosition(page, hub))!;
    await page.mouse.move(pos.x, pos.y);
    await waitHooks(page, `h.hovered === ${JSON.stringify(hub)}`);
    const labels = await settledLabels();
    expect(describePairs(labels)).toEqual([]);
    const h = await hooks(page);
    const labelled = new Set(labels.filter((l) => l.kind === "node").map((l) => l.key));
    expect(labelled.has(hub)).toBe(true);
    const listed = new Set(h.labelOverflow);
    const missing = [...hubNeighbours].filter((k) => !labelled.has(k) && !listed.has(k));
    expect(missing, "lit neighbours neither labelled nor listed").toEqual([]);
    if (listed.size) expect(await page.getByTestId("label-overflow").count()).toBe(1);
    await page.mouse.move(2, 2);
    await waitHooks(page, "h.hovered === null");
  });

  it("in the PNG (both framings) and the SVG export", async () => {
    for (const framing of [/What the screen shows/, /The whole view, fitted/]) {
      await exportFile(page, { format: /PNG image/, framing });
      const labels = await page.evaluate(() => (window as unknown as { __papergraph: { lastPngLabels: () => Box[] } }).__papergraph.lastPngLabels());
      expect(labels.length).toBeGreaterThan(3);
      expect(overlappingPairs(labels)).toEqual([]);
    }
    const svg = (await exportFile(page, { format: /^SVG/, scope: "Current view" })).toString("utf8");
    await closeDialog();
    // Measured by the browser with the app's own fonts: the SVG inlined into the page, each <text>'s bounding box.
    const boxes = await page.evaluate((text) => {
      const host = document.createElement("div");
      host.style.cssText = "position:absolute;left:0;top:0;visibility:hidden";
      host.innerHTML = text.replace(/^<\?xml[^>]*>/, "");
      document.body.appendChild(host);
      const out = [...host.querySelectorAll("g.labels > text, g.cluster-names > text")].map((t) => {
        const b = (t as SVGGraphicsElement).getBBox();
        return { x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height, text: t.textContent };
      });
      host.remove();
      return out;
    }, svg);
    expect(boxes.length).toBeGreaterThan(3);
    expect(svg).toContain(`class="cluster-names"`);
    expect(overlappingPairs(boxes).map(([a, b]) => `${boxes[a]!.text} / ${boxes[b]!.text}`)).toEqual([]);
  });
});

describe("clusters and colours", () => {
  it("a cluster name on the map frames the cluster's visible nodes", async () => {
    const names = (await settledLabels()).filter((l) => l.kind === "cluster");
    // The second-largest community's name: the camera has to move to frame it.
    const target = names[1] ?? names[0]!;
    const id = Number(target.key.slice("cluster:".length));
    const before = (await hooks(page)).camera;
    await page.mouse.click((target.x0 + target.x1) / 2, (target.y0 + target.y1) / 2);
    await expect.poll(async () => JSON.stringify((await hooks(page)).camera), { timeout: UI_TIMEOUT }).not.toBe(JSON.stringify(before));
    await page.waitForTimeout(800); // the camera glides
    const stage = (await page.locator(".graph-canvas").boundingBox())!;
    const members = seeds.nodes.filter((n) => n.attributes.kind === "author" && n.attributes.community === id).map((n) => n.key);
    for (const k of members) {
      const p = (await nodePosition(page, k))!;
      expect(p.x).toBeGreaterThanOrEqual(stage.x - 1);
      expect(p.x).toBeLessThanOrEqual(stage.x + stage.width + 1);
      expect(p.y).toBeGreaterThanOrEqual(stage.y - 1);
      expect(p.y).toBeLessThanOrEqual(stage.y + stage.height + 1);
    }
    expect((await hooks(page)).selected).toBeNull();
    await page.getByRole("button", { name: "Show the whole graph" }).click();
  });

  it("keeps the 12 largest communities apart, none in the 'no links' colour; the legend and panel agree", async () => {
    const groups = Object.entries(seeds.attributes.communities)
      .filter(([, c]) => !c.noLinks)
      .sort((a, b) => b[1].size - a[1].size || Number(a[0]) - Number(b[0]))
      .slice(0, 12);
    const memberOf = (id: number) => seeds.nodes.find((n) => n.attributes.kind === "author" && n.attributes.community === id)!.key;
    const colours = await Promise.all(groups.map(([id]) => colorOf(memberOf(Number(id)))));
    expect(new Set(colours).size).toBe(12);
    const noLinks = Object.entries(seeds.attributes.communities).find(([, c]) => c.noLinks)!;
    const grey = await colorOf(memberOf(Number(noLinks[0])));
    expect(grey?.toUpperCase()).toBe(NONE_COLOR);
    expect(colours.map((c) => c!.toUpperCase())).not.toContain(NONE_COLOR);
    // The Clusters panel lists the partition that colours the view, with the canvas's colours.
    const panel = page.getByTestId("clusters-panel");
    expect(await panel.getAttribute("data-mode")).toBe("community");
    const swatch = await panel.locator(".cluster-list li").nth(1).locator(".swatch").evaluate((el) => getComputedStyle(el).backgroundColor);
    const rgb = (hex: string) => `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
    expect(swatch).toBe(rgb(colours[0]!));
    // A count says what it counts, to everyone: visible number, hidden unit, no aria-label on a plain span.
    expect(await panel.locator(".count[aria-label]").count()).toBe(0);
    expect(await panel.locator(".count").first().textContent()).toMatch(/^\d+ authors$/);
  });

  it("colours by first publication year with a gradient legend, and back", async () => {
    await page.getByLabel("Colour").selectOption("yearFirst");
    await waitHooks(page, `h.colorMode === "yearFirst"`);
    expect(await page.getByTestId("legend").locator(".gradient").count()).toBe(1);
    expect((await hooks(page)).clusterLabels).toEqual([]);
    await page.getByLabel("Colour").selectOption("auto");
    await waitHooks(page, `h.colorMode === "community"`);
  });
});

describe("papers with many authors", () => {
  it("the control adds their co-author links and leaves fewer authors isolated", async () => {
    const before = await hooks(page);
    const box = page.getByTestId("large-papers");
    expect(await box.textContent()).toMatch(new RegExp(`more than ${seeds.attributes.largePapers.maxAuthors} authors`));
    await box.getByRole("checkbox").check();
    const after = await waitHooks(page, "h.filter.includeLargePapers === true");
    expect(after.visibleEdgeCount).toBeGreaterThan(before.visibleEdgeCount);
    expect(after.isolatedAuthors!).toBeLessThan(before.isolatedAuthors!);
    expect(page.url()).toContain("large=1");
    await box.getByRole("checkbox").uncheck();
    const back = await waitHooks(page, "h.filter.includeLargePapers === false");
    expect(back.visibleEdgeCount).toBe(before.visibleEdgeCount);
  });
});

describe("exports are what the user means", () => {
  it("a view export with a selection carries real colours unless 'as shown' is ticked; networkx reads every GEXF", async () => {
    await selectByKey(hub);
    const real = (await exportFile(page, { format: /^GEXF/, scope: "Current view", asShown: false })).toString("utf8");
    const shown = (await exportFile(page, { format: /^GEXF/, scope: "Current view", asShown: true })).toString("utf8");
    const dim = "220,221,227"; // the light theme's dimmed node
    expect(vizColors(real).filter((c) => c === dim)).toEqual([]);
    expect(vizColors(shown).filter((c) => c === dim).length).toBeGreaterThan(0);
    const h = await hooks(page);
    expect(await networkxReads(Buffer.from(real))).toMatchObject({ nodes: h.visibleNodeCount, edges: h.visibleEdgeCount, directed: false });
    // The whole graph mixes directed (authored, about) and undirected (coauthor, related) edges: directed default,
    // undirected ones "mutual", which networkx reads in both directions.
    const whole = await exportFile(page, { format: /^GEXF/, scope: "Whole graph" });
    const read = await networkxReads(whole);
    expect(read.nodes).toBe(h.graphOrder);
    expect(read.directed).toBe(true);
    await closeDialog();
    await clearSelection();
  });
});

describe("details, dark mode and small screens", () => {
  it("the details sidebar starts at the top after navigation", async () => {
    await selectByKey(hub);
    const side = page.locator("aside.sidebar.right");
    await side.evaluate((el) => el.scrollTo({ top: 400 }));
    expect(await side.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    const coauthor = page.getByRole("list", { name: "Co-authors by shared papers" }).getByRole("button").first();
    await coauthor.scrollIntoViewIfNeeded();
    await coauthor.click();
    await waitHooks(page, `h.selected !== ${JSON.stringify(hub)}`);
    await expect.poll(() => side.evaluate((el) => el.scrollTop), { timeout: UI_TIMEOUT }).toBe(0);
    await clearSelection();
  });

  it("dark mode switches the page and the canvas, and is remembered", async () => {
    const stageShot = async (p: Page) => pixelStats(p, await p.locator(".graph-canvas").screenshot());
    const background = (p: Page) => p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background(page);
    await page.getByRole("button", { name: /Dark mode/ }).click();
    await waitHooks(page, `h.theme === "dark"`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await background(page)).not.toBe(light);
    const canvasBg = await page.locator(".graph-canvas").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(canvasBg).toBe("rgb(21, 23, 28)");
    expect((await stageShot(page)).nonBackground).toBeGreaterThan(0);
    // Remembered: the next visit (a reload, same browser storage) opens dark.
    await page.reload();
    await waitHooks(page, "h.ready === true", 60_000);
    expect((await hooks(page)).theme).toBe("dark");
    await page.getByRole("button", { name: /Dark mode/ }).click();
    await waitHooks(page, `h.theme === "light"`);
    // A visitor whose system asks for dark gets dark without touching anything (a fresh context: nothing stored).
    const context = await ctx.browser.newContext({ colorScheme: "dark", viewport: { width: 1200, height: 800 } });
    try {
      const p = await context.newPage();
      await p.goto(ctx.url);
      await waitHooks(p, "h.ready === true", 60_000);
      expect((await hooks(p)).theme).toBe("dark");
    } finally {
      await context.close();
    }
  });

  it("at 390x844 the legend starts closed and a tap on the hub selects it; pinch zooms", async () => {
    const context = await ctx.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    try {
      const p = await context.newPage();
      const w = (await import("./harness")).watchPage(p);
      await p.goto(ctx.url);
      await waitHooks(p, "h.ready === true", 60_000);
      expect(await p.getByTestId("legend").evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
      await p.waitForTimeout(800);
      const pos = (await nodePosition(p, hub))!;
      await p.touchscreen.tap(pos.x, pos.y);
      await waitHooks(p, `h.selected === ${JSON.stringify(hub)}`);
      // Pinch: two fingers moving apart around the stage's centre zoom in (the camera ratio falls).
      const stage = (await p.locator(".graph-canvas").boundingBox())!;
      const cx = stage.x + stage.width / 2, cy = stage.y + stage.height / 2;
      const before = await p.evaluate(() => (window as unknown as { __papergraph: { camera: { ratio: number } | null } }).__papergraph.camera?.ratio ?? 1);
      const cdp = await context.newCDPSession(p);
      const touch = (type: "touchStart" | "touchMove" | "touchEnd", d: number) =>
        cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }] });
      await touch("touchStart", 20);
      for (let d = 30; d <= 120; d += 15) await touch("touchMove", d);
      await touch("touchEnd", 0);
      await expect.poll(async () => (await hooks(p)).camera?.ratio ?? 1, { timeout: UI_TIMEOUT }).toBeLessThan(before * 0.8);
      expect(appMessages(w)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Identity review (issue 15, part 3) in a real Chromium on the real seeds graph (built by the CLI, read from the compact
 * files): the panel loads the review on demand, lists the Nick / Nicholas Byrne merge with its evidence; Split and
 * Rename become pending corrections and apply at once to the prebuilt graph (its inputs are not in the browser: graph
 * surgery in the pipeline worker), Nick and Nicholas Byrne two nodes on the canvas; "Export thesaurus" downloads
 * thesaurus.csv, which runPipeline (the CLI's build) reads to give the graph shown. A reload lists the pending
 * corrections again and applies them. On a graph built in the browser from an opened seeds file, Apply and rebuild
 * rebuilds it in the worker with the corrections. A correction is swapped into the explorer shown (neither it nor its
 * renderer is mounted again): the lens, the camera, the search text and the selection (followed to its successor) stay. Long tasks while the panel opens and while a split is applied are
 * measured and printed.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../src/pipeline/options";
import { runPipeline } from "../../src/pipeline/run";
import { seedsInput } from "../fixtures/seeds";
import { appMessages, assertChromium, buildSeedsGraph, hooks, nodePosition, openApp, ROOT, serveVariant, startE2e, UI_TIMEOUT, waitHooks, waitReady, watchLongTasks, type E2eContext, type PageWatch } from "./harness";

let ctx: E2eContext;
let page: Page;
let watch: PageWatch;
/** Nodes of the seeds graph as built (before any correction). */
let asBuiltOrder = 0;
/** Applying a correction at once: the worker's surgery, the compact files read back, swapped into the explorer. */
const APPLY_TIMEOUT = 90_000;

beforeAll(async () => {
  assertChromium();
  const json = await buildSeedsGraph();
  ctx = await startE2e(json);
  ({ page, watch } = await openApp(ctx.browser, ctx.url));
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});


const panel = (p: Page) => p.getByRole("dialog", { name: "Review identities" });
const byrneRow = (p: Page) => panel(p).getByTestId("review-row").filter({ hasText: "Nick Byrne + Nicholas Byrne" });

async function openPanel(p: Page): Promise<void> {
  await p.getByRole("button", { name: /^Review identities/ }).click();
  await panel(p).getByTestId("review-list").waitFor({ timeout: UI_TIMEOUT });
}

/** Presses "Export thesaurus" and reads the real download: [text, suggested file name]. */
async function download(p: Page): Promise<[string, string]> {
  const [file] = await Promise.all([p.waitForEvent("download"), panel(p).getByRole("button", { name: "Export thesaurus" }).click()]);
  return [await readFile(await file.path(), "utf8"), file.suggestedFilename()];
}

describe("identity review on the seeds", () => {
  it("lists merges and near misses by doubt; Split and Rename export a thesaurus the CLI's build reads to the corrected people", async () => {
    await waitHooks(page, "h.ready && h.rendererOk && h.graphOrder > 0", 60_000);
    // A view of the user's own, which the corrected graph must keep: a lens, Nicholas Byrne selected, a camera, text in
    // the search box.
    await page.getByRole("group", { name: "Lens" }).getByRole("button", { name: "Full graph" }).click();
    await page.evaluate(() => {
      window.location.hash = `${window.location.hash.replace(/^#/, "")}&sel=${encodeURIComponent("a:byrne|nicholas")}`;
    });
    await waitHooks(page, `h.lens === "full" && h.selected === "a:byrne|nicholas"`);
    await page.getByRole("button", { name: "Zoom in" }).click();
    await page.getByTestId("search-input").fill("Clough");
    const start = await waitHooks(page, "h.camera !== null && h.camera.ratio < 0.9", UI_TIMEOUT);
    // (Counted per effect run: the test build's React runs them twice under StrictMode, so the figures are compared.)
    expect(start.mounts!.explorer).toBeGreaterThan(0);
    asBuiltOrder = start.graphOrder;
    const longTasks = await watchLongTasks(page);
    const t0 = Date.now();
    await openPanel(page);
    const openedMs = Date.now() - t0;
    const tasks = await longTasks();
    console.log(`[identity-review] seeds: panel open (review fetched on demand) in ${openedMs} ms; long tasks: ${JSON.stringify(tasks)} ms`);

    // Every decision listed (11 merges, 2 near misses on the seeds), most doubtful first.
    const rows = panel(page).getByTestId("review-row");
    expect(await rows.count()).toBe(13);
    const doubts = (await rows.allTextContents()).map((t) => Number(/doubt (\d\.\d\d)/.exec(t)![1]));
    expect(doubts).toEqual([...doubts].sort((a, b) => b - a));
    expect(await panel(page).getByTestId("review-row").and(page.locator('[data-list="keptApart"]')).count()).toBe(2);
    // The prebuilt graph cannot be rebuilt here: the panel says where the corrections apply.
    expect(await panel(page).getByTestId("review-prebuilt-note").textContent()).toMatch(/next npm run graph with the exported thesaurus/);

    // Search, then the Byrne merge with its evidence and weights.
    await panel(page).getByLabel("Search identity decisions").fill("byrne");
    await expect.poll(() => rows.count()).toBe(1);
    const row = byrneRow(page);
    expect(await row.textContent()).toContain("shared co-author: James R. Clough");
    expect(await row.textContent()).toContain("(+2)");
    expect(await row.textContent()).toMatch(/context 3\.5 found, 2 needed/);
    const applying = await watchLongTasks(page);
    const t1 = Date.now();
    await row.getByRole("button", { name: "Split" }).click();
    const pending = panel(page).getByTestId("pending-list");
    await expect.poll(() => pending.textContent()).toContain("Split Nick Byrne from Nicholas Byrne");

    // Applied at once to the prebuilt graph, without its inputs: Nick and Nicholas Byrne are two nodes on the canvas.
    const split = await waitHooks(page, `h.ready && h.rendererOk && h.graphOrder === ${asBuiltOrder + 1}`, APPLY_TIMEOUT);
    const appliedMs = Date.now() - t1;
    console.log(`[identity-review] seeds: split applied at once in ${appliedMs} ms; long tasks: ${JSON.stringify(await applying())} ms`);
    expect(split.visibleNodeCount).toBe(start.visibleNodeCount + 1);
    for (const f of ["x", "y", "ratio"] as const) expect(split.camera![f]).toBeCloseTo(start.camera![f], 3);
    // Swapped into the explorer shown, not remounted: the same explorer and renderer, the lens and the search text
    // kept, the selection followed to the side of the split that keeps the node's place (Nick).
    expect(split.mounts).toEqual(start.mounts);
    expect(split.lens).toBe("full");
    expect(split.selected).toBe("a:byrne|nick");
    expect(await page.getByTestId("search-input").inputValue()).toBe("Clough");
    expect(await nodePosition(page, "a:byrne|nick")).not.toBeNull();
    expect(await nodePosition(page, "a:byrne|nicholas")).not.toBeNull();
    const applied = panel(page).getByTestId("review-applied");
    await applied.waitFor({ timeout: UI_TIMEOUT });
    expect(await applied.textContent()).toMatch(/1 correction applied to the graph shown \(2 people changed\).*Centrality as built/);
    // The dialog, its search and the pending list are kept.
    expect(await panel(page).getByLabel("Search identity decisions").inputValue()).toBe("byrne");

    // Rename Ilkay Oksuz (keyboard: the field takes focus, Enter saves).
    await panel(page).getByLabel("Search identity decisions").fill("Oksuz");
    await panel(page).getByRole("button", { name: "Rename Ilkay Oksuz" }).click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("İlkay Öksüz");
    await page.keyboard.press("Enter");
    await expect.poll(() => pending.textContent()).toContain("Rename Ilkay Oksuz to İlkay Öksüz");
    await expect.poll(() => applied.textContent(), { timeout: APPLY_TIMEOUT }).toMatch(/^2 corrections applied/);

    // Undo takes one away; the pending list keeps the rest.
    await panel(page).getByLabel("Search identity decisions").fill("Hongwei");
    await panel(page).getByTestId("review-row").filter({ hasText: "Hongwei Bran Li ≠ Hongwei Li" }).getByRole("button", { name: "Merge", exact: true }).click();
    await expect.poll(() => pending.locator("li").count()).toBe(3);
    await pending.getByRole("button", { name: /^Undo: Merge Hongwei/ }).click();
    await expect.poll(() => pending.locator("li").count()).toBe(2);
    await waitHooks(page, `h.ready && h.graphOrder === ${asBuiltOrder + 1}`, APPLY_TIMEOUT);
    expect((await hooks(page)).mounts).toEqual(start.mounts);

    const [csv, name] = await download(page);
    expect(name).toBe("thesaurus.csv");
    const lines = csv.split("\n");
    expect(lines).toContain("split,Nick Byrne,Nicholas Byrne");
    expect(lines).toContain("rename,Ilkay Oksuz,İlkay Öksüz");
    // The build's own thesaurus lines are kept (seeds/thesaurus.csv).
    expect(lines).toContain("merge,Patrick Christ,Patrich Ferndinand Christ");
    expect(lines).toContain("split,Hongwei Li,Hongwei Bran Li");

    // VOSviewer's format on request.
    await panel(page).getByLabel("Thesaurus format").selectOption("vosviewer");
    const [vos, vosName] = await download(page);
    expect(vosName).toBe("thesaurus_authors.txt");
    expect(vos.split("\n")[0]).toBe("label\treplace by");
    expect(vos).toContain("Ilkay Oksuz\tİlkay Öksüz");
    expect(await panel(page).textContent()).toMatch(/split lines? left out/);

    // The CLI's build with the exported thesaurus: Nick and Nicholas Byrne are two author nodes; the new name shows.
    const rebuilt = runPipeline({ documents: seedsInput().documents, thesaurus: { file: "thesaurus.csv", text: csv } }, { ...DEFAULT_OPTIONS }).graph;
    const named = (s: string) => rebuilt.filterNodes((_k, a) => a.kind === "author" && (a.aliases as string[]).includes(s));
    expect(named("Nick Byrne")).toHaveLength(1);
    expect(named("Nicholas Byrne")).toHaveLength(1);
    expect(named("Nick Byrne")[0]).not.toBe(named("Nicholas Byrne")[0]);
    expect(rebuilt.getNodeAttribute(named("Ilkay Oksuz")[0]!, "label")).toBe("İlkay Öksüz");
    // The graph shown is already the rebuild's: one node more than as built (the split person).
    expect(rebuilt.order).toBe(asBuiltOrder + 1);
    await waitHooks(page, `h.ready && h.rendererOk && h.graphOrder === ${rebuilt.order}`, APPLY_TIMEOUT);

    // Escape closes the panel and gives focus back to its button; the pending corrections stay.
    await page.keyboard.press("Escape");
    await expect.poll(() => panel(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Review identities \(2\)/);
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("merges two people picked from the graph", async () => {
    const select = async (key: string) => {
      await page.evaluate((k) => {
        window.location.hash = `sel=${encodeURIComponent(k)}`;
      }, key);
      await waitHooks(page, `h.selected === ${JSON.stringify(key)}`);
    };
    await select("a:king|andrew-p");
    await openPanel(page);
    await panel(page).getByRole("button", { name: "Pick for a merge" }).click();
    await select("a:clough|james-r");
    await panel(page).getByRole("button", { name: "Merge Andrew P. King with James R. Clough" }).click();
    await expect.poll(() => panel(page).getByTestId("pending-list").textContent()).toContain("Merge Andrew P. King and James R. Clough");
    await panel(page).getByLabel("Thesaurus format").selectOption("papergraph");
    const [csv] = await download(page);
    expect(csv.split("\n")).toContain("merge,Andrew P. King,James R. Clough");
    // Applied at once too: the split's node more, the merge's one less.
    await waitHooks(page, `h.ready && h.rendererOk && h.graphOrder === ${asBuiltOrder}`, APPLY_TIMEOUT);
    await page.keyboard.press("Escape");
    expect(appMessages(watch)).toEqual([]);
  });

  it("a reload lists the pending corrections again, with a note, and applies them to the prebuilt graph", async () => {
    await page.reload();
    await waitReady(page);
    const note = page.getByTestId("review-restored");
    await note.waitFor({ timeout: UI_TIMEOUT });
    expect(await note.textContent()).toBe("3 pending corrections restored");
    expect(await page.getByRole("button", { name: /^Review identities/ }).textContent()).toBe("Review identities (3)");
    // Applied again: Nick and Nicholas Byrne apart, Andrew P. King and James R. Clough one person.
    await waitHooks(page, `h.ready && h.rendererOk && h.graphOrder === ${asBuiltOrder}`, APPLY_TIMEOUT);
    await expect.poll(() => nodePosition(page, "a:byrne|nick"), { timeout: APPLY_TIMEOUT }).not.toBeNull();
    await openPanel(page);
    const items = await panel(page).getByTestId("pending-list").locator("li").allTextContents();
    expect(items.map((t) => t.replace(/\s*Undo$/, ""))).toEqual(["Split Nick Byrne from Nicholas Byrne", "Rename Ilkay Oksuz to İlkay Öksüz", "Merge Andrew P. King and James R. Clough"]);
    await page.keyboard.press("Escape");
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("on a graph built here from an opened file, Apply rebuilds it in the worker with the corrections", async () => {
    const { page: p, watch: pWatch } = await openApp(ctx.browser, ctx.url);
    await p.getByRole("button", { name: "Open…" }).click();
    const dialog = p.getByRole("dialog", { name: "Open files" });
    const file = "001_bb13e165dd174990.txt"; // King's profile page: Nick Byrne and Nicholas Byrne
    await dialog.getByLabel("Open files (replaces the graph)").setInputFiles([{ name: file, mimeType: "text/plain", buffer: await readFile(path.join(ROOT, "seeds", file)) }]);
    await p.getByTestId("build-summary").waitFor({ timeout: 120_000 });
    const before = await waitHooks(p, "h.ready && h.rendererOk && h.graphOrder > 0", 60_000);
    await p.keyboard.press("Escape");
    await openPanel(p);
    await byrneRow(p).getByRole("button", { name: "Split" }).click();
    await panel(p).getByRole("button", { name: "Apply" }).click();
    await p.getByTestId("build-summary").waitFor({ timeout: 120_000 });
    const after = await waitHooks(p, `h.ready && h.rendererOk && h.graphOrder === ${before.graphOrder + 1}`, 120_000);
    expect(after.graphOrder).toBe(before.graphOrder + 1);
    await p.keyboard.press("Escape");
    await openPanel(p);
    expect(await byrneRow(p).count()).toBe(0);
    await p.close();
    expect(appMessages(pWatch)).toEqual([]);
  });

  // Field scale, on request (PAPERGRAPH_REVIEW_GRAPH=<graph.json>, e.g. the pipeline's build of 10,000 synthetic papers):
  // opening the dialog, searching and splitting, with the long tasks printed.
  it.runIf(!!process.env.PAPERGRAPH_REVIEW_GRAPH)("opens without long blocking on a large graph (measured)", async () => {
    const variant = await serveVariant(ctx.outDir, await readFile(process.env.PAPERGRAPH_REVIEW_GRAPH!, "utf8"));
    try {
      const { page: p, watch: w } = await openApp(ctx.browser, variant.url);
      await waitHooks(p, "h.searchReady", 120_000); // the page's own start-up work is over: what follows is the panel's
      const longTasks = await watchLongTasks(p);
      const t0 = Date.now();
      await openPanel(p);
      const openedMs = Date.now() - t0;
      const opening = await longTasks();
      const text = (await panel(p).textContent()) ?? "";
      const counts = /(\d+) automatic merges? and (\d+) near miss/.exec(text);
      await panel(p).getByLabel("Search identity decisions").fill("wang");
      await panel(p).getByTestId("review-row").first().waitFor({ timeout: UI_TIMEOUT });
      const split = panel(p).getByTestId("review-row").getByRole("button", { name: "Split" }).first();
      if (await split.count()) await split.click();
      const all = await longTasks();
      console.log(`[identity-review] ${process.env.PAPERGRAPH_REVIEW_GRAPH}: ${counts?.[1]} merges, ${counts?.[2]} near misses; panel open in ${openedMs} ms; long tasks opening: ${JSON.stringify(opening)} ms; with search and split: ${JSON.stringify(all)} ms`);
      expect(Math.max(0, ...opening)).toBeLessThan(200); // issue 15: no task over 200 ms
      expect(appMessages(w)).toEqual([]);
      await p.close();
    } finally {
      await variant.close();
    }
  }, 300_000);
});

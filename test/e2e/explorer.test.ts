/**
 * The explorer in a real Chromium (issue 5): the app and the seeds graph are built exactly as a user builds them,
 * served on 127.0.0.1, and driven through the UI (keyboard, clicks, browser history). The test hooks
 * (window.__papergraph) are read only to count what is drawn and to confirm what the UI shows.
 * Fails (does not skip) when Chromium is missing: startE2e throws with the install command.
 */
import type { Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertChromium, buildSeedsGraph, hooks, nodePosition, pixelStats, serveVariant, startE2e, waitHooks, waitReady, watchPage, type E2eContext, type PageWatch, UI_TIMEOUT, appMessages, openApp, takeCspViolations } from "./harness";

// Display name of an author in seeds/ (read in several spellings there, some with and some without the accents).
const PUYOL = "Esther Puyol-Antón";

let ctx: E2eContext;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  assertChromium(); // before the 40 s graph build: a missing browser fails the file at once
  ctx = await startE2e(await buildSeedsGraph());
  ({ page, watch } = await openApp(ctx.browser, ctx.url));
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

// The explorer runs under its Content-Security-Policy (vite.config.ts): any violation on any page fails the test.
afterEach(() => {
  expect(takeCspViolations()).toEqual([]);
});

const detailsTitle = () => page.getByTestId("details-panel").locator("h2");

async function searchAndPick(query: string, name: string): Promise<void> {
  const input = page.getByTestId("search-input");
  await input.click();
  await input.fill(query);
  const listbox = page.getByRole("listbox", { name: /Search authors, papers and topics/ });
  await expect.poll(() => listbox.isVisible(), { timeout: UI_TIMEOUT }).toBe(true);
  const options = listbox.getByRole("option");
  await expect.poll(() => options.count()).toBeGreaterThan(0);
  const labels = await options.locator(".suggestion-label").allTextContents();
  const at = labels.indexOf(name);
  expect(at, `suggestions for "${query}": ${labels.join(" | ")}`).toBeGreaterThanOrEqual(0);
  // Keyboard only: the first option is active after typing; ArrowDown walks to the wanted one, Enter chooses it.
  for (let i = 0; i < at; i++) await input.press("ArrowDown");
  expect(await options.nth(at).getAttribute("aria-selected")).toBe("true");
  await input.press("Enter");
  await expect.poll(() => detailsTitle().textContent(), { timeout: UI_TIMEOUT }).toBe(name);
}

describe("explorer on the seeds graph", () => {
  it("draws the graph with no console errors, no outside requests and a favicon", async () => {
    const h = await hooks(page);
    expect(h.rendererOk).toBe(true);
    expect(h.error).toBeNull();
    expect(h.lens).toBe("coauthor");
    // The co-author lens draws every author of the seeds graph.
    expect(h.visibleNodeCount).toBeGreaterThan(300);
    expect(h.renderedNodeCount).toBe(h.visibleNodeCount);

    // Overlays (legend, camera buttons, messages) are hidden so that only the renderer's canvases can add ink; the
    // same shot with the canvases hidden too is the baseline, so the ink counted is the canvases' own.
    // Hidden through the CSSOM, not a screenshot style sheet: the app's Content-Security-Policy refuses injected styles.
    const setHidden = (selector: string, hidden: boolean) => page.evaluate(([sel, h]) => {
      for (const el of document.querySelectorAll<HTMLElement>(sel as string)) {
        if (h) el.style.setProperty("visibility", "hidden", "important");
        else el.style.removeProperty("visibility");
      }
    }, [selector, hidden] as const);
    const overlays = ".stage > :not(.graph-canvas), .camera-buttons, .graph-canvas > :not(canvas):not(.sigma-container), .graph-canvas [data-testid$='-labels']";
    const stage = page.locator(".graph-canvas");
    await setHidden(overlays, true);
    const drawn = await pixelStats(page, await stage.screenshot());
    await setHidden(".graph-canvas canvas", true);
    const bare = await pixelStats(page, await stage.screenshot());
    await setHidden(".graph-canvas canvas", false);
    await setHidden(overlays, false);
    expect(bare.nonBackground).toBe(0);
    // Hundreds of coloured discs and edges: far more than 2% of the stage differs from the background, in many colours.
    expect(drawn.nonBackground / (drawn.width * drawn.height)).toBeGreaterThan(0.02);
    expect(drawn.colours).toBeGreaterThan(10);

    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(href).toBeTruthy();
    const icon = await page.request.get(new URL(href!, page.url()).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/image\/svg\+xml/);
    expect(await icon.text()).toMatch(/<svg[\s>]/);

    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("finds an author by search (with and without accents) and opens the details by keyboard", async () => {
    await searchAndPick("puyol", PUYOL);
    const selected = (await hooks(page)).selected;
    expect(selected).not.toBeNull();
    // Accent-insensitive: "anton" must reach "Antón".
    await searchAndPick("anton", PUYOL);
    expect((await hooks(page)).selected).toBe(selected);
    // Choosing a suggestion clears the field and closes the list.
    expect(await page.getByTestId("search-input").inputValue()).toBe("");
  });

  it("hovers and clicks a node on the canvas to open its details", async () => {
    await searchAndPick("puyol", PUYOL);
    const key = (await hooks(page)).selected!;
    await page.locator("body").click({ position: { x: 5, y: 880 } });
    await page.keyboard.press("Escape");
    await waitHooks(page, "h.selected === null");
    // The camera may still be moving towards the selection: wait until the node stays put.
    let pos = await nodePosition(page, key);
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(150);
      const next = await nodePosition(page, key);
      if (pos && next && Math.hypot(next.x - pos.x, next.y - pos.y) < 0.5) break;
      pos = next;
    }
    expect(pos, "the renderer reports where it drew the node").not.toBeNull();
    const stage = (await page.locator(".graph-canvas").boundingBox())!;
    expect(pos!.x).toBeGreaterThan(stage.x);
    expect(pos!.x).toBeLessThan(stage.x + stage.width);
    await page.mouse.move(pos!.x, pos!.y);
    await waitHooks(page, `h.hovered === ${JSON.stringify(key)}`);
    await page.mouse.click(pos!.x, pos!.y);
    await waitHooks(page, `h.selected === ${JSON.stringify(key)}`);
    await expect.poll(() => detailsTitle().textContent(), { timeout: UI_TIMEOUT }).toBe(PUYOL);
  });

  it("follows a co-author link, and browser back/forward walk the selections", async () => {
    await searchAndPick("puyol", PUYOL);
    const first = (await hooks(page)).selected;
    const coauthors = page.getByRole("list", { name: "Co-authors by shared papers" }).getByRole("button");
    expect(await coauthors.count()).toBeGreaterThan(0);
    const name = (await coauthors.first().textContent())!.trim();
    expect(name).not.toBe(PUYOL);
    await coauthors.first().click();
    await expect.poll(() => detailsTitle().textContent(), { timeout: UI_TIMEOUT, message: "after clicking the co-author" }).toBe(name);
    const second = (await hooks(page)).selected;
    expect(second).not.toBe(first);

    await page.goBack();
    await expect.poll(() => detailsTitle().textContent(), { timeout: UI_TIMEOUT, message: "after back" }).toBe(PUYOL);
    expect((await hooks(page)).selected).toBe(first);
    await page.goForward();
    await expect.poll(() => detailsTitle().textContent(), { timeout: UI_TIMEOUT, message: "after forward" }).toBe(name);
    expect((await hooks(page)).selected).toBe(second);
    await page.goBack();
    await expect.poll(() => detailsTitle().textContent(), { timeout: UI_TIMEOUT, message: "after the second back" }).toBe(PUYOL);
  });

  it("keeps the selection across lens switches", async () => {
    await searchAndPick("puyol", PUYOL);
    const key = (await hooks(page)).selected;
    const authors = (await hooks(page)).visibleNodeCount;
    const lens = page.getByRole("group", { name: "Lens" });
    for (const [label, id] of [["Topics", "topics"], ["Full graph", "full"], ["Co-authors", "coauthor"]] as const) {
      await lens.getByRole("button", { name: label }).click();
      const h = await waitHooks(page, `h.lens === ${JSON.stringify(id)}`);
      expect(h.selected).toBe(key);
      expect(await lens.getByRole("button", { name: label }).getAttribute("aria-pressed")).toBe("true");
      expect(await detailsTitle().textContent()).toBe(PUYOL);
      expect(page.url()).toContain(id === "coauthor" ? "sel=" : `lens=${id}`);
      if (id === "full") expect(h.visibleNodeCount).toBeGreaterThan(authors);
      if (id === "topics") expect(h.visibleNodeCount).toBeLessThan(authors);
    }
  });

  it("narrows the view with the year filter, and the copied link reopens the same view", async () => {
    await searchAndPick("puyol", PUYOL);
    await page.getByRole("group", { name: "Lens" }).getByRole("button", { name: "Full graph" }).click();
    const before = await waitHooks(page, `h.lens === "full"`);
    const from = page.getByLabel("From year");
    const max = Number(await from.getAttribute("max"));
    await from.fill(String(max - 1));
    const after = await waitHooks(page, `h.filter.yearRange !== null`);
    expect(after.filter.yearRange).toEqual([max - 1, max]);
    expect(after.visibleNodeCount).toBeLessThan(before.visibleNodeCount);
    expect(after.visibleNodeCount).toBeGreaterThan(0);
    // The renderer itself hides the filtered nodes, not only the count in the hooks.
    await expect.poll(async () => (await hooks(page)).renderedNodeCount, { timeout: UI_TIMEOUT }).toBe(after.visibleNodeCount);
    expect(page.url()).toContain(`years=${max - 1}-${max}`);

    // The Export dialog's "Copy link" puts the view's address on the clipboard: that is the link a user shares.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(ctx.url).origin });
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Export" });
    await dialog.getByRole("button", { name: "Copy link" }).click();
    await expect.poll(() => dialog.getByRole("button", { name: "Copied" }).count(), { timeout: UI_TIMEOUT }).toBe(1);
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(page.url());
    // Escape closes the dialog, and only the dialog: the selection stays.
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count(), { timeout: UI_TIMEOUT }).toBe(0);
    expect((await hooks(page)).selected, "Escape that closed the Export dialog also cleared the selection").toBe(after.selected);
    const { page: other, watch: otherWatch } = await openApp(ctx.browser, link);
    try {
      const h = await hooks(other);
      expect(h.selected).toBe(after.selected);
      expect(h.lens).toBe("full");
      expect(h.filter).toEqual(after.filter);
      expect(h.visibleNodeCount).toBe(after.visibleNodeCount);
      expect(await other.getByTestId("details-panel").locator("h2").textContent()).toBe(PUYOL);
      expect(appMessages(otherWatch)).toEqual([]);
    } finally {
      await other.close();
    }

    // Back to the defaults for the tests that follow.
    await page.getByRole("button", { name: "All years" }).click();
    await waitHooks(page, `h.filter.yearRange === null`);
    await page.getByRole("group", { name: "Lens" }).getByRole("button", { name: "Co-authors" }).click();
    await waitHooks(page, `h.lens === "coauthor"`);
  });

  it("clears the selection with Escape and focuses the search with /", async () => {
    await searchAndPick("puyol", PUYOL);
    await page.locator("body").click({ position: { x: 5, y: 880 } }); // the status bar: focus leaves the search box
    await page.keyboard.press("Escape");
    await waitHooks(page, "h.selected === null");
    expect(await page.getByTestId("details-panel").count()).toBe(0);

    await page.keyboard.press("/");
    const focused = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    expect(focused).toBe("search-input");
    // The key that focused the box is not typed into it.
    expect(await page.getByTestId("search-input").inputValue()).toBe("");
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

describe("explorer without a graph file", () => {
  it("shows the error screen naming npm run graph", async () => {
    // The same build, served without data/graph.json: what a user sees before running `npm run graph`.
    const variant = await serveVariant(ctx.outDir, null);
    const p = await ctx.browser.newPage();
    const w = watchPage(p);
    try {
      await p.goto(variant.url);
      await waitReady(p);
      const screen = p.getByTestId("error-screen");
      expect(await screen.isVisible()).toBe(true);
      expect(await screen.textContent()).toContain("npm run graph");
      expect(await screen.locator("h1").textContent()).toMatch(/graph\.json/);
      expect((await hooks(p)).error).toMatch(/graph\.json/);
      // The browser logs the missing file's 404 itself; anything else (a page error, a stack) is a defect.
      expect(appMessages(w).filter((e) => !/404/.test(e))).toEqual([]);
      expect(w.external).toEqual([]);
    } finally {
      await p.close();
      await variant.close();
    }
  });
});

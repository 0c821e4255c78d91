/**
 * bench-corrections.ts --explorer: identity corrections as a user meets them, in the built explorer in Debian's
 * Chromium. The review panel's most doubtful merge is split (the worker reads the graph as built first), undone (the
 * graph as built again) and split again (what every later action costs); per action: the seconds from the click to the
 * corrected graph drawn (the graph shown has the new node count and two animation frames have passed), whether the
 * renderer was kept and how many frames it drew, the long tasks and the page's main-thread time by kind. Last, a drag of
 * the map: its long tasks are the frames alone (software WebGL draws a frame of the 10,000-paper lens in seconds).
 */
import type { Page } from "playwright-core";
import { buildSeedsGraph, hooks, openApp, startE2e, waitHooks, watchLongTasks } from "../../test/e2e/harness";
import { startProfile } from "./cdp-profile";
import { dragMap } from "./drag-map";

const TIMEOUT = 240_000;

/** Frames the renderer has drawn (a remounted explorer's renderer counts from 1 again). */
const renders = (page: Page) => page.evaluate(() => window.__papergraph?.renderCount() ?? 0);

/** Two animation frames: a render sigma scheduled for the new graph has been drawn. */
const framesDrawn = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

async function action(page: Page, profileDir: string | null, what: string, act: () => Promise<void>, order: number | null): Promise<void> {
  const taken = await watchLongTasks(page);
  const stop = await startProfile(page, profileDir, { tasks: true });
  const frames = await renders(page);
  const mounts = (await hooks(page)).mounts;
  const t0 = Date.now();
  await act();
  if (order !== null) await waitHooks(page, `h.ready && h.rendererOk && h.graphOrder === ${order}`, TIMEOUT);
  await framesDrawn(page);
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForTimeout(500);
  const tasks = await taken();
  const after = (await hooks(page)).mounts;
  // An explorer without mount counts (before the swap) remounts its renderer per correction.
  const remounted = !after || !mounts || after.renderer !== mounts.renderer;
  const drawn = remounted ? "a new renderer" : `the renderer kept, ${(await renders(page)) - frames} frame${(await renders(page)) - frames === 1 ? "" : "s"}`;
  const shown = order !== null ? `${order.toLocaleString("en-US")} nodes drawn ${seconds.toFixed(1)} s after the click` : `${seconds.toFixed(1)} s`;
  console.log(`${what}: ${shown} (${drawn}); ${tasks.length} long tasks, longest ${Math.max(0, ...tasks)} ms ${JSON.stringify(tasks.slice(0, 30))}`);
  await stop(what);
}

/** `graphJson` null: the seeds graph as the CLI builds it. */
export async function benchExplorer(graphJson: string | null, profileDir: string | null): Promise<void> {
  const ctx = await startE2e(graphJson ?? (await buildSeedsGraph()));
  try {
    const { page } = await openApp(ctx.browser, ctx.url);
    await waitHooks(page, "h.ready && h.rendererOk && h.searchReady", TIMEOUT);
    await page.getByRole("button", { name: /^Review identities/ }).click();
    const panel = page.getByRole("dialog", { name: "Review identities" });
    await panel.getByTestId("review-list").waitFor({ timeout: TIMEOUT });
    const split = panel.getByTestId("review-row").getByRole("button", { name: "Split", exact: true }).and(page.locator(":not([disabled])")).first();
    const undo = panel.getByTestId("pending-list").getByRole("button", { name: /^Undo/ }).first();
    const before = (await hooks(page)).graphOrder;
    console.log(`explorer: ${before.toLocaleString("en-US")} nodes shown`);
    await action(page, profileDir, "Split (the worker reads the graph as built first)", () => split.click(), before + 1);
    await action(page, profileDir, "Undo (the graph as built again)", () => undo.click(), before);
    await action(page, profileDir, "Split again", () => split.click(), before + 1);
    await action(page, profileDir, "Dragging the map (for reference: the frames alone)", () => dragMap(page), null);
  } finally {
    await ctx.close();
  }
}

/**
 * bench-corrections.ts --explorer: identity corrections as a user meets them, in the built explorer in Debian's
 * Chromium. The review panel's most doubtful merge is split (the worker reads the graph as built first), undone (the
 * graph as built again) and split again (what every later action costs); per action: the seconds from the click to the
 * corrected graph drawn (the graph shown has the new node count and two animation frames have passed), the long tasks
 * and the page's main-thread time by kind.
 */
import type { Page } from "playwright-core";
import { buildSeedsGraph, hooks, openApp, startE2e, waitHooks, watchLongTasks } from "../../test/e2e/harness";
import { startProfile } from "./cdp-profile";

const TIMEOUT = 240_000;

/** Two animation frames: a render sigma scheduled for the new graph has been drawn. */
const framesDrawn = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

async function action(page: Page, profileDir: string | null, what: string, act: () => Promise<void>, order: number): Promise<void> {
  const taken = await watchLongTasks(page);
  const stop = await startProfile(page, profileDir);
  const t0 = Date.now();
  await act();
  await waitHooks(page, `h.ready && h.rendererOk && h.graphOrder === ${order}`, TIMEOUT);
  await framesDrawn(page);
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForTimeout(500);
  const tasks = await taken();
  console.log(`${what}: ${order.toLocaleString("en-US")} nodes drawn ${seconds.toFixed(1)} s after the click; ${tasks.length} long tasks, longest ${Math.max(0, ...tasks)} ms ${JSON.stringify(tasks.slice(0, 30))}`);
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
  } finally {
    await ctx.close();
  }
}

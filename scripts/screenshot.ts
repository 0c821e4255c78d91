/**
 * The README's picture of the explorer, made from the real app: builds the seeds graph (`npm run graph`, cached as the
 * browser tests cache it), builds the app, serves both on 127.0.0.1, opens the default view in Debian's Chromium
 * (playwright-core, the browser tests' launch flags) and saves docs/explorer.png. Fails when a drawn label overlaps
 * another, so the picture is also a check.
 *
 *   npx tsx scripts/screenshot.ts [out.png] [--hash '#color=yearFirst'] [--width 1440 --height 900] [--dark]
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { overlappingPairs } from "../src/model/label-placement";
import { ROOT, buildSeedsGraph, hooks, startE2e, waitReady } from "../test/e2e/harness";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { hash: { type: "string" }, width: { type: "string" }, height: { type: "string" }, dark: { type: "boolean" } },
});
const out = path.resolve(ROOT, positionals[0] ?? "docs/explorer.png");
const width = Number(values.width ?? 1440);
const height = Number(values.height ?? 900);

const ctx = await startE2e(await buildSeedsGraph());
try {
  const page = await ctx.browser.newPage({ viewport: { width, height }, colorScheme: values.dark ? "dark" : "light" });
  await page.goto(ctx.url + (values.hash ?? ""));
  await waitReady(page);
  // The first frames settle (fonts, the camera's first fit); then the labels of a still frame are what is shown.
  await page.waitForTimeout(1500);
  const labels = await page.evaluate(() => (window as unknown as { __papergraph: { drawnLabels: () => { text: string; x0: number; y0: number; x1: number; y1: number }[] } }).__papergraph.drawnLabels());
  const pairs = overlappingPairs(labels);
  const h = await hooks(page);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, await page.screenshot({ type: "png" }));
  const clusters = labels.filter((l) => (l as { kind?: string }).kind === "cluster").length;
  process.stderr.write(`${path.relative(ROOT, out)}: ${width}x${height}, ${h.visibleNodeCount} nodes, ${labels.length} labels (${clusters} cluster names), colour ${h.colorMode}\n`);
  if (pairs.length) {
    process.stderr.write(`overlapping labels: ${pairs.map(([a, b]) => `"${labels[a]!.text}" / "${labels[b]!.text}"`).join("; ")}\n`);
    process.exitCode = 1;
  }
} finally {
  await ctx.close();
}

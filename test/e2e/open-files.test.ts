/**
 * Opening files in a real Chromium (issue 9, explorer side): several files at once (one of them UTF-16 with a BOM, as
 * Windows tools save), progress in the Open dialog while the worker builds, "Add files" and a drop on the add zone
 * rebuilding from everything opened, the files surviving a reload (IndexedDB), Forget returning to the default graph,
 * and a graph file recognised by content whatever its name, with its DOI shown as text that links out only on click.
 * Inputs are the real seed listings, and one small library exported four ways (test/fixtures/formats/mixed/).
 * No console errors, no request leaves the machine.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appMessages, assertChromium, buildSeedsGraph, hooks, openApp, ROOT, startE2e, UI_TIMEOUT, waitHooks, waitReady, type E2eContext, type PageWatch } from "./harness";

const A = "003_b7b40e951325af8c.txt"; // arXiv listing, 10 records
const B = "004_ffc89207e1d731a7.txt"; // compact profile, 50 records (one paper also in A)
const C = "001_bb13e165dd174990.txt"; // profile page
const D = "002_a3ea82699755c3cc.txt"; // trending list

let ctx: E2eContext;
let seedsGraph: string;
let page: Page;
let watch: PageWatch;

beforeAll(async () => {
  assertChromium();
  seedsGraph = await buildSeedsGraph();
  ctx = await startE2e(seedsGraph);
  ({ page, watch } = await openApp(ctx.browser, ctx.url));
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

const seedBytes = (name: string) => readFile(path.join(ROOT, "seeds", name));

/** UTF-16LE with a byte-order mark, as Web of Science "Win" exports and Windows editors save text. */
function utf16le(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString("utf8"), "utf16le")]);
}

const statusShown = () => page.getByTestId("status-shown").textContent();
const statusBar = () => page.getByTestId("status-bar").textContent();
const papersInStatus = async () => Number(/(\d+) papers/.exec((await statusBar()) ?? "")?.[1] ?? NaN);
const dialog = () => page.getByRole("dialog", { name: "Open files" });

async function openDialog(): Promise<void> {
  if ((await dialog().count()) === 0) await page.getByRole("button", { name: "Open…" }).click();
  await dialog().waitFor({ timeout: UI_TIMEOUT });
}

async function closeDialog(): Promise<void> {
  if ((await dialog().count()) === 0) return;
  await page.keyboard.press("Escape");
  await expect.poll(() => dialog().count(), { timeout: UI_TIMEOUT }).toBe(0);
}

/** Records every phase text the progress bar shows (the build may be over before a poll would see it). */
async function recordProgress(): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __phases: string[]; __bars: number[] };
    w.__phases = [];
    w.__bars = [];
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="build-phase"]')?.textContent;
      if (t && w.__phases.at(-1) !== t) w.__phases.push(t);
      const v = document.querySelector<HTMLProgressElement>('[data-testid="build-progress"] progress')?.value;
      if (v !== undefined && w.__bars.at(-1) !== v) w.__bars.push(v);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

async function waitBuilt(expectPapers: (n: number) => boolean, what: string): Promise<void> {
  await page.getByTestId("build-summary").waitFor({ timeout: 120_000 });
  await waitHooks(page, "h.ready && h.rendererOk && h.graphOrder > 0", 60_000);
  await expect.poll(async () => expectPapers(await papersInStatus()), { timeout: UI_TIMEOUT, message: what }).toBe(true);
}

describe("opening files in the explorer", () => {
  let seedsPapers = 0;
  let twoPapers = 0;
  let threePapers = 0;

  it("opens two files at once (one UTF-16), showing progress, then each file's format and counts", async () => {
    expect(await statusShown()).toBe("seeds graph");
    seedsPapers = await papersInStatus();
    await openDialog();
    await recordProgress();
    await dialog().getByLabel("Open files (replaces the graph)").setInputFiles([
      { name: A, mimeType: "text/plain", buffer: await seedBytes(A) },
      // A wrong extension must still work: formats are recognised by content.
      { name: `${B}.csv`, mimeType: "text/csv", buffer: utf16le(await seedBytes(B)) },
    ]);
    await waitBuilt((n) => n === 59, "60 records, one paper read twice");
    const summary = (await page.getByTestId("build-summary").textContent()) ?? "";
    expect(summary).toContain("Built from 2 files: 60 records");
    expect(summary).toContain(`${A}: arXiv listing, 10 records`);
    expect(summary).toContain(`${B}.csv: compact profile page, 50 records`);
    expect(summary).not.toContain("not valid UTF-8");
    const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
    const bars = await page.evaluate(() => (window as unknown as { __bars: number[] }).__bars);
    expect(phases[0], phases.join(" | ")).toMatch(/^(Starting the build|Reading the files)/);
    expect(phases.some((p) => /^Building the graph/.test(p)), phases.join(" | ")).toBe(true);
    expect(bars.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!).toBeGreaterThanOrEqual(bars[i - 1]!);
    expect(await statusShown()).toBe(`2 files: ${A}, ${B}.csv`);
    expect(await statusBar()).toContain("kept in this browser");
    twoPapers = await papersInStatus();
    expect(twoPapers).toBeLessThan(seedsPapers);
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("adds a file to the graph shown instead of replacing it", async () => {
    await openDialog();
    await dialog().getByLabel("Add files to this graph").setInputFiles([{ name: C, mimeType: "text/plain", buffer: await seedBytes(C) }]);
    await waitBuilt((n) => n > twoPapers, "more papers than the two files gave");
    expect(await page.getByTestId("build-summary").textContent()).toContain("Built from 3 files");
    expect(await page.getByTestId("build-summary").textContent()).toContain(`${C}: profile page`);
    expect(await statusShown()).toBe(`3 files: ${A}, ${B}.csv, ${C}`);
    threePapers = await papersInStatus();
    // Adding the same file again adds nothing and says so.
    await dialog().getByLabel("Add files to this graph").setInputFiles([{ name: C, mimeType: "text/plain", buffer: await seedBytes(C) }]);
    await expect.poll(() => dialog().textContent(), { timeout: 120_000 }).toContain(`${C} is already open: not added twice`);
    await closeDialog();
    expect(await papersInStatus()).toBe(threePapers);
    expect(appMessages(watch)).toEqual([]);
  });

  it("adds files dropped on the add zone of the drop overlay", async () => {
    const text = (await seedBytes(D)).toString("utf8");
    const transfer = await page.evaluateHandle(([name, body]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], name, { type: "text/plain" }));
      return dt;
    }, [D, text] as const);
    await page.locator(".app").dispatchEvent("dragover", { dataTransfer: transfer });
    const zone = page.locator('[data-drop="add"]');
    await zone.waitFor({ timeout: UI_TIMEOUT });
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await waitBuilt((n) => n > threePapers, "the trending list's papers added");
    expect(await statusShown()).toBe(`4 files: ${A}, ${B}.csv, ${C}, ${D}`);
    expect(await page.getByTestId("build-summary").textContent()).toContain(`${D}: trending list`);
    threePapers = await papersInStatus();
    expect(appMessages(watch)).toEqual([]);
  });

  it("restores the opened files after a reload, from this browser's storage", async () => {
    const order = (await hooks(page)).graphOrder;
    await page.reload();
    await waitReady(page, 120_000);
    expect(await statusShown()).toBe(`4 files: ${A}, ${B}.csv, ${C}, ${D}`);
    expect(await statusBar()).toContain("kept in this browser");
    expect(await papersInStatus()).toBe(threePapers);
    expect((await hooks(page)).graphOrder).toBe(order);
    await openDialog();
    expect(await page.getByTestId("storage-note").textContent()).toBe(`Restored 4 files: ${A}, ${B}.csv, ${C}, ${D} kept in this browser.`);
    await closeDialog();
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("forgets the files: the default graph is shown, and stays after a reload", async () => {
    await page.getByTestId("status-bar").getByRole("button", { name: "Forget" }).click();
    await expect.poll(() => statusShown(), { timeout: 60_000 }).toBe("seeds graph");
    await waitHooks(page, "h.ready && h.rendererOk", 60_000);
    expect(await papersInStatus()).toBe(seedsPapers);
    expect(await statusBar()).not.toContain("kept in this browser");
    const kept = await page.evaluate(
      () =>
        new Promise<unknown>((resolve, reject) => {
          const req = indexedDB.open("papergraph", 1);
          req.onsuccess = () => {
            const get = req.result.transaction("inputs").objectStore("inputs").get("opened-files");
            get.onsuccess = () => {
              resolve(get.result ?? null);
              req.result.close();
            };
            get.onerror = () => reject(get.error);
          };
          req.onerror = () => reject(req.error);
        }),
    );
    expect(kept).toBeNull();
    await page.reload();
    await waitReady(page, 60_000);
    expect(await statusShown()).toBe("seeds graph");
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });

  it("opens a graph file by its content (whatever its name) and shows a DOI that links out only when clicked", async () => {
    const DOI = "10.1038/s41467-018-07619-7";
    const json = JSON.parse(seedsGraph) as { nodes: { key: string; attributes: Record<string, unknown> }[] };
    const paper = json.nodes.find((n) => n.attributes.kind === "paper" && /^Why is the winner the best\?/.test(String(n.attributes.title)));
    if (!paper) throw new Error("the seeds graph has no 'Why is the winner the best?'");
    Object.assign(paper.attributes, { doi: DOI, venue: "Nature Communications", keywords: ["benchmarking"], groupAuthors: ["BraTS Consortium"] });
    await openDialog();
    await dialog().getByLabel("Open files (replaces the graph)").setInputFiles([{ name: "my-graph.txt", mimeType: "text/plain", buffer: Buffer.from(JSON.stringify(json)) }]);
    await expect.poll(() => statusShown(), { timeout: 60_000 }).toBe("graph file my-graph.txt");
    await waitHooks(page, "h.ready && h.rendererOk", 60_000);
    await closeDialog();

    const input = page.getByTestId("search-input");
    await input.fill("why is the winner the best");
    await page.getByRole("listbox", { name: /Search authors, papers and topics/ }).getByRole("option").first().waitFor({ timeout: UI_TIMEOUT });
    await input.press("Enter");
    await waitHooks(page, `h.selected === ${JSON.stringify(paper.key)}`);
    const details = page.getByTestId("details-panel");
    const link = details.getByRole("link", { name: DOI });
    expect(await link.getAttribute("href")).toBe(`https://doi.org/${DOI}`);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await details.textContent()).toContain("Nature Communications");
    expect(await details.textContent()).toContain("BraTS Consortium");
    // Shown, hovered: still no request to doi.org (the app fetches nothing by itself).
    await link.hover();
    await page.waitForTimeout(300);
    expect(watch.external).toEqual([]);

    // The graph file is kept too, and comes back after a reload.
    await page.reload();
    await waitReady(page, 60_000);
    expect(await statusShown()).toBe("graph file my-graph.txt");
    await page.getByTestId("status-bar").getByRole("button", { name: "Forget" }).click();
    await expect.poll(() => statusShown(), { timeout: 60_000 }).toBe("seeds graph");
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });
  it("opens exports of one library in four formats at once: one node per paper and per person, DOI in the details", async () => {
    const MIXED = path.join(ROOT, "test/fixtures/formats/mixed");
    const files = ["library.bib", "library.ris", "savedrecs.txt", "pubmed.nbib"];
    await openDialog();
    await dialog().getByLabel("Open files (replaces the graph)").setInputFiles(
      await Promise.all(files.map(async (name) => ({ name, mimeType: "text/plain", buffer: await readFile(path.join(MIXED, name)) }))),
    );
    await waitBuilt((n) => n === 3, "three papers from nine records");
    const summary = (await page.getByTestId("build-summary").textContent()) ?? "";
    expect(summary).toContain("Built from 4 files: 9 records");
    for (const f of ["library.bib: BibTeX", "library.ris: RIS", "savedrecs.txt: Web of Science", "pubmed.nbib: PubMed"]) expect(summary).toContain(f);
    await closeDialog();
    expect((await hooks(page)).graphOrder).toBeGreaterThan(3 + 9 - 1);
    const input = page.getByTestId("search-input");
    await input.fill("array programming with numpy");
    const option = page.getByRole("listbox", { name: /Search authors, papers and topics/ }).getByRole("option", { name: /Array programming with NumPy/ }).first();
    await option.waitFor({ timeout: UI_TIMEOUT });
    await option.click();
    await waitHooks(page, `h.selected === ${JSON.stringify("p:doi:10.1038/s41586-020-2649-2")}`);
    const details = page.getByTestId("details-panel");
    expect(await details.getByRole("link", { name: "10.1038/s41586-020-2649-2" }).count()).toBe(1);
    expect(await details.textContent()).toContain("Nature");
    expect(await details.textContent()).toContain("Stéfan J. van der Walt");
    await page.getByTestId("status-bar").getByRole("button", { name: "Forget" }).click();
    await expect.poll(() => statusShown(), { timeout: 60_000 }).toBe("seeds graph");
    expect(appMessages(watch)).toEqual([]);
    expect(watch.external).toEqual([]);
  });
});

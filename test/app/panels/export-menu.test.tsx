// @vitest-environment jsdom
/**
 * The explorer's export menu (src/app/panels/ExportMenu.tsx) and the picture legend layout (src/model/legend-layout.ts)
 * in jsdom, over the hand-made fixture graph (test/fixtures/exporters/special-graph.ts). Downloads are observed by
 * stubbing URL.createObjectURL and anchor clicks (jsdom has neither); no network, no sigma.
 * (Lives with the exporter tests because that is this helper's test folder; its mirror home is test/app/panels/.)
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExportMenu, type ExportMenuProps } from "../../../src/app/panels/ExportMenu";
import { legendLines, legendSize } from "../../../src/model/legend-layout";
import type { NodeDisplay } from "../../../src/exporters";
import { DEFAULT_VIEW_FILTER } from "../../../src/model/view-filter";
import { buildSpecialGraph } from "../../fixtures/exporters/special-graph";
import { explorerGraph } from "../fixture";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let downloads: { name: string; blob: Blob }[];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  downloads = [];
  let n = 0;
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, b);
    return url;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

function props(over: Partial<ExportMenuProps> = {}): ExportMenuProps {
  // The explorer's graph (compact files read back) over the exporters' adversarial fixture.
  const graph = explorerGraph(buildSpecialGraph());
  // Like the explorer: "as shown" dims what the selection does not light (here: everything but authors).
  const nodeDisplay = (key: string, asShown: boolean): NodeDisplay => {
    const a = graph.getNodeAttributes(key);
    const dim = asShown && a.kind !== "author";
    return { x: a.x, y: a.y, size: a.size, color: dim ? "#DCDDE3" : a.color, label: a.label, hidden: false, forceLabel: false };
  };
  return {
    graph,
    filter: { ...DEFAULT_VIEW_FILTER, lens: "coauthor" },
    viewUrl: "http://127.0.0.1:5173/#lens=coauthor",
    colorMode: "community",
    nodeDisplay,
    capturePng: vi.fn(async () => new Blob(["png"], { type: "image/png" })),
    onOpenGraph: vi.fn(),
    ...over,
  };
}

const q = <T extends Element>(sel: string) => container.querySelector<T>(sel);
const button = (name: string) => [...container.querySelectorAll("button")].find((b) => b.textContent === name)!;
const radio = (label: string) => [...container.querySelectorAll("label")].find((l) => l.textContent?.startsWith(label))!.querySelector("input")!;
const click = async (el: Element) => act(async () => void (el as HTMLElement).click());
const flush = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));

describe("ExportMenu", () => {
  it("opens a labelled dialog with focus inside, and Escape closes it and returns focus to the button", async () => {
    act(() => root.render(<ExportMenu {...props()} />));
    const exportButton = button("Export");
    expect(exportButton.getAttribute("aria-expanded")).toBe("false");
    await click(exportButton);
    const dialog = q<HTMLElement>('[role="dialog"]')!;
    expect(dialog.getAttribute("aria-label")).toBe("Export");
    expect(dialog.contains(document.activeElement)).toBe(true);
    await act(async () => void document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" })));
    expect(q('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(exportButton);
  });

  it("downloads the whole graph as GEXF, and the current view with only its nodes", async () => {
    act(() => root.render(<ExportMenu {...props()} />));
    await click(button("Export"));
    await click(radio("GEXF"));
    await click(radio("Whole graph"));
    await click(button("Download"));
    expect(downloads.map((d) => d.name)).toEqual(["papergraph-graph.gexf"]);
    const whole = await downloads[0]!.blob.text();
    expect(whole.match(/<node id=/g)!.length).toBe(13);
    await click(radio("Current view"));
    await click(button("Download"));
    expect(downloads[1]!.name).toBe("papergraph-view-graph.gexf");
    expect((await downloads[1]!.blob.text()).match(/<node id=/g)!.length).toBe(6);
    expect(q('[role="status"]')!.textContent).toContain("papergraph-view-graph.gexf");
  });

  it("downloads both CSV tables and the provenance file", async () => {
    act(() => root.render(<ExportMenu {...props()} />));
    await click(button("Export"));
    await click(radio("CSV"));
    await click(button("Download"));
    expect(downloads.map((d) => d.name)).toEqual(["papergraph-view-nodes.csv", "papergraph-view-edges.csv", "papergraph-view-export-info.txt"]);
  });

  it("captures a PNG through the capturePng prop with the chosen scale and legend", async () => {
    const p = props();
    act(() => root.render(<ExportMenu {...p} />));
    await click(button("Export"));
    await act(async () => {
      const select = q<HTMLSelectElement>("select")!;
      select.value = "4";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await click(radio("Include legend"));
    await click(button("Download"));
    expect(p.capturePng).toHaveBeenCalledWith({ scale: 4, legend: false, framing: "screen", asShown: false, dark: false });
    await click(radio("The whole view, fitted"));
    await click(radio("Dark background"));
    await click(radio("As shown"));
    await click(button("Download"));
    expect(p.capturePng).toHaveBeenLastCalledWith({ scale: 4, legend: false, framing: "all", asShown: true, dark: true });
    expect(downloads.map((d) => d.name)).toEqual(["papergraph-view.png", "papergraph-view.png"]);
  });

  it("exports the view's real colours, the dimming only when 'as shown' is ticked, and names the colour mode", async () => {
    const p = props({ filter: { ...DEFAULT_VIEW_FILTER, lens: "full" } });
    act(() => root.render(<ExportMenu {...p} />));
    await click(button("Export"));
    await click(radio("GEXF"));
    await click(button("Download"));
    const real = await downloads[0]!.blob.text();
    expect(real).not.toMatch(/r="220" g="221" b="227"/);
    expect(real).toContain("Colours: co-author community");
    await click(radio("As shown"));
    await click(button("Download"));
    expect(await downloads[1]!.blob.text()).toMatch(/r="220" g="221" b="227"/);
  });

  it("copies the link (shows Copied) and offers the link by hand when copying is blocked", async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText } });
    act(() => root.render(<ExportMenu {...props()} />));
    await click(button("Export"));
    await click(button("Copy link"));
    expect(writeText).toHaveBeenCalledWith("http://127.0.0.1:5173/#lens=coauthor");
    expect(button("Copied")).toBeDefined();
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: vi.fn(async () => Promise.reject(new Error("denied"))) } });
    document.execCommand = vi.fn(() => false);
    await click(button("Copied"));
    expect(q<HTMLInputElement>("input[readonly]")!.value).toBe("http://127.0.0.1:5173/#lens=coauthor");
  });

  it("opens a picked graph file, and explains an invalid one instead of throwing", async () => {
    const p = props();
    act(() => root.render(<ExportMenu {...p} />));
    await click(button("Export"));
    const input = q<HTMLInputElement>('input[type="file"]')!;
    const pick = async (file: File) => {
      Object.defineProperty(input, "files", { configurable: true, value: [file] });
      await act(async () => void input.dispatchEvent(new Event("change", { bubbles: true })));
      await flush();
    };
    await pick(new File(['{"nodes": ['], "broken.json", { type: "application/json" }));
    expect(q('[role="status"]')!.textContent).toMatch(/^broken\.json is not valid JSON/);
    expect(p.onOpenGraph).not.toHaveBeenCalled();
    await pick(new File(['\uFEFF{"nodes": []}'], "mine.json", { type: "application/json" }));
    expect(p.onOpenGraph).toHaveBeenCalledWith({ nodes: [] }, "mine.json");
  });
});

describe("picture legend layout", () => {
  it("stacks a title and one row per group, then +N more, inside a box that fits the text", () => {
    const lines = legendLines({ kind: "groups", title: "Colour: research cluster", rows: [
      { label: "trustworthy AI", color: "#4e79a7", count: 3, kind: "group" },
      { label: "No research cluster", color: "#C5C9D1", count: 1, kind: "none" },
    ], more: 4 }, { x: 10, y: 10 });
    expect(lines.map((l) => l.text)).toEqual(["Colour: research cluster", "trustworthy AI (3)", "No research cluster (1)", "+4 more"]);
    expect(lines[2]!.y - lines[1]!.y).toBe(20);
    expect(lines[1]!.textX).toBeGreaterThan(lines[1]!.x + 12);
    const box = legendSize(lines, (t) => t.length * 7);
    expect(box.x).toBe(10);
    expect(box.width).toBeGreaterThanOrEqual(lines[1]!.textX - 10 + "trustworthy AI (3)".length * 7);
    expect(box.height).toBeGreaterThan(4 * 20);
  });

  it("cuts the rows to the picture's height and says how many are left out", () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => ({ label: `G${i}`, color: "#0072B2", count: 30 - i, kind: "group" as const })),
      { label: "5 smaller groups (one shared colour)", color: "#9A948A", count: 9, kind: "other" as const },
      { label: "No co-author links", color: "#C5C9D1", count: 99, kind: "none" as const },
    ];
    const lines = legendLines({ kind: "groups", title: "Colour: co-author community", rows, more: 0 }, { x: 10, y: 10 }, 10);
    expect(lines.length).toBe(10);
    // Title, the 6 largest groups, the rows that explain the greys, "+N more" for the 24 groups left out.
    expect(lines.slice(1).map((l) => l.text)).toEqual([
      ...rows.slice(0, 6).map((r) => `${r.label} (${r.count})`),
      "5 smaller groups (one shared colour) (9)",
      "No co-author links (99)",
      "+24 more",
    ]);
  });

  it("draws the year gradient with its range and the undated count", () => {
    const lines = legendLines({ kind: "years", title: "Colour: first publication year", min: 2015, max: 2024, stops: ["#440154", "#D8E219"], undated: 2 }, { x: 0, y: 0 });
    expect(lines.map((l) => l.text)).toEqual(["Colour: first publication year", "", "2015 → 2024", "undated (2)"]);
    expect(lines[1]!.gradient!.stops).toEqual(["#440154", "#D8E219"]);
  });
});

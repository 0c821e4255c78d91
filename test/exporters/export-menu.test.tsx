// @vitest-environment jsdom
/**
 * The explorer's export menu (src/app/panels/ExportMenu.tsx) and the PNG legend layout (src/app/graph/capture-png.ts)
 * in jsdom, over the hand-made fixture graph (test/fixtures/exporters/special-graph.ts). Downloads are observed by
 * stubbing URL.createObjectURL and anchor clicks (jsdom has neither); no network, no sigma.
 * (Lives with the exporter tests because that is this helper's test folder; its mirror home is test/app/panels/.)
 */
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ExportMenu, type ExportMenuProps } from "../../src/app/panels/ExportMenu";
import { legendLayout } from "../../src/app/graph/capture-png";
import type { NodeDisplay } from "../../src/exporters";
import { DEFAULT_VIEW_FILTER } from "../../src/model/view-filter";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";
import { explorerGraph } from "../app/fixture";

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
  const nodeDisplay = (key: string): NodeDisplay => {
    const a = graph.getNodeAttributes(key);
    return { x: a.x, y: a.y, size: a.size, color: a.color, label: a.label, hidden: false, forceLabel: false };
  };
  return {
    graph,
    filter: { ...DEFAULT_VIEW_FILTER, lens: "coauthor" },
    viewUrl: "http://127.0.0.1:5173/#lens=coauthor",
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
    expect(p.capturePng).toHaveBeenCalledWith({ scale: 4, legend: false });
    expect(downloads.map((d) => d.name)).toEqual(["papergraph-view.png"]);
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

describe("PNG legend layout", () => {
  it("scales with the capture ratio and stacks one row per entry", () => {
    const items = [{ label: "trustworthy AI", color: "#4e79a7" }, { label: "bias", color: "#e15759" }];
    const one = legendLayout(items, 1, (t) => t.length * 7);
    const four = legendLayout(items, 4, (t) => t.length * 28);
    expect(four.box.width).toBe(one.box.width * 4);
    expect(four.box.height).toBe(one.box.height * 4);
    expect(one.entries[1]!.cy - one.entries[0]!.cy).toBe(20);
    expect(one.entries.every((e) => e.textX > e.cx + e.r)).toBe(true);
  });
});

// @vitest-environment jsdom
// The Open dialog's panel: what is shown and kept, Add only for a graph built here, Forget only when files are kept,
// the build's progress bar with its phase and counts, and the per-file summary naming each detected format.
import { afterEach, describe, expect, it, vi } from "vitest";
import { OpenPanel, type OpenPanelProps } from "../../../src/app/panels/OpenDialog";
import { click, mount, type Mounted } from "./render";

let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

function show(over: Partial<OpenPanelProps> = {}) {
  const props: OpenPanelProps = {
    shown: "seeds graph", canAdd: false, kept: false, shownKept: false, building: null, summaries: null, notes: [], error: null, storageNote: null,
    onOpen: vi.fn(), onForget: vi.fn(), onCancel: vi.fn(), ...over,
  };
  m?.unmount();
  m = mount(<OpenPanel {...props} />);
  const input = (label: string) => m!.container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
  return { c: m.container, props, input };
}

describe("OpenPanel", () => {
  it("offers Open on the default graph, Add only for a graph built here, Forget only when files are kept", () => {
    const d = show();
    expect(d.c.querySelector('[data-testid="open-shown"]')!.textContent).toBe("Showing seeds graph");
    expect(d.input("Open files (replaces the graph)").disabled).toBe(false);
    expect(d.input("Add files to this graph").disabled).toBe(true);
    expect([...d.c.querySelectorAll("button")].map((b) => b.textContent)).not.toContain("Forget");
    // Any file may be picked: formats are recognised by content, so no accept filter hides a misnamed export.
    expect(d.input("Open files (replaces the graph)").hasAttribute("accept")).toBe(false);

    const k = show({ shown: "2 files: library.bib, savedrecs.txt", canAdd: true, kept: true, shownKept: true });
    expect(k.c.querySelector('[data-testid="open-shown"]')!.textContent).toBe("Showing 2 files: library.bib, savedrecs.txt · kept in this browser");
    expect(k.input("Add files to this graph").disabled).toBe(false);
    click([...k.c.querySelectorAll("button")].find((b) => b.textContent === "Forget")!);
    expect(k.props.onForget).toHaveBeenCalledOnce();
    // Files kept but not shown (their restore failed): Forget is offered, the default graph is not called kept.
    const f = show({ kept: true, shownKept: false, storageNote: "2 files kept in this browser were not restored (cancelled); Forget removes them." });
    expect(f.c.querySelector('[data-testid="open-shown"]')!.textContent).toBe("Showing seeds graph");
    expect([...f.c.querySelectorAll("button")].map((b) => b.textContent)).toContain("Forget");
    expect(f.c.querySelector('[data-testid="storage-note"]')!.textContent).toMatch(/not restored/);
  });

  it("shows a build's phase and counts on a progress bar, disables picking meanwhile, and cancels", () => {
    const { c, input, props } = show({ canAdd: true, building: { label: "Reading a.bib, b.ris", progress: { phase: "read", done: 1, total: 2, unit: "files" } } });
    const bar = c.querySelector("progress")!;
    expect(bar.getAttribute("aria-label")).toBe("Build progress");
    expect(Number(bar.getAttribute("value"))).toBeCloseTo(0.075);
    expect(c.querySelector('[data-testid="build-phase"]')!.textContent).toBe("Reading the files: 1 of 2 files");
    expect(c.querySelector('[data-testid="build-progress"]')!.textContent).toContain("Reading a.bib, b.ris…");
    expect(input("Open files (replaces the graph)").disabled).toBe(true);
    expect(input("Add files to this graph").disabled).toBe(true);
    click([...c.querySelectorAll("button")].find((b) => b.textContent === "Cancel")!);
    expect(props.onCancel).toHaveBeenCalledOnce();
  });

  it("summarises each file with its format's name and counts, and its first diagnostics as text", () => {
    const diag = (line: number) => ({ file: "savedrecs.txt", line, severity: "warning" as const, message: `<b>odd</b> field ${line}` });
    const { c } = show({
      summaries: [
        { file: "library.bib", format: "bibtex", records: 12, diagnostics: [] },
        { file: "savedrecs.txt", format: "wos", records: 3, diagnostics: [1, 2, 3, 4, 5, 6, 7].map(diag) },
        { file: "notes.txt", format: null, records: 0, diagnostics: [] },
      ],
      notes: ["savedrecs.txt is already open: not added twice"],
    });
    const summary = c.querySelector('[data-testid="build-summary"]')!;
    expect(summary.querySelector("strong")!.textContent).toBe("Built from 3 files: 15 records, 7 diagnostics");
    const items = [...summary.querySelectorAll("li")];
    expect(items[0]!.textContent).toBe("library.bib: BibTeX, 12 records, 0 diagnostics");
    expect(items[1]!.firstChild!.textContent).toBe("savedrecs.txt: Web of Science, 3 records, 7 diagnostics");
    expect(items[1]!.querySelectorAll(".diagnostic")).toHaveLength(6); // five, then "… and 2 more"
    expect(items[1]!.textContent).toContain("line 1: warning: <b>odd</b> field 1");
    expect(summary.querySelector("b")).toBeNull();
    expect(items[2]!.textContent).toBe("notes.txt: not recognised, 0 records, 0 diagnostics");
    expect(c.textContent).toContain("savedrecs.txt is already open: not added twice");
  });

  it("shows an error as an alert, and hands picked files on with the mode of the picker", () => {
    const { c, input, props } = show({ canAdd: true, error: { title: "No paper could be read from x.txt", errors: ["x.txt:1: empty file"] } });
    expect(c.querySelector('[role="alert"]')!.textContent).toBe("No paper could be read from x.txtx.txt:1: empty file");
    const file = new File(["@article{k,}"], "a.bib");
    for (const [label, mode] of [["Add files to this graph", "add"], ["Open files (replaces the graph)", "replace"]] as const) {
      const el = input(label);
      Object.defineProperty(el, "files", { value: [file], configurable: true });
      el.dispatchEvent(new Event("change", { bubbles: true }));
      expect(props.onOpen).toHaveBeenLastCalledWith([file], mode);
    }
  });
});

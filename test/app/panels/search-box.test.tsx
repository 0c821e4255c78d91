// @vitest-environment jsdom
// SearchBox as a keyboard user drives it (ARIA combobox + listbox) on the app fixture graph's search index.
import { afterEach, describe, expect, it, vi } from "vitest";
import { useState } from "react";
import { SearchBox } from "../../../src/app/panels/SearchBox";
import { inlineSearch } from "../../../src/app/data/search-service";
import type { SearchHit } from "../../../src/app/state/search";
import { fixtureGraph } from "../fixture";
import { mount, press, settle, typeInto, type Mounted } from "./render";

const index = inlineSearch(fixtureGraph());
let m: Mounted | null = null;
afterEach(() => {
  m?.unmount();
  m = null;
});

function Harness({ onChoose, kinds }: { onChoose: (h: SearchHit) => void; kinds?: ("author" | "paper" | "topic")[] }) {
  const [q, setQ] = useState("");
  return <SearchBox index={index} label="Search authors, papers and topics" placeholder="Search" value={q} onChange={setQ} onChoose={onChoose} kinds={kinds} />;
}

function setup(kinds?: ("author" | "paper" | "topic")[]) {
  const onChoose = vi.fn();
  m = mount(<Harness onChoose={onChoose} kinds={kinds} />);
  const input = m.container.querySelector("input")!;
  const options = () => [...m!.container.querySelectorAll('[role="option"]')];
  return { input, options, onChoose, c: m.container };
}

describe("SearchBox", () => {
  it("is a labelled search combobox controlling a listbox", () => {
    const { input, c } = setup();
    expect(input.type).toBe("search");
    expect(input.getAttribute("role")).toBe("combobox");
    const label = c.querySelector(`label[for="${input.id}"]`)!;
    expect(label.textContent).toContain("Search");
    expect(document.getElementById(input.getAttribute("aria-controls")!)!.getAttribute("role")).toBe("listbox");
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("suggests as you type and walks the list with the arrow keys", async () => {
    const { input, options } = setup();
    typeInto(input, "an");
    await settle();
    expect(input.getAttribute("aria-expanded")).toBe("true");
    const n = options().length;
    expect(n).toBeGreaterThan(2);
    expect(options()[0]!.getAttribute("aria-selected")).toBe("true");
    press(input, "ArrowDown");
    expect(options()[1]!.getAttribute("aria-selected")).toBe("true");
    expect(input.getAttribute("aria-activedescendant")).toBe(options()[1]!.id);
    press(input, "ArrowUp");
    press(input, "ArrowUp");
    // Wraps to the last suggestion.
    expect(options()[n - 1]!.getAttribute("aria-selected")).toBe("true");
  });

  it("chooses the active suggestion with Enter", async () => {
    const { input, onChoose } = setup();
    typeInto(input, "puyol anton");
    await settle();
    press(input, "Enter");
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose.mock.calls[0]![0]).toMatchObject({ key: "a:esther-puyol-anton", kind: "author" });
    expect(input.getAttribute("aria-expanded")).toBe("false");
  });

  it("closes the list on the first Escape and clears the text on the second, without reaching the page", async () => {
    const { input } = setup();
    const pageEscape = vi.fn();
    document.addEventListener("keydown", pageEscape);
    typeInto(input, "bias");
    await settle();
    press(input, "Escape");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("bias");
    press(input, "Escape");
    expect(input.value).toBe("");
    expect(pageEscape).not.toHaveBeenCalled();
    document.removeEventListener("keydown", pageEscape);
  });

  it("says when nothing matches and offers only the allowed kinds", async () => {
    const none = setup();
    typeInto(none.input, "zzqxj");
    await settle();
    expect(none.c.querySelector(".suggestion.empty")!.textContent).toContain("No match");
    none.input.blur();
    m!.unmount();
    const authors = setup(["author"]);
    typeInto(authors.input, "bias");
    await settle();
    expect(authors.options().length).toBe(0);
    typeInto(authors.input, "tiarna");
    await settle();
    expect(authors.options().map((o) => o.className)).toEqual(["suggestion kind-author"]);
    m!.unmount();
    m = null;
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseThesaurus, resolveIdentity } from "../../../src/pipeline/identity";
import { doc, rec } from "./helpers";

describe("parseThesaurus", () => {
  it("reads the example file (test/fixtures/identity/thesaurus.csv) without diagnostics", () => {
    const text = readFileSync(new URL("../../fixtures/identity/thesaurus.csv", import.meta.url), "utf8");
    const { thesaurus, diagnostics } = parseThesaurus(text, "thesaurus.csv");
    expect(diagnostics).toEqual([]);
    expect(thesaurus.entries.map((e) => [e.action, e.names.length, e.source.line])).toEqual([
      ["merge", 2, 5],
      ["merge", 2, 7],
      ["split", 2, 8],
      ["rename", 2, 9],
    ]);
  });
  it("handles quotes, CRLF, a BOM and padded trailing cells", () => {
    const { thesaurus, diagnostics } = parseThesaurus('\uFEFFaction,name,other\r\nmerge,"Li, Hongwei",Hongwei Li,,\r\n', "t.csv");
    expect(diagnostics).toEqual([]);
    expect(thesaurus.entries[0]!.names).toEqual(["Li, Hongwei", "Hongwei Li"]);
  });
  it("turns every bad line into a diagnostic with file, line and what was expected", () => {
    const text = [
      "merge,A B,C D", // 1: no header (warning, still read)
      "merg,Ilkay Oksuz,lkay Oksuz", // 2: unknown action
      "merge,Ilkay Oksuz", // 3: too few names
      "split,Hongwei Li,,Hongwei Bran Li", // 4: empty cell in the middle
      'rename,"Esther Puyol,Esther', // 5: open quote
      "rename,Esther,Ester,Extra", // 6: rename takes two cells
      "split,Hongwei Li,hongwei li", // 7: same name twice
      "rename,Karim Lekadir,K. Lekadir",
      "rename,Karim Lekadir,Karim L.", // 9: renamed twice
    ].join("\n");
    const { thesaurus, diagnostics } = parseThesaurus(text, "t.csv");
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [1, "warning"],
      [2, "error"],
      [3, "error"],
      [4, "error"],
      [5, "error"],
      [6, "error"],
      [7, "error"],
      [9, "warning"],
    ]);
    expect(diagnostics.every((d) => d.file === "t.csv")).toBe(true);
    expect(diagnostics[0]!.message).toMatch(/action,name,other/);
    expect(diagnostics[1]!.message).toMatch(/did you mean "merge"/);
    expect(diagnostics[2]!.message).toMatch(/at least two names/);
    expect(thesaurus.entries.map((e) => e.source.line)).toEqual([1, 8]);
  });
});

describe("parseThesaurus: topic lines", () => {
  it("reads merge-topic and drop-topic lines apart from the person lines", () => {
    const text = [
      "action,name,other",
      "merge-topic,magnetic resonance imaging,MR imaging,MRI",
      "drop-topic,deep learning,artificial intelligence",
      "merge,Patrick Christ,Patrich Ferndinand Christ",
      "MERGE-TOPIC,Federated Learning,collaborative learning",
    ].join("\n");
    const { thesaurus, diagnostics } = parseThesaurus(text, "t.csv");
    expect(diagnostics).toEqual([]);
    expect(thesaurus.entries.map((e) => e.action)).toEqual(["merge"]);
    expect(thesaurus.topics).toEqual([
      { action: "merge-topic", terms: ["magnetic resonance imaging", "MR imaging", "MRI"], source: { file: "t.csv", line: 2 } },
      { action: "drop-topic", terms: ["deep learning", "artificial intelligence"], source: { file: "t.csv", line: 3 } },
      { action: "merge-topic", terms: ["Federated Learning", "collaborative learning"], source: { file: "t.csv", line: 5 } },
    ]);
  });

  it("turns bad topic lines into diagnostics naming the line and the fix", () => {
    const text = [
      "action,name,other",
      "merge-topic,fairness", // 2: one term
      "drop-topic", // 3: no term
      "merge-topic,bias,,fairness", // 4: empty cell
      "merge topic,bias,fairness", // 5: near miss of the action
      "merge-topic,bias,Bias,fairness", // 6: the same term twice (warning; the rest is read)
      "drop-topic,FAIRNESS", // 7: already on line 6 (warning; nothing left)
      "droptopic,report", // 8: near miss
    ].join("\n");
    const { thesaurus, diagnostics } = parseThesaurus(text, "t.csv");
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [2, "error"],
      [3, "error"],
      [4, "error"],
      [5, "error"],
      [6, "warning"],
      [7, "warning"],
      [8, "error"],
    ]);
    expect(diagnostics[0]!.message).toMatch(/merge-topic needs at least two terms/);
    expect(diagnostics[1]!.message).toMatch(/drop-topic needs at least one term/);
    expect(diagnostics[3]!.message).toMatch(/did you mean "merge-topic"/);
    expect(diagnostics[5]!.message).toMatch(/already on line 6/);
    expect(diagnostics[6]!.message).toMatch(/did you mean "drop-topic"/);
    expect(thesaurus.topics.map((e) => [e.source.line, e.terms])).toEqual([[6, ["bias", "fairness"]]]);
  });
});

describe("thesaurus applied after automatic matching", () => {
  // Names from seeds/003 and seeds/004 (Patrich Ferndinand Christ / Patrick Christ; Hongwei Li / Hongwei Bran Li).
  const docs = () => [
    doc("a.txt", [
      rec("a.txt", { title: "Shapes", authors: ["Patrich Ferndinand Christ", "Femi Adeyemi"] }),
      rec("a.txt", { title: "LiTS", authors: ["Patrick Christ", "Goran Bregovic"] }),
      rec("a.txt", { title: "Winners", authors: ["Hongwei Bran Li", "Ivo Andric", "Bjoern Menze"] }),
      rec("a.txt", { title: "Synthesis", authors: ["Hongwei Li", "Ivo Andric", "Bjoern Menze"] }),
      rec("a.txt", { title: "Cardiac", authors: ["Esther Puyol-Anton", "Ivo Andric"] }),
    ]),
  ];
  it("without a thesaurus: Hongwei Li merges (two shared small-byline co-authors), Patrich/Patrick stays apart", () => {
    const r = resolveIdentity(docs(), {});
    const key = (s: string) => r.authors.find((a) => a.aliases.includes(s))!.key;
    expect(key("Hongwei Li")).toBe(key("Hongwei Bran Li"));
    expect(key("Patrick Christ")).not.toBe(key("Patrich Ferndinand Christ"));
  });
  it("merge, split and rename lines override it, and unknown names are reported", () => {
    const text = "action,name,other\nmerge,Patrick Christ,Patrich Ferndinand Christ\nsplit,Hongwei Li,Hongwei Bran Li\nrename,Esther Puyol Anton,Esther Puyol-Antón\nmerge,Nobody Here,Ivo Andric\n";
    const { thesaurus } = parseThesaurus(text, "th.csv");
    const r = resolveIdentity(docs(), { thesaurus });
    const node = (s: string) => r.authors.find((a) => a.aliases.includes(s))!;
    expect(node("Patrick Christ").key).toBe(node("Patrich Ferndinand Christ").key);
    expect(node("Hongwei Li").key).not.toBe(node("Hongwei Bran Li").key);
    expect(node("Esther Puyol-Anton").name).toBe("Esther Puyol-Antón");
    expect(node("Esther Puyol-Anton").aliases).toContain("Esther Puyol-Antón");
    expect(r.merges.some((m) => m.evidence.includes("thesaurus merge (th.csv:2)"))).toBe(true);
    expect(r.keptApart.some((m) => m.evidence.some((e) => e.includes("thesaurus split (th.csv:3)")))).toBe(true);
    expect(r.diagnostics).toEqual([{ file: "th.csv", line: 5, severity: "warning", message: 'thesaurus name "Nobody Here" does not occur in any input; check its spelling' }]);
  });
  it("a near miss later joined by a thesaurus merge is reported with both spellings and what joined them", () => {
    const { thesaurus } = parseThesaurus("action,name,other\nmerge,Patrick Christ,Patrich Ferndinand Christ\n", "th.csv");
    const r = resolveIdentity(docs(), { thesaurus });
    const miss = r.keptApart.find((m) => m.entity === "author" && m.merged.includes("Patrick Christ"))!;
    expect(miss.into).toBe("Patrich Ferndinand Christ / Patrick Christ");
    expect(miss.evidence.at(-1)).toMatch(/^joined afterwards by the thesaurus into .+ \(a:christ\|/);
  });
  it("a merge that contradicts a split is refused with an error", () => {
    const { thesaurus } = parseThesaurus("action,name,other\nsplit,Hongwei Li,Hongwei Bran Li\nmerge,Hongwei Bran Li,Hongwei Li\n", "th.csv");
    const r = resolveIdentity(docs(), { thesaurus });
    const node = (s: string) => r.authors.find((a) => a.aliases.includes(s))!;
    expect(node("Hongwei Li").key).not.toBe(node("Hongwei Bran Li").key);
    expect(r.diagnostics).toEqual([{ file: "th.csv", line: 3, severity: "error", message: "merge contradicts the split on line 2; neither merge is applied" }]);
  });

  it("names a binary file given as thesaurus once, without quoting its bytes (issue 12)", () => {
    // constructed: a PNG header with NUL and ESC bytes, then a line that would parse.
    const r = parseThesaurus("\u0089PNG\r\n\u001a\n\u0000\u0000\u001b[2J\nmerge,A,B\n", "th.csv");
    expect(r.thesaurus.entries).toEqual([]);
    expect(r.diagnostics).toEqual([{ file: "th.csv", line: 3, severity: "error", message: "binary file: this is not a thesaurus (a CSV text file with the header action,name,other, saved as UTF-8); it is ignored" }]);
  });
});


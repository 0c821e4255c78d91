/**
 * Identity corrections -> thesaurus: unit cases (constructed), and the round trip on the real seeds: corrections made
 * from the build's review data, written as thesaurus.csv, read back by the CLI's parser and rebuilt with runPipeline.
 */
import { describe, expect, it } from "vitest";
import type { AuthorNodeAttributes, GraphAttributes } from "../../src/model/graph-file";
import { applyCorrections, mergeDecision, mergePeople, renamePerson, splitDecision, thesaurusCsv, vosviewerThesaurus, type ThesaurusLine } from "../../src/model/identity-corrections";
import { parseThesaurus } from "../../src/pipeline/identity/thesaurus";
import { DEFAULT_OPTIONS } from "../../src/pipeline/options";
import { runPipeline } from "../../src/pipeline/run";
import { seedsBuild } from "../fixtures/seeds-build";
import { seedsInput } from "../fixtures/seeds";

describe("applyCorrections", () => {
  const base: ThesaurusLine[] = [
    { action: "merge", names: ["Ann Lee", "A. Lee", "Ann B. Lee"] },
    { action: "split", names: ["Bo Chen", "Bo C. Chen"] },
    { action: "rename", names: ["Ann Lee", "Ann Lee-Smith"] },
  ];

  it("a split keeps every spelling of one side apart from every spelling of the other, and untangles merge lines", () => {
    const { lines, notes } = applyCorrections(base, [{ kind: "split", sides: [["Ann Lee", "A. Lee"], ["Ann B. Lee"]] }]);
    expect(notes).toEqual([]);
    expect(lines).toContainEqual({ action: "merge", names: ["Ann Lee", "A. Lee"] });
    expect(lines).toContainEqual({ action: "split", names: ["Ann Lee", "Ann B. Lee"] });
    expect(lines).toContainEqual({ action: "split", names: ["A. Lee", "Ann B. Lee"] });
  });

  it("a merge drops the split between the names so the thesaurus does not refuse it", () => {
    const { lines } = applyCorrections(base, [{ kind: "merge", names: ["Bo Chen", "bo c. chen"] }]);
    expect(lines.filter((l) => l.action === "split")).toEqual([]);
    expect(lines).toContainEqual({ action: "merge", names: ["Bo Chen", "bo c. chen"] });
  });

  it("a rename replaces an earlier rename of the same spelling; spellings equal up to case cannot be split", () => {
    const { lines } = applyCorrections(base, [{ kind: "rename", spelling: "ANN LEE", name: "Ann Lee Smith" }]);
    expect(lines.filter((l) => l.action === "rename")).toEqual([{ action: "rename", names: ["ANN LEE", "Ann Lee Smith"] }]);
    const split = applyCorrections([], [{ kind: "split", sides: [["Zoë Puyol-Antón"], ["Zoe Puyol Anton"]] }]);
    expect(split.lines).toEqual([]);
    expect(split.notes[0]).toMatch(/one spelling to the thesaurus/);
  });

  it("writes a CSV the CLI's parser reads back line for line, quotes included", () => {
    const lines: ThesaurusLine[] = [{ action: "merge", names: ["Li, Hongwei", 'Hongwei "Bran" Li'] }, { action: "rename", names: ["X", " Y"] }];
    const parsed = parseThesaurus(thesaurusCsv(lines, [{ action: "drop-topic", terms: ["deep learning"] }]), "thesaurus.csv");
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.thesaurus.entries.map((e) => ({ action: e.action, names: e.names }))).toEqual([
      { action: "merge", names: ["Li, Hongwei", 'Hongwei "Bran" Li'] },
      { action: "rename", names: ["X", "Y"] },
    ]);
    expect(parsed.thesaurus.topics.map((t) => t.terms)).toEqual([["deep learning"]]);
  });

  it("writes VOSviewer's label / replace by file, leaving splits out", () => {
    const lines: ThesaurusLine[] = [
      { action: "merge", names: ["Nick Byrne", "Nicholas Byrne"] },
      { action: "split", names: ["Hongwei Li", "Hongwei Bran Li"] },
      { action: "rename", names: ["Nick Byrne", "Nicholas J. Byrne"] },
    ];
    const v = vosviewerThesaurus(lines, [{ name: "Nick Byrne", aliases: ["N. Byrne", "Nick Byrne"] }]);
    expect(v.leftOut).toBe(1);
    expect(v.text).toBe("label\treplace by\nN. Byrne\tNicholas J. Byrne\nNicholas Byrne\tNicholas J. Byrne\nNick Byrne\tNicholas J. Byrne\n");
  });
});

describe("corrections on the seeds rebuild to the corrected people", () => {
  it("split makes two nodes, merge one, rename changes the label", () => {
    const built = seedsBuild();
    const g = built.graph;
    const review = (g.getAttributes() as GraphAttributes).identityReview!;
    const person = (key: string) => g.getNodeAttributes(key) as AuthorNodeAttributes;
    const byrne = review.merges.find((m) => m.keys[0] === "a:byrne|nicholas" && m.basis === "context")!;
    const hongwei = review.keptApart.find((m) => m.keys.includes("a:li|hongwei-bran"))!;
    const king = person("a:king|andrew-p");
    const corrections = [
      splitDecision(byrne),
      mergeDecision(hongwei),
      renamePerson(king, "Andy King", review.thesaurus),
      // Two people picked from the graph (no review entry joins them): Patrick Christ, renamed by the build's thesaurus.
      mergePeople([person("a:christ|patrick"), person("a:bilic|patrick")], review.thesaurus),
    ];
    const { lines, notes } = applyCorrections(review.thesaurus, corrections);
    expect(notes).toEqual([]);
    const csv = thesaurusCsv(lines, review.topicThesaurus);
    const input = { ...seedsInput(), thesaurus: { file: "thesaurus.csv", text: csv } };
    // One layout iteration: who is who is checked, not positions (the default layout is ~1 s of CPU).
    const rebuilt = runPipeline(input, { ...DEFAULT_OPTIONS, layoutIterations: 1 }).graph;
    const thesaurusFile = rebuilt.getAttribute("sources").find((s: { file: string }) => s.file === "thesaurus.csv");
    expect(thesaurusFile.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);

    const authorsNamed = (spelling: string) => rebuilt.filterNodes((_k, a) => a.kind === "author" && (a.aliases as string[]).includes(spelling));
    // Split: "Nick Byrne" and "Nicholas Byrne" are two people again.
    expect(authorsNamed("Nick Byrne")).toHaveLength(1);
    expect(authorsNamed("Nicholas Byrne")).toHaveLength(1);
    expect(authorsNamed("Nick Byrne")[0]).not.toBe(authorsNamed("Nicholas Byrne")[0]);
    // Merge: the two Hongwei Li are one.
    expect(authorsNamed("Hongwei Bran Li")).toEqual(authorsNamed("Hongwei Li"));
    // Rename: Andrew P. King's label.
    expect(rebuilt.getNodeAttribute(authorsNamed("Andrew P. King")[0]!, "label")).toBe("Andy King");
    // Merge of two people picked from the graph.
    expect(authorsNamed("Patrick Bilic")).toEqual(authorsNamed("Patrich Ferndinand Christ"));
    // Everyone else is who they were: one person fewer from each merge, one more from the split.
    const count = (graph: typeof g) => graph.filterNodes((_k, a) => a.kind === "author").length;
    expect(count(rebuilt)).toBe(count(g) - 2 + 1);
  });
});

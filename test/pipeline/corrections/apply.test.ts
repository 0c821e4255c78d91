/**
 * Identity corrections applied to the built seeds graph without its inputs (src/pipeline/corrections), checked against
 * what they stand for: the CLI's build of the same seeds with the thesaurus the review panel exports for them
 * (applyCorrections + thesaurusCsv, as the e2e test downloads it). Seeds: the five real listings in seeds/ with
 * seeds/thesaurus.csv (test/fixtures/seeds.ts). The real cases: Nick / Nicholas Byrne (an automatic merge on context),
 * Hongwei Li / Hongwei Bran Li (a near miss the build's thesaurus keeps apart), Andrew P. King with James R. Clough
 * (two people picked from the graph: the display name and key come from the build's rules), Ilkay Oksuz (a rename).
 */
import type Graph from "graphology";
import { describe, expect, it } from "vitest";
import { writeExplorerFiles } from "../../../src/exporters/explorer-files";
import { CompactGraph } from "../../../src/model/compact-graph";
import type { GraphAttributes } from "../../../src/model/graph-file";
import { applyCorrections, thesaurusCsv, type Correction } from "../../../src/model/identity-corrections";
import { applyIdentityCorrections, prepareCorrections, toGraphology, type CorrectableGraph, type PreparedGraph } from "../../../src/pipeline/corrections";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { runPipeline } from "../../../src/pipeline/run";
import { seedsInput } from "../../fixtures/seeds";
import { seedsBuild } from "../../fixtures/seeds-build";

const built = () => seedsBuild().graph;

/** The corrections applied to a graph (the seeds build by default), the result as a graphology graph. */
function correct(corrections: Correction[], from: CorrectableGraph | Graph | PreparedGraph = built()) {
  const result = applyIdentityCorrections(from, corrections);
  return { ...result, graph: toGraphology(result.graph) };
}
const review = () => (built().getAttributes() as GraphAttributes).identityReview!;

/** The CLI's build of the seeds with the thesaurus the panel exports for these corrections. */
function cliRebuild(corrections: Correction[]): Graph {
  const { lines } = applyCorrections(review().thesaurus, corrections);
  const csv = thesaurusCsv(lines, review().topicThesaurus);
  return runPipeline({ documents: seedsInput().documents, thesaurus: { file: "thesaurus.csv", text: csv } }, { ...DEFAULT_OPTIONS }).graph;
}

const edgesOf = (g: Graph, kinds: string[]) => {
  const out = new Map<string, unknown>();
  g.forEachEdge((key, a) => {
    if (kinds.includes(a.kind as string)) out.set(key, a);
  });
  return out;
};

/** Every node attribute but those kept as built (positions, betweenness), which the CLI's layout and Brandes recompute. */
const comparable = (a: Record<string, unknown>) => {
  const { x: _x, y: _y, betweenness: _b, ...rest } = a;
  return rest;
};

/** The corrected graph is the CLI rebuild's, node for node and edge for edge, positions and betweenness aside. */
function expectSameAsRebuild(corrected: Graph, rebuilt: Graph) {
  expect(corrected.order).toBe(rebuilt.order);
  expect(corrected.nodes()).toEqual(rebuilt.nodes());
  for (const key of rebuilt.nodes()) expect(comparable(corrected.getNodeAttributes(key)), key).toEqual(comparable(rebuilt.getNodeAttributes(key)));
  expect(edgesOf(corrected, ["authored", "coauthor", "coauthor-large"])).toEqual(edgesOf(rebuilt, ["authored", "coauthor", "coauthor-large"]));
  expect(corrected.edges()).toEqual(rebuilt.edges());
  const attrs = (g: Graph) => {
    const { communities, modularity, communityLadder, counts, largePapers } = g.getAttributes() as GraphAttributes;
    return { communities, modularity, communityLadder, counts, largePapers };
  };
  expect(attrs(corrected)).toEqual(attrs(rebuilt));
}

const authorsNamed = (g: Graph, spelling: string) => g.filterNodes((_k, a) => a.kind === "author" && (a.aliases as string[]).includes(spelling));

describe("applyIdentityCorrections on the seeds graph", () => {
  it("changes nothing without corrections: the same graph, byte for byte", () => {
    const result = correct([]);
    expect(JSON.stringify(result.graph.export())).toBe(JSON.stringify(built().export()));
    expect(result.notes).toEqual([]);
    expect(result.renamedKeys).toEqual({});
    expect(result.origins).toEqual({});
  });

  it("splits Nick / Nicholas Byrne into the two people the CLI's rebuild gives, with their papers and co-author links", () => {
    const split: Correction = { kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] };
    const result = correct([split]);
    const g = result.graph;
    expect(g.order).toBe(built().order + 1);
    const [nick] = authorsNamed(g, "Nick Byrne");
    const [nicholas] = authorsNamed(g, "Nicholas Byrne");
    expect([nick, nicholas]).toEqual(["a:byrne|nick", "a:byrne|nicholas"]);
    expect(g.getNodeAttribute(nick!, "paperCount") + g.getNodeAttribute(nicholas!, "paperCount")).toBe(built().getNodeAttribute("a:byrne|nicholas", "paperCount"));
    expect(g.getNodeAttribute(nick!, "aliases")).toEqual(["Nick Byrne"]);
    // Nick kept the most papers, so he keeps the place; Nicholas is drawn beside him.
    expect(result.renamedKeys).toEqual({ "a:byrne|nicholas": "a:byrne|nick" });
    expect(result.touched).toEqual(["a:byrne|nicholas", "a:byrne|nick"]);
    // Both come from the one node as built (where a selection on either goes back to on undo).
    expect(result.origins).toEqual({ "a:byrne|nicholas": ["a:byrne|nicholas"], "a:byrne|nick": ["a:byrne|nicholas"] });
    const at = (k: string, gr: Graph) => [gr.getNodeAttribute(k, "x"), gr.getNodeAttribute(k, "y")];
    expect(at(nick!, g)).toEqual(at("a:byrne|nicholas", built()));
    const [dx, dy] = [at(nicholas!, g)[0]! - at(nick!, g)[0]!, at(nicholas!, g)[1]! - at(nick!, g)[1]!];
    expect(Math.hypot(dx, dy)).toBeGreaterThan(0);
    expect(Math.hypot(dx, dy)).toBeLessThan(100);
    expectSameAsRebuild(g, cliRebuild([split]));
  });

  it("merges a near miss (Hongwei Li and Hongwei Bran Li) as the CLI's rebuild does", () => {
    const merge: Correction = { kind: "merge", names: ["Hongwei Bran Li", "Hongwei Li"] };
    const result = correct([merge]);
    expect(result.graph.order).toBe(built().order - 1);
    expect(authorsNamed(result.graph, "Hongwei Li")).toEqual(authorsNamed(result.graph, "Hongwei Bran Li"));
    const before = built().getNodeAttribute("a:li|hongwei", "paperCount") + built().getNodeAttribute("a:li|hongwei-bran", "paperCount");
    expect(result.graph.getNodeAttribute(authorsNamed(result.graph, "Hongwei Li")[0]!, "paperCount")).toBe(before);
    expectSameAsRebuild(result.graph, cliRebuild([merge]));
  });

  it("merges two people picked from the graph under the name and key the build's rules give (James R. Clough)", async () => {
    const merge: Correction = { kind: "merge", names: ["Andrew P. King", "James R. Clough"] };
    const result = correct([merge]);
    // King's page lists 50 papers but names him on two bylines; Clough is on eight: the build's count picks Clough.
    expect(result.graph.getNodeAttribute("a:clough|james-r", "name")).toBe("James R. Clough");
    expect(result.graph.hasNode("a:king|andrew-p")).toBe(false);
    expect(result.renamedKeys).toEqual({ "a:king|andrew-p": "a:clough|james-r" });
    expect(result.origins).toEqual({ "a:clough|james-r": ["a:clough|james-r", "a:king|andrew-p"] });
    expectSameAsRebuild(result.graph, cliRebuild([merge]));
    // The build's review is kept, its decisions' keys on the corrected people: every key is a node (the explorer's
    // reader refuses a review naming keys that are not), King's decisions now name the merged person.
    const reviewed = (result.graph.getAttributes() as GraphAttributes).identityReview!;
    const keys = [...reviewed.merges, ...reviewed.keptApart].flatMap((d) => d.keys);
    expect(keys.filter((k) => !result.graph.hasNode(k))).toEqual([]);
    expect(keys).not.toContain("a:king|andrew-p");
    expect(reviewed.merges.map((d) => d.sides)).toEqual(review().merges.map((d) => d.sides));
    const files = writeExplorerFiles(applyIdentityCorrections(built(), [merge]).graph);
    const byName = new Map(files.map((f) => [f.name, f.bytes]));
    const compact = CompactGraph.fromBytes(files[0]!.bytes, (name) => byName.get(name)!);
    if (!compact.ok) throw new Error(compact.errors.join("\n"));
    await compact.value.loadGraphAttribute("identityReview");
    expect(compact.value.getAttributes().identityReview!.merges).toHaveLength(review().merges.length);
  });

  it("renames a person: label and name change, the key and everything else stay, as in the CLI's rebuild", () => {
    const rename: Correction = { kind: "rename", spelling: "Ilkay Oksuz", name: "İlkay Öksüz" };
    const result = correct([rename]);
    const a = result.graph.getNodeAttributes("a:oksuz|ilkay");
    expect([a.label, a.name]).toEqual(["İlkay Öksüz", "İlkay Öksüz"]);
    // "lkay Oksuz" is a real spelling of the seeds (a listing lost the first letter).
    expect(a.aliases).toEqual(["Ilkay Oksuz", "lkay Oksuz", "İlkay Öksüz"]);
    const { label: _l, name: _n, aliases: _a, ...rest } = a;
    const { label: _l2, name: _n2, aliases: _a2, ...was } = built().getNodeAttributes("a:oksuz|ilkay");
    expect(rest).toEqual(was);
    expect(result.graph.size).toBe(built().size);
    expectSameAsRebuild(result.graph, cliRebuild([rename]));
  });

  it("undo is the remaining corrections applied to the graph as built: the same graph as never making the undone one", () => {
    const split: Correction = { kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] };
    const rename: Correction = { kind: "rename", spelling: "Ilkay Oksuz", name: "İlkay Öksüz" };
    const both = correct([split, rename]);
    expect(both.graph.order).toBe(built().order + 1);
    const undone = correct([rename]);
    expect(undone.graph.order).toBe(built().order);
    expect(undone.graph.hasNode("a:byrne|nick")).toBe(false);
    // Nothing of the split is left: every node and edge as built, the rename aside.
    expect(undone.graph.edges()).toEqual(built().edges());
    undone.graph.forEachNode((k, a) => {
      if (k !== "a:oksuz|ilkay") expect(a, k).toEqual(built().getNodeAttributes(k));
    });
  });

  it("applies list after list to one graph as built, read once (as the explorer's worker keeps it), which they never change", () => {
    const prepared = prepareCorrections(built());
    const split: Correction = { kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] };
    const merge: Correction = { kind: "merge", names: ["Andrew P. King", "James R. Clough"] };
    const exported = (g: Graph) => JSON.stringify(g.export());
    expect(exported(correct([split, merge], prepared).graph)).toBe(exported(correct([split, merge]).graph));
    expect(exported(correct([split], prepared).graph)).toBe(exported(correct([split]).graph));
    expect(exported(correct([], prepared).graph)).toBe(exported(built()));
  });

  it("says which corrections changed nothing, and why", () => {
    const result = correct([
      { kind: "split", sides: [["Hongwei Li"], ["Hongwei Bran Li"]] },
      { kind: "merge", names: ["Nick Byrne", "Nicholas Byrne"] },
      { kind: "merge", names: ["No Such Person", "Nobody Else"] },
      { kind: "rename", spelling: "Nobody Here", name: "Someone" },
    ]);
    expect(result.notes).toEqual([
      "Split Hongwei Li from Hongwei Bran Li: no one person holds these spellings (already apart, or not in this graph)",
      "Merge Nick Byrne and Nicholas Byrne: already one person",
      "Merge No Such Person and Nobody Else: no such person in this graph",
      "Rename Nobody Here: no such person in this graph",
    ]);
    expect(JSON.stringify(result.graph.export())).toBe(JSON.stringify(built().export()));
  });

  it("reads the explorer's compact files (the prebuilt graph in the browser) as it reads the graph itself", async () => {
    const files = writeExplorerFiles(built());
    const byName = new Map(files.map((f) => [f.name, f.bytes]));
    const compact = CompactGraph.fromBytes(files[0]!.bytes, (name) => byName.get(name)!);
    if (!compact.ok) throw new Error(compact.errors.join("\n"));
    await compact.value.loadEverything();
    const split: Correction = { kind: "split", sides: [["Nick Byrne"], ["Nicholas Byrne"]] };
    const fromCompact = correct([split], compact.value);
    const expected = correct([split]).graph;
    expect(JSON.stringify(fromCompact.graph.export())).toBe(JSON.stringify(expected.export()));
    // What the worker hands the page: the corrected graph's compact files, read back as the explorer reads them.
    const out = writeExplorerFiles(applyIdentityCorrections(compact.value, [split]).graph);
    const outByName = new Map(out.map((f) => [f.name, f.bytes]));
    const shown = CompactGraph.fromBytes(out[0]!.bytes, (name) => outByName.get(name)!);
    if (!shown.ok) throw new Error(shown.errors.join("\n"));
    await shown.value.loadEverything();
    expect(shown.value.order).toBe(expected.order);
    expect(shown.value.size).toBe(expected.size);
    expected.forEachNode((k, a) => expect(shown.value.getNodeAttributes(k)).toEqual(a));
    expect(shown.value.edgeAttributes(shown.value.edgeBetween(shown.value.nodeIndex("a:byrne|nick"), shown.value.nodeIndex("p:a-persistent-homology-based-topological-loss-function-for"), "authored"))).toMatchObject({ kind: "authored" });
  });
});

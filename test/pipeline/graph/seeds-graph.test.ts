/**
 * The whole pipeline on the five real listings in seeds/ with seeds/thesaurus.csv (read with fs, as the CLI would),
 * checked at the graph stage: contract, structure that must follow from the bylines, community and cluster
 * bookkeeping, byte-identical rebuilds. Exact node counts belong to the identity and topic tests; here only relations
 * that hold whatever they decide. The build checked is the worker's shared one (test/fixtures/seeds-build.ts); the
 * rebuild is this file's own.
 */
import { describe, expect, it } from "vitest";
import type { ClusterInfo, GraphFile, PaperNodeAttributes } from "../../../src/model/graph-file";
import { validateGraphFile } from "../../../src/model/validate";
import { OTHER_COLOR, PALETTE } from "../../../src/model/appearance";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { runPipeline } from "../../../src/pipeline/run";
import { seedsInput } from "../../fixtures/seeds";
import { seedsBuild } from "../../fixtures/seeds-build";

const input = seedsInput();

describe("graph of the seed listings", () => {
  const result = seedsBuild();
  const file = JSON.parse(JSON.stringify(result.graph.export())) as GraphFile;
  const byKey = new Map(file.nodes.map((n) => [n.key, n.attributes]));
  const authorNamed = (name: string) => file.nodes.find((n) => n.attributes.kind === "author" && n.attributes.name === name)?.key;

  it("passes the model's validator and counts what identity and topics produced", () => {
    const v = validateGraphFile(file);
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(file.attributes.counts).toEqual({
      authors: result.identity.authors.length,
      papers: result.identity.papers.length,
      topics: result.topics.topics.length,
      edges: file.edges.length,
    });
    expect(file.attributes.sources.map((s) => s.file)).toEqual([...input.documents.map((d) => d.file), input.thesaurus!.file]);
  });

  it("links co-authors only through a shared paper of at most coauthorMaxAuthors authors", () => {
    const limit = DEFAULT_OPTIONS.coauthorMaxAuthors;
    expect(limit).toBe(25);
    const papersOf = new Map<string, Set<string>>();
    for (const n of file.nodes) {
      if (n.attributes.kind !== "paper") continue;
      // The 100+-name challenge papers of 003_ make no co-author edges (VOSviewer's large-team rule).
      if ((n.attributes as PaperNodeAttributes).authors.length > limit) continue;
      for (const a of (n.attributes as PaperNodeAttributes).authors) papersOf.set(a, (papersOf.get(a) ?? new Set()).add(n.key));
    }
    for (const e of file.edges.filter((x) => x.attributes.kind === "coauthor")) {
      const shared = [...papersOf.get(e.source)!].filter((p) => papersOf.get(e.target)!.has(p)).length;
      expect(shared, e.key).toBe(e.attributes.weight);
    }
  });

  it("puts long-time collaborators in one community (Bakas and Baid share many 004_ papers)", () => {
    const bakas = authorNamed("Spyridon Bakas");
    const baid = authorNamed("Ujjwal Baid");
    expect(bakas && baid).toBeTruthy();
    expect(byKey.get(bakas!)!.community).toBe(byKey.get(baid!)!.community);
  });

  it("numbers communities by size and labels them; research clusters carry palette colours", () => {
    const communities = Object.entries(file.attributes.communities) as [string, ClusterInfo][];
    expect(communities.length).toBeGreaterThan(1);
    const sizes = communities.sort((a, b) => Number(a[0]) - Number(b[0])).map(([, c]) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const [, c] of communities) expect(c.label.length).toBeGreaterThan(0);
    const memberCount = file.nodes.filter((n) => n.attributes.kind === "author").length;
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(memberCount);
    for (const [id, c] of Object.entries(file.attributes.topicClusters)) {
      expect(c.color).toBe(Number(id) < PALETTE.length ? PALETTE[Number(id)] : OTHER_COLOR);
    }
    expect(file.attributes.modularity).toBeGreaterThan(0.3);
  });

  it("rebuilds to the same bytes", () => {
    const again = runPipeline(seedsInput(), { ...DEFAULT_OPTIONS });
    expect(JSON.stringify(again.graph.export())).toBe(JSON.stringify(result.graph.export()));
  }, 120_000);
});

/** Exports at a chosen ladder level: the seeds graph (real listings) exported at a coarser and a finer level. */
import { describe, expect, it } from "vitest";
import type Graph from "graphology";
import { exportGraph, makeProvenance } from "../../src/exporters";
import { groupAtLevel } from "../../src/model/levels";
import { seedsBuild } from "../fixtures/seeds-build";

const provenance = (g: Graph) => makeProvenance(g, null, { exportedAt: "2026-01-01T00:00:00Z", generator: "test", colorMode: "community" });

function vosClusters(g: Graph, levels?: { community?: number }) {
  const file = exportGraph("vosviewer", g, null, provenance(g), { levels }).files[0]!;
  const json = JSON.parse(file.content as string) as { network: { items: { label: string; cluster?: number }[] } };
  return new Set(json.network.items.map((i) => i.cluster).filter((c) => c !== undefined));
}

describe("exports at a ladder level", () => {
  it("VOSviewer's clusters follow the chosen community level; the default level exports as without a level", () => {
    const g = seedsBuild().graph;
    const ladder = g.getAttribute("communityLadder");
    const plain = exportGraph("vosviewer", g, null, provenance(g)).files[0]!.content;
    const atDefault = exportGraph("vosviewer", g, null, provenance(g), { levels: { community: ladder.default } }).files[0]!.content as string;
    // Same clusters and colours; only the provenance line naming the level differs.
    expect(JSON.parse(atDefault).network.items).toEqual(JSON.parse(plain as string).network.items);
    const coarse = vosClusters(g, { community: 0 }).size;
    const fine = vosClusters(g, { community: ladder.levels.length - 1 }).size;
    expect(coarse).toBeLessThan(vosClusters(g).size);
    expect(fine).toBeGreaterThan(vosClusters(g).size);
  });

  it("GEXF colours of authors come from the level's groups, and the provenance names the level", () => {
    const g = seedsBuild().graph;
    const level = g.getAttribute("communityLadder").levels.length - 1;
    const gexf = exportGraph("gexf", g, null, provenance(g), { levels: { community: level } }).files[0]!.content as string;
    expect(gexf).toMatch(new RegExp(`co-author communities level ${level} \\(resolution 5\\)`));
    // The exported community attribute is the node's group at that level.
    const key = "a:king|andrew-p";
    const want = groupAtLevel(g.getNodeAttributes(key), "community", level);
    const node = gexf.slice(gexf.indexOf(`id="${key}"`));
    expect(node.slice(0, 3000)).toMatch(new RegExp(`for="community" value="${want}"`));
    // The source graph is untouched.
    expect(g.getNodeAttribute(key, "community")).not.toBe(undefined);
  });
});

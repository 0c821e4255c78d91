/** The Legend's items (also handed to the PNG capture), on the app fixture graph (test/fixtures/app/make-graph.ts). */
import { describe, expect, it } from "vitest";
import { legendItems } from "../../../src/app/panels/Legend";
import { fixtureGraph } from "../fixture";

describe("legendItems", () => {
  const g = fixtureGraph();
  it("lists the largest clusters of the colour partition with their colours", () => {
    expect(legendItems(g, "cluster")).toEqual([
      { label: "validation metrics · brain MR", color: "#59a14f" },
      { label: "trustworthy AI · generative models", color: "#4e79a7" },
      { label: "bias · cardiac MR segmentation", color: "#e15759" },
    ]);
    // Communities 0 and 1 are both of size 4: the lower id first.
    expect(legendItems(g, "community").map((i) => i.label)).toEqual(["Maier-Hein · Bakas", "Lekadir · Osuala", "King · Puyol-Antón"]);
  });

  it("stops at max items", () => {
    expect(legendItems(g, "cluster", 2)).toHaveLength(2);
    expect(legendItems(g, "cluster", 0)).toEqual([]);
  });
});

/**
 * The pure parts of the Paths panel: joint papers along a collaboration path and the sentences shown. App fixture graph
 * (test/fixtures/app/make-graph.ts: Lekadir and Osuala share two papers; Maier-Hein reaches Bakas through Reinke).
 */
import { describe, expect, it } from "vitest";
import { noPathText, pathStepsText, sharedPapersBetween as sharedPapers } from "../../../src/app/panels/PathsPanel";
import { collaborationPath } from "../../../src/app/state/selectors";
import { fixtureGraph } from "../fixture";

const g = fixtureGraph();

describe("Paths", () => {
  it("counts joint papers along the path, 0 for authors without a link", () => {
    expect(sharedPapers(g, "a:karim-lekadir", "a:richard-osuala")).toBe(2);
    expect(sharedPapers(g, "a:richard-osuala", "a:karim-lekadir")).toBe(2);
    expect(sharedPapers(g, "a:karim-lekadir", "a:aasa-feragen")).toBe(1);
    expect(sharedPapers(g, "a:karim-lekadir", "a:tiarna-lee")).toBe(0);
    // An authored edge is not a co-author link.
    expect(sharedPapers(g, "a:karim-lekadir", "p:medigan")).toBe(0);
  });

  it("words the path and its absence", () => {
    const path = collaborationPath(g, "a:lena-maier-hein", "a:spyridon-bakas")!;
    expect(pathStepsText(path, "Lena Maier-Hein", "Spyridon Bakas")).toBe("2 steps from Lena Maier-Hein to Spyridon Bakas:");
    expect(pathStepsText(["a", "b"], "A", "B")).toBe("1 step from A to B:");
    expect(noPathText("A", "B", 1)).toBe("No collaboration path between A and B.");
    expect(noPathText("A", "B", 3)).toBe("No collaboration path between A and B with at least 3 shared papers per link.");
    expect(noPathText("A", "B", 1, 25)).toBe("No collaboration path between A and B through papers with at most 25 authors.");
  });
});

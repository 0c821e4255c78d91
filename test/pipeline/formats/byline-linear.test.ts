/**
 * The title/byline split without quadratic work (issue 12, item 5): a glued 2 MB compact-profile line took 15 s (and
 * one with many glued capitals in its title 105 s). The split now shares the parse of the names after the first
 * comma between all candidate split points, and lines longer than MAX_SPLIT_LINE are not split but named in a
 * warning. It must still split exactly as before: checked against the old implementation on generated lines.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_SPLIT_LINE, parseByline, splitTitleByline } from "../../../src/pipeline/formats/byline";
import { readDocument } from "../../../src/pipeline/formats";
import * as oracle from "./oracles/byline-quadratic";

// Pieces of real compact-profile lines (seeds/004) and their hard cases (README, "Glued title and byline").
const TITLE_WORDS = ["Metrics", "reloaded:", "The", "Brain", "Tumor", "Segmentation", "(BraTS)", "Challenge", "2023:", "MedShapeNet", "nnU-Net",
  "in", "CNN-based", "MR", "(LiTS)", "3D", "EfficientNet", "analysis", "validation", "of", "McDonald", "·", "A", "x"];
const GIVEN = ["Lena", "Annika", "Dominic", "İbrahim", "Álvaro", "J.-P.", "G", "A.", "lkay", "SeulGi", "Jean-Pierre"];
const SURNAME = ["Maier-Hein", "Reinke", "LaBella", "García Faura", "van der Berg", "O'Hanlon", "Phung1", "Oksuz", "Li", "DiCaprio"];
const ENDINGS = ["", " et al.", " et al", " et", ",", " · utoronto", " et al. · eth-zurich", " · ", ", et al."];

const name = fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...SURNAME)).map(([g, s]) => `${g} ${s}`);
const line = fc
  .tuple(fc.array(fc.constantFrom(...TITLE_WORDS), { minLength: 0, maxLength: 12 }), fc.array(name, { minLength: 0, maxLength: 6 }), fc.constantFrom(...ENDINGS), fc.boolean())
  .map(([title, names, ending, glue]) => title.join(" ") + (glue ? "" : " ") + names.join(", ") + ending);

describe("the linear split agrees with the old one", () => {
  it("on generated glued lines (seeded)", () => {
    fc.assert(fc.property(line, (l) => {
      expect(splitTitleByline(l)).toEqual(oracle.splitTitleByline(l));
    }), { numRuns: 3000, seed: 12 });
  });

  it("on byline-like text, name by name", () => {
    const chars = fc.constantFrom(..."AaBbLé İ.,·- ".split(""), "et al.", " et", "Maier-Hein", ", ");
    fc.assert(fc.property(fc.array(chars, { maxLength: 40 }).map((a) => a.join("")), (t) => {
      expect(parseByline(t, "strict")).toEqual(oracle.parseByline(t, "strict"));
      expect(parseByline(t, "lenient")).toEqual(oracle.parseByline(t, "lenient"));
      // Readers hand the splitter collapsed lines (lines.ts); on those the two agree exactly. (On a line with double
      // spaces the new split collapses them in the title too; the old kept them.)
      const collapsed = t.replace(/\s+/g, " ").trim();
      expect(splitTitleByline(collapsed)).toEqual(oracle.splitTitleByline(collapsed));
    }), { numRuns: 3000, seed: 12 });
  });
});

describe("bounded work", () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `Lena Maier${String.fromCharCode(97 + (i % 26))}`).join(", ");

  it("splits a 59,000-character line whose title has 500 glued capitals in well under a second per 10 KB", () => {
    // constructed: every candidate split point parses as a byline, the old split's worst case (each reparsed the rest).
    const title = "aB".repeat(500);
    const l = `${title}Lena Maier-Hein, ${names(3800)}`;
    expect(l.length).toBeLessThan(MAX_SPLIT_LINE);
    const t0 = performance.now();
    const split = splitTitleByline(l);
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(split?.byline.authors.length).toBeGreaterThan(3000);
  }, 60_000);

  it("names a 2 MB glued compact-profile line in a warning instead of spending seconds splitting it", () => {
    const glued = "aB".repeat(500) + "Lena Maier-Hein, ".repeat(120_000) + "Annika Reinke";
    const text = ["CVJun 3, 2022", glued, "An abstract.", "CVJun 4, 2022", "A titleLena Maier-Hein, Bob Smith", ""].join("\n");
    const t0 = performance.now();
    const doc = readDocument({ file: "glued.txt", text });
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(doc.format).toBe("compact-profile");
    expect(doc.records.map((r) => [r.title, r.authors.length, r.abstract])).toEqual([[null, 0, "An abstract."], ["A title", 2, null]]);
    expect(doc.diagnostics.map((d) => [d.line, d.message.slice(0, 110)])).toEqual([
      [2, "line of 2,041,013 characters is longer than any title and byline (at most 60,000); not split into title and au"],
    ]);
  }, 120_000);

  it("keeps an over-long profile title line as the title, with a warning, without trying to split it", () => {
    const title = "Metrics reloaded " + "aB".repeat(40_000);
    const text = ["Lena Maier-Hein", "", "h-index72", "", "CVJun 3, 2022", title, "", "Just an abstract."].join("\n");
    const doc = readDocument({ file: "p.txt", text });
    expect(doc.format).toBe("profile");
    expect(doc.records[0]?.title?.length).toBe(title.length);
    expect(doc.diagnostics.some((d) => d.line === 6 && /line of 80,017 characters is longer than any title and byline/.test(d.message))).toBe(true);
  }, 60_000);
});

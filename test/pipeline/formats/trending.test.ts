import { bibliographicDefaults } from "../../../src/pipeline/formats/record";
import { describe, expect, it } from "vitest";
import { toLines } from "../../../src/pipeline/formats/lines";
import { readTrending } from "../../../src/pipeline/formats/trending";

const read = (text: string) => readTrending(toLines(text), "in/trending.txt");

// Header and two pairs from seeds/002, abstracts shortened but still long enough to read as abstracts.
const LONG = "Breast density estimation is one of the key tasks in recognizing individuals predisposed to breast cancer. It is often challenging because of low contrast and fluctuations in mammograms' fatty tissue background.";
const HEADER = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "byAK and the research community", "", "Mar 11", ""];

describe("readTrending", () => {
  it("reads the listing date into listingDate and title/abstract pairs into records without dates or authors", () => {
    const r = read([...HEADER, "A multi-reconstruction study of breast density estimation using Deep Learning", "", LONG, "", "Volume Rendering of Neural Implicit Surfaces", "", "Neural volume rendering became increasingly popular ``recently''."].join("\n"));
    expect(r.listingDate).toBe("Mar 11");
    expect(r.diagnostics).toEqual([]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toEqual({
      ...bibliographicDefaults(),
      source: { file: "in/trending.txt", line: 11 },
      format: "trending",
      title: "A multi-reconstruction study of breast density estimation using Deep Learning",
      authors: [],
      authorsComplete: false,
      affiliation: null,
      date: null,
      updated: null,
      arxivId: null,
      categories: [],
      hasCode: false,
      abstract: LONG,
      comment: null,
      profileAuthor: null,
    });
    expect(r.records[1]).toMatchObject({ source: { line: 15 }, abstract: "Neural volume rendering became increasingly popular “recently”." });
  });

  it("keeps a title without an abstract and reports text without a title", () => {
    // constructed: two titles in a row (the first lost its abstract), then an orphan abstract at the end
    const r = read([...HEADER, "Title one without abstract", "", "Title two", "", LONG, "", LONG].join("\n"));
    expect(r.records.map((x) => [x.source.line, x.title, x.abstract === null])).toEqual([
      [11, "Title one without abstract", true],
      [13, "Title two", false],
    ]);
    expect(r.diagnostics.map((d) => [d.line, d.message.slice(0, 26)])).toEqual([
      [11, 'title "Title one without a'],
      [17, "text without a title, skip"],
    ]);
  });

  it("reads a pair written without the blank line between title and abstract", () => {
    // constructed: title and abstract glued in one block
    const r = read(["Mar 12", "", "Glued title", LONG].join("\n"));
    expect(r.listingDate).toBe("Mar 12");
    expect(r.records).toMatchObject([{ source: { line: 3 }, title: "Glued title", abstract: LONG }]);
  });

  it("skips page chrome repeated inside the list, with a warning", () => {
    // constructed: two trending pages pasted one after the other
    const r = read([...HEADER, "Title one", "", LONG, "", ...HEADER, "Title two", "", LONG].join("\n"));
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[11, "Title one"], [25, "Title two"]]);
    expect(r.listingDate).toBe("Mar 11");
    expect(r.diagnostics.map((d) => d.line)).toEqual([15, 17, 19, 21, 23]);
  });

  it("cuts entries that run together without a blank line, instead of folding a title into the abstract above", () => {
    // constructed from seeds/002's layout: the blank line after the first abstract lost.
    const r = read([...HEADER, "Deep Breast Density", "", LONG, "Second Title Without Blank", "", LONG.replace("Breast", "Lung"), ""].join("\n"));
    expect(r.records.map((x) => [x.title, x.abstract?.slice(0, 20)])).toEqual([
      ["Deep Breast Density", LONG.slice(0, 20)],
      ["Second Title Without Blank", LONG.replace("Breast", "Lung").slice(0, 20)],
    ]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [14, 'no blank line between the abstract above and "Second Title Without Blank"; read as the title of a new entry'],
    ]);
  });
});


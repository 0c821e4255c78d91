import { bibliographicDefaults } from "../../../src/pipeline/formats/record";
import { describe, expect, it } from "vitest";
import { readArxivListing } from "../../../src/pipeline/formats/arxiv-listing";
import { toLines } from "../../../src/pipeline/formats/lines";

const read = (text: string) => readArxivListing(toLines(text), "in/arxiv.txt");

describe("readArxivListing", () => {
  it("reads abstract-only records with Created and Updated dates", () => {
    // seeds/003 lines 1-9, abstracts shortened
    const r = read([
      "Cortical lesions (CLs) have emerged as valuable biomarkers in multiple sclerosis (MS).", "",
      "arXiv:2507.12092", "Created: 2025-07-16 Updated: 2025-07-17", "",
      "Artificial intelligence (AI) has introduced numerous opportunities.", "",
      "arXiv:2507.01539v2", "Created: 2025-07-02",
    ].join("\n"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0]).toEqual({
      ...bibliographicDefaults(),
      source: { file: "in/arxiv.txt", line: 1 },
      format: "arxiv-listing",
      title: null,
      authors: [],
      authorsComplete: false,
      affiliation: null,
      date: "2025-07-16",
      updated: "2025-07-17",
      arxivId: "2507.12092",
      categories: [],
      hasCode: false,
      abstract: "Cortical lesions (CLs) have emerged as valuable biomarkers in multiple sclerosis (MS).",
      comment: null,
      profileAuthor: null,
    });
    // The version suffix is not part of the paper's identity.
    expect(r.records[1]).toMatchObject({ source: { line: 6 }, arxivId: "2507.01539", date: "2025-07-02", updated: null });
  });

  it("reads a title with its full author list, and the comment line before the arXiv line", () => {
    // seeds/003 lines 53-61 with the author list shortened; " and " before the last name as arXiv sometimes prints it
    const r = read([
      "Why is the winner the best?", "Matthias Eisenmann, Annika Reinke, Álvaro García Faura and Lena Maier-Hein", "",
      "International benchmarking competitions have become fundamental.", "",
      "accepted to CVPR 2023", "",
      "arXiv:2303.17719", "Created: 2023-03-30",
    ].join("\n"));
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({
      source: { line: 1 },
      title: "Why is the winner the best?",
      authors: ["Matthias Eisenmann", "Annika Reinke", "Álvaro García Faura", "Lena Maier-Hein"],
      authorsComplete: true,
      abstract: "International benchmarking competitions have become fundamental.",
      comment: "accepted to CVPR 2023",
      arxivId: "2303.17719",
    });
  });

  it("keeps a record cut at the end of the file only when it has a title, and always says so", () => {
    // brief h1: a truncated last record (no arXiv / Created lines at EOF), with and without a title
    const base = ["First abstract.", "", "arXiv:2504.04814", "Created: 2025-04-07", ""];
    const untitled = read([...base, "To date, several methods have been developed to explain deep"].join("\n"));
    expect(untitled.records).toHaveLength(1);
    expect(untitled.diagnostics).toEqual([
      { file: "in/arxiv.txt", line: 6, severity: "warning", message: expect.stringContaining("incomplete record") },
    ]);

    const titled = read([...base, "MedShapeNet", "Jianning Li, Antonio Pepe", "", "We present MedShapeNet, a large collection"].join("\n"));
    expect(titled.records).toHaveLength(2);
    expect(titled.records[1]).toMatchObject({ source: { line: 6 }, title: "MedShapeNet", authors: ["Jianning Li", "Antonio Pepe"], arxivId: null, date: null });
    expect(titled.diagnostics.map((d) => d.line)).toEqual([6]);
  });

  it("reports a missing Created line, impossible dates, odd ids and a Created line without an id", () => {
    // constructed malformed records
    const r = read([
      "Abstract one.", "", "arXiv:2507.12092", "",
      "Abstract two.", "", "arXiv:2507.12093", "Created: 2025-02-30 Updated: 2025-13-01", "",
      "Abstract three.", "", "arXiv:not-an-id", "Created: 2025-01-02", "",
      "Abstract four.", "", "Created: 2025-01-03",
    ].join("\n"));
    expect(r.records.map((x) => [x.source.line, x.arxivId, x.date, x.updated, x.abstract])).toEqual([
      [1, "2507.12092", null, null, "Abstract one."],
      [5, "2507.12093", null, null, "Abstract two."],
      [10, "not-an-id", "2025-01-02", null, "Abstract three."],
      [15, null, "2025-01-03", null, "Abstract four."],
    ]);
    expect(r.diagnostics.map((d) => d.line)).toEqual([3, 8, 8, 12, 17]);
  });

  it("keeps an arXiv line with nothing before it as a record, with a warning", () => {
    // constructed: two arXiv blocks in a row
    const r = read(["Abstract.", "", "arXiv:2507.12092", "Created: 2025-07-16", "", "arXiv:2507.12093", "Created: 2025-07-17"].join("\n"));
    expect(r.records.map((x) => [x.source.line, x.arxivId, x.abstract])).toEqual([[1, "2507.12092", "Abstract."], [6, "2507.12093", null]]);
    expect(r.diagnostics.map((d) => d.line)).toEqual([6]);
  });

  it("reads a primary category after the id, an author list cut with et al., and keeps a short last paragraph in the abstract", () => {
    // constructed: arXiv's "[eess.IV]" suffix; "et al." in the list; a two-paragraph abstract whose second paragraph is short
    const r = read([
      "A title", "Ann Lee, Bo Chen et al.", "", "First paragraph of the abstract.", "", "Code is available.", "",
      "arXiv:2401.00001 [physics.med-ph]", "Created: 2024-01-01",
    ].join("\n"));
    expect(r.records[0]).toMatchObject({
      title: "A title", authors: ["Ann Lee", "Bo Chen"], authorsComplete: false, categories: ["MED-PH"], arxivId: "2401.00001",
      abstract: "First paragraph of the abstract. Code is available.", comment: null,
    });
  });

  describe("arXiv and Created lines with text after them (issue 12: two records silently became one)", () => {
    // constructed from seeds/003's layout: abstracts shortened, the damage as the issue reports it.
    const records = (text: string[]) => read(text.join("\n"));

    it("reads an arXiv line that carries its Created date, as its own record end", () => {
      const r = records([
        "First abstract about cortical lesions.", "", "arXiv:2301.00001 Created: 2023-01-01 Updated: 2023-01-05", "",
        "Second abstract about uncertainty.", "", "arXiv:2301.00002", "Created: 2023-01-02",
      ]);
      expect(r.records.map((x) => [x.source.line, x.arxivId, x.date, x.updated, x.abstract])).toEqual([
        [1, "2301.00001", "2023-01-01", "2023-01-05", "First abstract about cortical lesions."],
        [5, "2301.00002", "2023-01-02", null, "Second abstract about uncertainty."],
      ]);
      expect(r.diagnostics).toEqual([]);
    });

    it("keeps the id of an arXiv line with trailing text and names the rest in a warning", () => {
      const r = records([
        "First abstract.", "", "arXiv:2301.00001 junk", "Created: 2023-01-01", "",
        "Second abstract.", "", "arXiv:2301.00002 [cs.CV] 20 pages", "Created: 2023-01-02 Updated: 2023-01-03 (v2)",
      ]);
      expect(r.records.map((x) => [x.arxivId, x.date, x.categories, x.abstract, x.comment])).toEqual([
        ["2301.00001", "2023-01-01", [], "First abstract.", null],
        ["2301.00002", "2023-01-02", ["CV"], "Second abstract.", null],
      ]);
      expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
        [3, 'text after the arXiv id 2301.00001 ignored: "junk"'],
        [8, 'text after the arXiv id 2301.00002 ignored: "20 pages"'],
        [9, 'text after the Created and Updated dates ignored: "(v2)"'],
      ]);
    });

    it("says which line is not an arXiv line instead of claiming there is none", () => {
      const r = records(["First abstract.", "", "arXiv: see 2301.00001", "Created: 2023-01-01", "", "Second abstract.", "", "arXiv:2301.00002", "Created: 2023-01-02"]);
      expect(r.records).toHaveLength(2);
      expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
        [4, '"Created:" line after "arXiv: see 2301.00001", which is not an arXiv line (expected e.g. arXiv:2303.17719); the record is kept without an arXiv id'],
      ]);
      const plain = records(["First abstract.", "", "Created: 2023-01-01"]);
      expect(plain.diagnostics[0]?.message).toBe('"Created:" line without an "arXiv:" line before it; the record is kept without an arXiv id');
    });

    it("dates the record when a blank line separates its arXiv and Created lines, instead of making a second record", () => {
      const r = records(["Only abstract.", "", "arXiv:2301.00001", "", "Created: 2023-01-01", "", "Next abstract.", "", "arXiv:2301.00002", "Created: 2023-01-02"]);
      expect(r.records.map((x) => [x.arxivId, x.date])).toEqual([["2301.00001", "2023-01-01"], ["2301.00002", "2023-01-02"]]);
      expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
        [5, '"Created:" line separated from its arXiv line by a blank line; read as the date of 2301.00001'],
      ]);
    });

    it("starts a new record at a title with its author list when the arXiv line before it is missing", () => {
      // seeds/003 lines 42-61, the first record's arXiv and Created lines deleted.
      const r = records([
        "MedShapeNet -- A Large-Scale Dataset of 3D Medical Shapes for Computer Vision", "Jianning Li, Antonio Pepe, Christina Gsaxner", "",
        "We present MedShapeNet, a large collection of anatomical shapes.", "", "20 pages", "",
        "Why is the winner the best?", "Matthias Eisenmann, Annika Reinke, Vivienn Weru", "",
        "International benchmarking competitions have become fundamental.", "", "accepted to CVPR 2023", "",
        "arXiv:2303.17719", "Created: 2023-03-30",
      ]);
      expect(r.records.map((x) => [x.source.line, x.title, x.arxivId, x.abstract, x.comment])).toEqual([
        [1, "MedShapeNet -- A Large-Scale Dataset of 3D Medical Shapes for Computer Vision", null, "We present MedShapeNet, a large collection of anatomical shapes.", "20 pages"],
        [8, "Why is the winner the best?", "2303.17719", "International benchmarking competitions have become fundamental.", "accepted to CVPR 2023"],
      ]);
      expect(r.diagnostics.map((d) => d.line)).toEqual([1]);
      expect(r.diagnostics[0]?.message).toMatch(/has no arXiv and Created lines before the next record \(line 8: "Why is the winner the best\?"\)/);
    });

    it("warns when abstracts of two records run together because an arXiv line is missing", () => {
      const r = records(["First abstract, a full sentence about lesions.", "", "Second abstract, another full sentence about models.", "", "arXiv:2301.00002", "Created: 2023-01-02"]);
      expect(r.records).toHaveLength(1);
      expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
        [3, "2 paragraphs before arXiv:2301.00002 are read as one abstract; if they belong to different records, an arXiv line is missing between them"],
      ]);
    });

    it("is detected as an arXiv listing when every arXiv line carries its date", async () => {
      const { readDocument } = await import("../../../src/pipeline/formats");
      const doc = readDocument({ file: "a.txt", text: "One abstract.\n\narXiv:2301.00001 Created: 2023-01-01\n\nTwo abstract.\n\narXiv:2301.00002 Created: 2023-01-02\n" });
      expect(doc.format).toBe("arxiv-listing");
      expect(doc.records).toHaveLength(2);
    });
  });

  it("keeps text after a middle dot on an author line instead of dropping it (found by the fuzz suite)", () => {
    const r = read(["Federated learning 2", "Lena Maier-H·in", "", "An abstract.", "", "arXiv:1501.10001", "Created: 2015-01-01"].join("\n"));
    expect(r.records[0]).toMatchObject({ title: "Federated learning 2", authors: ["Lena Maier-H"], affiliation: "in" });
  });
});


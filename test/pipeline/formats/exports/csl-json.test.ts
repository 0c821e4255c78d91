import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { readJson } from "../../../../src/pipeline/formats/exports/json";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/formats/csl-json/${name}`, import.meta.url), "utf8");
const read = (items: unknown) => readJson(JSON.stringify(items, null, 1), "items.json");
const one = (item: Record<string, unknown>) => {
  const r = read([{ type: "article-journal", title: "T", ...item }]);
  expect(r.records).toHaveLength(1);
  return r.records[0]!;
};

describe("CSL-JSON: real exports", () => {
  it("reads Zotero's export: string years, an institutional literal as a group author, an item without a date", () => {
    const doc = readDocument({ file: "zotero.json", text: fixture("zotero-export.json") });
    expect(doc.format).toBe("csl-json");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records.map((r) => [r.source.line, r.publicationType, r.date])).toEqual([
      [2, "article-journal", "1999-12-31"], // "date-parts": [["1999", 12, 31]]
      [69, "paper-conference", "1999-12-31"],
      [138, "song", null], // Zotero writes no `issued` for an undated podcast
    ]);
    const article = doc.records[0]!;
    expect(article).toMatchObject({
      title: "Title", authors: ["authorFirst authorLast"], groupAuthors: ["Institutional Author"], authorsComplete: true,
      doi: "10.1234/example.doi", venue: "Publication title", volume: "6", issue: "5", pages: "1-10", abstract: "Abstract note",
    });
    // editors, translators and reviewed authors are not the byline
    expect(article.authors).not.toContain("editorFirst editorLast");
  });

  it("reads citation.js output with a non-dropping particle", () => {
    const doc = readDocument({ file: "item.json", text: fixture("citation-js-item.json") });
    const r = doc.records[0]!;
    expect(r.authors).toContain("Jan van Dijk");
    expect(r.authors).toContain("Matthew M. Hopkins");
    expect(r).toMatchObject({ date: "2021", venue: "Atoms", volume: "9", issue: "1", doi: "10.3390/atoms9010016", source: { line: 1 } });
  });

  it("reads a Crossref work-list: array titles, JATS abstract, ORCID URL, affiliation, suffix, a [[null]] date", () => {
    const doc = readDocument({ file: "crossref.json", text: fixture("crossref-works.json") });
    expect(doc.format).toBe("csl-json");
    expect(doc.diagnostics).toEqual([]);
    const [first, second] = doc.records;
    expect(first).toMatchObject({
      title: "Hacia una teoría unificada de la metafísica de alta energía: teoría mentecato de cuerdas",
      authors: ["Josiah Carberry Jr."], date: "2022-06-15", venue: "Journal of Psychoceramics", volume: "5", issue: "11",
      doi: "10.5555/12345678es", citationCount: 0, source: { line: 9 },
      authorInfo: [{ orcid: "0000-0002-1825-0097", ids: [], affiliations: ["Department of Psychoceramics, Brown University"], alternateNames: [] }],
    });
    expect(first!.abstract).toMatch(/^El tema característico/);
    expect(first!.abstract).not.toContain("jats");
    // the chair ("Friends of Josiah Carberry") and the translator are not authors
    expect(first!.groupAuthors).toEqual([]);
    expect(second).toMatchObject({ title: "Awesome Book Series", date: null, publicationType: "book-series", source: { line: 119 } });
  });
});

describe("CSL-JSON: names", () => {
  it("joins particles, suffixes and initials in display order", () => {
    // constructed: the name parts of the CSL spec's examples
    const r = one({
      author: [
        { family: "Gaulle", given: "Charles", "dropping-particle": "de" },
        { family: "Beethoven", given: "Ludwig", "non-dropping-particle": "van" },
        { family: "Tolkien", given: "J.R.R." },
        { family: "Roach", given: "Mack", suffix: "III" },
        { family: "Plato" },
      ],
    });
    expect(r.authors).toEqual(["Charles de Gaulle", "Ludwig van Beethoven", "J. R. R. Tolkien", "Mack Roach III", "Plato"]);
  });

  it("keeps a literal person as an author, makes a literal organisation a group author, and marks 'others' as a cut byline", () => {
    // constructed: literals as Zotero's single-field mode and citation.js write them
    const r = one({
      author: [
        { literal: "Jane Doe" },
        { literal: "World Health Organization" },
        { literal: "The LIGO Scientific Collaboration" },
        { literal: "CERN" },
        { family: "Smith", given: "A." },
        { literal: "others" },
      ],
    });
    expect(r.authors).toEqual(["Jane Doe", "A. Smith"]);
    expect(r.groupAuthors).toEqual(["World Health Organization", "The LIGO Scientific Collaboration", "CERN"]);
    expect(r.authorsComplete).toBe(false);
  });

  it("reads names written as strings, and editors when an item has no author", () => {
    // constructed: some tools write "Family, Given" strings; an edited volume has editors only
    expect(one({ author: ["Doe, Jane", "John Smith"] }).authors).toEqual(["Jane Doe", "John Smith"]);
    expect(one({ type: "book", editor: [{ family: "Editor", given: "Erin" }] }).authors).toEqual(["Erin Editor"]);
  });
});

describe("CSL-JSON: dates", () => {
  it("is as precise as the source and never invents a part", () => {
    // constructed: every date form of the CSL-JSON schema
    const date = (issued: unknown) => one({ issued }).date;
    expect(date({ "date-parts": [["2019", "5"]] })).toBe("2019-05");
    expect(date({ "date-parts": [[2019, 5, 4]] })).toBe("2019-05-04");
    expect(date({ "date-parts": [[2004, 21]] })).toBe("2004"); // month 21: citeproc-js's spring
    expect(date({ "date-parts": [[2004]], season: 1 })).toBe("2004");
    expect(date({ "date-parts": [[2019, 1, 1], [2019, 12, 31]] })).toBe("2019-01-01"); // a range: its start
    expect(date({ "date-parts": [[2019, 2, 30]] })).toBe("2019-02"); // 30 February is dropped, the month is true
    expect(date({ "date-parts": [[null]] })).toBeNull();
    expect(date({ raw: "2019-07-04" })).toBe("2019-07-04");
    expect(date({ literal: "circa 1850" })).toBe("1850");
    expect(date({ raw: "forthcoming" })).toBeNull();
    expect(date({ edtf: "2000-01-01/2010-10-10" })).toBe("2000-01-01");
    expect(date("2020-07/2020-08")).toBe("2020-07"); // CSL 1.0.2 draft: a plain EDTF string
    expect(date({ "date-parts": [[99]] })).toBeNull(); // a two-digit year cannot be placed
  });

  it("falls back on Crossref's published dates", () => {
    expect(one({ published: { "date-parts": [[2021, 3]] } }).date).toBe("2021-03");
    expect(one({ "published-print": { "date-parts": [[2020]] } }).date).toBe("2020");
  });
});

describe("CSL-JSON: identifiers and text", () => {
  it("normalises DOIs, keeps short DOIs, and finds arXiv ids in URLs, numbers and arXiv DOIs", () => {
    expect(one({ DOI: "https://doi.org/10.1000/XYZ.1" }).doi).toBe("10.1000/xyz.1");
    expect(one({ DOI: "10/ABCD" }).doi).toBe("10/abcd"); // a short DOI, resolvable at doi.org/10/abcd
    expect(one({ DOI: "https://doi.org/10/bcdf" }).doi).toBe("10/bcdf");
    expect(one({ DOI: "not a doi" }).doi).toBeNull();
    expect(one({ URL: "http://arxiv.org/abs/2301.00001v2" }).arxivId).toBe("2301.00001");
    expect(one({ number: "arXiv:2301.00002" }).arxivId).toBe("2301.00002"); // Zotero's preprint export
    expect(one({ DOI: "10.48550/arXiv.2301.00003" }).arxivId).toBe("2301.00003");
    expect(one({ URL: "https://example.org/2301.00004" }).arxivId).toBeNull();
    expect(one({ PMID: "31452104" }).pmid).toBe("31452104");
  });

  it("splits keyword strings and strips markup from titles and abstracts", () => {
    expect(one({ keyword: "deep learning, segmentation; MRI" }).keywords).toEqual(["deep learning", "segmentation", "MRI"]);
    expect(one({ keyword: ["a", "b", "A"] }).keywords).toEqual(["a", "b"]);
    const r = one({
      title: "Survival of <i>E. coli</i> at 4 °C",
      abstract: "<jats:title>Abstract</jats:title><jats:p>We <jats:italic>study</jats:italic> p &lt; 0.05 and p < 0.01.</jats:p><jats:p>Second.</jats:p>",
    });
    expect(r.title).toBe("Survival of E. coli at 4 °C");
    expect(r.abstract).toBe("We study p < 0.05 and p < 0.01. Second.");
  });

  it("never throws on values of the wrong type", () => {
    // constructed: numbers, objects and nulls where strings belong
    const r = one({ title: 12, author: [{ family: 3, given: null }, null, 7, { literal: ["x"] }], issued: { "date-parts": "2019" }, DOI: 5, keyword: { a: 1 }, page: 12 });
    expect(r).toMatchObject({ title: "12", authors: ["3"], date: null, doi: null, keywords: [], pages: "12" });
  });

  it("skips an item with nothing to read, with a warning at its line", () => {
    const r = readJson('[\n{"type": "article", "id": "a", "title": "Kept"},\n{"type": "article", "id": "empty", "URL": "https://x.org"}\n]', "x.json");
    expect(r.records.map((x) => x.title)).toEqual(["Kept"]);
    expect(r.diagnostics).toEqual([{ file: "x.json", line: 3, severity: "warning", message: expect.stringContaining("(id empty) with no title, authors or abstract") }]);
  });
});

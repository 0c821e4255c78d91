import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { readJson } from "../../../../src/pipeline/formats/exports/json";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/formats/semantic-scholar/${name}`, import.meta.url), "utf8");
const TURING = "2d5673caa9e6af3a7b82a43f19ee920992db07ad";

describe("Semantic Scholar: a paper with its citations and references", () => {
  const doc = readDocument({ file: "paper.json", text: fixture("paper-turing.json") });

  it("reads the paper's ids, venue, fields of study and counts", () => {
    expect(doc.format).toBe("semantic-scholar");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records[0]).toMatchObject({
      format: "semantic-scholar", source: { line: 1 }, s2Id: TURING, title: "Computing Machinery and Intelligence",
      authors: ["A. Turing"], doi: "10.1093/mind/lix.236.433", date: "1950-10-01", venue: "The Philosophy of Artificial Intelligence",
      volume: "LIX", pages: "433-460", publicationType: "JournalArticle, Review", citationCount: 10059,
      indexKeywords: ["Computer Science", "Sociology"], keywords: [],
      authorInfo: [{ orcid: null, ids: ["s2:2262347"], affiliations: [], alternateNames: [] }],
    });
  });

  it("makes each nested paper a record at its own line; the parent lists its references, citing papers list the parent", () => {
    const [main, ...nested] = doc.records;
    expect(nested.map((r) => [r.source.line, r.s2Id?.slice(0, 8), r.title?.slice(0, 30)])).toEqual([
      [200, "348f436f", "Calculating Instruments and Ma"],
      [253, "55ddf1b6", "The Mind of Mechanical Man*"],
      [71, "619922f8", "The Journey/DAO/TAO of Embodie"],
      [149, "207d6ce8", "Quo Vadis ChatGPT? From Large "],
    ]);
    expect(main!.references).toEqual(["s2:348f436fd9a3965f5ff17db031a9f43426f89b8e", "s2:55ddf1b6cbe79b963a5a9d4da6e0a15e0d6761b5"]);
    expect(nested[2]!.references).toEqual([`s2:${TURING}`]);
    expect(nested[3]).toMatchObject({ arxivId: "2405.19561", references: [`s2:${TURING}`] });
    expect(nested[0]!.references).toEqual([]);
  });
});

describe("Semantic Scholar: batch, search and list responses", () => {
  it("reads a batch and warns about the null the API returns for an id it did not find", () => {
    const doc = readDocument({ file: "batch.json", text: fixture("batch-with-null.json") });
    expect(doc.records.map((r) => [r.source.line, r.title])).toEqual([
      [3, "How Much Should We Trust Differences-in-Differences Estimates?"],
      [70, "The Miracle of Microfinance? Evidence from a Randomized Evaluation"],
    ]);
    expect(doc.diagnostics).toEqual([{ file: "batch.json", line: 2, severity: "warning", message: expect.stringContaining("empty (null) entry") }]);
  });

  it("reads a search page fetched with fields=title", () => {
    const doc = readDocument({ file: "search.json", text: fixture("search-page.json") });
    expect(doc.format).toBe("semantic-scholar");
    expect(doc.records).toHaveLength(5);
    expect(doc.records[4]).toMatchObject({ title: "Neural Turing Machines", s2Id: "c1126fbffd6b8547a44c58b192b36b08b18299de", authors: [], authorsComplete: false });
  });

  it("unwraps citedPaper and citingPaper elements, papers without an id included, repairing Windows-1252 quotes", () => {
    const refs = readDocument({ file: "refs.json", text: fixture("references-page.json") });
    expect(refs.records.map((r) => r.s2Id)).toEqual([null, "dba9e61c454d9285dab4ce94def0be97bead4455", null, null]);
    // the API's title holds U+0093, U+0085, U+0092 ... (curly quotes decoded as Latin-1 somewhere upstream)
    expect(refs.records[2]!.title).toBe("“Micro…nance’s ‘iron law’–local economies reduced to poverty,”Financial Times, 12/20/2008");
    const cites = readDocument({ file: "cites.json", text: fixture("citations-page.json") });
    expect(cites.records.map((r) => r.source.line)).toEqual([5, 11, 17]);
  });

  it("says once that a file of authors is not papers, and reads an error body as an error", () => {
    const authors = readDocument({ file: "authors.json", text: fixture("author-search.json") });
    expect(authors.records).toEqual([]);
    expect(authors.diagnostics).toEqual([{ file: "authors.json", line: 1, severity: "error", message: expect.stringContaining("Semantic Scholar author records, not papers (3 in all)") }]);
    const missing = readDocument({ file: "missing.json", text: fixture("not-found.json") });
    expect(missing.diagnostics[0]!.message).toBe('an error response from the API was saved, not its data: "Paper with id 0 not found"');
    expect(missing.format).toBe("semantic-scholar");
  });
});

describe("Semantic Scholar: awkward papers", () => {
  it("reads the datasets' papers JSON Lines with lower-case keys", () => {
    // constructed after the S2 Datasets API "papers" schema (corpusid, externalids, publicationdate, citationcount)
    const line = JSON.stringify({
      corpusid: 14636783, externalids: { DOI: "10.1093/MIND/LIX.236.433", ArXiv: null, PubMed: "12345", CorpusId: "14636783" },
      title: "Computing Machinery and Intelligence", authors: [{ authorId: "2262347", name: "A. Turing" }], venue: "Mind",
      year: 1950, publicationdate: "1950-10-01", citationcount: 10059, s2fieldsofstudy: [{ category: "Computer Science", source: "external" }],
      publicationtypes: ["JournalArticle"],
    });
    const r = readJson(`${line}\n${line.replace("Computing", "Thinking")}\n`, "papers-part0.jsonl");
    expect(r.format).toBe("semantic-scholar");
    expect(r.records[1]).toMatchObject({
      source: { line: 2 }, title: "Thinking Machinery and Intelligence", doi: "10.1093/mind/lix.236.433", pmid: "12345", date: "1950-10-01",
      citationCount: 10059, indexKeywords: ["Computer Science"], publicationType: "JournalArticle", s2Id: null,
    });
  });

  it("keeps organisations out of the authors, and warns about a paper fetched with only its id", () => {
    // constructed: author names as the Graph API prints consortia
    const r = readJson(JSON.stringify([
      { paperId: "a".repeat(40), title: "Observation of X", authors: [{ authorId: "1", name: "ATLAS Collaboration" }, { authorId: "2", name: "G. Aad" }] },
      { paperId: "b".repeat(40) },
    ], null, 1), "x.json");
    expect(r.records).toHaveLength(1);
    expect(r.records[0]).toMatchObject({ authors: ["G. Aad"], groupAuthors: ["ATLAS Collaboration"] });
    expect(r.diagnostics[0]!.message).toMatch(/paper \(paperId b{40}\) with no title, authors or abstract/);
  });

  it("lists an untitled nested reference by id only, and a reference without an id by its title", () => {
    const r = readJson(JSON.stringify({ paperId: "c".repeat(40), title: "P", references: [{ paperId: "d".repeat(40) }, { paperId: null, title: "A book" }, null] }), "p.json");
    expect(r.records.map((x) => x.title)).toEqual(["P", "A book"]);
    expect(r.records[0]!.references).toEqual([`s2:${"d".repeat(40)}`, "A book"]);
  });
});

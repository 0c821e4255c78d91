import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { arxivAtomReader, isArxivAtom } from "../../../../src/pipeline/formats/exports/arxiv-atom";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/formats/arxiv-atom/${name}`, import.meta.url), "utf8");
const read = (text: string) => arxivAtomReader.read(text, "feed.xml");
const FEED_2025 = '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">\n';
const entry = (inner: string) => `${FEED_2025}<entry>\n<id>http://arxiv.org/abs/2301.00001v2</id>\n${inner}\n</entry>\n</feed>\n`;

describe("arXiv Atom: the current layout (namespaces declared once, 2025+)", () => {
  const doc = readDocument({ file: "query.xml", text: fixture("query-2025.xml") });

  it("reads each entry at its line with ids, dates, categories and the comment", () => {
    expect(doc.format).toBe("arxiv-atom");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records.map((r) => [r.source.line, r.arxivId, r.date, r.updated, r.categories])).toEqual([
      [11, "nucl-ex/0408020", "2004-08-18", "2005-09-17", ["nucl-ex", "hep-ph"]], // versioned old-style id, primary first
      [51, "1309.4668", "2013-09-18", "2013-09-19", ["physics.acc-ph"]],
    ]);
    expect(doc.records[0]).toMatchObject({
      title: "Two-photon exchange and elastic scattering of electrons/positrons on the proton. (Proposal for an experiment at VEPP-3)",
      comment: "13 pages, 10 figures. Proposal for a comparison of electron-proton and positron-proton scattering at VEPP-3",
      authorsComplete: true, authorInfo: [],
    });
    expect(doc.records[0]!.authors).toContain("H. de Vries");
  });

  it("reads affiliations, the DOI and the journal reference", () => {
    expect(doc.records[1]).toMatchObject({
      authors: ["A. Pertica", "S. J. Payne"], doi: "10.5170/cern-2013-002.237", venue: "CERN Yellow Report CERN-2013-002, pp.237-240",
      authorInfo: [
        { orcid: null, ids: [], affiliations: ["Rutherford"], alternateNames: [] },
        { orcid: null, ids: [], affiliations: ["Rutherford"], alternateNames: [] },
      ],
    });
    expect(doc.records[1]!.abstract).toMatch(/^The build up of electron clouds/);
  });
});

describe("arXiv Atom: the classic layout (xmlns:arxiv on every element, before November 2025)", () => {
  const doc = readDocument({ file: "query.xml", text: fixture("query-legacy.xml") });

  it("collapses hard-wrapped titles and summaries and reads the inline-namespaced extension elements", () => {
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records.map((r) => [r.source.line, r.arxivId])).toEqual([[11, "astro-ph/9904306"], [33, "hep-ph/9411242"], [58, "1706.01836"]]);
    expect(doc.records[1]).toMatchObject({
      title: "Proton-ring and Electron-linac Collider (PRELC) as a (first) TeV-rangeelectron-proton or photon-proton collider",
      authors: ["Raimo Vuopionperä"], comment: "4 pages, revtex", categories: ["hep-ph"],
      authorInfo: [{ orcid: null, ids: [], affiliations: ["SEFT, Univ. Helsinki"], alternateNames: [] }],
    });
    expect(doc.records[2]).toMatchObject({
      title: "Development of a Practical Multicomponent Density Functional for Electron-Proton Correlation to Produce Accurate Proton Densities",
      doi: "10.1063/1.4996038", venue: "The Journal of Chemical Physics 147, 114113 (2017)", date: "2017-06-06", updated: "2017-09-24",
    });
    expect(doc.records[0]!.abstract).not.toMatch(/\n/);
  });

  it("warns about each empty placeholder entry for an id the API could not find, and keeps MSC classes apart", () => {
    const missing = readDocument({ file: "missing.xml", text: fixture("missing-ids-legacy.xml") });
    expect(missing.records.map((r) => [r.source.line, r.arxivId, r.categories, r.indexKeywords])).toEqual([[15, "2201.13452", ["math.AP"], ["35"]]]);
    expect(missing.diagnostics.map((d) => [d.line, d.severity])).toEqual([[11, "warning"], [49, "warning"], [53, "warning"]]);
    expect(missing.diagnostics[0]!.message).toMatch(/empty entry/);
  });
});

describe("arXiv Atom: the announcement feed (rss.arxiv.org/atom)", () => {
  it("reads comma-separated creators, the Announce Type prefix, journal_reference and DOI", () => {
    const doc = readDocument({ file: "math.OC.xml", text: fixture("rss-feed.xml") });
    expect(doc.format).toBe("arxiv-atom");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records[0]).toMatchObject({
      source: { line: 9 }, arxivId: "2402.14001", authors: ["Ada Lovelace", "Alan Turing"], date: "2024-02-23", updated: null,
      abstract: "We consider first order local minimization problems under a mass constraint.",
    });
    // a replacement: <published> is the day the new version was announced, the id says when the paper was first sent
    expect(doc.records[1]).toMatchObject({
      arxivId: "2203.01250", date: "2022-03", updated: "2024-08-23", doi: "10.5802/jep.257", categories: ["math.AP", "math.OC"],
      authors: ["Antonin Monteil", "Paul Pegon"],
    });
    expect(doc.records[1]!.venue).toMatch(/^Journal de l.École polytechnique/);
    expect(doc.records[1]!.abstract).toMatch(/^We consider first order local minimization problems of the form/);
  });
});

describe("arXiv Atom: answers that are not papers", () => {
  it("reports an error entry as an error with the API's message, in both layouts", () => {
    const current = readDocument({ file: "e.xml", text: fixture("error.xml") });
    expect(current.records).toEqual([]);
    expect(current.diagnostics).toEqual([{ file: "e.xml", line: 10, severity: "error", message: 'the arXiv API answered with an error, not a paper: "incorrect id format for abc"' }]);
    const start = readDocument({ file: "s.xml", text: fixture("error-start.xml") });
    expect(start.diagnostics[0]!.message).toContain('"start must be an integer"');
  });

  it("warns about a feed with no entries", () => {
    const empty = readDocument({ file: "empty.xml", text: fixture("empty.xml") });
    expect(empty.format).toBe("arxiv-atom");
    expect(empty.diagnostics).toEqual([{ file: "empty.xml", line: 1, severity: "warning", message: expect.stringContaining("totalResults 0") }]);
  });
});

describe("arXiv Atom: awkward entries", () => {
  it("reads any prefix bound to the namespaces (ElementTree writes ns0:), and a lone entry document", () => {
    // constructed: a feed re-serialised by Python's xml.etree, prefixes ns0 (Atom) and ns1 (arXiv)
    const etree = '<ns0:feed xmlns:ns0="http://www.w3.org/2005/Atom" xmlns:ns1="http://arxiv.org/schemas/atom"><ns0:entry><ns0:id>http://arxiv.org/abs/2301.00001v1</ns0:id><ns0:title>T</ns0:title><ns1:primary_category term="cs.CL"/><ns1:comment>5 pages</ns1:comment></ns0:entry></ns0:feed>';
    expect(isArxivAtom(etree)).toBe(true);
    expect(read(etree).records[0]).toMatchObject({ arxivId: "2301.00001", title: "T", categories: ["cs.CL"], comment: "5 pages" });
    const lone = '<entry xmlns="http://www.w3.org/2005/Atom"><id>http://arxiv.org/abs/hep-th/9901001v3</id><title>Lone</title></entry>';
    expect(readDocument({ file: "e.xml", text: lone }).records[0]).toMatchObject({ format: "arxiv-atom", arxivId: "hep-th/9901001" });
  });

  it("splits ACM and MSC classes from arXiv categories and deduplicates the primary", () => {
    const r = read(entry('<title>T</title><arxiv:primary_category term="cs.LG"/><category term="cs.LG"/><category term="stat.ML"/><category term="I.2.6; F.2.2"/><category term="68T05"/><category term=""/>'));
    expect(r.records[0]).toMatchObject({ categories: ["cs.LG", "stat.ML"], indexKeywords: ["I.2.6", "F.2.2", "68T05"] });
  });

  it("decodes entities, cleans LaTeX in titles and keeps collaborations out of the authors", () => {
    const r = read(entry('<title>Search for $H\\to\\gamma\\gamma$ &amp; more at &#8730;s = 13 TeV</title><author><name>ATLAS Collaboration</name></author><author><name>G. Aad</name><arxiv:affiliation>CPPM</arxiv:affiliation><arxiv:affiliation>CNRS</arxiv:affiliation></author>'));
    expect(r.records[0]).toMatchObject({
      title: "Search for H→γγ & more at √s = 13 TeV", authors: ["G. Aad"], groupAuthors: ["ATLAS Collaboration"],
      authorInfo: [{ orcid: null, ids: [], affiliations: ["CPPM", "CNRS"], alternateNames: [] }],
    });
  });

  it("reports a malformed entry at its line and reads the others", () => {
    // constructed: the middle entry has a mistyped closing tag
    const text = `${FEED_2025}<entry><id>http://arxiv.org/abs/2301.00001v1</id><title>One</title></entry>\n<entry>\n<id>http://arxiv.org/abs/2301.00002v1</id>\n<title>Two</titel>\n</entry>\n<entry><id>http://arxiv.org/abs/2301.00003v1</id><title>Three</title></entry>\n</feed>\n`;
    const r = read(text);
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[3, "One"], [8, "Three"]]);
    expect(r.diagnostics).toEqual([{ file: "feed.xml", line: 6, severity: "error", message: expect.stringMatching(/^malformed XML in the entry that starts at line 4 \(line 6, column \d+\): .*titel.*; the entry is skipped$/) }]);
  });

  it("names the lines of an entry whose opening tag is damaged (found by the 10,000-input fuzz run)", () => {
    // constructed: the second entry's "<entry>" lost its "<" ("\\entry>"), so only its closing tag is left
    const text = `${FEED_2025}<entry><id>http://arxiv.org/abs/2301.00001v1</id><title>One</title></entry>\n\\entry>\n<id>http://arxiv.org/abs/2301.00002v1</id>\n<title>Two</title>\n</entry>\n<entry><id>http://arxiv.org/abs/2301.00003v1</id><title>Three</title></entry>\n</feed>\n`;
    const r = read(text);
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[3, "One"], [8, "Three"]]);
    expect(r.diagnostics).toEqual([{ file: "feed.xml", line: 4, severity: "error", message: "lines 4-7: text between entries that is in no entry, not read (an <entry> tag may be damaged)" }]);
  });

  it("names the lines of an entry whose both tags are damaged, after the last entry and in the feed's header", () => {
    // constructed (found by the fuzz run): "<entry>" became "<e{try>" and "</entry>" was lost
    const last = read(`${FEED_2025}<entry><id>http://arxiv.org/abs/2301.00001v1</id><title>One</title></entry>\n<e{try>\n<id>http://arxiv.org/abs/2301.00002v1</id>\n<title>Two</title>\n</feed>\n`);
    expect(last.records.map((x) => x.title)).toEqual(["One"]);
    expect(last.diagnostics).toEqual([{ file: "feed.xml", line: 4, severity: "error", message: "lines 4-7: text between entries that is in no entry, not read (an <entry> tag may be damaged)" }]);
    const first = read(`${FEED_2025}<id>http://arxiv.org/api/query</id>\n<e{try>\n<id>http://arxiv.org/abs/2301.00002v1</id>\n<title>Two</title>\n<entry><id>http://arxiv.org/abs/2301.00003v1</id><title>Three</title></entry>\n</feed>\n`);
    expect(first.records.map((x) => x.title)).toEqual(["Three"]);
    expect(first.diagnostics).toEqual([{ file: "feed.xml", line: 5, severity: "error", message: "lines 5-6: an entry's fields in the feed's header, not read (an <entry> tag may be damaged)" }]);
  });

  it("reports an entry cut off by the end of the file, and an entry without an arXiv id or date", () => {
    const cut = read(`${FEED_2025}<entry><id>http://arxiv.org/abs/2301.00001v1</id><title>One</title></entry>\n<entry><id>http://arxiv.org/abs/2301.0`);
    expect(cut.records).toHaveLength(1);
    expect(cut.diagnostics).toEqual([{ file: "feed.xml", line: 4, severity: "error", message: expect.stringContaining("this entry is not closed") }]);
    const odd = read(`${FEED_2025}<entry><id>urn:x</id><title>No id</title><published>yesterday</published></entry></feed>`);
    expect(odd.records[0]).toMatchObject({ arxivId: null, date: null, title: "No id" });
    expect(odd.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("holds no arXiv identifier"), expect.stringContaining('"yesterday" is not a date')]);
  });

  it("recognises only Atom from arXiv", () => {
    expect(isArxivAtom(fixture("query-legacy.xml"))).toBe(true); // comment before the root, arXiv ids only in entries
    expect(isArxivAtom('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>tag:blog.example.org,2020:1</id></entry></feed>')).toBe(false);
    expect(isArxivAtom('<?xml version="1.0"?><!DOCTYPE PubmedArticleSet><PubmedArticleSet></PubmedArticleSet> arxiv.org/abs/1')).toBe(false);
    expect(isArxivAtom('<rss><channel><link>https://arxiv.org/abs/2301.00001</link></channel></rss>')).toBe(false);
  });
});

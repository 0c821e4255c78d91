import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { readJson } from "../../../../src/pipeline/formats/exports/json";
import { invertedIndexText, openalexEntity } from "../../../../src/pipeline/formats/exports/openalex";

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/formats/openalex/${name}`, import.meta.url), "utf8");
const work = (fields: Record<string, unknown>) => ({ id: "https://openalex.org/W1", title: "A work", ...fields });
const readWorks = (...works: unknown[]) => readJson(JSON.stringify({ meta: { count: works.length }, results: works }, null, 1), "page.json");

describe("OpenAlex: a single work (W2741809807)", () => {
  const doc = readDocument({ file: "work.json", text: fixture("work-W2741809807.json") });
  const r = doc.records[0]!;

  it("reads the work's ids, bibliographic fields and counts", () => {
    expect(doc.format).toBe("openalex");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records).toHaveLength(1);
    expect(r).toMatchObject({
      format: "openalex", source: { line: 1 }, openalexId: "W2741809807", doi: "10.7717/peerj.4375", pmid: "29456894",
      title: "The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles",
      date: "2018-02-13", venue: "PeerJ", volume: "6", issue: null, pages: "e4375", publicationType: "article",
      citationCount: expect.any(Number), authorsComplete: true,
    });
    expect(r.references).toEqual(["openalex:W1560783210", "openalex:W1724212071", "openalex:W1767272795"]);
  });

  it("turns the inverted index back into the abstract", () => {
    expect(r.abstract).toMatch(/^Despite growing interest in Open Access \(OA\) to scholarly literature, there is an unmet need/);
    expect(r.abstract).toMatch(/inform OA policy and practice\.$/);
  });

  it("keeps each author's OpenAlex id, ORCID, institutions and the raw spelling where it differs", () => {
    expect(r.authors).toEqual([
      "Heather Piwowar", "Jason Priem", "Vincent Larivière", "Juan Pablo Alperín", "Lisa Matthias", "Bree Norlander",
      "Ashley Farley", "Jevin D. West", "Stefanie Haustein",
    ]);
    expect(r.authorInfo).toHaveLength(9);
    expect(r.authorInfo[0]).toEqual({ orcid: "0000-0003-1613-5981", ids: ["openalex:A5048491430"], affiliations: ["Impact Technology Development (United States)"], alternateNames: [] });
    expect(r.authorInfo[3]!.alternateNames).toEqual(["Juan Pablo Alperin"]); // raw_author_name without the accent
    expect(r.authorInfo[7]!.alternateNames).toEqual(["Jevin West"]);
    expect(r.authorInfo[2]!.affiliations).toEqual(["Université de Montréal", "Université du Québec à Montréal"]);
  });

  it("keeps topics, keywords and concepts as index keywords, never as author keywords", () => {
    expect(r.keywords).toEqual([]);
    expect(r.indexKeywords.slice(0, 3)).toEqual(["scientometrics and bibliometrics research", "Academic Publishing and Open Access", "Scholarly Communication"]);
    expect(r.indexKeywords).toContain("Citation"); // a concept
  });
});

describe("OpenAlex: pages and the snapshot", () => {
  it("reads each work of a /works page at its line, the pre-2023 host_venue layout included", () => {
    const text = fixture("works-page.json");
    const doc = readDocument({ file: "page.json", text });
    expect(doc.format).toBe("openalex");
    expect(doc.diagnostics).toEqual([]);
    const lines = text.split("\n");
    expect(doc.records.map((r) => [r.openalexId, r.venue, lines[r.source.line - 1]!.trim()])).toEqual([
      ["W2755950973", "Physical Review Letters", "{"],
      ["W2741809807", "PeerJ", "{"],
    ]);
    expect(doc.records[0]!.title).toBe("GW170104: Observation of a 50-Solar-Mass Binary Black Hole Coalescence at Redshift 0.2");
  });

  it("reads the snapshot's JSON Lines one work per line", () => {
    const doc = readDocument({ file: "part_000", text: fixture("works-snapshot.jsonl") });
    expect(doc.format).toBe("openalex");
    expect(doc.records.map((r) => [r.source.line, r.openalexId])).toEqual([[1, "W2741809807"], [2, "W2755950973"]]);
  });

  it("reports a broken line with its line and column and reads the others", () => {
    // constructed: a snapshot line cut by a failed download, between two good lines
    const good = JSON.stringify(work({ id: "https://openalex.org/W2", publication_year: 2020, authorships: [] }));
    const text = `${JSON.stringify(work({ publication_year: 2019, authorships: [] }))}\n{"id": "https://openalex.org/W9", "title": "Cut\n${good}\n`;
    const r = readJson(text, "part_001");
    expect(r.records.map((x) => [x.source.line, x.openalexId])).toEqual([[1, "W1"], [3, "W2"]]);
    expect(r.diagnostics).toEqual([{ file: "part_001", line: 2, severity: "error", message: expect.stringMatching(/^malformed JSON at line 2, column 48: a string is not closed .*; this line is skipped$/) }]);
  });

  it("diagnoses a gzipped snapshot part as binary", () => {
    const gz = gzipSync(Buffer.from(fixture("works-snapshot.jsonl")));
    const doc = readDocument({ file: "part_000.gz", text: new TextDecoder().decode(gz) });
    expect(doc.records).toEqual([]);
    expect(doc.diagnostics[0]!.message).toMatch(/^binary file/);
  });

  it("says what an OpenAlex file of other entities is, once", () => {
    // constructed: an /authors page, shaped as in the OpenAlex docs ("Get lists of authors")
    const text = JSON.stringify({ meta: { count: 2 }, results: [{ id: "https://openalex.org/A5023888391", display_name: "Jason Priem" }, { id: "https://openalex.org/A5053780153", display_name: "X" }] });
    const r = readJson(text, "authors.json");
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([{ file: "authors.json", line: 1, severity: "error", message: expect.stringContaining("a JSON file of OpenAlex author records, not works (2 in all)") }]);
  });

  it("warns about an empty page and a group_by summary", () => {
    expect(readJson('{"meta": {"count": 0}, "results": []}', "e.json").diagnostics[0]!.message).toMatch(/page of results is empty/);
    const grouped = readJson('{"meta": {"count": 2}, "results": [], "group_by": [{"key": "2020", "count": 2}]}', "g.json");
    expect(grouped.diagnostics[0]!.message).toMatch(/group_by summary/);
    expect(grouped.format).toBe("openalex");
  });
});

describe("OpenAlex: awkward works", () => {
  it("rebuilds abstracts from every index form, cheaply even with a huge position", () => {
    // constructed: the API's object, a flattened snapshot's string, MAG's wrapper, an adversarial position
    expect(invertedIndexText({ world: [1], Hello: [0], again: [3], "hello,": [2] })).toBe("Hello world hello, again");
    expect(invertedIndexText('{"b": [1], "a": [0]}')).toBe("a b");
    expect(invertedIndexText({ IndexLength: 2, InvertedIndex: { y: [1], x: [0] } })).toBe("x y");
    expect(invertedIndexText({ a: [0], z: [1_000_000_000] })).toBe("a z");
    expect(invertedIndexText({ a: [0, -1, 1.5, "2"], b: [0] })).toBe("a"); // bad positions ignored, a taken position kept
    expect(invertedIndexText({})).toBeNull();
    expect(invertedIndexText("{not json")).toBeNull();
  });

  it("reads authorships without an author entity, without a name, organisations and cut author lists", () => {
    // constructed: authorship shapes seen in API results (raw_author_name only; an empty author; a consortium)
    const r = readWorks(work({
      is_authors_truncated: true,
      authorships: [
        { author_position: "first", author: {}, raw_author_name: "Garcez, A." },
        { author_position: "middle", author: { id: null, display_name: null } },
        { author_position: "middle", author: { id: "https://openalex.org/A1", display_name: "ATLAS Collaboration" } },
        { author_position: "last", author: { id: "https://openalex.org/A5000000001", display_name: "Josiah Carberry", orcid: "https://orcid.org/0000-0002-1825-0097" }, raw_affiliation_strings: ["Brown University"] },
      ],
    }));
    const rec = r.records[0]!;
    expect(rec.authors).toEqual(["A. Garcez", "Josiah Carberry"]);
    expect(rec.groupAuthors).toEqual(["ATLAS Collaboration"]);
    expect(rec.authorsComplete).toBe(false);
    expect(rec.authorInfo[1]).toEqual({ orcid: "0000-0002-1825-0097", ids: ["openalex:A5000000001"], affiliations: ["Brown University"], alternateNames: [] });
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining("1 authorship of this OpenAlex work has no name"),
      expect.stringContaining("is_authors_truncated"),
    ]);
  });

  it("finds an arXiv id in the DOI or a location, MeSH terms, and a year when there is no date", () => {
    const a = readWorks(work({ doi: "https://doi.org/10.48550/arxiv.2102.11388", publication_year: 2021 })).records[0]!;
    expect(a).toMatchObject({ arxivId: "2102.11388", date: "2021" });
    const b = readWorks(work({ locations: [{ landing_page_url: "https://arxiv.org/abs/2301.00001v2" }], mesh: [{ descriptor_name: "Humans", qualifier_name: null }, { descriptor_name: "Brain", qualifier_name: "pathology" }] })).records[0]!;
    expect(b.arxivId).toBe("2301.00001");
    expect(b.meshTerms).toEqual(["Humans", "Brain/pathology"]);
  });

  it("parses OpenAlex ids in their URL, API and short forms", () => {
    expect(openalexEntity("https://openalex.org/W2741809807")).toEqual({ kind: "work", id: "W2741809807" });
    expect(openalexEntity("https://api.openalex.org/works/W2741809807")).toEqual({ kind: "work", id: "W2741809807" });
    expect(openalexEntity("a5023888391")).toEqual({ kind: "author", id: "A5023888391" });
    expect(openalexEntity("https://example.org/W1")).toBeNull();
  });

  it("skips a work fetched without title, authors or abstract, saying why", () => {
    const r = readWorks({ id: "https://openalex.org/W7", cited_by_count: 3, publication_year: 2020 });
    expect(r.records).toEqual([]);
    expect(r.diagnostics[0]!.message).toMatch(/OpenAlex work \(W7\) with no title, authors or abstract/);
  });
});

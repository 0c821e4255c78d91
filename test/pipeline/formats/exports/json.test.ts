/** The JSON entry point: layouts, telling the families apart, malformed and foreign JSON, detection by content. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { EXPORT_READERS } from "../../../../src/pipeline/formats/exports";
import { jsonReader, readJson } from "../../../../src/pipeline/formats/exports/json";

const fixture = (path: string) => readFileSync(new URL(`../../../fixtures/formats/${path}`, import.meta.url), "utf8");

describe("jsonReader: registration and detection", () => {
  it("is registered first, before the arXiv Atom reader", () => {
    expect(EXPORT_READERS.slice(0, 2).map((r) => r.format)).toEqual(["csl-json", "arxiv-atom"]);
  });

  it("sniffs by the first character only", () => {
    expect(jsonReader.sniff('  \n[{"a":1}]')).toBe(true);
    expect(jsonReader.sniff("{")).toBe(true);
    expect(jsonReader.sniff("@article{x,")).toBe(false);
    expect(jsonReader.sniff("TY  - JOUR")).toBe(false);
  });

  it("detects each family by content under a wrong name, a BOM and CRLF line ends", () => {
    // the fixtures renamed to .txt / .bib, saved with a BOM and Windows line ends
    const cases: [string, string, string][] = [
      ["csl-json/zotero-export.json", "library.bib", "csl-json"],
      ["openalex/works-page.json", "export.txt", "openalex"],
      ["openalex/works-snapshot.jsonl", "snapshot.csv", "openalex"],
      ["semantic-scholar/paper-turing.json", "paper.ris", "semantic-scholar"],
      ["arxiv-atom/query-2025.xml", "query.json", "arxiv-atom"],
    ];
    for (const [path, file, format] of cases) {
      const text = "\uFEFF" + fixture(path).replace(/\n/g, "\r\n");
      const doc = readDocument({ file, text });
      expect(doc.format, path).toBe(format);
      expect(doc.records.length, path).toBeGreaterThan(0);
      expect(doc.diagnostics, path).toEqual([]);
      const plain = readDocument({ file, text: fixture(path) });
      expect(doc.records.map((r) => r.source.line), path).toEqual(plain.records.map((r) => r.source.line));
    }
  });
});

describe("readJson: layouts", () => {
  it("reads one item, a list, a page and JSON Lines", () => {
    const item = { type: "article-journal", title: "A" };
    expect(readJson(JSON.stringify(item), "a.json").records).toHaveLength(1);
    expect(readJson(JSON.stringify([item, item]), "a.json").records).toHaveLength(2);
    expect(readJson(JSON.stringify({ items: [item, item, item] }), "a.json").records).toHaveLength(3);
    const lines = readJson(`${JSON.stringify(item)}\n\n${JSON.stringify(item)}\r\n${JSON.stringify([item, item])}\n`, "a.jsonl");
    expect(lines.records.map((r) => r.source.line)).toEqual([1, 3, 4, 4]);
  });

  it("reads concatenated pretty-printed values as separate items", () => {
    const item = JSON.stringify({ type: "article-journal", title: "A" }, null, 2);
    expect(readJson(`${item}\n${item}\n`, "a.json").records.map((r) => r.source.line)).toEqual([1, 5]);
  });

  it("reads a file mixing families, reporting the most common one", () => {
    // constructed: a hand-merged list of an OpenAlex work, a CSL item and an S2 paper
    const r = readJson(JSON.stringify([
      { id: "https://openalex.org/W1", title: "OA", authorships: [] },
      { type: "article-journal", title: "CSL 1" },
      { type: "article-journal", title: "CSL 2" },
      { paperId: "a".repeat(40), title: "S2" },
    ]), "mixed.json");
    expect(r.records.map((x) => x.format)).toEqual(["openalex", "csl-json", "csl-json", "semantic-scholar"]);
    expect(r.format).toBe("csl-json");
  });
});

describe("readJson: malformed and foreign JSON", () => {
  it("reports a broken element with its line and column and reads the others", () => {
    // constructed: a Zotero export edited by hand, a comma missing in the second item
    const text = '[\n  {"type": "article-journal", "title": "One"},\n  {"type": "article-journal"\n   "title": "Two"},\n  {"type": "article-journal", "title": "Three"}\n]\n';
    const r = readJson(text, "lib.json");
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[2, "One"], [5, "Three"]]);
    expect(r.diagnostics).toEqual([{
      file: "lib.json", line: 3, severity: "error",
      message: "malformed JSON at line 4, column 4 (in the list element at lines 3-4): expected ',' or '}' after a property value (a comma is missing); this list element is skipped",
    }]);
  });

  it("reads every complete record of a file cut off in the middle", () => {
    const full = fixture("openalex/works-page.json");
    const cut = full.slice(0, Math.floor(full.length * 0.8));
    const r = readJson(cut, "page.json");
    expect(r.records.map((x) => x.openalexId)).toEqual(["W2755950973"]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.message).toMatch(/^malformed JSON at line \d+, column \d+ \(in the record at lines 150-\d+\): the text ends inside a string \(the file may be cut off\); this record is skipped$/);
  });

  it("gives one clear diagnostic for JSON that is none of the families", () => {
    // package.json-like config and a list of numbers
    const config = readJson('{"name": "x", "version": "1.0.0", "scripts": {}, "dependencies": {}}', "package.json");
    expect(config.records).toEqual([]);
    expect(config.diagnostics).toEqual([{ file: "package.json", line: 1, severity: "error", message: 'a JSON file, but not CSL-JSON, OpenAlex or Semantic Scholar: the top-level keys are "name", "version", "scripts", "dependencies"' }]);
    // a JSON Schema has "type" and "title" too, but "object" is not a CSL item type
    const schema = readJson('{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "title": "Config", "properties": {}}', "schema.json");
    expect(schema.records).toEqual([]);
    expect(schema.diagnostics[0]!.message).toMatch(/^a JSON file, but not CSL-JSON, OpenAlex or Semantic Scholar: the top-level keys are "\$schema", "type", "title", "properties"$/);
    const numbers = readJson("[1, 2, 3]", "n.json");
    expect(numbers.diagnostics).toEqual([{ file: "n.json", line: 1, severity: "error", message: "a JSON file, but not CSL-JSON, OpenAlex or Semantic Scholar: its 3 entries are like a number (line 1)" }]);
  });

  it("warns about single foreign elements among paper records", () => {
    const r = readJson('[\n{"type": "article-journal", "title": "A"},\n{"foo": 1}\n]', "x.json");
    expect(r.records).toHaveLength(1);
    expect(r.diagnostics).toEqual([{ file: "x.json", line: 3, severity: "warning", message: 'an object with the keys "foo" is not a paper record in CSL-JSON, OpenAlex or Semantic Scholar form, skipped' }]);
  });

  it("reads API error bodies as errors", () => {
    expect(readJson('{"error": "Invalid query parameters error.", "message": "cannot filter by x"}', "e.json").diagnostics[0]!.message).toBe('an error response from the API was saved, not its data: "Invalid query parameters error. cannot filter by x"');
    expect(readJson('{"message": "Too Many Requests"}', "e.json").diagnostics[0]!.message).toContain('"Too Many Requests"');
    expect(readJson('{"status": "failed", "message-type": "validation-failure", "message": [{"type": "x", "message": "bad filter"}]}', "e.json").diagnostics[0]!.message).toContain('"bad filter"');
  });

  it("reads a wholly broken file as one diagnostic and never throws on hostile input", () => {
    expect(readJson("{", "x.json").diagnostics.map((d) => d.severity)).toEqual(["error"]);
    expect(readJson("[", "x.json").records).toEqual([]);
    for (const text of ["[[[[[[", '{"__proto__": {"title": "x"}, "constructor": 1}', '[{"title": {"toString": 1}, "type": "article"}]', "[" + "1,".repeat(10000) + "]", '{"results": 5}', '{"data": [null, 1, "x", []]}']) {
      expect(() => readJson(text, "x.json")).not.toThrow();
    }
    const proto = readJson('[{"type": "article-journal", "title": "constructor", "author": [{"family": "__proto__", "given": "toString"}]}]', "x.json");
    expect(proto.records[0]).toMatchObject({ title: "constructor", authors: ["toString __proto__"] });
  });
});

describe("readJson: JSON Lines errors", () => {
  it("tells a line cut in the middle of the file from a file cut at its end", () => {
    // constructed: two broken lines of a JSON Lines file
    const good = '{"type": "article-journal", "title": "A"}';
    const r = readJson(`${good}\n{"type": "article-journal", "title": "B"\n${good}\n{"type": "article-journal", "title": "C`, "x.jsonl");
    expect(r.records.map((x) => x.source.line)).toEqual([1, 3]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, "malformed JSON at line 2, column 41: the JSON value is not complete where this line ends; this line is skipped"],
      [4, "malformed JSON at line 4, column 40: the text ends inside a string (the file may be cut off); this line is skipped"],
    ]);
  });
});

describe("readJson: nothing is dropped silently", () => {
  it("says so when a file holds no records", () => {
    // constructed: empty exports and shapes no export uses
    const says = (text: string) => readJson(text, "x.json").diagnostics.map((d) => d.message);
    expect(says("[]")).toEqual(["an empty list: nothing to read"]);
    expect(says("{}")).toEqual(["a JSON file, but not CSL-JSON, OpenAlex or Semantic Scholar: it holds an empty object"]);
    expect(says('{"data": []}')).toEqual(["the page of results is empty: nothing to read"]);
    expect(says('[{"type": "article", "title": "x"}, [1]]')).toEqual(["a list inside the list is not a paper record in CSL-JSON, OpenAlex or Semantic Scholar form, skipped"]);
  });

  it("does not recurse into lists nested without end", () => {
    const deep = "[" + "[".repeat(100_000) + "]".repeat(100_000) + "]";
    expect(readJson(deep, "x.json").diagnostics.map((d) => d.message)).toEqual(["a JSON file, but not CSL-JSON, OpenAlex or Semantic Scholar: it holds a list inside the list"]);
  });
});

describe("readJson: files joined with cat", () => {
  it("reads JSON Lines and JSON documents with a byte-order mark where two files were joined", () => {
    const item = '{"type": "article-journal", "title": "A"}';
    expect(readJson(`${item}\n\uFEFF${item}\n`, "joined.jsonl").records.map((r) => r.source.line)).toEqual([1, 2]);
    expect(readJson(`[${item}]\n\uFEFF[${item}, ${item}]\n`, "joined.json").records).toHaveLength(3);
  });
});

describe("readJson: a bracket lost inside one record of a list", () => {
  // Found by the fuzz suite: deleting the "}," that closes one author object of a Zotero export ends the root list
  // early, so the rest of the file becomes loose top-level values. Every other record must still be read.
  it("costs that record only, named by its line range", () => {
    const text = [
      "[", // 1
      '  {"type": "article-journal", "title": "One", "author": [{"family": "A", "given": "B"}]},', // 2
      '  {"type": "article-journal", "title": "Two", "author": [', // 3
      '    {"family": "C", "given": "D"', // 4: its "}," is lost
      '    {"literal": "Consortium"}', // 5
      "  ]},", // 6
      '  {"type": "article-journal", "title": "Three"}', // 7
      "]", // 8
    ].join("\n");
    const r = readJson(text, "lib.json");
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[2, "One"], [7, "Three"]]);
    expect(r.diagnostics[0]).toEqual({
      file: "lib.json", line: 3, severity: "error",
      message: expect.stringMatching(/^malformed JSON at line 5, column 5 \(in the list element at lines 3-4\): .*; this list element is skipped$/),
    });
    // The lines between the damage and the next record are named by diagnostics: nothing goes unmentioned.
    const named = new Set(r.diagnostics.map((d) => d.line));
    for (const line of [5, 6]) expect([...named].some((l) => l === line), `line ${line}`).toBe(true);
  });
});

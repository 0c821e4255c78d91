/**
 * The explorer's opened-file set: graph file vs pipeline input decided by content (never by the name), the thesaurus
 * recognised as the CLI does, "Add files" semantics, and how the status bar names what is shown.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { addFiles, describeFiles, describeShown, isGraphFileText, isThesaurus, pickedSet, planInputs } from "../../../src/app/data/input-set";

const graphJson = readFileSync("test/fixtures/app/graph.json", "utf8");

describe("isGraphFileText", () => {
  it("recognises graphology's serialized form: papergraph's graph.json, compact or pretty, with a BOM, any key first", () => {
    expect(isGraphFileText(graphJson)).toBe(true); // pretty-printed, "options" first (graph.export() order)
    expect(isGraphFileText(JSON.stringify(JSON.parse(graphJson)))).toBe(true);
    expect(isGraphFileText(`\uFEFF  \r\n${graphJson}`)).toBe(true);
    // graphology JSON written by other tools may start with another of its keys.
    expect(isGraphFileText('{"attributes":{},"nodes":[],"edges":[]}')).toBe(true);
    expect(isGraphFileText('{ "nodes" : [ ], "edges": [] }')).toBe(true);
    // A truncated graph file still goes to the graph loader, which names the JSON error.
    expect(isGraphFileText(graphJson.slice(0, 500))).toBe(true);
  });

  it("sends every bibliographic JSON shape to the pipeline", () => {
    // Constructed from each format's documented top level.
    const pipeline = [
      '[{"id":"doe2020","type":"article-journal","title":"A","author":[{"family":"Doe","given":"J."}],"issued":{"date-parts":[[2020]]}}]', // CSL-JSON (Zotero, citation.js)
      '{"id":"doe2020","type":"article-journal","title":"A"}', // a single CSL item
      '{"meta":{"count":2,"db_response_time_ms":12,"page":1,"per_page":25},"results":[{"id":"https://openalex.org/W2741809807"}]}', // OpenAlex /works page
      '{"id":"https://openalex.org/W2741809807","doi":"https://doi.org/10.7717/peerj.4375","title":"The state of OA"}', // one OpenAlex work
      '{"id":"https://openalex.org/W1"}\n{"id":"https://openalex.org/W2"}\n', // OpenAlex snapshot, JSON Lines
      '{"paperId":"649def34f8be52c8b66281af98ae884c09aef38b","externalIds":{"DOI":"10.1093/mind/lix.236.433"},"title":"Computing Machinery and Intelligence"}', // S2 paper
      '{"total":2000,"offset":0,"next":10,"data":[{"paperId":"x"}]}', // S2 search page
      '[{"paperId":"x","title":"A"},null]', // S2 batch (unknown ids come back as null)
      '{"data":[{"citingPaper":{"paperId":"x"}}]}', // S2 citations endpoint
      "{}", // an empty object: no graph
      '{"network":{"items":[],"links":[]}}', // VOSviewer JSON (papergraph exports it, but cannot read it back)
      "@article{k, title={{\"nodes\": 1}}}", // BibTeX that mentions the key
      "",
    ];
    for (const text of pipeline) expect(isGraphFileText(text), text).toBe(false);
  });
});

describe("isThesaurus", () => {
  it("recognises a thesaurus by its name or by its header line after comments (as the CLI does)", () => {
    expect(isThesaurus({ name: "Thesaurus.CSV", text: "" })).toBe(true);
    expect(isThesaurus({ name: "fixes.csv", text: readFileSync("seeds/thesaurus.csv", "utf8") })).toBe(true);
    expect(isThesaurus({ name: "fixes.txt", text: "\uFEFF\n# corrections\r\n Action , Name , Other ,,\r\nmerge,A,B\r\n" })).toBe(true);
    // A Scopus CSV is not a thesaurus.
    expect(isThesaurus({ name: "scopus.csv", text: '"Authors","Author full names","Title"\n' })).toBe(false);
  });
});

describe("planInputs", () => {
  it("builds from exports and listings with the thesaurus apart, loads a lone graph file, refuses mixes", () => {
    const plan = planInputs([{ name: "a.bib", text: "@article{k,}" }, { name: "fixes.csv", text: "action,name,other\n" }]);
    expect(plan).toEqual({ kind: "build", documents: [{ file: "a.bib", text: "@article{k,}" }], thesaurus: { file: "fixes.csv", text: "action,name,other\n" } });
    expect(planInputs([{ name: "export.txt", text: graphJson }]).kind).toBe("graph"); // by content, whatever the name
    const mixed = planInputs([{ name: "g.json", text: graphJson }, { name: "a.bib", text: "@article{k,}" }]);
    expect(mixed).toMatchObject({ kind: "refused", title: "Open one graph file, or exports and listings only" });
  });
});

describe("addFiles", () => {
  const a = { name: "library.bib", text: "@article{a,}" };
  const b = { name: "savedrecs.txt", text: "FN Clarivate\nPT J\n" };
  const b2 = { name: "savedrecs.txt", text: "FN Clarivate\nPT B\n" };
  const t1 = { name: "thesaurus.csv", text: "action,name,other\nmerge,A,B\n" };
  const t2 = { name: "fixes.csv", text: "action,name,other\nsplit,A,B\n" };

  it("appends the added files after those open, sorted by name", () => {
    const c = { name: "pubmed.nbib", text: "PMID- 1\n" };
    expect(addFiles([a], [c, b]).files.map((f) => f.name)).toEqual(["library.bib", "pubmed.nbib", "savedrecs.txt"]);
    expect(addFiles([a], [c, b]).notes).toEqual([]);
  });

  it("does not add the same file twice, and keeps another file of the same name under a numbered name", () => {
    const same = addFiles([a, b], [b]);
    expect(same.files).toEqual([a, b]);
    expect(same.notes).toEqual(["savedrecs.txt is already open: not added twice"]);
    const other = addFiles([a, b], [b2]);
    expect(other.files.map((f) => f.name)).toEqual(["library.bib", "savedrecs.txt", "savedrecs (2).txt"]);
    expect(other.files[2]!.text).toBe(b2.text);
    expect(other.notes).toEqual(["savedrecs.txt added as savedrecs (2).txt: another file of that name is already open"]);
    expect(addFiles([{ name: "README", text: "1" }], [{ name: "README", text: "2" }]).files.map((f) => f.name)).toEqual(["README", "README (2)"]);
    // Within one pick too (two folders' savedrecs.txt dropped at once).
    expect(pickedSet([b, b2]).files.map((f) => f.name)).toEqual(["savedrecs.txt", "savedrecs (2).txt"]);
  });

  it("replaces the open thesaurus by an added one", () => {
    const out = addFiles([a, t1], [t2]);
    expect(out.files).toEqual([a, t2]);
    expect(out.notes).toEqual(["thesaurus.csv replaced by the thesaurus added"]);
  });
});

describe("describeShown", () => {
  it("names the files built here, the graph file opened, or the default graph", () => {
    const files = ["library.bib", "savedrecs.txt", "pubmed.nbib"].map((name) => ({ name, text: "" }));
    expect(describeShown({ kind: "inputs", files })).toBe("3 files: library.bib, savedrecs.txt, pubmed.nbib");
    expect(describeShown({ kind: "inputs", files: files.slice(0, 1) })).toBe("1 file: library.bib");
    expect(describeFiles(["a", "b", "c", "d", "e", "f"])).toBe("6 files: a, b, c, d and 2 more");
    expect(describeShown({ kind: "graph-file", name: "renamed.json" })).toBe("graph file renamed.json");
    const seeds = JSON.parse(graphJson).attributes;
    expect(describeShown({ kind: "default", url: "./data/graph.json" }, seeds)).toBe("seeds graph");
    const own = { sources: [{ file: "exports/a.bib", format: "bibtex", records: 1, diagnostics: [] }] };
    expect(describeShown({ kind: "default", url: "./data/graph.json" }, own)).toBe("data/graph.json (built from 1 file)");
    expect(describeShown({ kind: "default", url: "./data/graph.json" }, null)).toBe("data/graph.json");
  });
});

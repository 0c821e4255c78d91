/**
 * Opening files in the explorer: bytes decoded in the page, one graph JSON loaded as is, everything else (exports,
 * listings, a thesaurus) built by the same pipeline the CLI runs (here in-process instead of the worker), with
 * per-file summaries and progress; bad mixes get a message naming the files.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openInputs, readPicked, type BuildRunner } from "../../../src/app/data/open-files";
import { writeExplorerFiles } from "../../../src/exporters/explorer-files";
import type { ProgressEvent } from "../../../src/pipeline/progress";
import { resolveOptions } from "../../../src/pipeline/options";
import { runPipeline } from "../../../src/pipeline/run";

// One layout iteration: what is opened, summarised and reported is checked, not positions (the default layout is ~1 s of CPU).
const inProcess: BuildRunner = async ({ documents, thesaurus }, hooks = {}) => {
  const r = runPipeline({ documents, thesaurus }, resolveOptions({ layoutIterations: 1 }), { onProgress: hooks.onProgress });
  return { ok: true, files: writeExplorerFiles(r.graph), summaries: r.summaries };
};
const file = (name: string, text: string) => ({ name, text });
const seed = (name: string) => file(name, readFileSync(`seeds/${name}`, "utf8"));
const never = (): { build: BuildRunner; calls: () => number } => {
  let calls = 0;
  return {
    build: async () => {
      calls++;
      return { ok: false, error: "should not build" };
    },
    calls: () => calls,
  };
};

describe("openInputs", () => {
  it("builds a graph from listings and a thesaurus, with a summary per file and progress through every phase", async () => {
    // Seed 003_ (arXiv listing, 10 records) next to a file that is not in any format, and the seeds' own thesaurus
    // under another name (recognised by its header line, as the CLI does).
    const events: ProgressEvent[] = [];
    const out = await openInputs(
      [seed("003_b7b40e951325af8c.txt"), file("notes.txt", "call Lena on Monday\n"), file("my-corrections.csv", readFileSync("seeds/thesaurus.csv", "utf8"))],
      inProcess,
      { onProgress: (e) => events.push(e) },
    );
    expect(out.result.ok).toBe(true);
    expect(out.kind).toBe("built");
    if (!out.result.ok) return;
    expect(out.result.source).toBe("2 files");
    expect(out.result.graph.filterNodes((_, a) => a.kind === "paper")).toHaveLength(10);
    const bySource = Object.fromEntries(out.summaries!.map((s) => [s.file, s]));
    expect(bySource["003_b7b40e951325af8c.txt"]).toMatchObject({ format: "arxiv-listing", records: 10 });
    expect(bySource["notes.txt"]).toMatchObject({ format: null, records: 0 });
    expect(bySource["notes.txt"]!.diagnostics[0]).toMatchObject({ severity: "error", line: 1 });
    expect(bySource["my-corrections.csv"]).toMatchObject({ format: "thesaurus" });
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(["read", "identity", "topics", "clusters", "graph"]));
    expect(events.filter((e) => e.finished).map((e) => e.phase)).toEqual(["read", "identity", "topics", "clusters", "graph"]);
  });

  it("loads a single graph JSON without building, also with a byte-order mark", async () => {
    const json = readFileSync("test/fixtures/app/graph.json", "utf8");
    for (const text of [json, `\uFEFF${json}`]) {
      const n = never();
      const out = await openInputs([file("renamed.json", text)], n.build);
      expect(n.calls()).toBe(0);
      expect(out.kind).toBe("graph");
      expect(out.result.ok).toBe(true);
    }
  });

  it("sends bibliographic JSON (CSL-JSON, OpenAlex, Semantic Scholar) to the pipeline, not the graph loader", async () => {
    // Constructed: the top-level shapes of each format's documentation (CSL-JSON array, OpenAlex /works page, S2 paper).
    const inputs = [
      file("zotero.json", '[{"id":"x","type":"article-journal","title":"A","author":[{"family":"Dörner","given":"D."}]}]'),
      file("works.json", '{"meta":{"count":1},"results":[{"id":"https://openalex.org/W1","title":"A"}]}'),
      file("paper.json", '{"paperId":"649def34f8be52c8b66281af98ae884c09aef38b","title":"A"}'),
    ];
    for (const f of inputs) {
      let got: string[] = [];
      const spy: BuildRunner = async (req) => {
        got = req.documents.map((d) => d.file);
        return { ok: false, error: "stop here" };
      };
      const out = await openInputs([f], spy);
      expect(got, f.name).toEqual([f.name]);
      expect(out.result.ok).toBe(false);
    }
  });

  it("refuses a graph file mixed with other files, and a thesaurus alone, naming the files", async () => {
    const graph = readFileSync("test/fixtures/app/graph.json", "utf8");
    const mixed = await openInputs([file("graph.json", graph), seed("003_b7b40e951325af8c.txt")], inProcess);
    expect(mixed.result.ok).toBe(false);
    if (!mixed.result.ok) expect(mixed.result.errors[0]).toMatch(/graph\.json, 003_b7b40e951325af8c\.txt: graph\.json is a finished graph file/);
    const alone = await openInputs([file("thesaurus.csv", "action,name,other\n")], inProcess);
    expect(alone.result.ok).toBe(false);
    if (!alone.result.ok) expect(alone.result.title).toBe("Nothing to build");
    const two = await openInputs([file("thesaurus.csv", "action,name,other\n"), file("b.csv", "action,name,other\n"), seed("003_b7b40e951325af8c.txt")], inProcess);
    if (!two.result.ok) expect(two.result.title).toBe("Open one thesaurus at a time");
    expect(two.result.ok).toBe(false);
  });

  it("reports files of which nothing could be read, with their diagnostics", async () => {
    const out = await openInputs([file("empty.txt", ""), file("notes.txt", "hello\n")], inProcess);
    expect(out.result.ok).toBe(false);
    if (out.result.ok) return;
    expect(out.result.title).toBe("No paper could be read from empty.txt, notes.txt");
    expect(out.result.errors.join("\n")).toMatch(/empty\.txt:1: .*empty/);
    expect(out.summaries).toHaveLength(2);
  });

  it("passes a worker failure, and a build that throws, on as a readable error", async () => {
    const failing: BuildRunner = async () => ({ ok: false, error: "out of memory" });
    const out = await openInputs([seed("003_b7b40e951325af8c.txt")], failing);
    expect(out.result.ok).toBe(false);
    if (!out.result.ok) expect(out.result.errors).toEqual(["out of memory"]);
    const throwing: BuildRunner = async () => {
      throw new Error("worker script missing");
    };
    const thrown = await openInputs([seed("003_b7b40e951325af8c.txt")], throwing);
    if (!thrown.result.ok) expect(thrown.result.errors).toEqual(["worker script missing"]);
    expect(thrown.result.ok).toBe(false);
  });
});

describe("readPicked", () => {
  const picked = (name: string, bytes: Uint8Array | Error) => ({
    name,
    arrayBuffer: async () => {
      if (bytes instanceof Error) throw bytes;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  });

  it("decodes UTF-8 and UTF-16 with a byte-order mark, and names a file that cannot be read", async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."FN Clarivate\n"].flatMap((c) => [c.charCodeAt(0), 0])]);
    const out = await readPicked([
      picked("savedrecs.txt", utf16),
      picked("a.bib", new TextEncoder().encode("@article{k, author = {D{\\\"o}rner}}")),
      picked("folder", new DOMException("A requested file or directory could not be found", "NotFoundError")),
    ]);
    expect(out.files).toEqual([
      { name: "savedrecs.txt", text: "FN Clarivate\n" },
      { name: "a.bib", text: '@article{k, author = {D{\\"o}rner}}' },
    ]);
    expect(out.problems).toEqual([expect.stringMatching(/^folder: could not be read \(A requested file.*folders cannot be opened/)]);
  });
});

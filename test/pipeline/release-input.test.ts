/**
 * The read phase lets go of the input texts (formats/index.ts detachedFromText, run.ts releaseInput): records own
 * their strings, so losing nothing in the copy is checked against every reader's own output on the format fixtures,
 * and a handed-over input is emptied as it is read without changing the graph.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/pipeline/formats";
import { detectExport, SNIFF_BYTES } from "../../src/pipeline/formats/exports";
import { resolveOptions } from "../../src/pipeline/options";
import type { InputDocument } from "../../src/pipeline/records";
import { runPipeline } from "../../src/pipeline/run";
import { graphJsonChunks } from "../../src/cli/graph-json-stream";

const FIXTURES = "test/fixtures/formats";
const walk = (d: string): string[] =>
  readdirSync(d).sort().flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

describe("records that own their strings", () => {
  const files = walk(FIXTURES).filter((f) => !f.endsWith(".md"));
  it("are the reader's own records, value for value, for every export fixture", () => {
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      if (text.includes("\u0000") || text.charCodeAt(0) === 0xfeff) continue;
      const reader = detectExport(text.slice(0, SNIFF_BYTES));
      if (!reader) continue;
      let direct;
      try {
        direct = reader.read(text, file);
      } catch {
        continue; // readDocument turns a reader's throw into a diagnostic; nothing to compare
      }
      const read = readDocument({ file, text });
      // toStrictEqual tells undefined from absent and NaN from null: what a JSON copy would lose.
      expect(read.records, file).toStrictEqual(direct.records);
      compared += direct.records.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe("runPipeline with releaseInput", () => {
  // Real exports (origins in the fixtures' READMEs): two formats, so the read keeps a file order to follow.
  const inputs = (): InputDocument[] =>
    ["wos/bibliometrix-core.txt", "bibtex/dblp.bib", "wos/zotero-other-databases.txt"].map((f) => ({ file: f, text: readFileSync(join(FIXTURES, f), "utf8") }));
  const graphOf = (documents: InputDocument[], releaseInput: boolean) => {
    const result = runPipeline({ documents }, resolveOptions({}), { releaseInput });
    return { json: [...graphJsonChunks(result.view)].join(""), size: result.size };
  };

  it("empties each handed-over text once read and builds the same graph", () => {
    const kept = inputs();
    const handed = kept.map((d) => ({ ...d }));
    const before = graphOf(kept, false);
    const after = graphOf(handed, true);
    expect(after.json).toBe(before.json);
    expect(after.size).toStrictEqual(before.size);
    expect(handed.map((d) => d.file)).toStrictEqual(kept.map((d) => d.file));
    expect(handed.every((d) => d.text === "")).toBe(true);
    expect(kept.every((d) => d.text.length > 1000)).toBe(true);
    expect(JSON.parse(before.json).nodes.length).toBeGreaterThan(50);
  });

  it("leaves the input as it was without it, so the same input builds twice", () => {
    const docs = inputs();
    const texts = docs.map((d) => d.text);
    expect(graphOf(docs, false).json).toBe(graphOf(docs, false).json);
    expect(docs.map((d) => d.text)).toStrictEqual(texts);
  });
});

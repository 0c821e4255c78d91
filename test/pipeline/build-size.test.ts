/**
 * The build-size check (src/pipeline/build-size.ts): a build its heap cannot hold stops right after reading, naming
 * what it counted, its need and the flag that lifts the limit, instead of dying minutes later in V8's abort.
 */
import { describe, expect, it } from "vitest";
import { BuildTooLargeError, HEAP_BASE, HEAP_PER, estimateBuildSize, tooLargeMessage } from "../../src/pipeline/build-size";
import { resolveOptions } from "../../src/pipeline/options";
import { readDocument } from "../../src/pipeline/formats";
import { runPipeline } from "../../src/pipeline/run";

// constructed: two BibTeX entries with 3 and 1 authors
const LISTING = [
  "@article{a, title = {A First Title}, author = {Bell, Anna and Dunn, Carl and Fox, Eve}, year = {2023}}",
  "@article{b, title = {A Second Title}, author = {Bell, Anna}, year = {2023}}",
  "",
].join("\n");

describe("estimateBuildSize", () => {
  it("counts records, names on bylines and co-author pairs per byline, and adds up the heap they need", () => {
    const doc = readDocument({ file: "refs.bib", text: LISTING });
    const names = doc.records.map((r) => r.authors.length);
    const size = estimateBuildSize([doc], LISTING.length);
    expect(size.records).toBe(doc.records.length);
    expect(size.authorNames).toBe(names.reduce((a, b) => a + b, 0));
    expect(size.coauthorPairs).toBe(names.reduce((a, n) => a + (n * (n - 1)) / 2, 0));
    expect(size.heapBytes).toBe(
      HEAP_BASE + LISTING.length * HEAP_PER.textUnit + size.records * (HEAP_PER.record + HEAP_PER.paper) +
        size.authorNames * HEAP_PER.authorName + size.coauthorPairs * HEAP_PER.coauthorPair,
    );
  });

  it("grows with the square of a byline only through its pairs (a 1,000-name consortium paper counts 499,500)", () => {
    const authors = Array.from({ length: 1000 }, (_, i) => ({ name: `Person ${i}` }));
    const doc = { file: "x", format: "arxiv", records: [{ authors }], diagnostics: [] } as unknown as Parameters<typeof estimateBuildSize>[0][number];
    expect(estimateBuildSize([doc], 0).coauthorPairs).toBe(499_500);
  });
});

describe("runPipeline with a heap limit", () => {
  it("stops after reading with a message naming the need, the limit and --max-old-space-size", () => {
    const run = () => runPipeline({ documents: [{ file: "refs.bib", text: LISTING }] }, resolveOptions({}), { heapLimitBytes: 1e6 });
    expect(run).toThrow(BuildTooLargeError);
    try {
      run();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/^this build needs about 0\.1 GB of JavaScript heap \(2 records, 4 author names, 3 co-author pairs on bylines\), more than the 0\.0 GB heap limit/);
      expect(message).toMatch(/NODE_OPTIONS=--max-old-space-size=1024 /);
    }
  });

  it("builds when the limit holds the estimate, and without a limit", () => {
    const documents = [{ file: "refs.bib", text: LISTING }];
    expect(runPipeline({ documents }, resolveOptions({}), { heapLimitBytes: 4e9 }).graph.order).toBeGreaterThan(0);
    expect(runPipeline({ documents }, resolveOptions({})).size.records).toBe(2);
  });

  it("asks for whole gigabytes, a quarter above the estimate", () => {
    const size = { records: 1e6, authorNames: 6e6, coauthorPairs: 2e7, textUnits: 2e9, heapBytes: 9.1e9 };
    expect(tooLargeMessage(size, 4.2e9)).toMatch(/about 9\.1 GB .*\(1\.0 million records, 6\.0 million author names, 20\.0 million co-author pairs on bylines\), more than the 4\.2 GB heap limit.*--max-old-space-size=12288 /);
  });
});

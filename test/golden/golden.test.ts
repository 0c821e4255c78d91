/** The golden-file helper itself: the diff it prints, the -changed file it writes, UPDATE_GOLDEN. Constructed inputs. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { changedPath, expectGolden, lineDiff } from "./golden";
import { fnv1a, normalizeValue, summariseLargeKinds } from "./normalize";

describe("golden-file helper", () => {
  // These tests also run under UPDATE_GOLDEN=1 (when the real goldens are rewritten): they set it themselves.
  beforeEach(() => vi.stubEnv("UPDATE_GOLDEN", ""));
  afterEach(() => vi.unstubAllEnvs());
  const dir = () => mkdtempSync(path.join(tmpdir(), "golden-"));

  it("passes on equal text and removes a stale -changed file", () => {
    const d = dir();
    writeFileSync(path.join(d, "a.txt"), "one\n");
    writeFileSync(path.join(d, "a-changed.txt"), "old\n");
    expectGolden("a.txt", "one\n", d);
    expect(existsSync(path.join(d, "a-changed.txt"))).toBe(false);
  });

  it("fails with a diff and writes the output beside the golden", () => {
    const d = dir();
    writeFileSync(path.join(d, "a.txt"), "one\ntwo\nthree\n");
    expect(() => expectGolden("a.txt", "one\n2\nthree\n", d)).toThrow(/a\.txt differs[\s\S]*- two\n\+ 2\n/);
    expect(readFileSync(path.join(d, "a-changed.txt"), "utf8")).toBe("one\n2\nthree\n");
  });

  it("fails on a missing golden and names the command that writes it", () => {
    const d = dir();
    expect(() => expectGolden("sub/new.json", "{}\n", d)).toThrow(/missing[\s\S]*UPDATE_GOLDEN=1/);
    expect(existsSync(path.join(d, "sub/new-changed.json"))).toBe(true);
  });

  it("writes the golden with UPDATE_GOLDEN=1", () => {
    const d = dir();
    vi.stubEnv("UPDATE_GOLDEN", "1");
    expectGolden("sub/b.tsv", "x\ty\n", d);
    expect(readFileSync(path.join(d, "sub/b.tsv"), "utf8")).toBe("x\ty\n");
  });

  it("names -changed files with the extension kept", () => {
    expect(changedPath("/g/seeds/authors.jsonl")).toBe("/g/seeds/authors-changed.jsonl");
    expect(changedPath("/g/x")).toBe("/g/x-changed");
  });

  it("diffs by lines with context, an insertion and a deletion apart", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = [...before];
    after.splice(3, 0, "inserted");
    after.splice(16, 1);
    const diff = lineDiff(before.join("\n"), after.join("\n"));
    expect(diff).toBe([
      "  line 1", "  line 2", "+ inserted", "  line 3", "  line 4", "  ...",
      "  line 13", "  line 14", "- line 15", "  line 16", "  line 17",
    ].join("\n"));
  });

  it("points at the first difference of a long replaced line", () => {
    const a = `{"key":"a:x","size":3,${"\"pad\":0,".repeat(60)}"end":1}`;
    const b = a.replace('"size":3', '"size":4');
    expect(lineDiff(a, b)).toMatch(/\^ column 21: .*"size":3.* became .*"size":4/);
  });

  it("normalises floats to 4 significant digits and long strings to a fingerprint", () => {
    const long = "word ".repeat(40);
    expect(normalizeValue({ a: 0.123456, b: 3, c: [1234.5678], d: long })).toEqual({
      a: 0.1235, b: 3, c: [1235], d: `${long.slice(0, 60)}… [200 chars, fnv1a ${fnv1a(long)}]`,
    });
    expect(fnv1a("a")).toBe("e40c292c");
  });

  it("summarises an edge kind with more lines than the limit, keeping smaller kinds whole", () => {
    const lines = ["a\tx\t--\ty\t1\t1\t#000", "b\tx\t--\ty\t1\t1\t#111", "b\tx\t--\tz\t2\t4\t#111", "b\ty\t--\tz\t1\t1\t#111"];
    const out = summariseLargeKinds(lines, 2);
    expect(out[0]).toBe(lines[0]);
    expect(out[1]).toBe(`b\t(3 edges, summarised: more than 2)\t\tfnv1a ${fnv1a(lines.slice(1).join("\n"))}\tweights 1:2 2:1\tsizes 1:2 4:1\tcolors #111:3`);
    expect(out).toHaveLength(2);
  });
});

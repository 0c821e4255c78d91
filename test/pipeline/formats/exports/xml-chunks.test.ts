import { describe, expect, it } from "vitest";
import { countLineEnds, findElements } from "../../../../src/pipeline/formats/exports/xml-chunks";

const found = (text: string, name: string) => findElements(text, name).map((c) => [text.slice(c.start, c.end), c.line, c.complete]);

describe("findElements", () => {
  it("finds each element with its line, whatever its prefix, with \\n, \\r\\n and \\r line ends", () => {
    // constructed: entries of an Atom feed, one written with a namespace prefix
    const text = '<feed>\n<entry a="1">x</entry>\r\n<atom:entry>y</atom:entry>\r<entry/>\n</feed>';
    expect(found(text, "entry")).toEqual([
      ['<entry a="1">x</entry>', 2, true],
      ["<atom:entry>y</atom:entry>", 3, true],
      ["<entry/>", 4, true],
    ]);
  });

  it("skips comments, CDATA, processing instructions and the DOCTYPE, and '>' inside attribute values", () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE set [ <!ENTITY e "<entry>"> ]>\n<!-- <entry>not one</entry> -->\n<set><![CDATA[<entry>]]><entry title="a > b">real</entry></set>';
    expect(found(text, "entry")).toEqual([['<entry title="a > b">real</entry>', 4, true]]);
  });

  it("keeps nested elements of the same name inside the outer one, and does not match longer names", () => {
    const text = "<a><entry><entry>in</entry></entry><entryway/><entry>2</entry></a>";
    expect(found(text, "entry").map((c) => c[0])).toEqual(["<entry><entry>in</entry></entry>", "<entry>2</entry>"]);
  });

  it("marks an element cut by the end of the text", () => {
    expect(found("<feed>\n<entry>ok</entry>\n<entry><title>cu", "entry")).toEqual([["<entry>ok</entry>", 2, true], ["<entry><title>cu", 3, false]]);
    expect(found("<entry>ok</entry><entr", "entry")).toEqual([["<entry>ok</entry>", 1, true]]);
  });

  it("scans a large text in linear time", () => {
    const text = "<feed>\n" + "<entry><id>x</id><title>t</title></entry>\n".repeat(100_000) + "</feed>";
    const t0 = performance.now();
    const chunks = findElements(text, "entry");
    expect(chunks).toHaveLength(100_000);
    expect(chunks[99_999]!.line).toBe(100_001);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("counts line ends", () => {
    expect(countLineEnds("a\nb\r\nc\rd", 0, 8)).toBe(3);
  });
});

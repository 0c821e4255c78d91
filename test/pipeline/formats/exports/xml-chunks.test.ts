import { describe, expect, it } from "vitest";
import { cpuNow } from "../../../helpers/cpu-clock";
import { LineCounter, splitXmlElements } from "../../../../src/pipeline/formats/exports/xml-chunks";

const NAMES = ["PubmedArticle", "PubmedBookArticle"];
const slice = (text: string, c: { start: number; end: number }) => text.slice(c.start, c.end);

describe("splitXmlElements", () => {
  it("finds each record element with its 1-based line and exact extent", () => {
    // constructed: the shape of an efetch result (set, two kinds of article)
    const text = [
      '<?xml version="1.0" ?>',
      "<PubmedArticleSet>",
      '<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID>1</PMID></MedlineCitation></PubmedArticle>',
      "<PubmedBookArticle>",
      "  <BookDocument><PMID>2</PMID></BookDocument>",
      "</PubmedBookArticle>",
      "</PubmedArticleSet>",
    ].join("\n");
    const { chunks, strayCloses } = splitXmlElements(text, NAMES);
    expect(chunks.map((c) => [c.name, c.line, c.complete])).toEqual([["PubmedArticle", 3, true], ["PubmedBookArticle", 4, true]]);
    expect(slice(text, chunks[0]!)).toBe('<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID>1</PMID></MedlineCitation></PubmedArticle>');
    expect(slice(text, chunks[1]!)).toMatch(/^<PubmedBookArticle>[\s\S]*<\/PubmedBookArticle>$/);
    expect(strayCloses).toEqual([]);
  });

  it("does not take a longer tag name for a record (PubmedArticleSet is not PubmedArticle)", () => {
    // constructed: the set's own tags share the record's name as a prefix
    const { chunks } = splitXmlElements("<PubmedArticleSet><PubmedArticle>x</PubmedArticle></PubmedArticleSet>", NAMES);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.start).toBe(18);
  });

  it("counts CRLF, CR and LF line ends alike", () => {
    // constructed: the same three records saved with each line end
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["<PubmedArticleSet>", "<PubmedArticle>a</PubmedArticle>", "", "<PubmedArticle>", "b</PubmedArticle>"].join(eol);
      expect(splitXmlElements(text, NAMES).chunks.map((c) => c.line)).toEqual([2, 4]);
    }
  });

  it("ends a record that never closes where the next one starts, marked incomplete", () => {
    // constructed: an article whose closing tag was lost, then a good one, then a file cut off mid-article
    const text = "<S>\n<PubmedArticle><A>lost\n<PubmedArticle><A>ok</A></PubmedArticle>\n<PubmedArticle><A>cut";
    const { chunks } = splitXmlElements(text, NAMES);
    expect(chunks.map((c) => [c.line, c.complete])).toEqual([[2, false], [3, true], [4, false]]);
    expect(slice(text, chunks[0]!)).toBe("<PubmedArticle><A>lost\n");
    expect(chunks[2]!.end).toBe(text.length);
  });

  it("reports a closing tag with no open record, and reads on", () => {
    // constructed: a stray closing tag between two records
    const text = "<PubmedArticle>a</PubmedArticle>\n</PubmedArticle>\n<PubmedArticle>b</PubmedArticle>";
    const { chunks, strayCloses } = splitXmlElements(text, NAMES);
    expect(chunks.map((c) => c.complete)).toEqual([true, true]);
    expect(strayCloses).toEqual([{ name: "PubmedArticle", start: 33, line: 2 }]);
  });

  it("ignores tag names inside comments and CDATA, and attribute values holding '>'", () => {
    // constructed: a commented-out article, a CDATA section quoting one, an attribute with ">" in it
    const text = [
      "<!-- <PubmedArticle>old</PubmedArticle> -->",
      '<PubmedArticle Note="a > b"><T><![CDATA[ </PubmedArticle> ]]></T></PubmedArticle>',
    ].join("\n");
    const { chunks } = splitXmlElements(text, NAMES);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.line).toBe(2);
    expect(chunks[0]!.complete).toBe(true);
    expect(slice(text, chunks[0]!)).toBe(text.split("\n")[1]);
  });

  it("treats a self-closing record as complete", () => {
    // constructed: an empty element
    const { chunks } = splitXmlElements('<Set><PubmedArticle a="1"/><PubmedArticle>x</PubmedArticle></Set>', NAMES);
    expect(chunks.map((c) => c.complete)).toEqual([true, true]);
    expect(chunks[0]!.end).toBe(27);
  });

  it("stops at an unclosed comment instead of scanning for ever", () => {
    // constructed: a file cut inside a comment
    const { chunks } = splitXmlElements("<PubmedArticle>a</PubmedArticle><!-- <PubmedArticle>", NAMES);
    expect(chunks).toHaveLength(1);
  });

  it("is linear: 20,000 unclosed records are split without rescanning", () => {
    // constructed: the worst case for a search for each closing tag
    const text = "<PubmedArticle><A>x</A>\n".repeat(20000);
    const t0 = cpuNow();
    const { chunks } = splitXmlElements(text, NAMES);
    expect(chunks).toHaveLength(20000);
    expect(chunks.every((c) => !c.complete)).toBe(true);
    expect(chunks[19999]!.line).toBe(20000);
    expect(cpuNow() - t0).toBeLessThan(2000);
  });
});

describe("LineCounter", () => {
  it("gives lines for increasing offsets and restarts for a smaller one", () => {
    // constructed
    const text = "a\nb\r\nc\rd";
    const lines = new LineCounter(text);
    expect([0, 2, 5, 7].map((o) => lines.lineAt(o))).toEqual([1, 2, 3, 4]);
    expect(lines.lineAt(2)).toBe(2);
    expect(lines.lineAt(999)).toBe(4);
  });
});

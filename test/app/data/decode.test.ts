/**
 * Decoding picked files in the page (the pipeline's decodeInput, shared with the CLI): UTF-8 with or without a byte-order mark, UTF-16 LE/BE with one (Web of Science
 * "Win" exports), and bytes that are not UTF-8 left for the pipeline to report. The decoded text must read exactly as
 * the CLI's UTF-8 text does: same records, same line numbers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeInput } from "../../../src/pipeline/formats/decode";
import { readDocument } from "../../../src/pipeline/formats";

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  const view = new DataView(out.buffer);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe("decodeInput", () => {
  // Constructed: the two header lines every WoS plain-text export starts with, a name with a diacritic and an
  // astral character (a surrogate pair in UTF-16), CRLF line ends as Windows exports write them.
  const sample = "FN Clarivate Analytics Web of Science\r\nVR 1.0\r\nAU Dörner, D\r\nTI 𝛼-synuclein\r\n";

  it("reads UTF-8 with or without a byte-order mark (the mark is dropped; line numbers do not change)", () => {
    const bytes = new TextEncoder().encode(sample);
    expect(decodeInput(bytes)).toBe(sample);
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeInput(bom)).toBe(sample);
  });

  it("reads UTF-16 little- and big-endian with a byte-order mark", () => {
    expect(decodeInput(utf16(sample, true))).toBe(sample);
    expect(decodeInput(utf16(sample, false))).toBe(sample);
  });

  it("turns bytes that are not UTF-8 into U+FFFD (reported by the pipeline), never throws", () => {
    // Latin-1 "Dörner": 0xF6 alone is not UTF-8.
    expect(decodeInput(new Uint8Array([0x44, 0xf6, 0x72]))).toBe("D\uFFFDr");
    expect(decodeInput(new Uint8Array([]))).toBe("");
    expect(decodeInput(new Uint8Array([0xff]))).toBe("\uFFFD");
  });

  it("gives the pipeline the same records and line numbers from UTF-16 as from UTF-8", () => {
    // Real seed listing (compact profile), re-encoded as a Windows tool would save it.
    const text = readFileSync("seeds/004_ffc89207e1d731a7.txt", "utf8");
    const fromUtf8 = readDocument({ file: "x.txt", text });
    const fromUtf16 = readDocument({ file: "x.txt", text: decodeInput(utf16(text, true)) });
    expect(fromUtf16.format).toBe(fromUtf8.format);
    expect(fromUtf16.records.map((r) => [r.source.line, r.title])).toEqual(fromUtf8.records.map((r) => [r.source.line, r.title]));
    expect(fromUtf16.diagnostics).toEqual(fromUtf8.diagnostics);
    expect(fromUtf8.records.length).toBeGreaterThan(10);
  });
});

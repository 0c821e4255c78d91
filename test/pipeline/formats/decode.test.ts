import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/pipeline/formats";
import { decodeInput } from "../../../src/pipeline/formats/decode";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** UTF-16 bytes of a string (code units, so characters outside the BMP become surrogate pairs as they should). */
function utf16(s: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let o = 0;
  const put = (unit: number) => {
    const hi = unit >> 8;
    const lo = unit & 0xff;
    out[o++] = endian === "le" ? lo : hi;
    out[o++] = endian === "le" ? hi : lo;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

// A few lines of the WoS tab-delimited layout (tags from litsearchr's WoS_corecollection.txt, values constructed),
// with names outside Latin-1 and a character outside the BMP.
const TAB = "PT\tAU\tAF\tTI\tSO\tPY\tUT\r\nJ\tMüller, J; Łukasz, K\tMüller, Jürgen; Łukasz, Kowalski\tΔ-variants of 𝔽 fields\tJ X\t2020\tWOS:000000000000001\r\n";

describe("decodeInput", () => {
  it("decodes UTF-8 with and without a BOM (the BOM is dropped)", () => {
    expect(decodeInput(utf8("Café"))).toBe("Café");
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Café")]))).toBe("Café");
    expect(decodeInput(new Uint8Array([]))).toBe("");
  });

  it("decodes UTF-16 LE and BE by their BOM (Web of Science 'Tab-delimited (Win)' is UTF-16 LE)", () => {
    expect(decodeInput(utf16(TAB, "le", true))).toBe(TAB);
    expect(decodeInput(utf16(TAB, "be", true))).toBe(TAB);
  });

  it("recognises UTF-16 without a BOM by the NUL bytes of its ASCII characters", () => {
    expect(decodeInput(utf16(TAB, "le", false))).toBe(TAB);
    expect(decodeInput(utf16(TAB, "be", false))).toBe(TAB);
    // Too short to tell: left as UTF-8 (the NULs then make readDocument call it binary).
    expect(decodeInput(new Uint8Array([0x41, 0x00]))).toBe("A\u0000");
  });

  it("leaves bytes that are not UTF-8 as U+FFFD for the readers to report", () => {
    // constructed: "Müller" in Latin-1
    expect(decodeInput(new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe("M\uFFFDller");
  });

  it("does not take a binary file for UTF-16", () => {
    // constructed: a ZIP header (an .xlsx saved instead of the export) and random-looking bytes with some NULs
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xa3, 0x7c, ...new Array(64).fill(0x00)]);
    const text = decodeInput(zip);
    expect(text.startsWith("PK")).toBe(true);
    expect(readDocument({ file: "export.xlsx", text }).diagnostics[0]!.message).toContain("binary file");
  });

  it("is pure: the same bytes give the same text and the input is not changed", () => {
    const bytes = utf16(TAB, "be", true);
    const copy = bytes.slice();
    expect(decodeInput(bytes)).toBe(decodeInput(bytes));
    expect(bytes).toEqual(copy);
  });
});

describe("decoded files through readDocument", () => {
  it("reads a UTF-16 LE WoS tab-delimited export under any file name", () => {
    for (const file of ["savedrecs.txt", "savedrecs.xls", "export.csv"]) {
      const doc = readDocument({ file, text: decodeInput(utf16(TAB, "le", true)) });
      expect(doc.format).toBe("wos-tab");
      expect(doc.diagnostics).toEqual([]);
      expect(doc.records[0]).toMatchObject({ title: "Δ-variants of 𝔽 fields", authors: ["Jürgen Müller", "Kowalski Łukasz"], date: "2020" });
    }
  });

  it("reads real fixtures through the decoder whatever their name", () => {
    // test/fixtures/formats/*/README.md give the origins
    const fx = (p: string) => decodeInput(new Uint8Array(readFileSync(new URL(`../../fixtures/formats/${p}`, import.meta.url))));
    expect(readDocument({ file: "a.bib", text: fx("wos/metaknowledge-group-authors.txt") }).format).toBe("wos");
    expect(readDocument({ file: "b.ris", text: fx("wos/litsearchr-core-tab.txt") }).format).toBe("wos-tab");
    expect(readDocument({ file: "c.txt", text: fx("scopus/litstudy-2021.csv") }).format).toBe("scopus-csv");
    // The same export re-encoded as UTF-16 LE, as Excel's "Unicode text" would save it.
    const utf16Scopus = decodeInput(utf16(fx("scopus/bibliometrix-2026.csv"), "le", true));
    const doc = readDocument({ file: "scopus.txt", text: utf16Scopus });
    expect(doc.format).toBe("scopus-csv");
    expect(doc.records).toHaveLength(2);
  });

  it("a Latin-1 export still reads, with one warning naming the first damaged line", () => {
    // constructed: a WoS record whose author name was saved as Latin-1
    const bytes = new Uint8Array([...utf8("PT J\nAU M"), 0xfc, ...utf8("ller, J\nTI T\nUT WOS:1\nER\n")]);
    const doc = readDocument({ file: "latin1.txt", text: decodeInput(bytes) });
    expect(doc.format).toBe("wos");
    expect(doc.records[0]!.authors).toEqual(["J. M\uFFFDller"]);
    expect(doc.diagnostics).toEqual([expect.objectContaining({ line: 2, severity: "warning", message: expect.stringContaining("not valid UTF-8") })]);
  });
});

import { describe, expect, it } from "vitest";
import { parseIsoDate, parseMonthDay, resolveYearless } from "../../../src/pipeline/formats/dates";
import { parseEntryHead } from "../../../src/pipeline/formats/entry-head";
import { toBlocks, toLines } from "../../../src/pipeline/formats/lines";

describe("toLines", () => {
  it("keeps 1-based line numbers through a BOM, CRLF, lone CR and a missing final newline", () => {
    // constructed: Windows-saved file with a BOM, one old-Mac CR and no final newline
    const lines = toLines("\uFEFFKarim Lekadir\r\n\r\nIV\rh-index72");
    expect(lines).toEqual([
      { no: 1, text: "Karim Lekadir" },
      { no: 2, text: "" },
      { no: 3, text: "IV" },
      { no: 4, text: "h-index72", unterminated: true },
    ]);
  });

  it("drops the empty piece after a final newline, collapses tabs and removes zero-width characters", () => {
    // constructed
    expect(toLines("a\tb\u200B c\n")).toEqual([{ no: 1, text: "a b c" }]);
    expect(toLines("")).toEqual([]);
  });

  it("groups non-blank runs into blocks", () => {
    // constructed: whitespace-only lines count as blank
    const blocks = toBlocks(toLines("a\nb\n  \t\nc"));
    expect(blocks.map((b) => b.lines.map((l) => l.no))).toEqual([[1, 2], [4]]);
  });
});

describe("dates", () => {
  it("parses listing dates and rejects impossible days", () => {
    // seeds/000 line 12 and 103; constructed Feb 30 / Feb 29
    expect(parseMonthDay("Aug 11, 2023")).toEqual({ month: 8, day: 11, year: 2023 });
    expect(parseMonthDay("Jan 22")).toEqual({ month: 1, day: 22, year: null });
    expect(parseMonthDay("Feb 30, 2023")).toBeNull();
    expect(parseMonthDay("Feb 29, 2023")).toBeNull();
    expect(parseMonthDay("Feb 29, 2024")).toEqual({ month: 2, day: 29, year: 2024 });
    expect(parseMonthDay("Foo 3, 2023")).toBeNull();
  });

  it("validates ISO dates", () => {
    // seeds/003 line 4; constructed bad dates
    expect(parseIsoDate("2025-07-16")).toBe("2025-07-16");
    expect(parseIsoDate("2025-13-01")).toBeNull();
    expect(parseIsoDate("2025-02-29")).toBeNull();
    expect(parseIsoDate("16/07/2025")).toBeNull();
  });

  it("gives a year-less date the smallest year after the newest dated entry", () => {
    // seeds/000: newest dated entry 2025-12-04; "Jan 22" -> 2026-01-22
    expect(resolveYearless({ month: 1, day: 22 }, "2025-12-04")).toBe("2026-01-22");
    // constructed: later in the same year stays in that year; the same day moves to the next year
    expect(resolveYearless({ month: 12, day: 20 }, "2025-12-04")).toBe("2025-12-20");
    expect(resolveYearless({ month: 12, day: 4 }, "2025-12-04")).toBe("2026-12-04");
    // constructed: Feb 29 waits for a leap year
    expect(resolveYearless({ month: 2, day: 29 }, "2025-03-01")).toBe("2028-02-29");
    expect(resolveYearless({ month: 1, day: 22 }, null)).toBeNull();
  });
});

describe("parseEntryHead", () => {
  it("splits category, date and the Code flag", () => {
    // seeds/000 lines 12, 327; seeds/001 line 12
    expect(parseEntryHead("CYAug 11, 2023")).toEqual({ categories: ["CY"], date: { month: 8, day: 11, year: 2023 }, dateText: "Aug 11, 2023", hasCode: false });
    expect(parseEntryHead("MED-PHJul 21, 2020")?.categories).toEqual(["MED-PH"]);
    expect(parseEntryHead("CVApr 14Code")).toEqual({ categories: ["CV"], date: { month: 4, day: 14, year: null }, dateText: "Apr 14", hasCode: true });
  });

  it("keeps an impossible date as a head with date null, and rejects other lines", () => {
    // constructed
    expect(parseEntryHead("IVFeb 30, 2023")?.date).toBeNull();
    expect(parseEntryHead("Right Regions, Wrong Labels")).toBeNull();
    expect(parseEntryHead("CVApr 14 Code extra")).toBeNull();
  });
});

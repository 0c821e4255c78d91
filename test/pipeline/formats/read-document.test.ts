import { readFileSync, readdirSync } from "node:fs";
import seedrandom from "seedrandom";
import { describe, expect, it } from "vitest";
import { CATEGORY_NAMES, detectFormat, readDocument } from "../../../src/pipeline/formats";

const SEEDS = new URL("../../../seeds/", import.meta.url);
const seed = (prefix: string) => {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(new URL(name, SEEDS), "utf8");
};

describe("detectFormat", () => {
  it("recognises each seed by content", () => {
    // the five seed files as shipped
    expect(detectFormat(seed("000_"))).toBe("profile");
    expect(detectFormat(seed("001_"))).toBe("profile");
    expect(detectFormat(seed("002_"))).toBe("trending");
    expect(detectFormat(seed("003_"))).toBe("arxiv-listing");
    expect(detectFormat(seed("004_"))).toBe("compact-profile");
  });

  it("tells profile from compact entries without a header, and finds a trending list without its header", () => {
    // constructed: one entry in each layout; a headerless trending list (seeds/002 rhythm)
    expect(detectFormat("CVMay 3, 2020\nA title\n\nAnn Lee, Bo Chen\n\nAbstract.")).toBe("profile");
    expect(detectFormat("CVMay 3, 2020\nA titleAnn Lee, Bo Chen\nAbstract.\nIVMay 4, 2020\nB titleAnn Lee\nAbstract.")).toBe("compact-profile");
    const abstract = "A sentence that runs long enough to read as an abstract of a paper in a listing, with some detail. ".repeat(3);
    expect(detectFormat(["Title one", "", abstract, "", "Title two", "", abstract].join("\n"))).toBe("trending");
  });

  it("returns null for other text", () => {
    // constructed: prose, a CSV, a BibTeX entry
    expect(detectFormat("Dear colleague,\n\nplease find attached the slides.\n\nBest,\nAnn")).toBeNull();
    expect(detectFormat("title,authors,year\nA,B,2020\n")).toBeNull();
    expect(detectFormat("@article{x,\n  title={A},\n  author={B and C}\n}")).toBeNull();
  });
});

describe("readDocument", () => {
  it("reports empty, blank and binary files as errors with no records", () => {
    // constructed inputs for each failure mode
    const cases: [string, string, number][] = [
      ["", "empty file", 1],
      ["\uFEFF \r\n\t\r\n", "empty file", 1],
      ["PK\u0003\u0004\u0000\u0000binary", "binary file", 1],
      ["line one\nline two\n\u0000\u0000", "binary file", 3],
      ["Caf\uFFFD r\uFFFDsum\uFFFD ".repeat(10), "binary file", 1],
    ];
    for (const [text, message, line] of cases) {
      const d = readDocument({ file: "x.txt", text });
      expect(d.format).toBeNull();
      expect(d.records).toEqual([]);
      expect(d.diagnostics).toEqual([{ file: "x.txt", line, severity: "error", message: expect.stringContaining(message) }]);
    }
    const nullText = readDocument({ file: "x.bin", text: null as unknown as string });
    expect(nullText.diagnostics[0]?.message).toContain("binary file");
  });

  it("reads a stray NUL in a long export as a space, warning on its line", () => {
    // constructed (the fuzz run's counterexample): a NUL byte inside the "TY  - " tag of an IEEE-like RIS file
    const entry = (title: string) => `TY  - JOUR\nTI  - ${title}\nAU  - Bell, Anna\nPY  - 2020\nER  - \n`;
    const text = entry("One long enough title for the file") + entry("Two long enough title for the file").replace("TY  -", "TY \u0000-") + entry("Three");
    const d = readDocument({ file: "x.ris", text });
    expect(d.format).toBe("ris");
    expect(d.records.map((r) => r.title)).toEqual(["One long enough title for the file", "Two long enough title for the file", "Three"]);
    expect(d.diagnostics).toEqual([{ file: "x.ris", line: 6, severity: "warning", message: expect.stringContaining("NUL bytes") }]);
    expect(JSON.stringify(d.records)).not.toContain("\\u0000");
  });

  it("reads a file with a few undecodable characters, warning about the encoding", () => {
    // constructed: seeds/000 entry saved as Latin-1 and decoded as UTF-8 ("Víctor" -> "V\uFFFDctor")
    const text = ["CVSep 20, 2022", "Generalisability of fetal ultrasound models", "", "Carla Sendra-Balcells, V\uFFFDctor M. Campello et al.", "", "Abstract."].join("\n");
    const d = readDocument({ file: "latin1.txt", text });
    expect(d.format).toBe("profile");
    expect(d.records[0]?.authors).toEqual(["Carla Sendra-Balcells", "V\uFFFDctor M. Campello"]);
    expect(d.diagnostics.filter((x) => x.message.includes("not valid UTF-8")).map((x) => x.line)).toEqual([4]);
  });

  it("names line 1 and what was expected for an unknown format", () => {
    // constructed: a letter
    const d = readDocument({ file: "letter.txt", text: "Dear colleague,\n\nthanks." });
    expect(d.format).toBeNull();
    expect(d.diagnostics).toEqual([{
      file: "letter.txt", line: 1, severity: "error",
      message: 'not a recognised format: expected a bibliographic export (BibTeX, RIS, Web of Science, Scopus CSV, PubMed MEDLINE or XML, CSL-JSON, arXiv Atom, OpenAlex, Semantic Scholar) or a listing (profile page, compact profile, trending list, arXiv listing) (first line: "Dear colleague,")',
    }]);
  });

  it("gives the same records and line numbers for a file saved with a BOM and CRLF line ends", () => {
    // seeds/000 re-saved the Windows way, tabs added inside lines
    const text = seed("000_");
    const plain = readDocument({ file: "a.txt", text });
    const windows = readDocument({ file: "a.txt", text: "\uFEFF" + text.replace(/\n/g, "\r\n").replace(/ et al\./g, "\tet al.") + "\r\n" });
    expect(windows.records).toEqual(plain.records);
    expect(windows.profile).toEqual(plain.profile);
  });

  it("is deterministic and never throws on damaged input; every diagnostic points at a real line", () => {
    // seeds cut, shuffled and sprinkled with noise by a seeded generator
    const rng = seedrandom("formats-fuzz");
    const noise = ["", "et al.", "Created: 2025-99-99", "arXiv:", "CVFeb 31", "h-index", "$\\pm$", "``", " · ", "\t", "İ", "\r"];
    const files = ["000_", "001_", "002_", "003_", "004_"].map(seed);
    for (let round = 0; round < 60; round++) {
      const lines = (files[round % files.length] ?? "").split("\n");
      const start = Math.floor(rng() * lines.length);
      const piece = lines.slice(start, start + 1 + Math.floor(rng() * 40));
      for (let k = 0; k < 5; k++) {
        const at = Math.floor(rng() * (piece.length + 1));
        const n = noise[Math.floor(rng() * noise.length)] ?? "";
        if (rng() < 0.5) piece.splice(at, 0, n);
        else piece[at] = (piece[at] ?? "").slice(0, Math.floor(rng() * 80)) + n;
      }
      const text = piece.join(rng() < 0.3 ? "\r\n" : "\n");
      const a = readDocument({ file: "f.txt", text });
      const b = readDocument({ file: "f.txt", text });
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const d of a.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(lineCount);
        expect(d.message).not.toMatch(/internal error/);
      }
      for (const r of a.records) expect(r.source.line).toBeLessThanOrEqual(lineCount);
    }
  });
});

describe("CATEGORY_NAMES", () => {
  it("names every category code used in the seeds", () => {
    // codes read from the seeds' entry lines
    for (const code of ["CV", "IV", "LG", "CY", "MED-PH", "QM", "ML", "AP"]) expect(CATEGORY_NAMES[code]).toBeTruthy();
    expect(CATEGORY_NAMES["CV"]).toBe("Computer Vision");
    expect(CATEGORY_NAMES["ML"]).toBe("Machine Learning (stat)");
    expect(CATEGORY_NAMES["MED-PH"]).toBe("Medical Physics");
  });
});

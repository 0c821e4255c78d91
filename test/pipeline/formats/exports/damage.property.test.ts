/**
 * Property tests: damaging one record of a WoS or Scopus export (a deleted ER, a stray quote, a lost closing quote, a
 * line break in the wrong place, a glued tag, pasted junk) never loses another record, never moves its line number,
 * and the damaged record becomes a record or a diagnostic. Inputs: the seeded generators in scripts/formats/
 * (realistic synthetic exports), damaged by fast-check.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readScopus } from "../../../../src/pipeline/formats/exports/scopus-csv";
import { readWos } from "../../../../src/pipeline/formats/exports/wos";
import { generateScopus } from "../../../../scripts/formats/generate-scopus";
import { generateWos } from "../../../../scripts/formats/generate-wos";

/** 1-based line where `offset` sits. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

describe("one damaged Scopus row never costs another", () => {
  // Rows end with "\r\n"; a paragraph break inside an abstract is a bare "\n" (row 0 has one).
  const rawRows = generateScopus(12, 7).slice(1).split("\r\n");
  const csv = rawRows.join("\n");
  const starts: number[] = [];
  for (let i = 1, offset = rawRows[0]!.length + 1; i < rawRows.length - 1; offset += rawRows[i]!.length + 1, i++) starts.push(offset);
  const rowText = (i: number) => csv.slice(starts[i]!, (starts[i + 1] ?? csv.length) - 1);
  const eid = (i: number) => /"(2-s2\.0-\d+)"$/.exec(rowText(i))![1]!;

  const damage = fc.record({
    row: fc.integer({ min: 0, max: 11 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom("insert-quote", "delete-quote", "insert-newline", "insert-comma", "cut-row", "insert-quote-comma"),
  });

  it("holds for random damage", () => {
    expect(starts.length).toBe(12);
    fc.assert(fc.property(damage, ({ row, at, kind }) => {
      const text = rowText(row);
      const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
      const pos = Math.floor(at * text.length);
      const damaged = kind === "insert-quote" ? text.slice(0, pos) + '"' + text.slice(pos)
        : kind === "delete-quote" ? (() => { const q = quotes[Math.floor(at * quotes.length)]!; return text.slice(0, q) + text.slice(q + 1); })()
        : kind === "insert-newline" ? text.slice(0, pos) + "\n" + text.slice(pos)
        : kind === "insert-comma" ? text.slice(0, pos) + "," + text.slice(pos)
        : kind === "insert-quote-comma" ? text.slice(0, pos) + '",' + text.slice(pos)
        : text.slice(0, pos);
      const full = csv.slice(0, starts[row]!) + damaged + csv.slice(starts[row]! + text.length);
      const lines = full.split("\n");
      const r = readScopus(full, "d.csv");
      const byEid = new Map(r.records.map((x) => [x.scopusId, x.source.line]));
      const shift = damaged.split("\n").length - text.split("\n").length;
      for (let i = 0; i < starts.length; i++) {
        if (i === row) continue;
        const expectedLine = lineAt(csv, starts[i]!) + (i > row ? shift : 0);
        expect(byEid.get(eid(i)), `row ${i} after ${kind} in row ${row}`).toBe(expectedLine);
      }
      // The damaged row: read (the damage was harmless or inside a cell) or reported at or after its first line,
      // unless it was cut down to a blank line, which is no record.
      if (damaged.trim() === "") return;
      const first = lineAt(csv, starts[row]!);
      const span = damaged.split("\n").length;
      const accounted = r.records.some((x) => x.source.line >= first && x.source.line < first + span)
        || r.diagnostics.some((d) => d.line >= first && d.line < first + span);
      expect(accounted, `row ${row} after ${kind}`).toBe(true);
      expect(lines.length).toBeGreaterThan(0);
    }), { numRuns: 300, seed: 42 });
  });
});

describe("one damaged WoS record never costs another", () => {
  const text = generateWos(10, 3);
  const lines = text.split("\n");
  const pts = lines.flatMap((l, i) => (l === "PT J" ? [i] : []));
  const ers = lines.flatMap((l, i) => (l === "ER" ? [i] : []));
  const ut = (i: number) => lines.slice(pts[i], ers[i]).find((l) => l.startsWith("UT "))!.slice(3);

  const damage = fc.record({
    record: fc.integer({ min: 1, max: pts.length - 2 }),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    kind: fc.constantFrom("delete-er", "junk-after", "junk-inside", "glue-tag", "delete-line", "duplicate-pt", "unindent"),
    junk: fc.constantFrom("some pasted note", "PT J", "EF", "FN Clarivate Analytics Web of Science", "ER", "   orphan continuation", "XX unknown tag", "AU"),
  });

  it("holds for random damage", () => {
    fc.assert(fc.property(damage, ({ record, at, kind, junk }) => {
      const copy = [...lines];
      const first = pts[record]! + 1;
      const inside = first + Math.floor(at * (ers[record]! - first - 1)); // a line after PT and before ER
      let inserted = 0;
      if (kind === "delete-er") copy.splice(ers[record]!, 1, "");
      else if (kind === "junk-after") { copy.splice(ers[record]! + 1, 0, junk); inserted = 0; }
      else if (kind === "junk-inside") { copy.splice(inside, 0, junk); inserted = 1; }
      else if (kind === "glue-tag") copy[inside] = copy[inside]!.replace(/^([A-Z][A-Z0-9]) /, "$1");
      else if (kind === "delete-line") { copy.splice(inside, 1); inserted = -1; }
      else if (kind === "duplicate-pt") { copy.splice(inside, 0, "PT J"); inserted = 1; }
      else copy[inside] = copy[inside]!.trimStart();
      const r = readWos(copy.join("\n"), "d.txt");
      const byUt = new Map(r.records.map((x) => [x.wosId, x.source.line]));
      for (let i = 0; i < pts.length; i++) {
        if (i === record) continue;
        const expectedLine = pts[i]! + 1 + (i > record ? inserted + (kind === "junk-after" ? 1 : 0) : 0);
        expect(byUt.get(ut(i)), `record ${i} after ${kind} (${junk}) in record ${record}`).toBe(expectedLine);
      }
      const accounted = r.records.some((x) => x.source.line === pts[record]! + 1) || r.diagnostics.some((d) => d.line === pts[record]! + 1);
      expect(accounted).toBe(true);
    }), { numRuns: 300, seed: 42 });
  });
});

/** Hand-built ParsedDocument fixtures: each test states which case it covers and where the names come from. */
import { emptyRecord } from "../../../src/pipeline/formats/record";
import type { PaperRecord, ParsedDocument, ProfileHeader } from "../../../src/pipeline/records";

let lineCounter = 0;

export function rec(file: string, fields: Partial<PaperRecord> & { authors: string[] }): PaperRecord {
  lineCounter += 10;
  return { ...emptyRecord(file, fields.source?.line ?? lineCounter, "profile"), authorsComplete: true, ...fields };
}

export function doc(file: string, records: PaperRecord[], opts: { format?: ParsedDocument["format"]; profile?: string } = {}): ParsedDocument {
  const profile: ProfileHeader | null = opts.profile
    ? { name: opts.profile, figures: { category: "IV", hIndex: 10, papers: records.length, citations: 100, novelty: 40, aiScore: 50, source: { file, line: 1 } } }
    : null;
  return {
    file,
    format: opts.format ?? (opts.profile ? "profile" : "arxiv-listing"),
    records: records.map((r) => ({ ...r, source: { ...r.source, file }, profileAuthor: opts.profile ?? r.profileAuthor })),
    diagnostics: [],
    profile,
    listingDate: null,
  };
}

/** Invent distinct filler co-authors so bylines look real without creating accidental shared co-authors. */
export function filler(tag: string, n: number): string[] {
  const given = ["Aino", "Bruno", "Cleo", "Dario", "Elif", "Femi", "Goran", "Hilde", "Ivo", "Jorun"];
  return Array.from({ length: n }, (_, i) => `${given[i % given.length]} Filler${tag}${String.fromCharCode(97 + i)}`);
}

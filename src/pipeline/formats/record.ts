/** Helpers shared by the readers: a blank record and a diagnostics collector. */
import type { Diagnostic, FormatId, PaperRecord, ProfileHeader } from "../records";

export interface ReaderResult {
  /** Set by a reader that tells a family of formats apart itself (the JSON and XML readers). */
  format?: FormatId;
  records: PaperRecord[];
  diagnostics: Diagnostic[];
  profile: ProfileHeader | null;
  listingDate: string | null;
}

export function emptyRecord(file: string, line: number, format: FormatId): PaperRecord {
  return {
    source: { file, line },
    format,
    title: null,
    authors: [],
    authorsComplete: false,
    affiliation: null,
    date: null,
    updated: null,
    arxivId: null,
    categories: [],
    hasCode: false,
    abstract: null,
    comment: null,
    profileAuthor: null,
    ...bibliographicDefaults(),
  };
}

export class Diagnostics {
  readonly list: Diagnostic[] = [];
  constructor(private readonly file: string) {}
  warn(line: number, message: string): void {
    this.list.push({ file: this.file, line, severity: "warning", message });
  }
  error(line: number, message: string): void {
    this.list.push({ file: this.file, line, severity: "error", message });
  }
}

/** The bibliographic fields of a record that only the export formats fill, all empty. */
export function bibliographicDefaults(): Omit<PaperRecord, "source" | "format" | "title" | "authors" | "authorsComplete" | "affiliation" | "date" | "updated" | "arxivId" | "categories" | "hasCode" | "abstract" | "comment" | "profileAuthor"> {
  return {
      doi: null,
      pmid: null,
      openalexId: null,
      s2Id: null,
      wosId: null,
      scopusId: null,
      venue: null,
      volume: null,
      issue: null,
      pages: null,
      publicationType: null,
      keywords: [],
      indexKeywords: [],
      meshTerms: [],
      authorInfo: [],
      groupAuthors: [],
      citationCount: null,
      references: [],
  };
}

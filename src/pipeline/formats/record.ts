/** Helpers shared by the readers: a blank record and a diagnostics collector. */
import type { Diagnostic, FormatId, PaperRecord, ProfileHeader } from "../records";

export interface ReaderResult {
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

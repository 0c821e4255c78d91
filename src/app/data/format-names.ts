/**
 * What the explorer calls each input format, and the one-line per-file summary of a build ("library.bib: BibTeX,
 * 120 records, 2 diagnostics"). The ids are the graph file's `sources[].format`; the names are what a researcher
 * recognises from the export dialog of their tool.
 */
import type { SourceSummary } from "../../model/graph-file";
import type { FormatId } from "../../pipeline/records";

/** Every format id has a name: the compiler asks for one when a reader is added. */
const FORMAT_NAMES: Record<FormatId | "thesaurus", string> = {
  bibtex: "BibTeX",
  ris: "RIS",
  wos: "Web of Science",
  "wos-tab": "Web of Science (tab-delimited)",
  "scopus-csv": "Scopus CSV",
  medline: "PubMed (MEDLINE)",
  "pubmed-xml": "PubMed XML",
  "csl-json": "CSL-JSON",
  "arxiv-atom": "arXiv Atom",
  openalex: "OpenAlex",
  "semantic-scholar": "Semantic Scholar",
  profile: "profile page",
  "compact-profile": "compact profile page",
  trending: "trending list",
  "arxiv-listing": "arXiv listing",
  thesaurus: "thesaurus",
};

/** The readable name of a format id; null (nothing could read the file) -> "not recognised"; an unknown id as is. */
export function formatName(id: string | null): string {
  if (id === null) return "not recognised";
  return Object.prototype.hasOwnProperty.call(FORMAT_NAMES, id) ? FORMAT_NAMES[id as FormatId] : id;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "library.bib: BibTeX, 120 records, 2 diagnostics" (a thesaurus has no records: "thesaurus.csv: thesaurus, 0 diagnostics"). */
export function summaryLine(s: SourceSummary): string {
  const parts = [formatName(s.format)];
  if (s.format !== "thesaurus") parts.push(plural(s.records, "record"));
  parts.push(plural(s.diagnostics.length, "diagnostic"));
  return `${s.file}: ${parts.join(", ")}`;
}

/** "Built from 3 files: 60 records, 1 diagnostic". */
export function summaryHeadline(summaries: readonly SourceSummary[]): string {
  const records = summaries.reduce((n, s) => n + s.records, 0);
  const diagnostics = summaries.reduce((n, s) => n + s.diagnostics.length, 0);
  return `Built from ${plural(summaries.length, "file")}: ${plural(records, "record")}, ${plural(diagnostics, "diagnostic")}`;
}

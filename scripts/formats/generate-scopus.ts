/**
 * Synthetic Scopus CSV exports for speed tests: `generateScopus(n, seed)`, seeded, in the layout of 2023 on (every
 * cell quoted, 46 columns, `Author full names` with ids, `Authors with affiliations`, references ending in "(YYYY)"),
 * with a newline inside some abstracts so that multi-line cells are exercised.
 *   npx tsx scripts/formats/generate-scopus.ts --records 10000 --seed 1 --out tmp/scopus.csv
 */
import { runGenerator } from "./generator-cli";
import { generateRecords, type Person } from "./synthetic-records";

const HEADER = ["Authors", "Author full names", "Author(s) ID", "Title", "Year", "Source title", "Volume", "Issue", "Art. No.",
  "Page start", "Page end", "Page count", "Cited by", "DOI", "Link", "Affiliations", "Authors with affiliations", "Abstract",
  "Author Keywords", "Index Keywords", "Molecular Sequence Numbers", "Chemicals/CAS", "Tradenames", "Manufacturers",
  "Funding Details", "Funding Texts", "References", "Correspondence Address", "Editors", "Publisher", "Sponsors",
  "Conference name", "Conference date", "Conference location", "Conference code", "ISSN", "ISBN", "CODEN", "PubMed ID",
  "Language of Original Document", "Abbreviated Source Title", "Document Type", "Publication Stage", "Open Access", "Source", "EID"];

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
const short = (p: Person) => `${p.surname} ${p.given[0]}.${p.middle ? `${p.middle}.` : ""}`;
const full = (p: Person) => `${p.surname}, ${p.given}${p.middle ? ` ${p.middle}.` : ""}`;
const titleCase = (s: string) => s.toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase());

export function generateScopus(n: number, seed: number): string {
  const lines = [HEADER.map(quote).join(",")];
  for (const r of generateRecords(n, seed)) {
    const eid = `2-s2.0-${85000000000 + r.serial}`;
    const cell: Record<string, string> = {
      "Authors": r.authors.map(short).join("; "),
      "Author full names": r.authors.map((a) => `${full(a)} (${a.scopusId})`).join("; "),
      "Author(s) ID": r.authors.map((a) => a.scopusId).join("; "),
      "Title": r.title,
      "Year": String(r.year),
      "Source title": titleCase(r.venue),
      "Volume": r.volume,
      "Issue": r.issue,
      "Page start": String(r.pageStart),
      "Page end": String(r.pageEnd),
      "Page count": String(r.pageEnd - r.pageStart + 1),
      "Cited by": String(r.citations),
      "DOI": r.doi,
      "Link": `https://www.scopus.com/inward/record.uri?eid=${eid}&partnerID=40`,
      "Affiliations": [...new Set(r.authors.map((a) => a.affiliation))].join("; "),
      "Authors with affiliations": r.authors.map((a) => `${short(a)}, ${a.affiliation}`).join("; "),
      // A paragraph break in some abstracts, as Scopus keeps them.
      "Abstract": r.serial % 20 === 0 ? r.abstract.replace(". ", ".\n") : r.abstract,
      "Author Keywords": r.keywords.join("; "),
      "Index Keywords": r.indexKeywords.map(titleCase).join("; "),
      "References": r.references.map((c) => `${c.author.replace(/ (\w)(\w?)$/, (_m, a: string, b: string) => ` ${a}.${b ? `${b}.` : ""}`)}, ${c.source}, ${c.volume}, pp. ${c.page}-${c.page + 9}, (${c.year})`).join("; "),
      "Publisher": "Elsevier B.V.",
      "PubMed ID": r.pmid ?? "",
      "Language of Original Document": "English",
      "Document Type": r.type.replace("; Early Access", ""),
      "Publication Stage": "Final",
      "Source": "Scopus",
      "EID": eid,
    };
    lines.push(HEADER.map((h) => quote(cell[h] ?? "")).join(","));
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

function main(args: string[]): number {
  return runGenerator(args, "tsx scripts/formats/generate-scopus.ts --records N --seed S --out FILE", generateScopus);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

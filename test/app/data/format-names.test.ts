/** The names the explorer gives formats in its per-file summary, and the summary lines themselves. */
import { describe, expect, it } from "vitest";
import { formatName, summaryHeadline, summaryLine } from "../../../src/app/data/format-names";
import type { SourceSummary } from "../../../src/model/graph-file";

describe("formatName", () => {
  it("names every export and listing format the way researchers know them", () => {
    expect(
      ["bibtex", "ris", "wos", "wos-tab", "scopus-csv", "medline", "pubmed-xml", "csl-json", "arxiv-atom", "openalex", "semantic-scholar"].map(formatName),
    ).toEqual([
      "BibTeX", "RIS", "Web of Science", "Web of Science (tab-delimited)", "Scopus CSV", "PubMed (MEDLINE)", "PubMed XML", "CSL-JSON",
      "arXiv Atom", "OpenAlex", "Semantic Scholar",
    ]);
    expect(["profile", "compact-profile", "trending", "arxiv-listing", "thesaurus"].map(formatName)).toEqual([
      "profile page", "compact profile page", "trending list", "arXiv listing", "thesaurus",
    ]);
  });

  it("says when nothing could read a file, and passes an id it does not know through (a newer graph file)", () => {
    expect(formatName(null)).toBe("not recognised");
    expect(formatName("endnote-xml")).toBe("endnote-xml");
    // Not fooled by Object.prototype keys.
    expect(formatName("toString")).toBe("toString");
  });
});

describe("summaryLine and summaryHeadline", () => {
  const d = { file: "x", line: 3, severity: "warning" as const, message: "m" };
  const summaries: SourceSummary[] = [
    { file: "library.bib", format: "bibtex", records: 1200, diagnostics: [d, d] },
    { file: "savedrecs.txt", format: "wos", records: 1, diagnostics: [] },
    { file: "notes.txt", format: null, records: 0, diagnostics: [d] },
    { file: "thesaurus.csv", format: "thesaurus", records: 0, diagnostics: [] },
  ];

  it("names the detected format and the counts per file", () => {
    expect(summaries.map(summaryLine)).toEqual([
      "library.bib: BibTeX, 1,200 records, 2 diagnostics",
      "savedrecs.txt: Web of Science, 1 record, 0 diagnostics",
      "notes.txt: not recognised, 0 records, 1 diagnostic",
      "thesaurus.csv: thesaurus, 0 diagnostics",
    ]);
    expect(summaryHeadline(summaries)).toBe("Built from 4 files: 1,201 records, 3 diagnostics");
  });
});

import { readFileSync } from "node:fs";
import { cpuNow } from "../../../helpers/cpu-clock";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateMedline } from "../../../../scripts/formats/generate-pubmed";
import { readDocument } from "../../../../src/pipeline/formats";
import { medlineReader, readMedline } from "../../../../src/pipeline/formats/exports/medline";
import { parsePubmedDate } from "../../../../src/pipeline/formats/exports/pubmed-common";

// Fixture origins: test/fixtures/formats/pubmed/README.md
const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/formats/pubmed/${name}`, import.meta.url), "utf8");
const read = (text: string, file = "x.nbib") => readMedline(text, file);

describe("medline reader on real exports", () => {
  it("reads biopython's four 2006 records with their first lines, ids, dates and venues", () => {
    // biopython Tests/Medline/pubmed_result2.txt: the file starts with a blank line
    const { records, diagnostics } = read(fixture("medline-biopython-result2.txt"));
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.source.line, r.pmid])).toEqual([[2, "16403221"], [67, "16377612"], [127, "14871861"], [192, "14630660"]]);
    const [scop, genomeDiagram, cluster, pdb] = records;
    expect(scop).toMatchObject({
      format: "medline",
      title: "A high level interface to SCOP and ASTRAL implemented in python.",
      authors: ["James A. Casbon", "Gavin E. Crooks", "Mansoor A. S. Saqi"],
      authorsComplete: true,
      // AID lists the [pii] first: only the [doi] one is a DOI
      doi: "10.1186/1471-2105-7-10",
      venue: "BMC bioinformatics",
      volume: "7",
      pages: "10",
      // DP "2006" made precise by DEP 20060110 (same year)
      date: "2006-01-10",
      // the first PT as printed, even when it is not "Journal Article"
      publicationType: "Evaluation Studies",
    });
    // AD printed before the authors (the old layout) is the first author's; AU is each author's short form
    expect(scop!.authorInfo[0]).toEqual({
      orcid: null, ids: [],
      affiliations: ["Bioinformatics, Institute of Cell and Molecular Science, School of Medicine and Dentistry, Queen Mary, University of London, London EC1 6BQ, UK. j.a.casbon@qmul.ac.uk"],
      alternateNames: ["J. A. Casbon"],
    });
    expect(scop!.authorInfo[2]!.alternateNames).toEqual(["M. A. Saqi"]);
    expect(scop!.authorInfo[1]!.affiliations).toEqual([]);
    expect(scop!.abstract).toMatch(/^BACKGROUND: Benchmarking algorithms in structural bioinformatics often involves the construction of datasets/);
    expect(scop!.abstract).not.toMatch(/\s{2}/);
    // MeSH: major-topic stars removed, qualifiers kept
    expect(scop!.meshTerms.slice(0, 4)).toEqual(["Database Management Systems", "Databases, Protein", "Information Storage and Retrieval/methods", "Programming Languages"]);
    expect(genomeDiagram).toMatchObject({ issue: "5", pages: "616-7", date: "2006-03-01", doi: "10.1093/bioinformatics/btk021" });
    // FAU with initials only: "de Hoon, M J L"
    expect(cluster!.authors).toEqual(["M. J. L. de Hoon", "S. Imoto", "J. Nolan", "S. Miyano"]);
    expect(pdb!.meshTerms).toContain("Information Storage and Retrieval/methods/standards");
    expect(pdb!.doi).toBeNull();
  });

  it("joins continuation lines, including a MeSH heading broken across two lines", () => {
    // biopython Tests/Medline/pubmed_result3.txt (PMID 23039619): trailing spaces before some continuations
    const [rec] = read(fixture("medline-biopython-result3.txt")).records;
    expect(rec!.meshTerms).toContain("High-Intensity Focused Ultrasound Ablation/adverse effects/instrumentation/methods");
    expect(rec!.doi).toBe("10.1118/1.4748329");
    expect(rec!.date).toBe("2012-10");
    expect(rec!.abstract).toContain("three focal patterns were used to examine the ablation results");
    expect(rec!.abstract).toContain("RESULTS: Based on the results");
    expect(rec!.authorInfo[0]!.affiliations).toEqual(["School of Biomedical Engineering, Shanghai Jiao Tong University, Shanghai, People's Republic of China."]);
  });

  it("gives each AUID ORCID and each AD to the author printed before it", () => {
    // dvklopfenstein/pmidcite tests/data/pubmed_Kolmogorov2020.txt (PMID 33020656, 2020 layout)
    const [rec] = read(fixture("medline-pmidcite-kolmogorov2020.nbib")).records;
    expect(rec!.authors).toHaveLength(11);
    const orcids = rec!.authors.map((a, i) => [a, rec!.authorInfo[i]!.orcid]).filter(([, o]) => o);
    expect(orcids).toEqual([
      ["Mikhail Kolmogorov", "0000-0002-5489-9045"], ["Mikhail Rayko", "0000-0002-3737-1521"], ["Jeffrey Yuan", "0000-0003-3855-1994"],
      ["Timothy P. L. Smith", "0000-0003-1611-6828"], ["Pavel A. Pevzner", "0000-0002-0418-165X"],
    ]);
    expect(rec!.authorInfo[8]!.affiliations).toEqual([
      "Center for Algorithmic Biotechnology, St. Petersburg State University, St. Petersburg, Russia.",
      "Bioinformatics Institute, St. Petersburg, Russia.",
    ]);
    expect(rec!.authorInfo[10]!.affiliations[1]).toBe("Center for Microbiome Innovation, University of California, San Diego, CA, USA. ppevzner@ucsd.edu.");
    expect(rec!.authorInfo[9]!.alternateNames).toEqual(["T. P. L. Smith"]);
    // DP "2020 Nov"; DEP 20201005 is another month (online first): the journal date stays
    expect(rec!.date).toBe("2020-11");
    expect(rec!.venue).toBe("Nature methods");
  });

  it("reads a placeholder PMID, a book chapter and an 'et al.' byline from Zotero's translator tests", () => {
    // zotero/translators MEDLINEnbib.js test cases 1-3, concatenated
    const { records, diagnostics } = read(fixture("medline-zotero-tests.nbib"));
    expect(records.map((r) => r.source.line)).toEqual([1, 12, 92, 142]);
    // "PMID- 000000000000" is no PubMed id: a warning, and the record is still read
    expect(diagnostics).toEqual([{ file: "x.nbib", line: 1, severity: "warning", message: expect.stringContaining('"PMID- 000000000000" is not a PubMed id') }]);
    expect(records[0]).toMatchObject({ pmid: null, title: "Mickey Mouse had an O-some day!", authors: ["Mickey Mouse"] });
    const chapter = records[2]!;
    // editors (FED/ED) are not authors; the book title (BTI) is the chapter's venue
    expect(chapter).toMatchObject({ pmid: "21249755", title: "Peutz-Jeghers Syndrome", venue: "Cancer Syndromes", publicationType: "Book Chapter", date: "2009" });
    expect(chapter.authors).toEqual(["Douglas Riegert-Johnson", "Ferga C. Gleeson", "Wytske Westra", "Timothy Hefferon", "Louis M. Wong Kee Song", "Lauren Spurck", "Lisa A. Boardman"]);
    // a 1993 record whose byline PubMed cut with "AU  - et al."
    const dynamin = records[3]!;
    expect(dynamin.authorsComplete).toBe(false);
    expect(dynamin.authors).toHaveLength(10);
    expect(dynamin.authors).not.toContain("et al.");
    expect(dynamin.doi).toBeNull(); // only a [pii] AID
  });

  it("reads ERIC's .nbib variant: no PMIDs (no warning), full names in AU, a bare doi.org AID", () => {
    // zotero/translators MEDLINEnbib.js test case 5, first three records
    const { records, diagnostics } = read(fixture("medline-zotero-eric.nbib"));
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.source.line)).toEqual([2, 29, 59]);
    expect(records[0]!.authors).toEqual(["Maaike M. van Groen", "Theo J. H. M. Eggen"]);
    expect(records[0]!.keywords).toContain("Computer Assisted Testing");
    expect(records[1]).toMatchObject({ doi: "10.1186/s40468-019-0086-7", date: "2019" }); // DP "Article 10 2019"
    expect(records[2]!.venue).toBe("ACT, Inc.");
  });

  it("keeps a collective author (CN) out of the byline, in groupAuthors", () => {
    // PMID 19465464 (BMJ 2009), see the fixtures README
    const [rec] = read(fixture("medline-cn-19465464.nbib")).records;
    expect(rec!.authors).toEqual(["Amanda I. Adler", "Elizabeth J. Shaw", "Tim Stokes", "Francis Ruiz"]);
    expect(rec!.groupAuthors).toEqual(["Guideline Development Group"]);
    expect(rec!.doi).toBe("10.1136/bmj.b1668");
    expect(rec!.date).toBe("2009-05-22");
    expect(rec!.venue).toBe("BMJ (Clinical research ed.)");
    expect(rec!.meshTerms).toContain("Diabetes Mellitus, Type 2/drug therapy");
  });
});

describe("medline reader on awkward records", () => {
  const record = (...lines: string[]) => read(lines.join("\n")).records[0]!;

  it("puts a generational suffix after the surname, in full and short form", () => {
    // constructed: the FAU/AU form PubMed prints for "Mack Roach III" (e.g. PMID 31452104)
    const rec = record("PMID- 1", "TI  - T.", "FAU - Roach, Mack 3rd", "AU  - Roach M 3rd", "FAU - Smith, Jr, John", "AU  - Smith J Jr");
    expect(rec.authors).toEqual(["Mack Roach 3rd", "John Smith Jr"]);
    expect(rec.authorInfo.map((i) => i.alternateNames)).toEqual([["M. Roach 3rd"], ["J. Smith Jr"]]);
  });

  it("attaches AD after a CN, an editor or an investigator to nobody, not to the previous author", () => {
    // constructed: a group author and an investigator with their own addresses and ids
    const rec = record(
      "PMID- 2", "TI  - T.", "FAU - Lee, Ann", "AU  - Lee A", "AD  - Ann's lab.", "CN  - Study Group", "AD  - Group office.",
      "FIR - Park, Bo", "IR  - Park B", "AUID- ORCID: 0000-0002-1825-0097", "IRAD- Bo's lab.", "FAU - Kim, Cy", "AU  - Kim C",
    );
    expect(rec.authors).toEqual(["Ann Lee", "Cy Kim"]);
    expect(rec.groupAuthors).toEqual(["Study Group"]);
    expect(rec.authorInfo.map((i) => [i.affiliations, i.orcid])).toEqual([[["Ann's lab."], null], [[], null]]);
  });

  it("checks ORCID checksums, reads ORCIDs without hyphens, keeps other author ids with their source", () => {
    // constructed: ORCID forms seen in exports (hyphen-less in a public MEDLINE test, a mistyped last digit)
    const { records, diagnostics } = read([
      "PMID- 3", "TI  - T.",
      "FAU - A, Ann", "AU  - A A", "AUID- ORCID: 0000000218250097",
      "FAU - B, Bo", "AU  - B B", "AUID- ORCID: 0000-0002-1825-0098",
      "FAU - C, Cy", "AU  - C C", "AUID- ISNI: 0000 0001 2103 2683",
    ].join("\n"));
    expect(records[0]!.authorInfo.map((i) => [i.orcid, i.ids])).toEqual([["0000-0002-1825-0097", []], [null, []], [null, ["isni:0000 0001 2103 2683"]]]);
    expect(diagnostics).toEqual([{ file: "x.nbib", line: 8, severity: "warning", message: expect.stringContaining("not a valid ORCID iD") }]);
  });

  it("reads every DP form PubMed prints, as precise as printed", () => {
    // NLM's DP forms (https://www.nlm.nih.gov/bsd/mms/medlineelements.html#dp) plus ERIC's month-first forms
    const cases: [string, string | null][] = [
      ["2019 Jan-Feb", "2019-01"], ["2020 Spring", "2020"], ["2019 Dec 12", "2019-12-12"], ["2021", "2021"],
      ["1998 Dec-1999 Jan", "1998-12"], ["2019 Dec 12-19", "2019-12-12"], ["2000-2001", "2000"], ["2019 Feb 30", "2019-02"],
      ["Apr 2019", "2019-04"], ["Apr 14, 2019", "2019-04-14"], ["Fall 2017", "2017"], ["2019 Sept", "2019-09"], ["2019 Junk", "2019"],
      ["In press", null], ["8/15/12", null],
    ];
    for (const [dp, date] of cases) expect([dp, parsePubmedDate(dp)]).toEqual([dp, date]);
    const { records, diagnostics } = read("PMID- 4\nTI  - T.\nDP  - In press\n");
    expect(records[0]!.date).toBeNull();
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[3, expect.stringContaining('"DP  - In press" has no year')]]);
  });

  it("does not read PubMed text as LaTeX: dollar signs and backslashes stay", () => {
    // constructed: an abstract with prices (cleanText would take "$5 to $" for inline math)
    expect(record("PMID- 5", "TI  - Costs of care.", "AB  - It cost $5 to $10 per dose; path C:\\data.").abstract).toBe("It cost $5 to $10 per dose; path C:\\data.");
  });

  it("reads keywords (OT), and the title from BTI for a whole book", () => {
    // constructed: a book record (NCBI Bookshelf) has BTI and no TI
    const rec = record("PMID- 6", "BTI - Cancer Syndromes", "PB  - NCBI", "OT  - Peutz-Jeghers", "OT  - polyps", "DP  - 2009");
    expect(rec).toMatchObject({ title: "Cancer Syndromes", venue: null, keywords: ["Peutz-Jeghers", "polyps"] });
  });
});

describe("medline reader on malformed input", () => {
  it("reports lines before the first record, a fragment without PMID/title/author, and reads the rest", () => {
    // constructed: a saved page header, two records, a fragment left by a blank line inside the second record
    const text = [
      "Search results: 2", // 1
      "", // 2
      "PMID- 11", // 3
      "TI  - First.", // 4
      "", // 5
      "PMID- 12", // 6
      "TI  - Second.", // 7
      "", // 8
      "LA  - eng", // 9
      "PT  - Journal Article", // 10
    ].join("\n");
    const { records, diagnostics } = read(text);
    expect(records.map((r) => [r.source.line, r.title])).toEqual([[3, "First."], [6, "Second."]]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[1, "warning"], [9, "error"]]);
    expect(diagnostics[1]!.message).toContain("lines 9-10 have no PMID, title or author");
  });

  it("reads a record without PMID, with a warning naming its line", () => {
    // constructed: a record whose PMID line was lost
    const { records, diagnostics } = read("PMID- 21\nTI  - A.\n\nTI  - No id.\nFAU - Lee, Ann\n");
    expect(records.map((r) => [r.source.line, r.pmid, r.title])).toEqual([[1, "21", "A."], [4, null, "No id."]]);
    expect(diagnostics).toEqual([{ file: "x.nbib", line: 4, severity: "warning", message: expect.stringContaining("record has no PMID- line") }]);
  });

  it("splits records concatenated without a blank line at each PMID", () => {
    // constructed: two exports pasted together
    const { records } = read("PMID- 31\nTI  - A.\nPMID- 32\nTI  - B.\n");
    expect(records.map((r) => [r.source.line, r.pmid, r.title])).toEqual([[1, "31", "A."], [3, "32", "B."]]);
  });

  it("accepts continuation lines whose indentation an editor stripped, and a file cut mid-field", () => {
    // constructed: the last record is cut inside its abstract, with no final newline
    const { records, diagnostics } = read("PMID- 41\nTI  - A long\ntitle.\nAB  - Cut here and");
    expect(diagnostics).toEqual([]);
    expect(records[0]).toMatchObject({ title: "A long title.", abstract: "Cut here and" });
  });

  it("gives the same records and lines with CRLF or CR line ends and a BOM through readDocument", () => {
    // the biopython fixture re-saved the Windows way and the old Mac way
    const text = fixture("medline-biopython-result2.txt");
    const base = readDocument({ file: "a.nbib", text }).records;
    for (const eol of ["\r\n", "\r"]) {
      const doc = readDocument({ file: "a.nbib", text: "\uFEFF" + text.replace(/\n/g, eol) });
      expect(doc.format).toBe("medline");
      expect(doc.records).toEqual(base);
    }
  });

  it("never throws on arbitrary text, and every diagnostic names a line of the input", () => {
    // property: random mixes of MEDLINE-looking lines and noise
    const line = fc.oneof(
      fc.constantFrom("PMID- 1", "PMID- x", "TI  - t", "FAU - ,", "AU  - ", "AU  - et al.", "AUID- ORCID:", "AD  - a", "CN  - g", "DP  - ", "", "      more", "\t", "junk"),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
      const text = lines.join("\n");
      const { records, diagnostics } = read(text);
      const count = text.split(/\r\n|\r|\n/).length;
      for (const d of diagnostics) expect(d.line >= 1 && d.line <= count).toBe(true);
      for (const r of records) expect(r.authorInfo.length === 0 || r.authorInfo.length === r.authors.length).toBe(true);
    }), { numRuns: 300 });
  });

  it("stays linear on a field continued over 100,000 lines and on 20,000 one-line records", () => {
    // constructed: long continuations (string building) and many tiny records
    const t0 = cpuNow();
    const long = read(`PMID- 1\nTI  - T.\nAB  - start\n${"      more words\n".repeat(100000)}`);
    expect(long.records[0]!.abstract!.length).toBe(5 + 100000 * 11);
    const many = read(Array.from({ length: 20000 }, (_, i) => `PMID- ${i + 1}`).join("\n"));
    expect(many.records).toHaveLength(20000);
    expect(cpuNow() - t0).toBeLessThan(10000);
  });

  it("reads every generated record (seeded, 500 records) without a diagnostic", () => {
    // scripts/formats/generate-pubmed.ts: the generator used for the speed runner
    const { records, diagnostics } = read(generateMedline(500, 7));
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(500);
    expect(records.every((r) => r.pmid && r.title && r.authors.length > 0 && r.date && r.doi)).toBe(true);
  });
});

describe("medline detection", () => {
  it("is detected by content, also under a wrong file name", () => {
    // biopython fixture saved as .bib
    const doc = readDocument({ file: "export.bib", text: fixture("medline-pmidcite-kolmogorov2020.nbib") });
    expect(doc.format).toBe("medline");
    expect(doc.records).toHaveLength(1);
  });

  it("sniffs PMID lines with other MEDLINE tags and ERIC exports, not RIS or prose", () => {
    // constructed heads
    expect(medlineReader.sniff(fixture("medline-biopython-result3.txt"))).toBe(true);
    expect(medlineReader.sniff(fixture("medline-zotero-eric.nbib"))).toBe(true);
    expect(medlineReader.sniff("TY  - JOUR\nTI  - A\nPMID- 123\nER  - \n")).toBe(false);
    expect(medlineReader.sniff("Notes\nPMID- 12345 is the one to cite.\n")).toBe(false);
    expect(medlineReader.sniff("@article{x, title={PMID- 1}}")).toBe(false);
  });
});

import { readFileSync } from "node:fs";
import { cpuNow } from "../../../helpers/cpu-clock";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { detectExport } from "../../../../src/pipeline/formats/exports";
import { readRis, risReader, sniffRis } from "../../../../src/pipeline/formats/exports/ris";
import { chooseDate, parseRisDate } from "../../../../src/pipeline/formats/exports/ris-fields";
import { isOrganisationName as isGroupAuthor } from "../../../../src/pipeline/formats/organisations";

// Fixture origins: test/fixtures/formats/ris/SOURCES.md (mostly asreview/citation-file-formatting, CC0).
const FIXTURES = new URL("../../../fixtures/formats/ris/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");
const read = (text: string) => readRis(text, "in/x.ris");
const lines = (...l: string[]) => l.join("\n") + "\n";

describe("sniffRis", () => {
  it("recognises every fixture by content, including the ones that start with Ovid numbers or a provider envelope", () => {
    for (const name of ["scopus", "wos", "ovid-eric", "ovid-psycinfo", "ebsco", "ieee-xplore", "zotero", "endnote", "mendeley",
      "openalex", "cochrane", "lens", "rayyan", "google-scholar", "pubmed"]) {
      const text = fixture(`${name}.ris`).replace(/^\uFEFF/, "");
      expect(sniffRis(text), name).toBe(true);
      expect(detectExport(text)?.format, name).toBe("ris");
    }
  });

  it("accepts leading blank lines, a bare 1., and one-space tags", () => {
    // rispy tests/data/example_starting_newlines.ris and example_full_without_whitespace.ris; Zotero RIS.js test 3 (TY - JOUR)
    expect(sniffRis("\n\nTY  - JOUR\nAU  - Shannon,Claude E.\nER  - \n")).toBe(true);
    expect(sniffRis("1.\nTY  - JOUR\nID  - 12345\n")).toBe(true);
    expect(sniffRis("TY - JOUR\nAB - Optimal integration\n")).toBe(true);
    expect(sniffRis("\r\n\r\nTY  - JOUR\r\nER  -\r\n")).toBe(true);
  });

  it("rejects other tagged formats, prose, and a TY line not followed by tags", () => {
    // constructed starts of MEDLINE (PubMed .nbib), WoS plain text, BibTeX, a listing, prose
    expect(sniffRis("PMID- 31452104\nOWN - NLM\nTI  - A title\n")).toBe(false);
    expect(sniffRis("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Parkes-Loach, PS\n")).toBe(false);
    expect(sniffRis("@article{x,\n  title={TY  - JOUR}\n}\n")).toBe(false);
    expect(sniffRis("CVAug 11, 2023\nA title\n\nAnn Lee, Bo Chen\n")).toBe(false);
    expect(sniffRis("TY  - JOUR\nand then a paragraph of prose that is not a tag line\n")).toBe(false);
    expect(sniffRis("one\ntwo\nthree\nfour\nTY  - JOUR\nAU  - X\n")).toBe(false);
    expect(sniffRis("TY  - \nAU  - X\n")).toBe(false); // no type: not enough to claim the file
  });
});

describe("risReader: dialects", () => {
  it("Scopus: initials with dots, T2 venue, C7 article number, PubMed id in C2, EID in the link, Cited By in N1", () => {
    // scopus.ris: asreview _baseline_scopus.ris records 1-2 (BOM, LF)
    const r = read(fixture("scopus.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({
      source: { file: "in/x.ris", line: 1 },
      format: "ris",
      title: "Global latitudinal gradients and the evolution of body size in dinosaurs and mammals",
      authors: ["L. N. Wilson", "J. D. Gardner", "J. P. Wilson", "A. Farnsworth", "Z. R. Perry", "P. S. Druckenmiller", "G. M. Erickson", "C. L. Organ"],
      authorsComplete: true,
      date: "2024",
      venue: "Nature Communications",
      volume: "15", issue: "1", pages: "2864",
      doi: "10.1038/s41467-024-46843-2",
      pmid: "38580657",
      scopusId: "2-s2.0-85189760133",
      citationCount: 2,
      publicationType: "JOUR",
      abstract: "Global climate patterns fundamentally shape the distribution of species and ecosystems.",
    });
    expect(r.records[0]!.affiliation).toMatch(/^University of Alaska Museum, 1962 Yukon Drive.*; Department of Geosciences/);
    // Scopus mixes author and index keywords, with repeats ("body size" twice in the full record): kept once each, as printed.
    expect(r.records[0]!.keywords.slice(0, 3)).toEqual(["Animals", "Biological Evolution", "Body Size"]);
    expect(r.records[0]!.keywords).toContain("body size");
    expect(r.records[1]).toMatchObject({ source: { line: 46 }, pages: "1084-1092", authors: expect.arrayContaining(["R. T. Müller"]), citationCount: 4, pmid: "36971057" });
  });

  it("Web of Science: AN WOS:, DA month-day joined to PY's year, indented abstract lines, Times Cited note", () => {
    // wos.ris: asreview _baseline_webofscience.ris records 1-2 (BOM)
    const r = read(fixture("wos.ris"));
    expect(r.diagnostics).toEqual([]);
    const [a, b] = r.records;
    expect(a).toMatchObject({
      authors: ["S. D. Sampson", "M. A. Loewen", "A. A. Farke", "E. M. Roberts", "C. A. Forster", "J. A. Smith", "A. L. Titus"],
      wosId: "WOS:000282053100002",
      date: "2010-09-22", // DA  - SEP 22 + PY  - 2010
      venue: "PLOS ONE",
      pages: "e12292", // C7: article number
      doi: "10.1371/journal.pone.0012292",
      citationCount: 142,
      pmid: null,
    });
    // The three abstract lines (indented by three spaces) are one abstract.
    expect(a!.abstract).toMatch(/^Background: During much .* landmasses\. Methodology\/Principal Findings: Here we describe .* Conclusions\/Significance: /);
    expect(a!.keywords).toEqual(["1ST CERATOPSID DINOSAUR", "KAIPAROWITS FORMATION", "WESTERN INTERIOR", "40AR/39AR AGE", "SOUTHERN UTAH", "BODY-SIZE", "EVOLUTION", "FACIES"]);
    expect(b).toMatchObject({ title: "Dinosaur footprints from Arizona", authors: ["E. S. Riggs"], date: "1904", pages: "423-424", citationCount: 1, abstract: null });
  });

  it("Ovid ERIC: bare record numbers, A1/T1/N2/JF, Y1 with slashes, ER with trailing spaces and a space-only line", () => {
    // ovid-eric.ris: asreview _baseline_eric_ovid.ris records "6." and "47."
    const r = read(fixture("ovid-eric.ris"));
    expect(r.diagnostics).toEqual([]); // "6. ", "47. " and the " " line after "ER  -  " are not text outside records
    expect(r.records.map((x) => [x.source.line, x.title, x.date])).toEqual([
      [2, "Creationism and the Dinosaur Boom.", "1989"],
      [37, "Dinosaurs and Other Dangers: Navigational Play in a World of Trouble", "2017"],
    ]);
    expect(r.records[1]).toMatchObject({
      authors: ["Charles Underwood", "Mara Welsh Mahmood", "Dirce M F Pranzetti", "Maria Cecilia Toloza O Costa"],
      venue: "International Journal for Research on Extended Education",
      volume: "5", issue: "1", pages: "76-99",
      pmid: null, // ID EJ1251011 is ERIC's accession number
    });
    expect(r.records[0]!.abstract).toMatch(/^Discusses books and materials published by creationist organizations/);
  });

  it("Ovid PsycInfo: A2 holds cited authors (not authors), AI gives an ORCID, DO is a dx.doi.org link, * marks dropped", () => {
    // ovid-psycinfo.ris: asreview _baseline_psychInfo_ovid.ris record "2."
    const [rec, ...rest] = read(fixture("ovid-psycinfo.ris")).records;
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({
      authors: ["Amy Keefer", "Roma A Vasa"],
      doi: "10.1186/s11689-021-09396-9",
      date: "2021",
      venue: "Journal of Neurodevelopmental Disorders",
      keywords: ["Anxiety Management", "Autism Spectrum Disorders", "Cognitive Behavior Therapy", "Integrated Services", "Parents"],
    });
    expect(rec!.authorInfo.map((i) => i.orcid)).toEqual(["0000-0001-6931-0232", null]);
  });

  it("EBSCO: Y1 with a trailing slash, the copyright AB dropped, DOI only in L3, accession number not a PubMed id", () => {
    // ebsco.ris: asreview _baseline_cinahl.ris records 1-2
    const r = read(fixture("ebsco.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.date, x.doi, x.pmid, x.pages])).toEqual([
      ["2024-04-03", "10.1371/journal.pone.0298242", null, "1-60"],
      ["2024-03-06", "10.1371/journal.pone.0298957", null, "1-79"],
    ]);
    expect(r.records[0]!.authors).toEqual(["Kristina Curry Rogers", "Ricardo N. Martínez", "Carina Colombi", "Raymond R. Rogers", "Oscar Alcober"]);
    expect(r.records[0]!.abstract).toMatch(/^Dinosauria debuted/);
    expect(r.records[0]!.abstract).not.toContain("Copyright of PLoS ONE");
  });

  it("IEEE Xplore: mixed line ends, free-text Y1 dates, display-order names, empty tags", () => {
    // ieee-xplore.ris: NLeSC/litstudy tests/resources/example.ris records 1-3, bytes as exported (CRLF, then "\r\n\n\r" between records)
    const text = fixture("ieee-xplore.ris");
    expect(text).toContain("ER  - \r\n\n\rTY  - CONF");
    const r = read(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.date, x.publicationType])).toEqual([
      [1, "2019-01", "JOUR"], // "1 Jan.-Feb. 2019": a two-month issue, no day
      [27, "2019-09-24", "CONF"], // "24-27 Sept. 2019": the first day of the conference
      [63, "2021-06", "JOUR"], // "June 2021"
    ]);
    // IEEE prints the first author twice; two people of one name can share a paper, so both slots stay.
    expect(r.records[0]!.authors).toEqual(["G. Kalbe", "G. Kalbe"]);
    expect(r.records[1]).toMatchObject({ volume: null, issue: null, pages: "479-487", venue: "2019 15th International Conference on eScience (eScience)" });
    expect(r.records[1]!.authors.slice(0, 3)).toEqual(["M. Bobák", "L. Hluchy", "A. S. Z. Belloum"]);
  });

  it("Zotero: CRLF, DA 2024/// beside PY", () => {
    // zotero.ris: asreview _baseline_zotero.ris records 1-2
    const r = read(fixture("zotero.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.date, x.venue, x.doi, x.pages])).toEqual([
      [1, "2024", "Nature Communications", "10.1038/s41467-024-48400-3", null],
      [28, "2024", "Scientific reports", "10.1038/s41598-024-65283-y", "14316"],
    ]);
    expect(r.records[0]!.keywords).toEqual(["article", "controlled study", "animal tissue", "nonhuman", "cell structure", "standing"]);
  });

  it("EndNote: unindented continuation lines are further keywords; ID is EndNote's record number, not a PubMed id", () => {
    // endnote.ris: asreview _baseline_endnote.ris records 1-2 (DB "Embase\nMedline", ID 889 / DB "Medline", ID 887)
    const r = read(fixture("endnote.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0]!.keywords).toEqual(["article", "biostratigraphy", "Colorado", "dinosaur", "nonhuman", "tibia", "transverse process", "Upper Jurassic"]);
    expect(r.records.map((x) => [x.pmid, x.doi, x.title])).toEqual([
      [null, "10.1002/ar.25520", "Description of a new specimen of Haplocanthosaurus from the Dry Mesa Dinosaur Quarry"],
      [null, "10.1186/s12862-024-02210-9", "A juvenile bird with possible crown-group affinities from a dinosaur-rich Cretaceous ecosystem in North America"],
    ]);
    expect(r.records[0]!.affiliation).toBe("M. Wedel, Western University of Health Sciences, Pomona, CA, United States");
  });

  it("Mendeley: records with no blank line between them", () => {
    // mendeley.ris: asreview _baseline_mendeley.ris records 1-2
    const r = read(fixture("mendeley.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.authors, x.issue])).toEqual([
      [1, ["C. Boisvert", "B. Curtice", "M. Wedel", "R. Wilhite"], null],
      [20, ["D. A. Eberth"], "1 January"],
    ]);
  });

  it("OpenAlex: C1 lines after each AU are that author's affiliations; ISO DA", () => {
    // openalex.ris: asreview _baseline_openalex.ris record 1
    const [rec] = read(fixture("openalex.ris")).records;
    expect(rec).toMatchObject({ date: "2024-02-01", doi: "10.1016/j.cretres.2023.105752", pages: "105752", affiliation: null });
    expect(rec!.authors).toEqual(["Alba Vicente", "Josep Sanjuan", "Jordi Pérez-Cano", "Khaled Trabelsi", "Carles Martín–Closas"]);
    expect(rec!.authorInfo.map((i) => i.affiliations.length)).toEqual([4, 2, 4, 3, 2]);
    expect(rec!.authorInfo[3]!.affiliations[0]).toBe("Department of Earth Sciences, Faculty of Sciences of Sfax, University of Sfax, 3038, Sfax, Tunisia");
  });

  it("Cochrane: the provider envelope before each record, two spaces after the dash, PUBMED id in C3", () => {
    // cochrane.ris: asreview _baseline_cochrane_endnote.ris records 1-2
    const r = read(fixture("cochrane.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.pmid, x.venue, x.pages, x.doi])).toEqual([
      [5, "21314913", "Trials", "39", "10.1186/1745-6215-12-39"],
      [36, "38407106", "Developmental psychology", "1279‐1297", "10.1037/dev0001710"], // "PUBMED 38407106,EMBASE 643589775"
    ]);
    expect(r.records[0]!.keywords[0]).toBe("school health service");
  });

  it("Lens.org: CRLF, unindented abstract continuation joined, PubMed id from a PubMed link", () => {
    // lens.ris: asreview _baseline.ris records 10-11
    const r = read(fixture("lens.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.pmid, x.date, x.pages])).toEqual([["33333165", "2020-12-14", "79-87"], ["28794855", "2017-08-08", "24"]]);
    expect(r.records[1]!.abstract).toBe(
      "Background: The European Academy of Allergy and Clinical Immunology (EAACI) is developing Guidelines on Allergen Immunotherapy (AIT) for Allergic Rhinoconjunctivitis (ARC). To inform the development of recommendations, we sought to critically assess the systematic review evidence on the effectiveness, safety and cost-effectiveness of AIT for ARC.",
    );
    expect(r.records[0]!.authors[4]).toBe("Rob J.P.M. Scholten");
  });

  it("Rayyan: a DOI line with another tag glued to it", () => {
    // rayyan.ris: asreview _baseline_rayyan.ris record 1 ("DO  - 10.1038/…     LK  - https://…")
    const [rec] = read(fixture("rayyan.ris")).records;
    expect(rec).toMatchObject({ doi: "10.1038/s41467-024-48400-3", venue: "Nat. Commun.", pmid: null, date: "2024" });
  });

  it("Google Scholar: A1 names, Y1 year, JO venue, no DOI", () => {
    // google-scholar.ris: asreview _baseline_googlescholar.ris records 1-2
    const r = read(fixture("google-scholar.ris"));
    expect(r.records.map((x) => [x.authors, x.date, x.venue, x.doi])).toEqual([
      [["Paul M Barrett", "Katherine J Willis"], "2001", "Biological Reviews", null],
      [["Paul M Barrett", "Emily J Rayfield"], "2006", "Trends in Ecology & Evolution", null],
    ]);
  });

  it("PubMed-derived RIS: Ovid MEDLINE's ID and EndNote's AN with DP NLM are PubMed ids; 'Wilson LN' names", () => {
    // pubmed.ris: constructed (see SOURCES.md), the Scopus fixture's paper in both shapes
    const r = read(fixture("pubmed.ris"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.pmid, x.date, x.authors[0]])).toEqual([
      [2, "38580657", "2024", "Lauren N Wilson"],
      [21, "38580657", "2024-04-06", "L. N. Wilson"],
    ]);
    expect(r.records[0]!.keywords).toEqual(["Animals", "Dinosaurs", "Body Size"]);
    expect(r.records[0]!.venue).toBe("Nature communications"); // JF before JA
  });
});

describe("risReader: awkward cases", () => {
  it("reads CRLF, LF, CR and mixed line ends alike, with the same line numbers", () => {
    // scopus.ris with its line ends rewritten
    const lf = fixture("scopus.ris");
    const variants = [lf.replace(/\n/g, "\r\n"), lf.replace(/\n/g, "\r"), lf.split("\n").map((l, i) => l + (i % 3 === 0 ? "\r\n" : i % 3 === 1 ? "\n" : "\r")).join("")];
    const base = read(lf);
    for (const v of variants) expect(read(v)).toEqual(base);
  });

  it("drops a byte-order mark at the start and one left inside by concatenating two exports", () => {
    // constructed: two BOM-prefixed exports (Scopus and WoS write a BOM) joined with cat
    const one = "\uFEFFTY  - JOUR\nTI  - One\nAU  - Lee, A.\nER  -\n";
    const r = read(one + one.replace("One", "Two"));
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[1, "One"], [5, "Two"]]);
  });

  it("takes one-space tags (EndNote) and finds a DOI written in N1", () => {
    // Zotero translators RIS.js import test 3 (an EndNote export), abridged
    const r = read(lines(
      "TY - JOUR",
      "AU - CASTOE, TODD A.",
      "AU - KONING, A. P. JASON de",
      "L1 - internal-pdf://2009 Castoe Mol Eco Resources-1114744832/2009 Castoe Mol Eco Resources.pdf",
      "internal-pdf://sm001-1634838528/sm001.pdf",
      "N1 - 10.1111/j.1755-0998.2009.02750.x",
      "PY - 2009",
      "T2 - Molecular Ecology Resources",
      "TI - Rapid identification of thousands of copperhead snake (Agkistrodon contortrix) microsatellite loci",
      "ER -",
    ));
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0]).toMatchObject({
      authors: ["TODD A. CASTOE", "A. P. JASON de KONING"], // spelling kept, order display
      doi: "10.1111/j.1755-0998.2009.02750.x",
      date: "2009",
      venue: "Molecular Ecology Resources",
    });
  });

  it("keeps a one-space 'XX - ' line inside a two-space record as text", () => {
    // constructed: an abstract wrapped so that a line starts "T1 - weighted", in a file that uses two-space tags
    const r = read(lines("TY  - JOUR", "TI  - Lesion maps", "AB  - We compared T2 and", "T1 - weighted images.", "ER  - "));
    expect(r.records[0]!.abstract).toBe("We compared T2 and T1 - weighted images.");
    expect(r.records[0]!.title).toBe("Lesion maps");
  });

  it("joins continuation lines of text fields and of the title; keeps a blank line inside a record from ending the field", () => {
    // Zotero translators RIS.js import test 0 (T1 on two lines); constructed blank line inside N2 (Zotero writes notes so)
    const r = read(lines(
      "TY  - JOUR", "A1  - Baldwin,S.A.", "A1  - Fugaccia,I.", "T1  - Blood-brain barrier breach following", "cortical contusion in the rat",
      "JO  - J.Neurosurg.", "Y1  - 1996", "N2  - First paragraph.", "", "Second paragraph.", "ER  - ",
    ));
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0]).toMatchObject({
      title: "Blood-brain barrier breach following cortical contusion in the rat",
      authors: ["S. A. Baldwin", "I. Fugaccia"], // "Surname,G.G." without a space after the comma
      abstract: "First paragraph. Second paragraph.",
      venue: "J.Neurosurg.",
      date: "1996",
    });
  });

  it("reads trailing spaces, 'ER  -' without a space, 'ER' alone and tag lines with empty values", () => {
    // constructed from the variants seen in the fixtures (Ovid "ER  -  ", Scopus "ER  -", rispy "SP  -")
    const r = read("TY  - JOUR  \nTI  - A   \nAU  - Lee, A.\nSP  -\nER\nTY  - JOUR\nTI  - B\nER  -  \n \nTY  - BOOK\nTI  - C\nER  -\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => [x.title, x.publicationType, x.pages])).toEqual([["A", "JOUR", null], ["B", "JOUR", null], ["C", "BOOK", null]]);
  });

  it("treats lower-case tags as text: no exporter writes them, and abstracts contain 'ab - initio'", () => {
    // constructed
    const r = read(lines("TY  - JOUR", "TI  - Methods", "AB  - We use", "ab - initio calculations.", "au  - Not An Author", "ER  - "));
    expect(r.records[0]!.abstract).toBe("We use ab - initio calculations. au - Not An Author");
    expect(r.records[0]!.authors).toEqual([]);
  });

  it("splits keywords on semicolons, one value per unindented continuation line, never on commas", () => {
    // Zotero translators RIS.js import test 2 ("KW  - Keyword1, Keyword2, Keyword3\nKeyword4; Keyword5"); Scopus "Models, Biological"
    const r = read(lines("TY  - JOUR", "TI  - T", "KW  - Keyword1, Keyword2, Keyword3", "Keyword4; Keyword5", "KW  - Models, Biological;; *Dinosaurs ;", "KW  - Keyword4", "ER  - "));
    expect(r.records[0]!.keywords).toEqual(["Keyword1, Keyword2, Keyword3", "Keyword4", "Keyword5", "Models, Biological", "Dinosaurs"]);
  });

  it("reads AU and A1 in file order; editors and other contributors (A2, A3, A4, ED) are not authors", () => {
    // Zotero translators RIS.js import test 8 (mixed A1/AU); refdb-style CPAPER sample seen in public parser tests (A2/ED/A3)
    const mixed = read(lines("TY  - JOUR", "TI  - Mixed author tags", "A1  - Georgiev, Danko", "AU  - Bello, Leon", "AU  - Carmi, Avishy", "ER  - "));
    expect(mixed.records[0]!.authors).toEqual(["Danko Georgiev", "Leon Bello", "Avishy Carmi"]);
    const conf = read(lines("TY  - CPAPER", "T1  - The title of the paper", "AU  - Author, Ann", "A2  - Smith, John L", "ED  - Doe, Jane P",
      "A3  - Translator, Name A", "A4  - Translator, Name B", "ER  - "));
    expect(conf.records[0]!.authors).toEqual(["Ann Author"]);
  });

  it("sets organisations apart as group authors, marks 'et al.' as an incomplete byline, and drops 'Anonymous'", () => {
    // constructed from group names as PubMed/Scopus print them
    const r = read(lines(
      "TY  - JOUR", "TI  - Genome-wide association study",
      "AU  - Smith, J.", "AU  - International Multiple Sclerosis Genetics Consortium", "AU  - Wellcome Trust Case Control Consortium 2",
      "AU  - Writing Committee for the REMAP-CAP Investigators", "AU  - GBD 2019 Diseases and Injuries Collaborators", "AU  - et al.", "ER  - ",
      "TY  - JOUR", "TI  - Editorial", "AU  - Anonymous", "ER  - ",
    ));
    expect(r.records[0]).toMatchObject({
      authors: ["J. Smith"],
      groupAuthors: ["International Multiple Sclerosis Genetics Consortium", "Wellcome Trust Case Control Consortium 2",
        "Writing Committee for the REMAP-CAP Investigators", "GBD 2019 Diseases and Injuries Collaborators"],
      authorsComplete: false,
    });
    expect(r.records[1]).toMatchObject({ authors: [], groupAuthors: [], authorsComplete: false, title: "Editorial" });
  });

  it("reads the name forms exporters use", () => {
    // "Fanning E." rispy tests/data/example_empty_tag.ris (Embase via Ovid); the others from the fixtures
    // "Lee, J.-H." as Scopus prints hyphenated initials (constructed)
    const names = ["Fanning E.", "Wilson, L.N.", "Eberth, D A", "Light, Janice", "Scholten, Rob J.P.M.", "Li X", "John R. Kitchin", "Roach, Mack, III", "Lee, J.-H."];
    const text = ["TY  - JOUR", "TI  - T", ...names.map((n) => `AU  - ${n}`), "ER  - "].join("\n");
    expect(read(text).records[0]!.authors).toEqual(["E. Fanning", "L. N. Wilson", "D. A. Eberth", "Janice Light", "Rob J.P.M. Scholten", "X. Li", "John R. Kitchin", "Mack Roach III", "J.-H. Lee"]);
  });

  it("finds the DOI in M3, N1, L3 or a resolver link, but not in other links or in reference lists", () => {
    // Atypon / ACS export (M3 and N1 "doi: …", UR https://doi.org/…) as quoted in public code; ScienceDirect "doi: DOI: …";
    // constructed: a Scopus link carrying doi=, a PDF link and a reference list in N1
    const doiOf = (...tagLines: string[]) => read(lines("TY  - JOUR", "TI  - T", ...tagLines, "ER  - ")).records[0]!.doi;
    expect(doiOf("M3  - doi: 10.1021/acscatal.5b00538")).toBe("10.1021/acscatal.5b00538");
    expect(doiOf("M3  - doi: DOI: 10.1016/j.tics.2010.05.002")).toBe("10.1016/j.tics.2010.05.002");
    expect(doiOf("N1  - doi: 10.1080/19419899.2010.534489")).toBe("10.1080/19419899.2010.534489");
    expect(doiOf("UR  - https://doi.org/10.1021/j100308a038")).toBe("10.1021/j100308a038");
    expect(doiOf("DO  - https://dx.doi.org/10.1186/S11689-021-09396-9")).toBe("10.1186/s11689-021-09396-9");
    expect(doiOf("UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-1&doi=10.1038%2fs41467-024-46843-2&partnerID=40")).toBeNull();
    expect(doiOf("L1  - https://link.springer.com/content/pdf/10.1007%2Fs11307-012-0572-0.pdf")).toBeNull();
    expect(doiOf("N1  - References: Pike, C.R., (2014) Rev. Geophys., 52, pp. 557-602. , https://doi.org/10.1002/2014RG000462;")).toBeNull();
    // DO wins over the others.
    expect(doiOf("M3  - doi: 10.1/other", "DO  - 10.1038/X")).toBe("10.1038/x");
  });

  it("maps accession numbers to PubMed or WoS ids only when the value or the record's database says so", () => {
    // pattern seen in public RIS tests: "AN  - 31234567" with "DB  - Ovid MEDLINE(R)" vs "DB  - Embase"; constructed others
    const ids = (...tagLines: string[]) => {
      const r = read(lines("TY  - JOUR", "TI  - T", ...tagLines, "ER  - ")).records[0]!;
      return [r.pmid, r.wosId];
    };
    expect(ids("AN  - 31452104", "DB  - PubMed")).toEqual(["31452104", null]);
    expect(ids("AN  - 31452104", "DP  - NLM")).toEqual(["31452104", null]);
    expect(ids("AN  - PMID: 31452104")).toEqual(["31452104", null]);
    expect(ids("AN  - 31452104")).toEqual([null, null]); // a bare number could be any database's
    expect(ids("AN  - 2012345678", "DB  - Embase", "DB  - Medline")).toEqual([null, null]);
    expect(ids("AN  - 176404503", "DB  - aph", "DP  - EBSCOhost")).toEqual([null, null]);
    expect(ids("AN  - WOS:000282053100002")).toEqual([null, "WOS:000282053100002"]);
    expect(ids("ID  - 32672909", "DB  - Ovid MEDLINE(R) 1946-Present")).toEqual(["32672909", null]);
    expect(ids("ID  - 887", "DB  - Medline")).toEqual([null, null]); // EndNote's record number
    expect(ids("C2  - 42727861", "DB  - Scopus")).toEqual(["42727861", null]);
    expect(ids("C2  - PMC1234567", "DB  - EndNote")).toEqual([null, null]);
  });

  it("takes arXiv ids from an arXiv DOI, an arXiv link or Google Scholar's 'arXiv preprint' venue", () => {
    // constructed in the shapes DataCite (10.48550), Zotero (UR) and Google Scholar (JO) write
    const arx = (...tagLines: string[]) => read(lines("TY  - JOUR", "TI  - T", ...tagLines, "ER  - ")).records[0]!.arxivId;
    expect(arx("DO  - 10.48550/arXiv.1706.03762")).toBe("1706.03762");
    expect(arx("UR  - http://arxiv.org/abs/2301.00001v2")).toBe("2301.00001");
    expect(arx("JO  - arXiv preprint arXiv:1706.03762")).toBe("1706.03762");
    expect(arx("UR  - https://example.org/2301.00001")).toBeNull();
  });

  it("prefers the full journal name", () => {
    // Atypon exports: JF full, JO abbreviated, T2 full (public LOCKSS plugin notes); Ovid JF + JA; Zotero T2 + J2
    const venue = (...tagLines: string[]) => read(lines("TY  - JOUR", "TI  - T", ...tagLines, "ER  - ")).records[0]!.venue;
    expect(venue("JO  - J. Phys. Chem.", "T2  - The Journal of Physical Chemistry", "JF  - The Journal of Physical Chemistry")).toBe("The Journal of Physical Chemistry");
    expect(venue("JA  - Nat Commun", "JF  - Nature communications")).toBe("Nature communications");
    expect(venue("J2  - Nat. Commun.", "T2  - Nature Communications")).toBe("Nature Communications");
    expect(venue("T3  - Lecture Notes in Computer Science")).toBe("Lecture Notes in Computer Science");
  });

  it("ignores unknown two-character tags silently", () => {
    // rispy tests/data/example_multi_unknown_tags.ris (JP, DC) and IEEE's VO
    const r = read(lines("TY  - JOUR", "AU  - Shannon,Claude E.", "PY  - 1948/07//", "TI  - A Mathematical Theory of Communication",
      "JF  - Bell System Technical Journal", "EP  - 423", "VL  - 27", "JP  - CRISPR", "DC  - Direct Current", "VO  - 27", "ER  - "));
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0]).toMatchObject({ authors: ["Claude E. Shannon"], date: "1948-07", pages: "423", volume: "27" });
  });

  it("does not add Ovid's number of the next record to a record whose ER is missing", () => {
    // constructed: ovid-eric.ris with the first ER line removed
    const text = fixture("ovid-eric.ris").replace("PT  - Journal Articles, Reports - Descriptive\nER  -  \n", "PT  - Journal Articles, Reports - Descriptive\n");
    const r = read(text);
    expect(r.records).toHaveLength(2);
    expect(r.diagnostics).toEqual([{ file: "in/x.ris", line: expect.any(Number), severity: "warning", message: expect.stringContaining("has no end line") }]);
    expect(r.records[0]!.volume).toBe("37");
    expect(JSON.stringify(r.records[0])).not.toContain("47.");
  });

  it("skips records with neither title nor authors, with a diagnostic that says what they had", () => {
    // rispy tests/data/example_bom.ris (a DOI only); Zotero translators RIS.js test 9 (Scopus "PY  - 0000" stub)
    const bom = read("\uFEFFTY  - JOUR\nDO  - 10.1186/s40981-020-0316-0\nER  - \n");
    expect(bom.records).toEqual([]);
    expect(bom.diagnostics).toEqual([{ file: "in/x.ris", line: 1, severity: "warning", message: expect.stringMatching(/neither a title nor authors.*DOI 10\.1186\/s40981-020-0316-0/) }]);
    const stub = read(lines("TY  - JOUR", "T2  - Prostate Cancer Mortality Statistics 2015", "PY  - 0000", "N1  - Cited By :1", "ER  - "));
    expect(stub.diagnostics[0]!.message).toContain('venue "Prostate Cancer Mortality');
  });

  it("reports every defect of a malformed file with its line, and still reads every record it can", () => {
    // malformed.ris: constructed, one instance of each defect
    const r = read(fixture("malformed.ris"));
    expect(r.records.map((x) => [x.source.line, x.title, x.authors])).toEqual([
      [2, "A record whose end line is missing", ["Jane Smith"]],
      [6, "The record after it", ["John Doe"]],
      [11, "A record without a TY line", ["Olive Orphan"]],
      [19, "A record cut short at the end of the file", ["Ann Lee"]],
    ]);
    expect(r.records[3]!.abstract).toBe("The abstract stops in the middle of a");
    expect(r.diagnostics.map((d) => [d.line, d.severity, d.message.slice(0, 40)])).toEqual([
      [1, "warning", 'text outside any RIS record was ignored:'],
      [6, "warning", "the record that starts on line 2 has no "],
      [10, "warning", 'an end-of-record line ("ER  - ") with no'],
      [11, "warning", 'a record without a "TY  - " line starts '],
      [14, "warning", "this record has neither a title nor auth"],
      [15, "warning", 'this line is not a RIS tag line (such as'],
      [19, "warning", "the file ends inside this record (no clo"],
    ]);
  });

  it("reports a stretch of text between records once, and skips provider envelopes", () => {
    // constructed: a note pasted between two records; rispy tests/data/example_extraneous_data.ris envelope ("Record #1 of 2" …)
    const r = read(lines(
      "Record #1 of 2", "Provider: Provider", 'Content: text/plain; charset="UTF-8"', "1.",
      "TY  - JOUR", "TI  - One", "ER  - ", "", "My notes:", "", "check this one later", "TY  - JOUR", "TI  - Two", "ER  - ",
    ));
    expect(r.records.map((x) => x.title)).toEqual(["One", "Two"]);
    expect(r.diagnostics).toEqual([{ file: "in/x.ris", line: 9, severity: "warning", message: expect.stringContaining('"My notes:" (and 1 more line up to line 11)') }]);
  });

  it("gives an error for a file that holds no record at all", () => {
    // constructed
    expect(read("\n\n").diagnostics).toEqual([{ file: "in/x.ris", line: 1, severity: "error", message: expect.stringContaining("no RIS records found") }]);
  });
});

describe("RIS dates", () => {
  it("reads every date form the dialects write", () => {
    // forms from the fixtures and rispy/Zotero test data
    const cases: [string, ReturnType<typeof parseRisDate>][] = [
      ["2020/05/17/", { year: 2020, month: 5, day: 17 }],
      ["2020///", { year: 2020, month: null, day: null }],
      ["2019//", { year: 2019, month: null, day: null }],
      ["1948/07//", { year: 1948, month: 7, day: null }],
      ["1990/2/27", { year: 1990, month: 2, day: 27 }],
      ["2011/11/05/summer", { year: 2011, month: 11, day: 5 }],
      ["2024-02-01", { year: 2024, month: 2, day: 1 }],
      ["2024", { year: 2024, month: null, day: null }],
      ["24-27 Sept. 2019", { year: 2019, month: 9, day: 24 }],
      ["31 May-3 June 2016", { year: 2016, month: 5, day: 31 }],
      ["1 Jan.-Feb. 2019", { year: 2019, month: 1, day: null }],
      ["July-Aug. 2015", { year: 2015, month: 7, day: null }],
      ["1 Feb.1, 2015", { year: 2015, month: 2, day: 1 }],
      ["June 2021", { year: 2021, month: 6, day: null }],
      ["SEP 22", { year: null, month: 9, day: 22 }],
      ["2019 Mar 15", { year: 2019, month: 3, day: 15 }],
      ["Spring 2020", { year: 2020, month: null, day: null }],
      ["2021/02/30", { year: 2021, month: 2, day: null }], // no such day: the month stays
      ["0000", null], // Scopus's unknown year
      ["Year", null],
      ["", null],
    ];
    for (const [text, want] of cases) expect(parseRisDate(text), text).toEqual(want);
  });

  it("takes the year from PY, then DA, then Y1, and the most precise agreeing date", () => {
    expect(chooseDate(["2010"], ["SEP 22"], [])).toBe("2010-09-22"); // WoS
    expect(chooseDate(["2019"], [], ["24-27 Sept. 2019"])).toBe("2019-09-24"); // IEEE
    expect(chooseDate(["2024"], ["2024///"], [])).toBe("2024"); // Zotero
    expect(chooseDate([], ["1950/01/01"], ["1900/01/01"])).toBe("1950-01-01"); // Zotero RIS.js test 7: DA over the deprecated Y1
    expect(chooseDate(["2014"], ["2021/03/04"], [])).toBe("2014"); // a DA of another year (an access date) adds nothing
    expect(chooseDate(["0000"], [], [])).toBeNull();
    expect(chooseDate([], ["SEP 22"], [])).toBeNull(); // no year: no date
  });
});

describe("isGroupAuthor", () => {
  it("is conservative: organisation words only, never people", () => {
    for (const g of ["The ENCODE Project Consortium", "COVID-19 Genomics UK (COG-UK) Consortium", "RECOVERY Collaborative Group", "American Diabetes Association",
      "Early Breast Cancer Trialists' Collaborative Group (EBCTCG)", "Task Force for Diagnosis", "Hepatology Society of Chile", "CDC COVID-19 Response Team Network"]) {
      expect(isGroupAuthor(g), g).toBe(true);
    }
    for (const p of ["Groupe, Marie", "Societe, A.", "Network-Smith, J.", "Grouper, Ann", "Counsell, C.", "Wellcome, J.", "Team, B."]) {
      expect(isGroupAuthor(p), p).toBe(false);
    }
  });
});

describe("risReader: robustness", () => {
  it("never throws, and every record and diagnostic points at a line of the input", () => {
    const line = fc.oneof(
      fc.constantFrom("TY  - JOUR", "ER  - ", "ER", "TY - BOOK", "AU  - Lee, A.", "TI  - T", "KW  - a; b", "1.", "", "   ", "\uFEFF", "PY  - 2020///", "Y1  - 24-27 Sept. 2019"),
      fc.string({ maxLength: 30 }),
      fc.tuple(fc.constantFrom("AU", "TI", "AB", "C1", "AN", "DO", "N1", "DA"), fc.constantFrom(" - ", "  - ", "  -  ", "  -"), fc.string({ maxLength: 20 })).map(([t, s, v]) => t + s + v),
    );
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n", "\r"), (ls, nl) => {
      const text = ls.join(nl);
      const total = text.split(/\r\n|\r|\n/).length;
      const r = read(text);
      for (const rec of r.records) expect(rec.source.line).toBeGreaterThanOrEqual(1);
      for (const rec of r.records) expect(rec.source.line).toBeLessThanOrEqual(total);
      for (const d of r.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      expect(read(text)).toEqual(r); // same input, same output
    }), { numRuns: 300 });
  });

  it("stays linear on long and repetitive input", () => {
    // constructed worst cases: many Ovid number lines inside a record, a very long line, many records without ER
    const numbers = "TY  - JOUR\nTI  - T\nAB  - a\n" + "1.\n\n".repeat(50_000) + "ER  - \n";
    const long = "TY  - JOUR\nTI  - " + "word ".repeat(400_000) + "\nER  - \n";
    const noEr = "TY  - JOUR\nTI  - T\nAU  - Lee, A.\n".repeat(20_000);
    const t0 = cpuNow();
    expect(read(numbers).records).toHaveLength(1);
    expect(read(long).records).toHaveLength(1);
    expect(read(noEr).records).toHaveLength(20_000);
    expect(cpuNow() - t0).toBeLessThan(5_000);
  });
});

describe("readDocument with RIS", () => {
  it("detects RIS by content under a wrong name and reads it", () => {
    // wos.ris saved as export.txt (the name says nothing)
    const d = readDocument({ file: "export.txt", text: fixture("wos.ris") });
    expect(d.format).toBe("ris");
    expect(d.records).toHaveLength(2);
    expect(d.diagnostics).toEqual([]);
    expect(d.records[0]!.source).toEqual({ file: "export.txt", line: 1 });
    expect(risReader.format).toBe("ris");
  });

  it("detects an Ovid export that starts with a record number, and a Cochrane one that starts with its envelope", () => {
    expect(readDocument({ file: "ovid.txt", text: fixture("ovid-eric.ris") }).format).toBe("ris");
    expect(readDocument({ file: "citation-export.txt", text: fixture("cochrane.ris") }).records).toHaveLength(2);
  });
});

import { readFileSync } from "node:fs";
import { cpuNow } from "../../../helpers/cpu-clock";
import { describe, expect, it } from "vitest";
import { generatePubmedXml } from "../../../../scripts/formats/generate-pubmed";
import { readDocument } from "../../../../src/pipeline/formats";
import { pubmedXmlReader, readPubmedXml } from "../../../../src/pipeline/formats/exports/pubmed-xml";

// Fixture origins: test/fixtures/formats/pubmed/README.md (and a comment in each XML file)
const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/formats/pubmed/${name}`, import.meta.url), "utf8");
const read = (text: string, file = "x.xml") => readPubmedXml(text, file);
const set = (...articles: string[]) => `<?xml version="1.0"?>\n<PubmedArticleSet>\n${articles.join("\n")}\n</PubmedArticleSet>\n`;
/** A minimal journal article; `inner` goes inside <Article>, `outer` inside <MedlineCitation>, `data` inside <PubmedData>. */
const article = (pmid: string, inner: string, outer = "", data = "") =>
  `<PubmedArticle><MedlineCitation><PMID Version="1">${pmid}</PMID><Article>${inner}</Article>${outer}</MedlineCitation>` +
  `<PubmedData>${data}</PubmedData></PubmedArticle>`;

describe("pubmed-xml reader on real exports", () => {
  it("reads both articles of a one-line efetch document", () => {
    // biopython Tests/Entrez/pubmed1.xml: every article on line 4
    const { records, diagnostics } = read(fixture("pubmed-biopython-pubmed1.xml"));
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.source.line, r.pmid])).toEqual([[4, "12091962"], [4, "9997"]]);
    expect(records[0]).toMatchObject({
      format: "pubmed-xml",
      title: "The treatment of AIDS behind the walls of correctional facilities.",
      // ForeName "J Michael": the initial gets its period; Initials "JM" is the short form
      authors: ["J. Michael Olivero"],
      // <Year>1990</Year><Season>Spring</Season>: a season is no month
      date: "1990",
      venue: "Social justice (San Francisco, Calif.)",
      volume: "17", issue: "1", pages: "113-25",
      publicationType: "Journal Article",
      keywords: ["Health Care and Public Health", "Legal Approach"],
      abstract: null,
      doi: null,
    });
    expect(records[0]!.authorInfo[0]!.alternateNames).toEqual(["J. M. Olivero"]);
    expect(records[1]).toMatchObject({ date: "1976-09-28", doi: "10.1016/0005-2795(76)90109-4", authors: ["T. C. Strekas"] });
    // DescriptorName with its QualifierName
    expect(records[1]!.meshTerms).toContain("Chromatium/enzymology");
  });

  it("flattens inline markup and entities, and labels the sections of a structured abstract", () => {
    // biopython Tests/Entrez/pubmed4.xml (PMID 27797938), trimmed to three authors
    const [rec] = read(fixture("pubmed-biopython-pubmed4.xml")).records;
    expect(rec!.title).toBe("Leucocyte telomere length, genetic variants at the TERT gene region and risk of pancreatic cancer.");
    expect(rec!.abstract).toMatch(/^OBJECTIVE: Telomere shortening occurs .* DESIGN: We measured .* RESULTS: .* CONCLUSIONS: Prediagnostic/);
    // <sub>, <sup> and &lt; become plain text; the copyright statement is not abstract text
    expect(rec!.abstract).toContain("ptrend=0.048");
    expect(rec!.abstract).toContain("r2<0.25");
    expect(rec!.abstract).not.toContain("BMJ Publishing");
    expect(rec!.doi).toBe("10.1136/gutjnl-2016-312510");
    expect(rec!.date).toBe("2017-06");
    expect(rec!.authorInfo[2]!.affiliations).toHaveLength(2);
  });

  it("reads MathML in an abstract as compact text and refines a year-only date with ArticleDate", () => {
    // biopython Tests/Entrez/pubmed6.xml (PMID 30108519)
    const [rec] = read(fixture("pubmed-biopython-pubmed6.xml")).records;
    expect(rec!.title).toBe('A "Blood Relationship" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?');
    expect(rec!.abstract).toContain("maximal oxygen uptake ( V.O2max ) 67.6 ± 4.1 ml·kg-1·min-1]");
    expect(rec!.abstract).not.toMatch(/\s{2}/);
    expect(rec!.date).toBe("2018-07-31");
    // RefType="Cites" in CommentsCorrectionsList are the older form of the reference list
    expect(rec!.references).toEqual(["pmid:17907247", "pmid:19202577", "pmid:7658947"]);
  });

  it("keeps a CollectiveName out of the byline, reads ORCID URLs, keywords and references", () => {
    // biopython Tests/Entrez/pubmed7.xml (PMID 29963580), three references kept
    const [rec] = read(fixture("pubmed-biopython-pubmed7.xml")).records;
    expect(rec!.authors).toHaveLength(8);
    expect(rec!.groupAuthors).toEqual(["Canadian Respiratory Research Network"]);
    expect(rec!.authorInfo.map((i) => i.orcid).filter(Boolean)).toEqual(["0000-0002-4590-7461", "0000-0003-3525-2788"]);
    expect(rec!.authorInfo[1]!.alternateNames).toEqual(["D. Capaldi"]);
    expect(rec!.keywords).toEqual(["asthma", "chronic obstructive lung disease", "image processing, biomarkers", "magnetic resonance imaging", "thoracic computed tomography"]);
    expect(rec!.references).toEqual(["pmid:25144646", "pmid:8028666", "pmid:19585597"]);
    expect(rec!.doi).toBe("10.1117/1.jmi.5.2.026002");
    expect(rec!.pages).toBe("026002");
  });

  it("reads a whole-book record: the book's title as the title, its authors from <Book>", () => {
    // zotero/translators "PubMed XML.js" test case 2 (PMID 20821847)
    const { records, diagnostics } = read(fixture("pubmed-zotero-book.xml"));
    expect(diagnostics).toEqual([]);
    expect(records[0]).toMatchObject({
      pmid: "20821847", title: "Endocrinology: An Integrated Approach", venue: null, date: "2001",
      authors: ["Stephen Nussey", "Saffron Whitehead"],
    });
    expect(records[0]!.abstract).toMatch(/^Endocrinology has been written/);
  });

  it("reads a MedlineDate range and a VernacularTitle when ArticleTitle is empty", () => {
    // zotero/translators "PubMed XML.js" test cases 4 and 7
    expect(read(fixture("pubmed-zotero-medlinedate.xml")).records[0]).toMatchObject({ date: "2010-09", pmid: "20729678", venue: "Nurse educator" });
    expect(read(fixture("pubmed-zotero-vernacular.xml")).records[0]!.title).toBe("Psykisk ohälsa, radikalisering och terrorism - Inget säkert samband har kunnat påvisas.");
  });
});

describe("pubmed-xml reader on awkward articles", () => {
  it("keeps a title as printed when the markup has no spaces around it", () => {
    // constructed: biopython's older title_with_html_tags.xml printed "at the<i>TERT</i>gene"
    const [rec] = read(set(article("1", "<ArticleTitle>at the<i>TERT</i>gene, <b>bold</b> &amp; <sup>3</sup>H</ArticleTitle>"))).records;
    expect(rec!.title).toBe("at theTERTgene, bold & 3H");
  });

  it("decodes numeric, named and HTML entities in titles and names", () => {
    // constructed: entity forms seen in efetch output (&#x2019; in citations, &#233; in names)
    const [rec] = read(set(article("2",
      "<ArticleTitle>D&#x2019;Lima&apos;s caf&#233; &lt;study&gt; &quot;x&quot; &nbsp;end</ArticleTitle>" +
      "<AuthorList><Author><LastName>Dr&#246;ge</LastName><ForeName>Ren&#xE9;</ForeName><Initials>R</Initials></Author></AuthorList>"))).records;
    expect(rec!.title).toBe("D’Lima's café <study> \"x\" end");
    expect(rec!.authors).toEqual(["René Dröge"]);
  });

  it("reads Suffix, skips ValidYN=N names, marks CompleteYN=N, and keeps an author with initials only", () => {
    // constructed from the DTD's Author elements (pubmed_250101.dtd)
    const [rec] = read(set(article("3",
      '<AuthorList CompleteYN="N">' +
      "<Author><LastName>Roach</LastName><ForeName>Mack</ForeName><Initials>M</Initials><Suffix>3rd</Suffix></Author>" +
      '<Author ValidYN="N"><LastName>Smiht</LastName><ForeName>Jon</ForeName></Author>' +
      "<Author><LastName>Smith</LastName><Initials>JA</Initials></Author>" +
      "<Author><LastName>Plato</LastName></Author>" +
      "</AuthorList>"))).records;
    expect(rec!.authors).toEqual(["Mack Roach 3rd", "J. A. Smith", "Plato"]);
    expect(rec!.authorsComplete).toBe(false);
    expect(rec!.authorInfo[0]!.alternateNames).toEqual(["M. Roach 3rd"]);
  });

  it("warns about an ORCID with a wrong checksum and keeps other identifier sources", () => {
    // constructed: a mistyped ORCID, and an ISNI
    const { records, diagnostics } = read(set(article("4",
      "<AuthorList><Author><LastName>Lee</LastName><ForeName>Ann</ForeName>" +
      '<Identifier Source="ORCID">0000-0002-1825-0098</Identifier><Identifier Source="ISNI">0000000121032683</Identifier></Author></AuthorList>')));
    expect(records[0]!.authorInfo[0]).toMatchObject({ orcid: null, ids: ["isni:0000000121032683"] });
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([[3, expect.stringContaining("not a valid ORCID iD")]]);
  });

  it("reads a book chapter: chapter authors, not the book's editors; the book as venue; its own references", () => {
    // constructed on the GeneReviews chapter layout (BookDocument with Book/AuthorList Type="editors")
    const [rec] = read(set(`<PubmedBookArticle><BookDocument><PMID Version="1">20301421</PMID>
      <ArticleIdList><ArticleId IdType="bookaccession">NBK1243</ArticleId></ArticleIdList>
      <Book><Publisher><PublisherName>University of Washington, Seattle</PublisherName></Publisher>
        <BookTitle book="gene">GeneReviews<sup>®</sup></BookTitle><PubDate><Year>1993</Year></PubDate>
        <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName></Author></AuthorList></Book>
      <ArticleTitle book="gene" part="als2">ALS2-Related Disorder</ArticleTitle>
      <AuthorList Type="authors"><Author><LastName>Orrell</LastName><ForeName>Richard W</ForeName><Initials>RW</Initials></Author></AuthorList>
      <PublicationType UI="D016454">Review</PublicationType>
      <Abstract><AbstractText Label="CLINICAL CHARACTERISTICS">Spasticity.</AbstractText><AbstractText Label="MANAGEMENT">Care.</AbstractText></Abstract>
      <ReferenceList><Reference><Citation>Ref.</Citation><ArticleIdList><ArticleId IdType="doi">10.1000/REF.1</ArticleId></ArticleIdList></Reference></ReferenceList>
      </BookDocument><PubmedBookData><ArticleIdList><ArticleId IdType="pubmed">20301421</ArticleId></ArticleIdList></PubmedBookData></PubmedBookArticle>`)).records;
    expect(rec).toMatchObject({
      pmid: "20301421", title: "ALS2-Related Disorder", venue: "GeneReviews®", date: "1993", publicationType: "Review",
      authors: ["Richard W. Orrell"], abstract: "CLINICAL CHARACTERISTICS: Spasticity. MANAGEMENT: Care.", references: ["doi:10.1000/ref.1"],
    });
  });

  it("gives one id per reference: PMID first, then DOI, then PMC, else the printed citation", () => {
    // constructed: the four reference shapes of PubmedData/ReferenceList, one nested list
    const refs = (...r: string[]) => `<ReferenceList>${r.join("")}</ReferenceList>`;
    const ref = (ids: string, citation = "Cited work.") => `<Reference><Citation>${citation}</Citation><ArticleIdList>${ids}</ArticleIdList></Reference>`;
    const [rec] = read(set(article("5", "<ArticleTitle>T</ArticleTitle>", "", refs(
      ref('<ArticleId IdType="doi">10.1000/A</ArticleId><ArticleId IdType="pubmed">111</ArticleId>'),
      ref('<ArticleId IdType="doi">https://doi.org/10.1000/B</ArticleId>'),
      ref('<ArticleId IdType="pmc">pmc999</ArticleId>'),
      "<Reference><Citation>Smith J. A book. 2001.</Citation></Reference>",
      `<ReferenceList><Title>Further reading</Title>${ref('<ArticleId IdType="pubmed">222</ArticleId>')}</ReferenceList>`,
      ref('<ArticleId IdType="pubmed">111</ArticleId>'),
    )))).records;
    expect(rec!.references).toEqual(["pmid:111", "doi:10.1000/b", "pmc:PMC999", "Smith J. A book. 2001.", "pmid:222"]);
  });

  it("reads dates from Year/Month/Day in every spelling, and an invalid ELocationID DOI is not a DOI", () => {
    // constructed: numeric months, an impossible day, an ELocationID marked invalid beside a valid ArticleId
    const date = (pub: string) => read(set(article("6", `<Journal><JournalIssue><PubDate>${pub}</PubDate></JournalIssue></Journal>`))).records[0]!.date;
    expect(date("<Year>2019</Year><Month>02</Month><Day>3</Day>")).toBe("2019-02-03");
    expect(date("<Year>2019</Year><Month>Feb</Month><Day>30</Day>")).toBe("2019-02");
    expect(date("<Year>2019</Year><Season>Spring</Season>")).toBe("2019");
    expect(date("<MedlineDate>1998 Dec-1999 Jan</MedlineDate>")).toBe("1998-12");
    expect(date("<MedlineDate>Winter 2024</MedlineDate>")).toBe("2024");
    const [rec] = read(set(article("7", '<ELocationID EIdType="doi" ValidYN="N">10.9999/wrong</ELocationID>', "",
      '<ArticleIdList><ArticleId IdType="doi">10.9999/right</ArticleId></ArticleIdList>'))).records;
    expect(rec!.doi).toBe("10.9999/right");
  });
});

describe("pubmed-xml reader on malformed input", () => {
  it("skips a malformed article with an error at its line and reads its neighbours", () => {
    // constructed: three articles, the middle one with a mis-nested tag on its third line
    const text = [
      "<PubmedArticleSet>", // 1
      article("1", "<ArticleTitle>First</ArticleTitle>"), // 2
      "<PubmedArticle><MedlineCitation><PMID>2</PMID>", // 3
      "<Article>", // 4
      "<ArticleTitle>Broken</Title></Article>", // 5
      "</MedlineCitation></PubmedArticle>", // 6
      article("3", "<ArticleTitle>Third</ArticleTitle>"), // 7
      "</PubmedArticleSet>",
    ].join("\n");
    const { records, diagnostics } = read(text);
    expect(records.map((r) => [r.source.line, r.title])).toEqual([[2, "First"], [7, "Third"]]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 5, severity: "error" });
    expect(diagnostics[0]!.message).toContain("starting at line 3 is not well-formed XML");
  });

  it("reports an article cut off by the end of the file, or by the next article, and reads the others", () => {
    // constructed: a download that stopped mid-article; an article whose closing tag was lost
    const cut = read(set(article("1", "<ArticleTitle>Whole</ArticleTitle>")).replace(/\n<\/PubmedArticleSet>\n$/, "") + "\n<PubmedArticle><MedlineCitation><PMID>2</PMID><Art");
    expect(cut.records.map((r) => r.title)).toEqual(["Whole"]);
    expect(cut.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([[4, "error", expect.stringContaining("the end of the file (the file may be cut off)")]]);
    const lost = read(set("<PubmedArticle><MedlineCitation><PMID>1</PMID>", article("2", "<ArticleTitle>Next</ArticleTitle>")));
    expect(lost.records.map((r) => [r.source.line, r.pmid])).toEqual([[4, "2"]]);
    expect(lost.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, expect.stringContaining("before the next article")]]);
  });

  it("reports what lies between articles: a DeleteCitation list, stray text, a stray closing tag", () => {
    // constructed: the tail of a PubMed baseline update file, plus debris
    const text = set(
      article("1", "<ArticleTitle>A</ArticleTitle>"),
      "oops </PubmedArticle>",
      '<DeleteCitation><PMID Version="1">111</PMID><PMID Version="1">222</PMID></DeleteCitation>',
    );
    const { records, diagnostics } = read(text);
    expect(records).toHaveLength(1);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [4, "warning", expect.stringContaining('text outside any PubMed article was not read: "oops')],
      [4, "warning", expect.stringContaining("closing </PubmedArticle> without its opening tag")],
      [5, "warning", expect.stringContaining("<DeleteCitation> lists 2 PMID(s)")],
    ]);
  });

  it("warns about an empty set and an article without PMID, and an article without MedlineCitation is an error", () => {
    // constructed
    expect(read(set()).diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("no <PubmedArticle> or <PubmedBookArticle>")]);
    const { records, diagnostics } = read(set("<PubmedArticle><MedlineCitation><Article><ArticleTitle>No id</ArticleTitle></Article></MedlineCitation></PubmedArticle>", "<PubmedArticle><PubmedData/></PubmedArticle>"));
    expect(records.map((r) => [r.title, r.pmid])).toEqual([["No id", null]]);
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, "warning"], [4, "error"]]);
  });

  it("keeps line numbers with CRLF line ends and a BOM, through readDocument", () => {
    // biopython pubmed7 fixture re-saved with CRLF and a BOM
    const text = fixture("pubmed-biopython-pubmed7.xml");
    const doc = readDocument({ file: "a.xml", text: "\uFEFF" + text.replace(/\n/g, "\r\n") });
    expect(doc.format).toBe("pubmed-xml");
    expect(doc.records).toEqual(read(text, "a.xml").records);
  });

  it("stays linear when every gap between 5,000 articles holds stray text", () => {
    // constructed: the worst case for searches that run past their gap
    const text = set(...Array.from({ length: 5000 }, (_, i) => `junk ${i} ${article(String(i + 1), "<ArticleTitle>T</ArticleTitle>")}`));
    const t0 = cpuNow();
    const { records, diagnostics } = read(text);
    expect(records).toHaveLength(5000);
    expect(diagnostics).toHaveLength(5000);
    expect(cpuNow() - t0).toBeLessThan(10000);
  });

  it("reads every generated article (seeded, 300 articles) without a diagnostic", () => {
    // scripts/formats/generate-pubmed.ts: the generator used for the speed runner
    const { records, diagnostics } = read(generatePubmedXml(300, 3));
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(300);
    expect(records.every((r) => r.pmid && r.title && r.authors.length > 0 && r.date && r.doi)).toBe(true);
  });
});

describe("pubmed-xml detection", () => {
  it("is detected by content, also under a wrong file name, and a lone <PubmedArticle> too", () => {
    // biopython fixture saved as .txt; a single article copied out of a set (no prolog, no DOCTYPE)
    expect(readDocument({ file: "notes.txt", text: fixture("pubmed-biopython-pubmed1.xml") }).format).toBe("pubmed-xml");
    const lone = readDocument({ file: "one.xml", text: article("9", "<ArticleTitle>Lone</ArticleTitle>") });
    expect(lone.format).toBe("pubmed-xml");
    expect(lone.records.map((r) => r.title)).toEqual(["Lone"]);
  });

  it("sniffs the root element or DOCTYPE, after a prolog and comments; not Atom, not other XML", () => {
    // constructed heads
    expect(pubmedXmlReader.sniff('<?xml version="1.0"?>\n<!-- saved -->\n<!DOCTYPE PubmedArticleSet PUBLIC "x" "y">\n')).toBe(true);
    expect(pubmedXmlReader.sniff("<PubmedArticleSet>\n<PubmedBookArticle>")).toBe(true);
    expect(pubmedXmlReader.sniff('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>')).toBe(false);
    expect(pubmedXmlReader.sniff("<root><PubmedArticle></PubmedArticle></root>")).toBe(false);
    expect(pubmedXmlReader.sniff("PubmedArticleSet")).toBe(false);
  });
});

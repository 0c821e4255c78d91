import { readFileSync } from "node:fs";
import { cpuNow } from "../../../helpers/cpu-clock";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { detectExport } from "../../../../src/pipeline/formats/exports";
import { bibtexReader, readBibtex } from "../../../../src/pipeline/formats/exports/bibtex";
import { bibText, isWholeBraced, personName, splitNameList } from "../../../../src/pipeline/formats/exports/bibtex-text";
import type { PaperRecord } from "../../../../src/pipeline/records";
import { generateBibtex } from "../../../../scripts/formats/generate-bibtex";

const FIXTURES = new URL("../../../fixtures/formats/bibtex/", import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), "utf8");
const read = (name: string) => readBibtex(fixture(name), name);
const byTitle = (records: PaperRecord[], start: string) => {
  const r = records.find((x) => x.title?.startsWith(start));
  if (!r) throw new Error(`no record titled ${start}`);
  return r;
};
const messages = (d: { line: number; severity: string; message: string }[]) => d.map((x) => `${x.line} ${x.severity}: ${x.message}`);

describe("bibtexReader.sniff", () => {
  it("recognises every fixture by content", () => {
    // the fixtures in test/fixtures/formats/bibtex (Scopus's starts with its "Scopus / EXPORT DATE" header)
    for (const name of ["zotero-bbt.bib", "jabref.bib", "google-scholar.bib", "dblp.bib", "scopus.bib", "wos.bib", "publishers.bib", "thesis.bib", "malformed.bib"]) {
      expect(bibtexReader.sniff(fixture(name)), name).toBe(true);
      expect(detectExport(fixture(name))?.format, name).toBe("bibtex");
    }
  });

  it("is not fooled by @mentions, e-mail addresses, decorators or other formats", () => {
    // constructed: a Markdown note, an e-mail signature, TypeScript/Python decorators, RIS, JSON, prose
    const others = [
      "# Notes\n\n@alice (see the thread, below) asked about the\n@bob thanks!\n",
      "Best,\nAnn\nann@example.org {for questions, write}\n",
      "@Component({\n  selector: 'app',\n})\nexport class App {}\n",
      "@app.route('/')\ndef index():\n    return 'x'\n",
      "TY  - JOUR\nAU  - Smith, J\nTI  - A title\nER  - \n",
      '[{"title": "A", "author": [{"family": "B"}]}]',
      "An article{by Smith, on page 3} was cited.",
    ];
    for (const text of others) expect(bibtexReader.sniff(text), text).toBe(false);
    // constructed: the smallest real starts: a key then a comma, parentheses, @string, a key alone on its line
    expect(bibtexReader.sniff("@article{smith2020,\n title = {A}}")).toBe(true);
    expect(bibtexReader.sniff("  @Book(key2,\n")).toBe(true);
    expect(bibtexReader.sniff("@STRING{IEEE_J_AC = \"x\"}")).toBe(true);
    expect(bibtexReader.sniff("@article{nocomma\n  title = {X}\n}")).toBe(true);
    expect(bibtexReader.sniff("@ARTICLE{de la Cruz2023,\n")).toBe(true);
  });
});

describe("readBibtex on real exports", () => {
  it("Zotero / Better BibLaTeX: particles, suffixes, corporate names, eprints, biblatex dates", () => {
    // zotero-bbt.bib: Better BibTeX test fixtures and Zotero exports (origins in the file)
    const { records, diagnostics } = read("zotero-bbt.bib");
    expect(records).toHaveLength(15);
    expect(messages(diagnostics)).toEqual([
      '90 warning: @book{t5}: the date "-0333" is not a date read here (YYYY, YYYY-MM or YYYY-MM-DD, or a range of them)',
    ]);
    expect(byTitle(records, "Citations, Out of the Box").authors).toEqual(["Frank G. Bennett Jr."]);
    const norm = byTitle(records, "Norm and Action");
    expect(norm.authors).toEqual(["Alexander von Humboldt", "Cuba Gooding Jr.", "Jean de La Fontaine", "Georg Henrik Auto von Wright", "Georg Henrik Explicit von Wright"]);
    expect(norm).toMatchObject({ date: "1963", publicationType: "book", authorsComplete: true });
    expect(byTitle(records, "Decorations_").authors).toEqual(["John Doe III", "Jane van Roe"]);
    const census = byTitle(records, "Bugreports_DemoPage");
    expect(census.authors).toEqual([]);
    expect(census.groupAuthors).toEqual(["U.S. Bureau of the Census"]);
    expect(byTitle(records, "Name_MultipleLiteral").groupAuthors).toEqual(["Alfred Benzon Foundation", "James Benson Foundation", "John Candy Foundation"]);
    const lieb = byTitle(records, "Lieb-Robinson Bounds");
    expect(lieb).toMatchObject({
      title: "Lieb-Robinson Bounds, Arveson Spectrum and Haag-Ruelle Scattering Theory for Gapped Quantum Spin Systems",
      arxivId: "1412.2970", date: "2014-12-09", publicationType: "unpublished",
      keywords: ["Lieb-Robinson bounds", "Mathematical Physics", "Quantum Physics"],
    });
    // ranges and open ranges: the start; a BC date: none (warned above); a JSTOR eprint is no arXiv id
    expect(byTitle(records, "A Manuscript").date).toBe("2014-12-31");
    expect(byTitle(records, "Open-Ended Date Range").date).toBe("2014-12-31");
    expect(byTitle(records, "BC Tests").date).toBeNull();
    expect(byTitle(records, "The Politics of Film Canons")).toMatchObject({ venue: "Cinema Journal", volume: "24", issue: "3", pages: "4-23", arxivId: null, date: "1985" });
    expect(byTitle(records, "EDTF Date YYYY-MM~").date).toBe("2011-05");
    const untitled = byTitle(records, "Dates Incorrect When Zotero");
    expect(untitled).toMatchObject({ title: "Dates Incorrect When Zotero Date Field Includes Times #934", authors: [], authorsComplete: false, date: "2016-09-22" });
    expect(byTitle(records, "A Weakly Supervised")).toMatchObject({ date: "2025-01", doi: "10.1007/s12559-024-10356-3", venue: "Cognitive Computation", pages: "57", authors: ["Dung Ha Nguyen", "Anh Thi Hoang Nguyen", "Kiet Van Nguyen"] });
    expect(byTitle(records, "DRSOM")).toMatchObject({ title: "DRSOM: A Dimension Reduced Second-Order Method", arxivId: "2208.00208", doi: "10.48550/arxiv.2208.00208", publicationType: "misc" });
  });

  it("JabRef: header, @String, user comments, jabref-meta comments and trailing text ignored; TeX accents decoded", () => {
    // jabref.bib: JabRef's own test libraries and a JabRef 2.6 file (origins in the file)
    const { records, diagnostics } = read("jabref.bib");
    expect(records.map((r) => r.source.line)).toEqual([20, 36, 53, 68, 85, 103, 110]);
    expect(messages(diagnostics)).toEqual([
      "95 error: @article{constant} has neither a title nor authors: not read as a paper",
      "99 error: @article{text} has neither a title nor authors: not read as a paper",
      '104 warning: @book{Kline}: unexpected "，" after the field "title" ignored',
    ]);
    expect(records[0]).toMatchObject({
      title: "The trouble with login: on usability and computer security in ubiquitous computing",
      doi: "10.1007/s00779-005-0347-6", venue: "Personal Ubiquitous Comput.", pages: "357-367", volume: "9", issue: "6", date: "2005",
    });
    expect(records[1]!.authors).toEqual(["Gustav Boström", "Jaana Wäyrynen", "Marine Bodén", "Konstantin Beznosov", "Philippe Kruchten"]);
    expect(records[1]!.venue).toBe("SESS '06: Proceedings of the 2006 international workshop on Software engineering for secure systems");
    expect(records[2]!.authors).toEqual(["Eric von Hippel", "Joseph M. Reagle Jr.", "John F. Sherry Jr.", "Johan A van den Huevel Jr."]);
    expect(records[3]!.authors[0]).toBe("Rogério de Paula");
    expect(records[3]!.authors).toHaveLength(9);
    expect(records[5]).toMatchObject({ title: "古今数学思想", authors: ["克莱因"], date: "2002", publicationType: "book" });
  });

  it("Google Scholar: arXiv preprints as journal, no year, comma-separated authors", () => {
    // google-scholar.bib (origins in the file)
    const { records, diagnostics } = read("google-scholar.bib");
    expect(records).toHaveLength(7);
    expect(messages(diagnostics)).toEqual(['45 warning: @article{YiGraph2026}: the authors are separated by commas, not by "and"; read as one name per comma']);
    expect(records[0]).toMatchObject({ arxivId: "2301.00303", venue: "arXiv", date: "2022", authors: ["Hangfeng He", "Hongming Zhang", "Dan Roth"] });
    expect(records[3]!.authors).toHaveLength(10);
    expect(records[3]!.authors[4]).toBe("Venice Erin Liong");
    expect(records[4]).toMatchObject({ date: null, arxivId: "2303.00332" });
    expect(records[5]!.authors).toEqual(["Qiange Wang", "Chaoyi Chen", "Jingqi Gao", "Zihan Wang", "Yanfeng Zhang", "Ge Yu"]);
    expect(records[6]).toMatchObject({ venue: "IEEE Transactions on Pattern Analysis Machine Intelligence", arxivId: null, volume: "31" });
  });

  it("dblp: multi-line name lists, arXiv from eprint, eprinttype or CoRR volume, crossref venues", () => {
    // dblp.bib (origins in the file)
    const { records, diagnostics } = read("dblp.bib");
    expect(records).toHaveLength(5);
    expect(messages(diagnostics)).toEqual([
      '20 warning: @inproceedings{DBLP:conf/icde/LiZCJW18}: its crossref "DBLP:conf/icde/2018" is not in this file; fields it would inherit are missing',
      "95 warning: @proceedings{DBLP:conf/pldi/2016} is a whole proceedings volume with no authors of its own, not a paper: not read as a record (papers that cross-reference it take its title as their venue)",
    ]);
    expect(records[0]).toMatchObject({
      authors: ["Xiucheng Li", "Kaiqi Zhao", "Gao Cong", "Christian S. Jensen", "Wei Wei"],
      venue: "34th IEEE International Conference on Data Engineering, ICDE 2018, Paris, France, April 16-19, 2018",
      pages: "617-628", doi: "10.1109/icde.2018.00062", publicationType: "inproceedings",
    });
    expect(records.map((r) => r.arxivId)).toEqual([null, "1906.09302", "1911.02116", "1306.2597", null]);
    expect(records[2]!.authors[5]).toBe("Francisco Guzmán");
    expect(records[3]!.authors).toEqual(["Tao Qin", "Tie-Yan Liu"]);
    expect(records[4]!.venue).toBe("Proceedings of the 37th ACM SIGPLAN Conference on Programming Language Design and Implementation, PLDI 2016, Santa Barbara, CA, USA, June 13-17, 2016");
  });

  it("Scopus: header ignored, author vs index keywords, EID, en-dash page ranges, citation counts", () => {
    // scopus.bib (origins in the file)
    const { records, diagnostics } = read("scopus.bib");
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.source.line)).toEqual([9, 31, 54]);
    expect(records[0]).toMatchObject({
      scopusId: "2-s2.0-85169099191", doi: "10.3390/app13169451", citationCount: 3, venue: "Applied Sciences (Switzerland)",
      keywords: ["cyberattacks", "cyber–physical systems", "education", "power systems", "real-time testbed", "smart grids"], indexKeywords: [],
    });
    expect(records[1]).toMatchObject({ pages: "17114-17136", citationCount: 0, authors: ["Nimra Tabish", "Tsai Chaur-Luh"] });
    expect(records[1]!.indexKeywords).toHaveLength(19);
    expect(records[1]!.indexKeywords).toContain("Real - Time system");
    expect(records[2]).toMatchObject({ publicationType: "conference", pages: "563-565", citationCount: null });
  });

  it("Web of Science: keys with a space, ORCIDs by name (parts swapped too), affiliations per author, month and day", () => {
    // wos.bib (origins in the file)
    const { records, diagnostics } = read("wos.bib");
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(3);
    const [sus, swin, plm] = records as [PaperRecord, PaperRecord, PaperRecord];
    expect(sus).toMatchObject({ title: "A Selective Under-Sampling (SUS) Method For Imbalanced Regression", wosId: "WOS:001400275900003", citationCount: 0, pages: "111-136" });
    expect(sus.authorInfo).toEqual([
      { orcid: "0000-0002-3366-8379", ids: [], affiliations: ["Univ Politecn Madrid, Madrid, Spain", "Weill Cornell Med Qatar, Ar Rayyan, Qatar"], alternateNames: [] },
      { orcid: null, ids: [], affiliations: ["Univ Politecn Madrid, Dept Inteligencia Artificial, Biomed Informat Grp, Madrid, Spain"], alternateNames: [] },
    ]);
    expect(swin.authors).toHaveLength(8);
    expect(swin.authorInfo.map((a) => a.orcid)).toEqual(["0000-0002-6374-1805", null, null, null, null, null, "0000-0002-5251-2767", null]);
    expect(swin).toMatchObject({ date: "2023-07", pages: "107037" });
    expect(plm).toMatchObject({ date: "2023-02-08", issue: "1", pages: "41" });
    expect(plm.authorInfo[0]?.orcid).toBe("0000-0002-4210-1200");
  });

  it("publisher downloads: ACM en-dash pages, IEEE's entry on the previous entry's closing line, DOI as URL", () => {
    // publishers.bib (origins in the file)
    const { records, diagnostics } = read("publishers.bib");
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => r.source.line)).toEqual([5, 24, 34, 46]);
    expect(records[0]).toMatchObject({ pages: "71-111", date: "2020-02", keywords: ["Theorem proving", "Higher-order logic", "Fault tree", "Reliability block diagrams", "Smart grid"] });
    expect(records[1]).toMatchObject({ date: "2014-12", pages: "438-443" });
    expect(records[2]).toMatchObject({ date: "2018-01", title: "Communication Modeling for Differential Protection in IEC-61850-Based Substations" });
    expect(records[3]).toMatchObject({ doi: "10.1016/j.epsr.2020.107000", authors: ["M. Krakowski", "K. Kurek", "Ł. Nogal"] });
  });

  it("a thesis bibliography: @STRING macros, # concatenation, month macros, parentheses, a stray line", () => {
    // thesis.bib (constructed part and real thesis entries; origins in the file)
    const { records, diagnostics } = read("thesis.bib");
    expect(messages(diagnostics)).toEqual(['62 warning: @phdthesis{handle:20.500.11811/9245}: the line "urn: https://nbn-resolving.org/urn:nbn:d…" is not a field (name = value); skipped']);
    expect(records).toHaveLength(7);
    expect(records[0]).toMatchObject({ venue: "IEEE Trans. Autom. Control (reprint)", date: "1960-03", authors: ["R. E. Kalman"], pages: "35-45" });
    expect(records[1]).toMatchObject({ venue: "Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)", date: "2016-06", doi: "10.1109/cvpr.2016.90" });
    expect(records[2]).toMatchObject({ date: "1998-11-01", authors: ["Yann LeCun", "Léon Bottou", "Yoshua Bengio", "Patrick Haffner"] });
    expect(records[3]).toMatchObject({ publicationType: "phdthesis", date: "2025-07", venue: null });
    // a doubly braced name is an organisation by BibTeX's rule, even when it is a person's name
    expect(records[4]).toMatchObject({ authors: [], groupAuthors: ["Moritz Wolter"], date: "2021-07", source: { line: 61 } });
    expect(records[5]!.title).toBe("Análise de Sistemas de Multiplexação por Subportadora-SCM");
  });
});

describe("readBibtex on broken entries", () => {
  it("turns each kind of damage into a diagnostic with its line and reads the entries after it", () => {
    // malformed.bib (constructed: one kind of damage per entry)
    const { records, diagnostics } = read("malformed.bib");
    expect(records.map((r) => r.title)).toEqual([
      "Notes on the Analytical Engine", "The Education of a Computer", "On Computable Numbers",
      "A Mathematical Theory of Communication", "Cybernetics", "The Art of Computer Programming",
      "Go To Statement Considered Harmful", "Quicksort", "Can Programming Be Liberated from the von Neumann Style?",
    ]);
    expect(messages(diagnostics)).toEqual([
      '11 error: @article{unbalanced} was skipped: the value of field "title" (line 13) opens a brace on line 13 that is not closed before the next entry on line 17; reading went on at line 17',
      '26 warning: @article{twice}: the field "title" is given twice; the first one (line 25) is kept',
      '32 warning: @article{nocomma}: a comma is missing between the fields "author" and "title"; read as if it were there',
      "36 warning: @article has no citation key; its fields were read",
      "42 error: @article{keyonly} has neither a title nor authors: not read as a paper",
      '44 error: @misc{quote} was skipped: the value of field "title" (line 46) opens a quote on line 46 and has a "}" without its "{" on line 48; reading went on at line 50',
      "50 warning: @article{noclose} is not closed before the next entry on line 55; its fields were read (lines 50-54)",
      '58 warning: text outside any entry looks like a field ("year = {"): an entry above may have been closed too early by an extra "}" (or an entry lost its "@type{key," line); it was not read (lines 58-59)',
      '64 warning: @article{macro}: the field "journal" uses the macro "cj", which no @string defines; kept as the text "cj"',
      '74 error: @article{cut} was skipped: the value of field "title" (line 76) opens a brace on line 76 that is never closed; reading went on at line 77',
    ]);
  });

  it("keeps 1-based lines of the original file with CRLF, LF and CR line ends", () => {
    // malformed.bib with each line end
    const lf = fixture("malformed.bib");
    const base = readBibtex(lf, "x.bib");
    for (const eol of ["\r\n", "\r"]) {
      const other = readBibtex(lf.replace(/\n/g, eol), "x.bib");
      expect(other.records.map((r) => r.source.line)).toEqual(base.records.map((r) => r.source.line));
      expect(other.diagnostics.map((d) => d.line)).toEqual(base.diagnostics.map((d) => d.line));
      expect(other.records.map((r) => r.title)).toEqual(base.records.map((r) => r.title));
    }
  });

  it("reads recoverable damage: a missing comma after the key, a missing =, an empty value, `and others`", () => {
    // constructed: one entry per case
    const text = [
      "@article{smith2020 title = {Joined}, author = {Smith, J. and others}}",
      "@article{jones,",
      "  title {No equals sign},",
      "  volume = ,",
      "  author = {Jones, K}",
      "}",
    ].join("\n");
    const { records, diagnostics } = readBibtex(text, "x.bib");
    expect(records.map((r) => [r.title, r.authors, r.authorsComplete, r.volume])).toEqual([
      ["Joined", ["J. Smith"], false, null],
      ["No equals sign", ["K. Jones"], true, null],
    ]);
    expect(messages(diagnostics)).toEqual([
      "1 warning: @article{smith2020}: the comma after the key is missing; read as if it were there",
      '3 warning: @article{jones}: "=" is missing after the field name "title"; read as if it were there',
      '4 warning: @article{jones}: the field "volume" has no value; read as empty',
    ]);
  });

  it("skips % comments between fields and entries hidden in @comment", () => {
    // constructed: a hand-kept file's habits (a field commented out, a note after a field, an entry in @comment)
    const text = [
      "@comment{@article{old, title = {Old version}, author = {A, B}}}",
      "@article{kept,",
      "  title = {Kept}, % checked against the PDF",
      "%  year = {1999},",
      "  author = {Curie, Marie}",
      "}",
    ].join("\n");
    const { records, diagnostics } = readBibtex(text, "x.bib");
    expect(diagnostics).toEqual([]);
    expect(records.map((r) => [r.title, r.date, r.authors, r.source.line])).toEqual([["Kept", null, ["Marie Curie"], 2]]);
  });

  it("warns about an entry start without its @ and reports an undefined macro once with its count", () => {
    // constructed: a lost "@", and an IEEE bibliography without IEEEabrv.bib (three uses of one macro)
    const text = [
      "article{lost,",
      "  title = {Lost}",
      "}",
      "@article{a, title = {A}, journal = IEEE_J_JSSC}",
      "@article{b, title = {B}, journal = IEEE_J_JSSC}",
      "@article{c, title = {C}, journal = ieee_j_jssc}",
    ].join("\n");
    const { records, diagnostics } = readBibtex(text, "x.bib");
    expect(records.map((r) => r.venue)).toEqual(["IEEE_J_JSSC", "IEEE_J_JSSC", "ieee_j_jssc"]);
    expect(messages(diagnostics)).toEqual([
      '1 warning: "article{lost," looks like the start of an entry without its "@": it was not read (lines 1-3)',
      '4 warning: @article{a}: the field "journal" uses the macro "IEEE_J_JSSC", which no @string defines (used 3 times in this file); kept as the text "IEEE_J_JSSC"',
    ]);
  });

  it("never throws and keeps every line inside the file on arbitrary input", () => {
    // property: random texts over the .bib alphabet
    const alphabet = fc.constantFrom("@", "{", "}", "(", ")", "\"", "=", ",", "#", "%", "\\", " ", "\n", "\r", "a", "article", "title", "author", " and ", "string", "comment", "1999");
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 200 }), (parts) => {
      const text = parts.join("");
      const lines = text.split(/\r\n|\r|\n/).length;
      const { records, diagnostics } = readBibtex(text, "x.bib");
      for (const r of records) expect(r.source.line).toBeGreaterThanOrEqual(1);
      for (const r of records) expect(r.source.line).toBeLessThanOrEqual(lines);
      for (const d of diagnostics) expect(d.line).toBeLessThanOrEqual(lines);
    }), { numRuns: 400, seed: 11 });
  });

  it("stays linear on a long line full of @ that open nothing", () => {
    // constructed: 200,000 "@x " on one line before one entry (each @ once looked back to the line start)
    const text = "note " + "@x ".repeat(200000) + "\n@article{k, title = {T}}\n";
    const start = cpuNow();
    const { records } = readBibtex(text, "x.bib");
    expect(cpuNow() - start).toBeLessThan(3000);
    expect(records.map((r) => r.source.line)).toEqual([2]);
  });

  it("stays linear when every entry has an unclosed brace", () => {
    // constructed: 20,000 entries each missing a closing brace (a quadratic resynchronisation would take minutes)
    const text = Array.from({ length: 20000 }, (_, i) => `@article{k${i},\n  title = {Broken {title,\n  year = {2000}\n}\n`).join("");
    const start = cpuNow();
    const { records, diagnostics } = readBibtex(text, "x.bib");
    expect(cpuNow() - start).toBeLessThan(5000);
    expect(records).toHaveLength(0);
    expect(diagnostics).toHaveLength(20000);
    expect(diagnostics[19999]!.line).toBe(79997);
  });
});

describe("readBibtex field rules", () => {
  const one = (fields: string, type = "article") => {
    const { records, diagnostics } = readBibtex(`@${type}{k,\n  title = {T},\n${fields}\n}`, "x.bib");
    return { record: records[0]!, diagnostics };
  };

  it("takes dates from biblatex date first, then year, month (number, name or macro) and day", () => {
    // constructed: each date form seen in the fixtures and the biblatex manual
    const cases: [string, string | null][] = [
      ["date = {2020-01/2020-03}", "2020-01"],
      ["date = {2020-01-15T10:20:00Z}", "2020-01-15"],
      ["date = {1993-00-00}", "1993"],
      ["date = {2021-02-30}", "2021-02"],
      ["year = {2019}, month = {12}", "2019-12"],
      ["year = {2019}, month = sep", "2019-09"],
      ["year = 2019, month = {Sept.}", "2019-09"],
      ["year = {2019}, month = {jul--aug}", "2019-07"],
      ["year = {2019}, month = {FEB 29}", "2019-02"],
      ["year = {2020}, month = {FEB 29}", "2020-02-29"],
      ["year = {2019}, month = {mai}", "2019-05"],
      ["year = {2005a}", "2005"],
      ["year = {In press}", null],
      ["date = {2018}, year = {2017}", "2018"],
    ];
    for (const [fields, date] of cases) expect(one(fields).record.date, fields).toBe(date);
    expect(messages(one("year = {forthcoming}").diagnostics)).toEqual(['3 warning: @article{k}: the year "forthcoming" holds no four-digit year; the paper has no date']);
    expect(messages(one("year = {2019}, month = {Spring}").diagnostics)).toEqual(['3 warning: @article{k}: the month "Spring" is not a month; the date is the year only']);
  });

  it("finds arXiv ids, DOIs and PubMed ids wherever exporters put them", () => {
    // constructed: one field layout per exporter (biblatex, dblp, Zotero, Google Scholar, JabRef)
    expect(one("eprint = {2301.00001v2}, archivePrefix = {arXiv}").record.arxivId).toBe("2301.00001");
    expect(one("eprint = {hep-th/9901001}").record.arxivId).toBe("hep-th/9901001");
    expect(one("eprint = {12345}, eprinttype = {pubmed}").record).toMatchObject({ arxivId: null, pmid: "12345" });
    expect(one("url = {https://arxiv.org/pdf/2301.00001v1.pdf}").record.arxivId).toBe("2301.00001");
    expect(one("journal = {CoRR}, volume = {abs/2301.00001}").record.arxivId).toBe("2301.00001");
    expect(one("journal = {arXiv preprint arXiv:2301.00001}").record).toMatchObject({ arxivId: "2301.00001", venue: "arXiv" });
    expect(one("journal = {arXiv}").record).toMatchObject({ arxivId: null, venue: "arXiv" });
    expect(one("doi = {https://doi.org/10.1038/S41586-020-2649-2}").record.doi).toBe("10.1038/s41586-020-2649-2");
    expect(one("doi = {10.1007/11880561\\_13}").record.doi).toBe("10.1007/11880561_13");
    expect(one("url = {http://dx.doi.org/10.1145/1137627.1137631}").record.doi).toBe("10.1145/1137627.1137631");
    expect(one("url = {https://example.org/paper?doi=10.1/x}").record.doi).toBeNull();
    expect(one("pmid = {PMID: 31452104}").record.pmid).toBe("31452104");
  });

  it("reads venue, volume, issue, pages, keywords, abstract and ORCID annotations", () => {
    // constructed: biblatex names (journaltitle, issue, author+an:orcid) and BibTeX names
    const { record } = one([
      "  journaltitle = {Nature}, journal = {Nat.}, volume = {585}, issue = {7825}, pages = {357--362},",
      "  keywords = {NumPy; Python, arrays; NumPy},",
      "  abstract = {Array programming provides a {\\em powerful}, compact~syntax \\& more.},",
      "  author = {Harris, Charles R. and {NumPy Developers} and Millman, K. Jarrod},",
      "  author+an:orcid = {1=\"0000-0002-1825-0097\"; 3=0000-0002-1825-0098; 2=0000-0001-5109-3700},",
    ].join("\n"));
    expect(record).toMatchObject({
      venue: "Nature", volume: "585", issue: "7825", pages: "357-362", keywords: ["NumPy", "Python, arrays"],
      abstract: "Array programming provides a powerful, compact syntax & more.",
      authors: ["Charles R. Harris", "K. Jarrod Millman"], groupAuthors: ["NumPy Developers"],
    });
    // position 2 is the group author; 0000-0002-1825-0098 has a wrong checksum
    expect(record.authorInfo.map((a) => a.orcid)).toEqual(["0000-0002-1825-0097", null]);
    expect(one("booktitle = {Proc. CHI}, articleno = {12}", "inproceedings").record).toMatchObject({ venue: "Proc. CHI", pages: "12" });
    expect(one("author = {Solo, Han}, orcid = {https://orcid.org/0000-0002-1825-0097}").record.authorInfo[0]?.orcid).toBe("0000-0002-1825-0097");
    expect(one("author = {Solo, Han}").record.authorInfo).toEqual([]);
  });
});

describe("BibTeX names and text", () => {
  it("splits name lists on `and` outside braces only", () => {
    // constructed: BibTeX's rules (braces protect "and"; any case and white space around it)
    expect(splitNameList("A, B and {Barnes and Noble} AND  C, D\n and E")).toEqual(["A, B", "{Barnes and Noble}", "C, D", "E"]);
    expect(splitNameList("Anderson, Ann and Sandand, Bo")).toEqual(["Anderson, Ann", "Sandand, Bo"]);
    // constructed: a name list padded with 100,000 blanks is split in linear time
    const padded = `A, B${" ".repeat(100000)}and C, D`;
    const start = cpuNow();
    expect(splitNameList(padded)).toEqual(["A, B", "C, D"]);
    expect(cpuNow() - start).toBeLessThan(1000);
    expect(isWholeBraced("{World Health Organization}")).toBe(true);
    expect(isWholeBraced("{Van Dyke}, Dick")).toBe(false);
    expect(isWholeBraced("{A} {B}")).toBe(false);
  });

  it("turns each BibTeX name form into Given Surname", () => {
    // constructed from the forms in the fixtures and the BibTeX documentation
    const cases: [string, string][] = [
      ["D{\\\"o}rner, Dietrich", "Dietrich Dörner"],
      ["Fran{\\c c}ois Ch{\\'e}rel", "François Chérel"],
      ["Stra{\\ss}mann, Wolfgang", "Wolfgang Straßmann"],
      ["Garc\\'{\\i}a, Jos\\'e", "José García"],
      ["von Neumann, John", "John von Neumann"],
      ["Sherry, John F., Jr.", "John F. Sherry Jr."],
      ["Bennett, Jr., Frank G.", "Frank G. Bennett Jr."],
      ["{Van Dyke}, Dick", "Dick Van Dyke"],
      ["Tie{-}Yan Liu", "Tie-Yan Liu"],
      ["Liu, J.M.", "J. M. Liu"],
      ["Ludwig~van Beethoven", "Ludwig van Beethoven"],
    ];
    for (const [raw, display] of cases) expect(personName(raw).display, raw).toBe(display);
  });

  it("removes case-protecting braces and formatting commands, keeping math it does not understand", () => {
    // constructed: title forms from Better BibTeX, dblp and hand-kept files
    expect(bibText("Reading {{HLA Hart}}'s: {{{\\emph{The Concept}}}}{\\emph{ of }}{{{\\emph{Law}}}}")).toBe("Reading HLA Hart's: The Concept of Law");
    expect(bibText("A \\textbf{Bold {GPU}} study --- and {\\em more} -- pages 1--2")).toBe("A Bold GPU study — and more – pages 1–2");
    expect(bibText("Sets \\{x\\} and 50\\% of \\$5")).toBe("Sets {x} and 50% of $5");
    expect(bibText("loss $\\mathcal{L}_{seg}$ term")).toBe("loss $\\mathcal{L}_{seg}$ term");
    expect(bibText("$^{18}${F}-FDG")).toBe("¹⁸F-FDG");
  });
});

describe("readDocument with BibTeX", () => {
  it("detects a .bib by content under a wrong name and reads it", () => {
    // publishers.bib saved as library.txt
    const doc = readDocument({ file: "library.txt", text: fixture("publishers.bib") });
    expect(doc.format).toBe("bibtex");
    expect(doc.records).toHaveLength(4);
    expect(doc.records[0]!.source).toEqual({ file: "library.txt", line: 5 });
    expect(doc.diagnostics).toEqual([]);
  });

  it("reads a file with a BOM and CRLF line ends", () => {
    // jabref.bib as Windows JabRef writes it
    const doc = readDocument({ file: "refs.bib", text: "\uFEFF" + fixture("jabref.bib").replace(/\n/g, "\r\n") });
    expect(doc.format).toBe("bibtex");
    expect(doc.records.map((r) => r.source.line)).toEqual([20, 36, 53, 68, 85, 103, 110]);
  });
});

describe("generateBibtex (speed-check input)", () => {
  it("is seeded and reads back whole: one record per entry, no diagnostics", () => {
    // scripts/formats/generate-bibtex.ts, 300 entries
    const text = generateBibtex(300, 7);
    expect(generateBibtex(300, 7)).toBe(text);
    expect(generateBibtex(300, 8)).not.toBe(text);
    const { records, diagnostics } = readBibtex(text, "generated.bib");
    expect(diagnostics).toEqual([]);
    expect(records).toHaveLength(300);
    const authors = records.reduce((n, r) => n + r.authors.length + r.groupAuthors.length, 0) / records.length;
    expect(authors).toBeGreaterThan(4);
    expect(authors).toBeLessThan(8);
    expect(records.every((r) => r.abstract && r.keywords.length > 0 && r.doi && r.date)).toBe(true);
  });
});

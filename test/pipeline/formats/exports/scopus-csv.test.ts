import { readFileSync } from "node:fs";
import { cpuNow } from "../../../helpers/cpu-clock";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { decodeInput } from "../../../../src/pipeline/formats/decode";
import { MAX_SPAN_LINES } from "../../../../src/pipeline/formats/exports/delimited";
import { readScopus, sniffScopus, splitScopusAuthors } from "../../../../src/pipeline/formats/exports/scopus-csv";

// Fixture origins: test/fixtures/formats/scopus/README.md (excerpts of real exports found in public repositories).
const FIXTURES = new URL("../../../fixtures/formats/scopus/", import.meta.url);
const fixture = (name: string) => decodeInput(new Uint8Array(readFileSync(new URL(name, FIXTURES))));
const read = (name: string) => readDocument({ file: name, text: fixture(name) });

describe("Scopus CSV: real exports of each period", () => {
  it("2023 on: full names with Scopus ids, short names as alternates, affiliations per author, new references", () => {
    // bibliometrix scopus_sample.csv, rows 1-2
    const doc = read("bibliometrix-2026.csv");
    expect(doc.format).toBe("scopus-csv");
    expect(doc.diagnostics).toEqual([]);
    const [liu, owusu] = doc.records;
    expect(liu!.source).toEqual({ file: "bibliometrix-2026.csv", line: 2 });
    expect(liu!.authors).toEqual(["Fengyuan Liu", "Chunyun Li", "Yong Liu", "Yufei Li"]);
    expect(liu!.authorInfo[0]).toEqual({
      orcid: null, ids: ["scopus:60410297700"], alternateNames: ["F. Liu"],
      affiliations: ["Department of Clinical Medicine, Hunan Normal University Health Science Center, Hunan, Changsha, China"],
    });
    // Two authors printed "Li C." / "Li Y." and "Liu Y.": each affiliation entry goes to its own slot.
    expect(liu!.authorInfo[3]!.affiliations[0]).toMatch(/^Department of Surgery/);
    expect(liu).toMatchObject({ date: "2026", venue: "Digital Health", volume: "12", doi: "10.1177/20552076261415846",
      scopusId: "2-s2.0-105030721984", citationCount: 0, publicationType: "Article" });
    // New reference format: ";" between a reference's authors, each reference ending with its year.
    expect(liu!.references[0]).toBe("The global epidemic of low back pain, Lancet Rheumatol, 5, (2023)");
    expect(liu!.references[1]).toMatch(/^Cheng M\.; Xue Y\.; Cui M\., Global, regional, and national burden .*\(2025\)$/);
    expect(owusu).toMatchObject({ pmid: "41494690", pages: "307-319", issue: "2" });
    expect(owusu!.indexKeywords.slice(0, 3)).toEqual(["Africa", "Bibliometrics", "Biomedical Research"]);
  });

  it("about 2021: Author(s) ID with a trailing ';', extra funding-text cells, a multi-line cell, no author", () => {
    // litstudy tests/resources/scopus.csv, rows 1, 3 and 9 (row 3 has 46 cells under 45 names and spans two lines)
    const doc = read("litstudy-2021.csv");
    expect(doc.diagnostics).toEqual([]);
    const [namd, petri, conference] = doc.records;
    expect(namd!.authors.slice(0, 3)).toEqual(["J. C. Phillips", "R. Braun", "W. Wang"]);
    expect(namd!.authorInfo.map((a) => a.ids[0])).toEqual([
      "scopus:57202138757", "scopus:7402220509", "scopus:56948551400", "scopus:8553717000", "scopus:6701753117",
      "scopus:8412476700", "scopus:7003715790", "scopus:7005206020", "scopus:7005862685", "scopus:7102415947",
    ]);
    expect(namd).toMatchObject({ citationCount: 13169, publicationType: "Review", pages: "1781-1802" });
    // The extra "Funding Text 2" cell is dropped and the columns after it stay aligned.
    expect(petri!.source.line).toBe(3);
    expect(petri).toMatchObject({ publicationType: "Article", scopusId: "2-s2.0-85123480963", pmid: "35064163", pages: "1135" });
    expect(petri!.references[0]).toBe("Edelstein-Keshet, L., (2005) Mathematical Models in Biology, , SIAM");
    expect(conference!.source.line).toBe(5);
    expect(conference!.authors).toEqual([]);
    expect(conference!.authorsComplete).toBe(false);
    expect(conference!.title).toBe("11th International Conference on Bioinformatics and Computational Biology, BICOB 2019");
  });

  it("about 2016: no ids, comma-separated short names, inverted names in affiliations, <inf> markup", () => {
    // metaknowledge scopus_testing.csv.scopus, rows 1-4 and 87
    const doc = read("metaknowledge-2016.csv");
    expect(doc.diagnostics).toEqual([]);
    const [yagai, ybco, janko, lange, lancet] = doc.records;
    expect(yagai!.authors).toHaveLength(11);
    expect(yagai!.authors[0]).toBe("T. Yagai");
    expect(yagai!.authorInfo[0]).toEqual({ orcid: null, ids: [], alternateNames: [], affiliations: ["Sophia University, Tokyo, Japan"] });
    // "Art. No." " 7433444" (leading space) stands in for pages.
    expect(yagai!.pages).toBe("7433444");
    expect(ybco!.title).toBe("A Novel Partial Melting Process for YBa2Cu3O7−z Superconducting Films by Fluorine-Free Polymer-Assisted Metal Organic Deposition Approach");
    expect(ybco!.keywords).toContain("YBa2Cu3O7−z");
    expect(janko!.authors).toEqual(["Janko Wolfgang"]);
    expect(janko!.authorInfo[0]!.affiliations[0]).toMatch(/^Univ Karlsruhe, Inst fuer/);
    expect(janko!.doi).toBeNull();
    expect(lange!.authors).toEqual(["B. Lange"]);
    expect(lancet!.authors).toEqual([]);
    expect(lancet).toMatchObject({ pmid: "15894097", citationCount: 4188 });
    // Old references: "; " between references, "," inside them.
    expect(lancet!.references[0]).toBe("Review of mortality results in randomised trials in early breast cancer (1984) Lancet, 2, p. 1205. , Anon");
  });

  it("2018: the Author Ids column, a Jr. suffix as its own piece, a two-word surname", () => {
    const ids = read("litsearchr-2018-author-ids.csv").records[0]!;
    expect(ids.authors).toEqual(["A. R. Little", "L. Mike Conner", "M. J. Chamberlain", "N. P. Nibbelink", "R. J. Warren"]);
    expect(ids.authorInfo[1]).toMatchObject({ ids: ["scopus:54924456100"], affiliations: ["Joseph W. Jones Ecological Research Center at Ichauway, Newton, GA 39870, United States"] });
    expect(ids.pages).toBe("20");
    const jr = read("litsearchr-2018.csv").records[0]!;
    expect(jr.authors).toEqual(["K. J. Gutzwiller", "J. D. White", "W. C. Barrow Jr.", "L. Johnson-Randall"]);
    expect(jr.authorInfo[2]!.affiliations[0]).toMatch(/^U\.S\. Geological Survey/);
  });
});

describe("Scopus Authors cell layouts", () => {
  const names = (cell: string) => splitScopusAuthors(cell).map((n) => n.display);

  it("reads every separator style", () => {
    // older: ", " between "Surname I." names
    expect(names("Tingley M.W., Stillman A.N.")).toEqual(["M. W. Tingley", "A. N. Stillman"]);
    // about 2022 (bibliometrix issue #247): surname and initials comma-separated too
    expect(names("Gatica, G.N., Sequeira, F.A.")).toEqual(["G. N. Gatica", "F. A. Sequeira"]);
    expect(names("Gatica, G.N.")).toEqual(["G. N. Gatica"]);
    // newer: "; " between names, with or without the comma
    expect(names("Tingley, M.W.; Stillman, A.N.")).toEqual(["M. W. Tingley", "A. N. Stillman"]);
    expect(names("Hao J.; High R.; Siu K.-C.")).toEqual(["J. Hao", "R. High", "K.-C. Siu"]);
    expect(names("Barrow W.C., Jr., Johnson-Randall L.")).toEqual(["W. C. Barrow Jr.", "L. Johnson-Randall"]);
    expect(names("Barrow W.C., Jr.; Johnson-Randall L.")).toEqual(["W. C. Barrow Jr.", "L. Johnson-Randall"]);
    expect(names("Barrow, W.C., Jr.; Johnson-Randall, L.")).toEqual(["W. C. Barrow Jr.", "L. Johnson-Randall"]);
    expect(names("Prabowo; Li X.")).toEqual(["Prabowo", "X. Li"]);
    expect(names("[No author name available]")).toEqual([]);
    expect(names("")).toEqual([]);
  });
});

describe("Scopus CSV: damaged and adversarial input", () => {
  const header = '"Authors","Author full names","Author(s) ID","Title","Year","Source title","DOI","EID"';
  const row = (n: number, title = `Title ${n}`) =>
    `"Tingley M.W.; Stillman A.N.","Tingley, Morgan W. (5720351234${n}); Stillman, Andrew N. (5720351235${n})","5720351234${n}; 5720351235${n}","${title}","2019","Condor","10.1000/${n}","2-s2.0-${n}"`;

  it("confines an unclosed quote to its own row and reads the rows after it", () => {
    // constructed: the closing quote of row 2's title is missing
    const text = [header, row(1), row(2, 'Broken "title').replace('title","2019"', 'title,"2019"'), row(3), row(4), ""].join("\r\n");
    const r = readScopus(text, "s.csv");
    expect(r.records.map((x) => x.scopusId)).toEqual(["2-s2.0-1", "2-s2.0-3", "2-s2.0-4"]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 3, severity: "error" });
  });

  it("a quoted cell that never closes skips only its own line and the fragments of it", () => {
    // constructed: a cut file, the last row's abstract-like cell open over three lines at the end
    const text = [header, row(1), `"A B.","A, B (1)","1","Cut title","2019","Condor","10.1000/9","2-s2.0-9`, "fragment line one", "fragment, line, two"].join("\n");
    const r = readScopus(text, "cut.csv");
    expect(r.records.map((x) => x.scopusId)).toEqual(["2-s2.0-1"]);
    expect(r.diagnostics).toEqual([{ file: "cut.csv", line: 3, severity: "error",
      message: expect.stringMatching(/never closed .* the following 2 lines were fragments of it and were skipped too$/) }]);
  });

  it("a stray quote that would merge rows loses one line only", () => {
    // constructed: the last cell of row 2 lacks its closing quote, so its quoting runs into row 3. (A quote inside an
    // unquoted cell, as in `,x",`, is literal text and harms nothing.)
    const text = [header, row(1), '"Broken, A.","x","1","t","2019","C","d","2-s2.0-2', row(3), row(4), '"A",x",1,t,2019,C,d,2-s2.0-5', ""].join("\n");
    const r = readScopus(text, "m.csv");
    expect(r.records.map((x) => x.scopusId)).toEqual(["2-s2.0-1", "2-s2.0-3", "2-s2.0-4", "2-s2.0-5"]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([[3, 'this line starts a quoted cell that runs into the next rows (a stray "?); the line is skipped and reading resumes on the next line']]);
  });

  it("reports rows with too few or too many cells and keeps quoted newlines inside a row", () => {
    // constructed
    const multi = row(5).replace('"Title 5"', '"Title over\ntwo lines"');
    const text = [header, '"only","three","cells"', multi, `${row(6)},"extra"`, `${row(7)},,`, ""].join("\n");
    const r = readScopus(text, "w.csv");
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[3, "Title over two lines"], [6, "Title 7"]]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, "this row has 3 cells where the header has 8; the row is skipped"],
      [5, "this row has 9 cells where the header has 8; the row is skipped"],
    ]);
  });

  it("warns when ids cannot be matched to authors, and when a year is not a year", () => {
    // constructed: the older layout (no full names) with one id too many
    const text = 'Authors,Author(s) ID,Title,Year,Source title,EID\n"Tingley M.W., Stillman A.N.","1;2;3;",T,20l9,S,2-s2.0-1\n';
    const r = readScopus(text, "i.csv");
    expect(r.records[0]!.authorInfo).toEqual([]);
    expect(r.records[0]!.date).toBeNull();
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      "Author(s) ID lists 3 ids for 2 authors; the ids are not used",
      'Year "20l9" is not a year; the date is left empty',
    ]);
  });

  it("reads a spreadsheet re-save with ';' between cells, and a header starting with Author full names", () => {
    // constructed: Excel in a European locale writes ";"
    const semi = 'Authors;Title;Year;Source title;EID\r\n"Tingley M.W., Stillman A.N.";"A title; with a semicolon";2019;Condor;2-s2.0-7\r\n';
    const r = readDocument({ file: "excel.csv", text: semi });
    expect(r.format).toBe("scopus-csv");
    expect(r.records[0]).toMatchObject({ title: "A title; with a semicolon", authors: ["M. W. Tingley", "A. N. Stillman"], scopusId: "2-s2.0-7" });
    const full = '"Author full names","Title","Year","Source title","EID"\n"Tingley, Morgan W. (57203512345)","T","2019","Condor","2-s2.0-8"\n';
    const f = readDocument({ file: "f.txt", text: full });
    expect(f.format).toBe("scopus-csv");
    expect(f.records[0]!.authors).toEqual(["Morgan W. Tingley"]);
    expect(f.records[0]!.authorInfo[0]!.ids).toEqual(["scopus:57203512345"]);
  });

  it("reads a tab-separated re-save (Excel's Unicode text) with a quoted cell over two lines", () => {
    // constructed: what Excel writes for a Scopus export saved as "Unicode text" (after decoding)
    const text = 'Authors\tTitle\tYear\tSource title\tAbstract\tEID\r\nTingley M.W.\t"A ""quoted"" title"\t2019\tCondor\t"First paragraph.\nSecond."\t2-s2.0-9\r\n';
    const r = readDocument({ file: "scopus.txt", text });
    expect(r.format).toBe("scopus-csv");
    expect(r.diagnostics).toEqual([]);
    expect(r.records[0]).toMatchObject({ title: 'A "quoted" title', abstract: "First paragraph. Second.", scopusId: "2-s2.0-9" });
  });

  it("stays linear on pathological quoting", () => {
    // constructed: every line opens a quote that never closes
    const lines = Array.from({ length: 20000 }, (_, i) => `"open ${i},x,y`);
    const t0 = cpuNow();
    const r = readScopus([header, ...lines].join("\n"), "p.csv");
    expect(cpuNow() - t0).toBeLessThan(5000);
    expect(r.records).toEqual([]);
    // One diagnostic per run of MAX_SPAN_LINES fragments at most, every line accounted for.
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.length).toBeLessThanOrEqual(Math.ceil(20000 / MAX_SPAN_LINES) + 1);
  });
});

describe("Scopus sniffing", () => {
  it("needs Authors or Author full names, Title, and EID or Source title", () => {
    expect(sniffScopus("\uFEFFAuthors,Author(s) ID,Title,Year,Source title,EID\n")).toBe(true);
    expect(sniffScopus('"Authors","Title","Year","Source title"\n')).toBe(true);
    expect(sniffScopus("title,authors,year\n")).toBe(false);
    expect(sniffScopus("Authors,Title,Year\n")).toBe(false);
    // A spreadsheet that happens to have an "EID" column but no titles is not Scopus.
    expect(sniffScopus("Name,EID,Value\n")).toBe(false);
  });

  it("is detected by content under a wrong name, and other CSVs are not", () => {
    expect(readDocument({ file: "scopus.ris", text: fixture("metaknowledge-2016.csv") }).format).toBe("scopus-csv");
    expect(readDocument({ file: "data.csv", text: "title,authors,year\nA,B,2020\n" }).format).toBeNull();
  });
});

describe("Scopus CSV: two rows run together", () => {
  it("reads a row whose quoted cell swallowed the next row's start, and says so with the lines (found by the fuzz run)", () => {
    // constructed from litstudy-2021.csv: its second and third data rows each cut inside a quoted cell, so the
    // fragments close each other's quotes and make one row of the header's width
    const lines = fixture("litstudy-2021.csv").split("\n");
    lines[1] = lines[1]!.slice(0, 1139176558 % lines[1]!.length);
    lines[2] = lines[2]!.slice(0, 696123544 % lines[2]!.length);
    const r = readDocument({ file: "scopus.csv", text: lines.join("\n") });
    expect(r.records.map((x) => x.source.line)).toEqual([2, 5]);
    expect(r.diagnostics).toEqual([{
      file: "scopus.csv", line: 2, severity: "warning",
      message: "a quoted cell of this row runs over lines 2-4, and line 3 reads like the start of another row: two rows may have run together (a quote cut or missing); read as one row",
    }]);
    // An undamaged export with abstracts over several lines raises nothing.
    expect(read("litstudy-2021.csv").diagnostics).toEqual([]);
  });
});

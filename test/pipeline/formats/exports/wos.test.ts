import { readFileSync } from "node:fs";
import { cpuNow } from "../../../helpers/cpu-clock";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../../src/pipeline/formats";
import { decodeInput } from "../../../../src/pipeline/formats/decode";
import { detectExport } from "../../../../src/pipeline/formats/exports";
import { readWos, sniffWos } from "../../../../src/pipeline/formats/exports/wos";
import { readWosTab, sniffWosTab } from "../../../../src/pipeline/formats/exports/wos-tab";
import { referenceId, wosDateParts, wosName } from "../../../../src/pipeline/formats/exports/wos-record";

// Fixture origins: test/fixtures/formats/wos/README.md (excerpts of real exports found in public repositories).
const FIXTURES = new URL("../../../fixtures/formats/wos/", import.meta.url);
const fixture = (name: string) => decodeInput(new Uint8Array(readFileSync(new URL(name, FIXTURES))));
const read = (name: string) => readDocument({ file: name, text: fixture(name) });

describe("Web of Science plain text: real exports", () => {
  it("reads Core Collection records: full names over short ones, C1 per author, RI/OI by name, ids, dates, references", () => {
    // bibliometrix wos_sample.txt, records 3 and 6
    const doc = read("bibliometrix-core.txt");
    expect(doc.format).toBe("wos");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records).toHaveLength(2);
    const [aria, lopez] = doc.records;
    expect(aria!.source).toEqual({ file: "bibliometrix-core.txt", line: 3 });
    expect(aria!.title).toBe("bibliometrix: An R-tool for comprehensive science mapping analysis");
    expect(aria!.authors).toEqual(["Massimo Aria", "Corrado Cuccurullo"]);
    expect(aria!.authorsComplete).toBe(true);
    expect(aria!.authorInfo).toEqual([
      // "RI ; Aria, Massimo/O-7983-2015" and "OI CUCCURULLO, Corrado/...; Aria,\n   Massimo/0000-0002-8517-9411"
      { orcid: "0000-0002-8517-9411", ids: ["wos-rid:O-7983-2015"], alternateNames: ["M. Aria"],
        affiliations: ["Univ Napoli Federico II, Dept Econ & Stat, Via Cintia, I-80126 Naples, Italy."] },
      { orcid: "0000-0002-7401-8575", ids: [], alternateNames: ["C. Cuccurullo"],
        affiliations: ["Univ Campania Luigi Vanvitelli, Dept Econ & Management, Capua, CE, Italy."] },
    ]);
    expect(aria).toMatchObject({
      wosId: "WOS:000418020600003", doi: "10.1016/j.joi.2017.08.007", venue: "JOURNAL OF INFORMETRICS", volume: "11",
      issue: "4", pages: "959-975", date: "2017-11", publicationType: "Article", citationCount: 8858,
    });
    // DE continues on a second line; ID is Keywords Plus.
    expect(aria!.keywords).toEqual(["sBibliometrics", "Science mapping", "Workflow", "Co-citation", "Bibliographic coupling", "R package"]);
    expect(aria!.indexKeywords.slice(0, 4)).toEqual(["INFORMATION-SCIENCE", "SCIENTIFIC WORKFLOWS", "AUTHOR COCITATION", "CITATION IMAGE"]);
    expect(aria!.references[0]).toBe("Alavifard S., 2015, HINDEXCALCULATOR H I");
    expect(aria!.references).toHaveLength(6);
    // Record 6: AR article number, RI/OI spellings that match no AF name are not forced onto anyone.
    expect(lopez!.authors).toEqual(["Alejandro Carlos Campina Lopez", "Antonio Alejandro Lorca Marin", "M. angeles de las Heras Perez"]);
    expect(lopez!.authorInfo.map((a) => a.orcid)).toEqual([null, null, null]);
    expect(lopez!.authorInfo.map((a) => a.alternateNames)).toEqual([["A. C. C. López"], ["A. A. L. Marín"], ["M. A. D. Pérez"]]);
    expect(lopez!.authorInfo.every((a) => a.affiliations[0] === "Univ Huelva, Dept Didact Integradas, Huelva, Spain.")).toBe(true);
    expect(lopez).toMatchObject({ pages: "1102", date: "2024-03", doi: "10.25267/rev_eureka_ensen_divulg_cienc.2024.v21.i1.1102" });
    expect(lopez!.references).toContain("doi:10.1016/j.joi.2017.08.007");
  });

  it("keeps group authors (CA) apart from people, one group per line", () => {
    // metaknowledge ManyAuthors.isi, records 55 and 47 (UTF-8 BOM)
    const doc = read("metaknowledge-group-authors.txt");
    expect(doc.diagnostics).toEqual([]);
    const [octopus, sts] = doc.records;
    expect(octopus!.groupAuthors).toEqual(["Octopus Study Grp"]);
    expect(octopus!.authors).toHaveLength(9);
    expect(octopus!.authors).not.toContain("Octopus Study Grp");
    expect(octopus).toMatchObject({ pmid: "17312289", date: "2007-02-21", pages: "701-708" });
    // Unbracketed C1 addresses with nine authors cannot be given to anyone; RI/OI still find Grobbee.
    expect(octopus!.authorInfo.every((a) => a.affiliations.length === 0)).toBe(true);
    expect(octopus!.authorInfo[6]).toMatchObject({ orcid: "0000-0003-4472-4468", ids: ["wos-rid:C-7651-2014"] });
    expect(sts!.groupAuthors).toEqual(["Soc Thoracic Surgeons Blood", "Soc Cardiovascular Anesthe"]);
    expect(sts!.authors).toContain("Eugene A. Hessel II");
    // A structured abstract on several lines is one text.
    expect(sts!.abstract).toMatch(/^Background\. A minority of patients/);
  });

  it("reads Zoological Record: e-mail in AU stripped, Name; Address C1 wrapped, PS pages, descriptor keywords", () => {
    // litsearchr zoorec.txt, record 1
    const doc = read("litsearchr-zoological-record.txt");
    expect(doc.diagnostics).toEqual([]);
    const [r] = doc.records;
    expect(r!.authors).toEqual(["Andrew N. Stillman", "Rodney B. Siegel", "Robert L. Wilkerson", "Matthew Johnson", "Christine A. Howell", "Morgan W. Tingley"]);
    expect(r!.authorInfo[0]).toEqual({
      orcid: "0000-0001-6692-380X", ids: ["wos-rid:L-6080-2019"], alternateNames: [],
      affiliations: ["Univ Connecticut, Ecol & Evolutionary Biol, Storrs, CT, 06269, USA, USA."],
    });
    // "Tingley, Morgan W/F-8519-2011" and an OI wrapped after "Morgan".
    expect(r!.authorInfo[5]).toMatchObject({ orcid: "0000-0002-1477-2218", ids: ["wos-rid:F-8519-2011"] });
    expect(r).toMatchObject({ wosId: "ZOOREC:ZOOR15512090342", pages: "duz039", date: "2019-08-01", venue: "Condor" });
    expect(r!.keywords.slice(0, 5)).toEqual(["Picoides arcticus", "Conservation measures", "Management implications", "habitat characteristics", "Habitat management"]);
    expect(r!.keywords).toContain("Plumas & Lassen National Forests");
  });

  it("reads continuation lines that are not indented (BIOSIS via Zotero's test case)", () => {
    const doc = read("zotero-bci-unindented.txt");
    expect(doc.diagnostics).toEqual([]);
    const [r] = doc.records;
    expect(r!.title).toBe("Importance of methane-derived carbon as a basal resource for two benthic consumers in arctic lakes");
    expect(r!.authors).toEqual(["Cassandra A. Medvedeff", "Anne E. Hershey"]);
    expect(r!.abstract).toMatch(/^Microbial processing of detritus .* deposit-feeding benthic invertebrates\.$/);
    expect(r).toMatchObject({ wosId: "BCI:BCI201300112663", date: "2013-01", pages: "221-230", doi: "10.1007/s10750-012-1232-8" });
  });

  it("decides indented or not per export when files from different databases are glued together", () => {
    const text = fixture("bibliometrix-core.txt") + fixture("zotero-bci-unindented.txt");
    const r = readWos(text, "glued.txt");
    expect(r.diagnostics).toEqual([]);
    expect(r.records.map((x) => x.wosId)).toEqual(["WOS:000418020600003", "WOS:001186408000010", "BCI:BCI201300112663"]);
    expect(r.records[2]!.authors).toEqual(["Cassandra A. Medvedeff", "Anne E. Hershey"]);
  });

  it("reads several exports glued together, each with its FN/VR/EF, and other databases' fields", () => {
    const doc = read("zotero-other-databases.txt");
    expect(doc.diagnostics).toEqual([]);
    expect(doc.records.map((r) => r.wosId)).toEqual([
      "CABI:19982209000", "WOS:000290115300030", "CABI:20113178956", "FSTA:1998-09-Sn1570", "FSTA:1989-04-N-0004",
      "CABI:19910448509", "DIIDW:202018799C",
    ]);
    const [cabi, poem, , thesis, , , patent] = doc.records;
    expect(cabi).toMatchObject({ pages: "170", date: "1998", publicationType: "Abstract only" });
    expect(cabi!.keywords).toEqual(["anaesthesia", "halothane", "muscle relaxants", "pharmacokinetics"]);
    expect(poem).toMatchObject({ title: "Gripewater", date: "2011", pages: "82", authors: ["J. Mark Smith"] });
    expect(thesis!.date).toBe("1998");
    expect(patent!.authors).toEqual(["Y. YANG", "W. LI"]);
    expect(patent!.abstract).toMatch(/^NOVELTY - Use of reagent/);
  });

  it("recovers a tag glued to its value and keeps both neighbours", () => {
    // metaknowledge testFile.isi: "AUGilles, H" in the second of three records
    const doc = read("metaknowledge-glued-tag.txt");
    expect(doc.records).toHaveLength(3);
    expect(doc.records[1]!.authors).toEqual(["H. Gilles", "S. Girard", "J. Hamel"]);
    expect(doc.records[2]!.source.line).toBe(89);
    expect(doc.diagnostics).toEqual([{ file: "metaknowledge-glued-tag.txt", line: 47, severity: "warning",
      message: 'the tag AU is not followed by a space ("AUGilles, H"); read as AU' }]);
  });
});

describe("Web of Science plain text: damaged and adversarial input", () => {
  const rec = (ut: string, extra = "") => `PT J\nAU Roach, M\nAF Roach, Mack\nTI Title ${ut}\n${extra}UT WOS:${ut}\nER\n`;

  it("a record without ER ends at the next PT, the next FN or the end of the file, with a warning each", () => {
    // constructed: ER lines deleted
    const text = `FN Clarivate Analytics Web of Science\nVR 1.0\n${rec("1").replace("ER\n", "")}\n${rec("2")}FN Clarivate Analytics Web of Science\nVR 1.0\n${rec("3").replace("ER\n", "")}FN x\nVR 1.0\n${rec("4").replace("ER\n", "")}`;
    const r = readWos(text, "cut.txt");
    expect(r.records.map((x) => x.wosId)).toEqual(["WOS:1", "WOS:2", "WOS:3", "WOS:4"]);
    expect(r.diagnostics.map((d) => [d.line, d.message.slice(0, 45)])).toEqual([
      [3, "this record has no ER line; it ends where the"],
      [17, "this record has no ER line; it ends where ano"],
      [24, "this record has no ER line at the end of the "],
    ]);
  });

  it("skips text between records with one warning per run, and never loses the records around it", () => {
    // constructed: a note pasted between two records
    const text = `${rec("1")}\nsome notes pasted here\nmore notes\n${rec("2")}`;
    const r = readWos(text, "notes.txt");
    expect(r.records.map((x) => x.wosId)).toEqual(["WOS:1", "WOS:2"]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 8, severity: "warning" });
    expect(r.diagnostics[0]!.message).toContain("2 lines of text outside any record");
  });

  it("reports an empty export, an anonymous record and a record with nothing to identify it", () => {
    // constructed
    expect(readWos("FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n", "e.txt").diagnostics[0]!.message).toContain("header but no records");
    const anon = readWos("PT J\nAU [Anonymous]\nTI Editorial\nUT WOS:9\nER\n", "a.txt");
    expect(anon.records[0]!.authors).toEqual([]);
    expect(anon.records[0]!.authorsComplete).toBe(false);
    const empty = readWos("PT J\nLA English\nER\n", "n.txt");
    expect(empty.records).toEqual([]);
    expect(empty.diagnostics[0]).toMatchObject({ line: 1, message: expect.stringContaining("no title, no authors and no identifier") });
  });

  it("warns about an ORCID with a wrong check digit and a malformed ResearcherID instead of using them", () => {
    // constructed: last digit of Aria's ORCID changed
    const r = readWos(rec("5", "RI Roach, Mack/ABC\nOI Roach, Mack/0000-0002-8517-9412\n"), "ids.txt");
    expect(r.records[0]!.authorInfo[0]!.orcid).toBeNull();
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      'RI: "ABC" for Roach, Mack is not a ResearcherID (like A-1234-2010); not used',
      'OI: "0000-0002-8517-9412" for Roach, Mack is not a valid ORCID iD (wrong check digit or form); not used',
    ]);
  });

  it("CRLF, CR-only line ends and a BOM inside a concatenated file read the same as LF", () => {
    // constructed from one record
    const lf = `FN x\nVR 1.0\n${rec("7", "C1 [Roach, Mack] Univ X, City, Country.\n")}EF\n`;
    const expected = readWos(lf, "f").records;
    expect(readWos(lf.replace(/\n/g, "\r\n"), "f").records).toEqual(expected);
    expect(readWos(lf.replace(/\n/g, "\r"), "f").records).toEqual(expected);
    expect(readWos(`${lf}\uFEFF${lf}`, "f").records).toHaveLength(2);
    expect(expected[0]!.authorInfo[0]!.affiliations).toEqual(["Univ X, City, Country."]);
  });

  it("never throws and stays linear on random and pathological input", () => {
    // constructed: a long run of tag-shaped junk, and 20,000 continuation lines
    const junk = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? "PT J" : i % 3 === 1 ? "   ]]][[[;;;//" : "C1 [[[;")).join("\n");
    expect(() => readWos(junk, "j")).not.toThrow();
    const long = `PT J\nTI x\nCR ${Array.from({ length: 20000 }, (_, i) => `Ref ${i}, 2001, J, DOI 10.1000/${i}`).join("\n   ")}\nER\n`;
    const t0 = cpuNow();
    const r = readWos(long, "l");
    expect(cpuNow() - t0).toBeLessThan(2000);
    expect(r.records[0]!.references).toHaveLength(20000);
    expect(r.records[0]!.references[5]).toBe("doi:10.1000/5");
  });
});

describe("Web of Science tab-delimited", () => {
  it("reads Core Collection rows (BOM, CR line ends, a trailing tab per row)", () => {
    // litsearchr WoS_corecollection.txt, rows 1-2
    const doc = read("litsearchr-core-tab.txt");
    expect(doc.format).toBe("wos-tab");
    expect(doc.diagnostics).toEqual([]);
    const [r] = doc.records;
    expect(r!.source.line).toBe(2);
    expect(r!.authors).toEqual(["Melissa C. Roach", "Frank R. Thompson III", "Todd Jones-Farrand"]);
    expect(r!.authorInfo.map((a) => [a.alternateNames, a.affiliations])).toEqual([
      [["M. C. Roach"], ["Univ Missouri, Dept Fisheries & Wildlife, Columbia, MO 65211 USA"]],
      [["F. R. Thompson"], ["US Forest Serv, USDA, Northern Res Stn, Columbia, MO 65211 USA"]],
      [["T. Jones-Farrand"], ["Southeast Reg USFWS, Columbia, MO 65211 USA"]],
    ]);
    expect(r).toMatchObject({ date: "2019-04-01", pages: "443-459", wosId: "WOS:000461270600041", doi: "10.1016/j.foreco.2018.12.057", citationCount: 0 });
    expect(r!.keywords.slice(0, 3)).toEqual(["Woodland", "Distance sampling", "Canopy cover"]);
    expect(r!.indexKeywords[0]).toBe("SAVANNA RESTORATION");
  });

  it("splits Current Contents' glued AU names and comma-separated keywords", () => {
    // litsearchr WoS_current_contents.txt, rows 1, 85, 91
    const doc = read("litsearchr-current-contents-tab.txt");
    expect(doc.diagnostics).toEqual([]);
    const [roach, hutto, boreal] = doc.records;
    expect(roach!.authorInfo.map((a) => a.alternateNames[0])).toEqual(["M. C. Roach", "F. R. Thompson", "T. Jones-Farrand"]);
    expect(roach!.keywords.slice(0, 3)).toEqual(["Woodland", "Distance sampling", "Canopy cover"]);
    expect(hutto!.authors).toEqual(["Richard L. Hutto", "Susan M. Gallo"]);
    expect(boreal!.authors).toHaveLength(4);
    expect(boreal!.authorInfo[0]!.orcid).toBe("0000-0002-8219-8684");
  });

  it("reads Zoological Record, MEDLINE and BIOSIS layouts, and the tag layout re-saved as CSV", () => {
    const zoo = read("litsearchr-zoological-tab.txt").records[0]!;
    expect(zoo.authorInfo[0]!.affiliations[0]).toMatch(/^Univ Connecticut, Ecol & Evolutionary Biol/);
    expect(zoo).toMatchObject({ date: "2018-09", pages: "1484-1496", pmid: "29782655", wosId: "ZOOREC:ZOOR15411078200" });
    const medline = read("litsearchr-medline-tab.txt").records;
    expect(medline[0]).toMatchObject({ date: "2018-09", pmid: "29782655", doi: "10.1111/1365-2656.12851", publicationType: "Journal Article" });
    expect(medline[1]!.meshTerms.slice(0, 4)).toEqual(["Animals", "Birds", "Canada", "Climate Change"]);
    const biosis = read("litsearchr-biosis-tab.txt");
    expect(biosis.diagnostics).toEqual([]);
    expect(biosis.records[0]!.authors[0]).toBe("Morgan W. Tingley");
    const csv = read("litsearchr-biosis-as-csv.csv");
    expect(csv.format).toBe("wos-tab");
    expect(csv.records.map((r) => r.date)).toEqual(["2018-03-01", "2017-12-15"]);
  });

  it("reports a row with the wrong number of cells and reads the rows around it", () => {
    // constructed
    const header = "PT\tAU\tAF\tTI\tSO\tPY\tUT";
    const row = (n: number) => `J\tRoach, M\tRoach, Mack\tTitle ${n}\tJ X\t2020\tWOS:${n}`;
    const text = [header, row(1), "J\tbroken row", row(3), `${row(4)}\t`, ""].join("\r\n");
    const r = readWosTab(text, "t.txt");
    expect(r.records.map((x) => x.wosId)).toEqual(["WOS:1", "WOS:3", "WOS:4"]);
    expect(r.diagnostics).toEqual([{ file: "t.txt", line: 3, severity: "error", message: "this row has 2 cells where the header has 7; the row is skipped" }]);
  });
});

describe("sniffers and detection by content", () => {
  it("tells WoS plain text and tab-delimited apart from each other and from MEDLINE and RIS", () => {
    expect(sniffWos("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n")).toBe(true);
    expect(sniffWos("\uFEFFPT J\nAU X, Y\nTI T\nER\n")).toBe(true);
    // MEDLINE's PT field and RIS's TY line are not WoS.
    expect(sniffWos("PMID- 123\nPT  - Journal Article\n")).toBe(false);
    expect(sniffWos("TY  - JOUR\nER  - \n")).toBe(false);
    expect(sniffWos("PT J\nAU X\n")).toBe(false);
    expect(sniffWosTab("PT\tAU\tBA\tBE\tGP\tAF\tTI\tSO\n")).toBe(true);
    expect(sniffWosTab("Authors\tTitle\tYear\n")).toBe(false);
    expect(detectExport(fixture("litsearchr-core-tab.txt"))?.format).toBe("wos-tab");
  });

  it("detects the exports by content whatever the file is called", () => {
    for (const [file, fixtureName, format] of [
      ["savedrecs.bib", "bibliometrix-core.txt", "wos"],
      ["export.csv", "litsearchr-zoological-record.txt", "wos"],
      ["notes.txt", "litsearchr-medline-tab.txt", "wos-tab"],
    ] as const) {
      expect(readDocument({ file, text: fixture(fixtureName) }).format).toBe(format);
    }
  });
});

describe("helpers", () => {
  it("reads every PD form seen in the fixtures", () => {
    const cases: [string, { year: number | null; month: number | null; day: number | null }][] = [
      ["MAY 17", { year: null, month: 5, day: 17 }],
      ["JAN-FEB", { year: null, month: 1, day: null }],
      ["SPR", { year: null, month: null, day: null }],
      ["FEB 2011", { year: 2011, month: 2, day: null }],
      ["JUN 28 2011", { year: 2011, month: 6, day: 28 }],
      ["2026 FEB 25", { year: 2026, month: 2, day: 25 }],
      ["Aug 1 2019", { year: 2019, month: 8, day: 1 }],
      ["April 28 2006", { year: 2006, month: 4, day: 28 }],
      ["2018 Sep (Epub 2018 Jun 11)", { year: 2018, month: 9, day: null }],
      ["2018/03/01", { year: 2018, month: 3, day: 1 }],
      ["1998, thesis publ. 1997", { year: 1998, month: null, day: null }],
    ];
    for (const [raw, parts] of cases) expect(wosDateParts(raw), raw).toEqual(parts);
  });

  it("gives a date only as precise as the source and never an impossible day", () => {
    const date = (pd: string, py = "2021") => readWos(`PT J\nTI t\nPD ${pd}\nPY ${py}\nER\n`, "d").records[0]!.date;
    expect(date("FEB 30")).toBe("2021-02");
    expect(date("WIN")).toBe("2021");
    expect(date("NOV 2019")).toBe("2021"); // a PD year contradicting PY: the month is dropped
    expect(readWos("PT J\nTI t\nEA JUN 2021\nEY 2021\nER\n", "d").records[0]!.date).toBe("2021-06");
  });

  it("names and references", () => {
    expect(wosName("Stillman, Andrew N. (andrew.stillman@uconn.edu)")).toBe("Andrew N. Stillman");
    expect(wosName("Roach, MC")).toBe("M. C. Roach");
    expect(wosName("Thompson, Frank R., III")).toBe("Frank R. Thompson III");
    expect(referenceId("Belk, RW, 1988, J CONSUM RES, V15, P139, DOI 10.1086/209154")).toBe("doi:10.1086/209154");
    expect(referenceId("Bantel KA, 1989, STRATEGIC MANAGE J, V10, P107, DOI DOI 10.1002/smj.4250100709")).toBe("doi:10.1002/smj.4250100709");
    expect(referenceId("Ceh M, 2018, ISPRS INT J GEO-INF, V7, DOI [10.3390/ijgi705168, 10.3390/ijgi7050168]")).toBe("doi:10.3390/ijgi705168");
    expect(referenceId("Crane Diana., 1972, INVISIBLE COLL")).toBe("Crane Diana., 1972, INVISIBLE COLL");
  });
});

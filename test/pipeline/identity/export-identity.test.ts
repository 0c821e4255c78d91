/**
 * Identity with the evidence exports carry: catalogue ids for papers, ORCIDs and source author ids for people,
 * initials-only names, organisations on bylines. Records are constructed; each case names the export situation it models.
 */
import { describe, expect, it } from "vitest";
import { resolveIdentity } from "../../../src/pipeline/identity";
import type { AuthorInfo } from "../../../src/pipeline/records";
import { doc, filler, rec } from "./helpers";

const info = (fields: Partial<AuthorInfo>): AuthorInfo => ({ orcid: null, ids: [], affiliations: [], alternateNames: [], ...fields });

describe("papers: catalogue ids", () => {
  it("joins a BibTeX and a RIS record of one paper by DOI although the titles differ in wording", () => {
    const r = resolveIdentity([
      doc("lib.bib", [rec("lib.bib", { format: "bibtex", title: "Deep learning for cardiac MRI: a review", doi: "10.1000/abc.1", date: "2020", authors: ["Ann Lee", "Bo Chen"] })], { format: "bibtex" }),
      doc("lib.ris", [rec("lib.ris", { format: "ris", title: "Deep learning for cardiac magnetic resonance imaging - a review", doi: "10.1000/abc.1", date: "2020-05", authors: ["Ann Lee", "Bo Chen"] })], { format: "ris" }),
    ], {});
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]!.key).toBe("p:doi:10.1000/abc.1");
    expect(r.papers[0]!.date).toBe("2020-05");
    expect(r.authors).toHaveLength(2);
    expect(r.merges.find((m) => m.entity === "paper")!.evidence.join(" ")).toMatch(/same DOI 10\.1000\/abc\.1/);
  });

  it("never joins two different DOIs, even with the same title and year (a conference and a journal version)", () => {
    const r = resolveIdentity([
      doc("a.bib", [
        rec("a.bib", { format: "bibtex", title: "Federated learning for healthcare", doi: "10.1000/conf.1", date: "2021", authors: ["Ann Lee"] }),
        rec("a.bib", { format: "bibtex", title: "Federated learning for healthcare", doi: "10.1000/jour.2", date: "2021", authors: ["Ann Lee"] }),
      ], { format: "bibtex" }),
    ], {});
    expect(r.papers).toHaveLength(2);
    expect(r.keptApart.some((k) => k.evidence.some((e) => /different DOIs 10\.1000\/conf\.1 \/ 10\.1000\/jour\.2/.test(e)))).toBe(true);
  });

  it("links a preprint and its journal version when a source states both ids, and reads arXiv's DataCite DOI as the arXiv id", () => {
    const r = resolveIdentity([
      doc("arxiv.xml", [rec("arxiv.xml", { format: "arxiv-atom", title: "A preprint title about segmentation", arxivId: "2301.00001", doi: "10.1000/journal.9", date: "2023-01-01", authors: ["Ann Lee"] })], { format: "arxiv-atom" }),
      doc("s2.json", [rec("s2.json", { format: "semantic-scholar", title: "The journal title about segmentation", doi: "10.1000/journal.9", date: "2024", authors: ["Ann Lee"] })], { format: "semantic-scholar" }),
      doc("cite.json", [rec("cite.json", { format: "csl-json", title: "A preprint title about segmentation", doi: "10.48550/arXiv.2301.00001", date: "2023", authors: ["Ann Lee"] })], { format: "csl-json" }),
    ], {});
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]!.arxivId).toBe("2301.00001");
    expect(r.papers[0]!.doi).toBe("10.1000/journal.9");
  });

  it("joins equal titles only within a year: two editorials called the same in 2015 and 2022 stay apart", () => {
    const r = resolveIdentity([
      doc("wos.txt", [
        rec("wos.txt", { format: "wos", title: "Medical image analysis: the year in review", date: "2015", authors: ["Ann Lee"] }),
        rec("wos.txt", { format: "wos", title: "Medical image analysis: the year in review", date: "2022", authors: ["Ann Lee"] }),
        rec("wos.txt", { format: "wos", title: "Medical image analysis: the year in review", date: "2023", authors: ["Ann Lee"] }),
      ], { format: "wos" }),
    ], {});
    expect(r.papers).toHaveLength(2);
    expect(r.keptApart.some((k) => k.evidence.some((e) => /published 2015 and 2022/.test(e)))).toBe(true);
  });

  it("keeps venue, keywords, MeSH, group authors and the largest citation count on the merged paper", () => {
    const r = resolveIdentity([
      doc("a.nbib", [rec("a.nbib", { format: "medline", title: "Deep learning in radiology practice", pmid: "31452104", venue: "Radiology", meshTerms: ["Deep Learning", "Radiology"], keywords: ["AI"], groupAuthors: ["RSNA AI Committee"], citationCount: 4, authors: ["Ann Lee"] })], { format: "medline" }),
      doc("b.json", [rec("b.json", { format: "openalex", title: "Deep learning in radiology practice", pmid: "31452104", openalexId: "W123", keywords: ["ai", "Radiomics"], citationCount: 9, references: ["openalex:W1", "openalex:W2"], authors: ["Ann Lee"] })], { format: "openalex" }),
    ], {});
    expect(r.papers).toHaveLength(1);
    const p = r.papers[0]!;
    expect(p.key).toBe("p:pmid:31452104");
    expect(p).toMatchObject({ venue: "Radiology", keywords: ["AI", "Radiomics"], meshTerms: ["Deep Learning", "Radiology"], groupAuthors: ["RSNA AI Committee"], citationCount: 9, referenceCount: 2, externalIds: ["openalex:W123"] });
  });
});

describe("people: ORCIDs, source ids, initials", () => {
  it("joins spellings sharing an ORCID, even reversed ones, and shows the full name", () => {
    const orcid = "0000-0002-1825-0097";
    const r = resolveIdentity([
      doc("wos.txt", [
        rec("wos.txt", { format: "wos", title: "Paper one on cardiac imaging", authors: ["Mack Roach III", ...filler("a", 2)], authorInfo: [info({ orcid, alternateNames: ["M. Roach"] }), info({}), info({})] }),
        rec("wos.txt", { format: "wos", title: "Paper two on prostate imaging", authors: ["M. Roach", ...filler("b", 2)], authorInfo: [info({ orcid, affiliations: ["UCSF"] }), info({}), info({})] }),
      ], { format: "wos" }),
    ], {});
    const roach = r.authors.filter((a) => a.aliases.some((x) => /Roach/.test(x)));
    expect(roach).toHaveLength(1);
    expect(roach[0]!.name).toBe("Mack Roach III");
    expect(roach[0]!.orcid).toBe(orcid);
    expect(roach[0]!.affiliations).toEqual(["UCSF"]);
    expect(roach[0]!.aliases).toContain("M. Roach");
    expect(r.merges.some((m) => m.evidence.some((e) => e === `same ORCID ${orcid}`))).toBe(true);
  });

  it("never joins two ORCIDs, also when the spelling is identical", () => {
    const shared = ["Bo Chen"];
    const r = resolveIdentity([
      doc("oa.json", [
        rec("oa.json", { format: "openalex", title: "First paper about federated learning", authors: ["Wei Wang", ...shared], authorInfo: [info({ orcid: "0000-0002-1825-0097" }), info({})] }),
        rec("oa.json", { format: "openalex", title: "Second paper about image synthesis", authors: ["Wei Wang", ...shared], authorInfo: [info({ orcid: "0000-0001-5109-3700" }), info({})] }),
      ], { format: "openalex" }),
    ], {});
    expect(r.authors.filter((a) => a.name === "Wei Wang")).toHaveLength(2);
  });

  it("keeps twelve different 'X. Li' of a Scopus export apart when their papers share no co-author (bibliometrix glues them)", () => {
    const records = Array.from({ length: 12 }, (_, i) =>
      rec("scopus.csv", { format: "scopus-csv", title: `Unrelated study number ${i} on topic ${i}`, authors: ["X. Li", ...filler(String.fromCharCode(97 + i), 3)] }));
    // Two more papers of one of them, linked by a co-author spelled the same way: one person.
    records.push(rec("scopus.csv", { format: "scopus-csv", title: "Follow-up study with the same group", authors: ["X. Li", "Aino Filleraa"] }));
    const r = resolveIdentity([doc("scopus.csv", records, { format: "scopus-csv" })], {});
    const lis = r.authors.filter((a) => a.name === "X. Li");
    expect(lis).toHaveLength(12);
    expect(Math.max(...lis.map((a) => a.papers.length))).toBe(2);
    expect(r.keptApart.some((k) => k.evidence.some((e) => /initials-only name "X. Li"/.test(e)))).toBe(true);
  });

  it("joins the same initials-only name across two exports of one paper (BibTeX and RIS of one library)", () => {
    const bib = rec("lib.bib", { format: "bibtex", title: "Shared paper in two exports", doi: "10.1000/x", authors: ["M. W. Tingley", "A. N. Stillman"] });
    const ris = rec("lib.ris", { format: "ris", title: "Shared paper in two exports", doi: "10.1000/x", authors: ["M. W. Tingley", "A. N. Stillman"] });
    const other = rec("lib.ris", { format: "ris", title: "Another paper alone", authors: ["M. W. Tingley"] });
    const r = resolveIdentity([doc("lib.bib", [bib], { format: "bibtex" }), doc("lib.ris", [ris, other], { format: "ris" })], {});
    expect(r.papers).toHaveLength(2);
    // The paper read twice is one person per name; the lone paper's Tingley has no co-author in common: kept apart.
    expect(r.authors.filter((a) => a.name === "M. W. Tingley")).toHaveLength(2);
    expect(r.authors.filter((a) => a.name === "A. N. Stillman")).toHaveLength(1);
  });

  it("moves organisations on a byline to groupAuthors: no author node for 'the ODELIA consortium'", () => {
    const r = resolveIdentity([
      doc("p.txt", [rec("p.txt", { title: "Swarm learning for breast MRI", authors: ["Ann Lee", "ODELIA consortium", "Alzheimer's Disease Neuroimaging Initiative"] })]),
    ], {});
    expect(r.authors.map((a) => a.name)).toEqual(["Ann Lee"]);
    expect(r.papers[0]!.groupAuthors).toEqual(["ODELIA consortium", "Alzheimer's Disease Neuroimaging Initiative"]);
  });
});

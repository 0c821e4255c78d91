/**
 * One library exported four ways (test/fixtures/formats/mixed/: BibTeX, RIS, Web of Science, MEDLINE; see its README)
 * builds one node per paper and one per person, whichever export spelled them and however.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../../../src/pipeline/options";
import { runPipeline } from "../../../../src/pipeline/run";

const DIR = "test/fixtures/formats/mixed";
const documents = readdirSync(DIR).filter((f) => f !== "README.md").sort().map((f) => ({ file: `${DIR}/${f}`, text: readFileSync(`${DIR}/${f}`, "utf8") }));
const result = runPipeline({ documents }, { ...DEFAULT_OPTIONS });
const nodes = (kind: string) => result.graph.filterNodes((_, a) => a.kind === kind);

describe("mixed exports of one library", () => {
  it("detects each format by content and reads every record", () => {
    expect(result.summaries.map((s) => [s.file.split("/").pop(), s.format, s.records, s.diagnostics.length])).toEqual([
      ["library.bib", "bibtex", 3, 0],
      ["library.ris", "ris", 3, 0],
      ["pubmed.nbib", "medline", 1, 0],
      ["savedrecs.txt", "wos", 2, 0],
    ]);
  });

  it("builds one node per paper: DOI joins BibTeX, RIS, WoS and MEDLINE; the arXiv id joins the U-Net preprint", () => {
    expect(nodes("paper").sort()).toEqual(["p:arxiv:1505.04597", "p:doi:10.1038/s41586-020-2649-2", "p:doi:10.1038/s41592-019-0686-2"]);
    const numpy = result.graph.getNodeAttributes("p:doi:10.1038/s41586-020-2649-2");
    expect(numpy).toMatchObject({ venue: "Nature", volume: "585", issue: "7825", pages: "357-362", pmid: "32939066", date: "2020-09-16" });
    expect(numpy.externalIds).toEqual(["wos:WOS:000571373000018"]);
    expect(numpy.sources).toHaveLength(4);
  });

  it("builds one node per person, with the full name shown, and keeps the collective name off the people", () => {
    expect(nodes("author")).toHaveLength(9);
    const walt = result.graph.getNodeAttributes("a:van-der-walt|stefan-j");
    expect(walt.name).toBe("Stéfan J. van der Walt");
    expect(walt.aliases).toEqual(["S. J. van der Walt", "Stefan J. van der Walt", "Stéfan J. van der Walt"]);
    expect(result.graph.getNodeAttribute("a:gommers|ralf", "orcid")).toBe("0000-0002-0300-3333");
    const scipy = result.graph.getNodeAttributes("p:doi:10.1038/s41592-019-0686-2");
    expect(scipy.groupAuthors).toEqual(["SciPy 1.0 Contributors"]);
    expect(result.graph.filterNodes((_, a) => a.kind === "author" && /contributors/i.test(a.name as string))).toEqual([]);
  });
});

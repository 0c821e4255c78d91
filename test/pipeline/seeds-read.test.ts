/**
 * Reads the five real seed listings (seeds/, copied verbatim from the project brief) and checks record counts,
 * detected formats and exact values for a sample of records, including the awkward cases the readers exist for.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/pipeline/formats";
import { splitTitleByline } from "../../src/pipeline/formats/byline";
import type { ParsedDocument, PaperRecord } from "../../src/pipeline/records";

const SEEDS = new URL("../../seeds/", import.meta.url);
const docs = new Map<string, ParsedDocument>();
for (const name of readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()) {
  docs.set(name.slice(0, 4), readDocument({ file: `seeds/${name}`, text: readFileSync(new URL(name, SEEDS), "utf8") }));
}
const doc = (prefix: string): ParsedDocument => {
  const d = docs.get(prefix);
  if (!d) throw new Error(`seed ${prefix} not read`);
  return d;
};
const at = (prefix: string, line: number): PaperRecord => {
  const r = doc(prefix).records.find((x) => x.source.line === line);
  if (!r) throw new Error(`no record at ${prefix} line ${line}`);
  return r;
};
const pick = (r: PaperRecord) => ({
  title: r.title, authors: r.authors, authorsComplete: r.authorsComplete, date: r.date, categories: r.categories,
  hasCode: r.hasCode, arxivId: r.arxivId, comment: r.comment, affiliation: r.affiliation,
});

describe("seed listings", () => {
  it("detects each format, counts every record, and reads them without diagnostics", () => {
    expect([...docs.entries()].map(([k, d]) => [k, d.format, d.records.length, d.diagnostics.length])).toEqual([
      ["000_", "profile", 49, 0],
      ["001_", "profile", 50, 0],
      ["002_", "trending", 87, 0],
      ["003_", "arxiv-listing", 10, 0],
      ["004_", "compact-profile", 50, 0],
    ]);
    for (const [k, d] of docs) {
      expect(d.file).toMatch(new RegExp(`^seeds/${k}[0-9a-f]{16}\\.txt$`));
      for (const r of d.records) expect(r.source.file).toBe(d.file);
    }
  });

  it("000_: profile header, first entry, MED-PH, year-less dates after the newest dated entry (2025-12-04)", () => {
    expect(doc("000_").profile).toEqual({
      name: "Karim Lekadir",
      figures: { category: "IV", hIndex: 72, papers: 49, citations: 1931, novelty: 36, aiScore: 54, source: { file: doc("000_").file, line: 1 } },
    });
    expect(pick(at("000_", 12))).toEqual({
      title: "FUTURE-AI: International consensus guideline for trustworthy and deployable artificial intelligence in healthcare",
      authors: ["Karim Lekadir", "Aasa Feragen", "Abdul Joseph Fofanah"], authorsComplete: false, date: "2023-08-11",
      categories: ["CY"], hasCode: false, arxivId: null, comment: null, affiliation: "eth-zurich",
    });
    expect(pick(at("000_", 327))).toMatchObject({ title: "A radiomics approach to analyze cardiac alterations in hypertension", categories: ["MED-PH"], date: "2020-07-21" });
    expect(at("000_", 222).authors).toEqual(["Meritxell Riera-Marin", "Sikha O K", "Julia Rodriguez-Comas"]);
    expect(at("000_", 19)).toMatchObject({ date: "2025-12-04", hasCode: true });
    expect([103, 117, 124, 131, 208].map((l) => at("000_", l).date)).toEqual(["2026-01-22", "2026-03-11", "2026-03-01", "2026-02-13", "2026-03-18"]);
    expect(at("000_", 131).abstract).toMatch(/^A substantial proportion \(45%\) of maternal deaths/);
    expect(doc("000_").records.every((r) => r.profileAuthor === "Karim Lekadir")).toBe(true);
  });

  it("001_: year-less 'Apr 14Code', 'lkay Oksuz' read as-is, the last entry", () => {
    expect(doc("001_").profile?.name).toBe("Andrew P. King");
    expect(doc("001_").profile?.figures.papers).toBe(57);
    expect(pick(at("001_", 12))).toEqual({
      title: "Right Regions, Wrong Labels: Semantic Label Flips in Segmentation under Correlation Shift",
      authors: ["Akshit Achara", "Yovin Yathathugoda", "Nick Byrne"], authorsComplete: false, date: "2026-04-14",
      categories: ["CV"], hasCode: true, arxivId: null, comment: null, affiliation: null,
    });
    expect(at("001_", 124).date).toBe("2026-03-25");
    expect(at("001_", 348).authors).toEqual(["lkay Oksuz", "James Clough", "Bram Ruijsink"]);
    expect(at("001_", 306).authors[0]).toBe("Ilkay Oksuz");
    expect(at("001_", 75).authors).toEqual(["Germain Morilhat", "Naomi Kifle", "Sandra FinesilverSmith"]);
    expect(pick(at("001_", 355))).toMatchObject({ title: "Mechanically Powered Motion Imaging Phantoms: Proof of Concept", date: "2019-05-17", authors: ["Alberto Gomez", "Cornelia Schmitz", "Markus Henningsson"] });
    expect(at("001_", 355).abstract).toMatch(/simple and affordable motion phantoms$/);
  });

  it("002_: trending titles and abstracts, listing date kept off the records", () => {
    expect(doc("002_").listingDate).toBe("Mar 11");
    expect(pick(at("002_", 11))).toEqual({
      title: "A multi-reconstruction study of breast density estimation using Deep Learning",
      authors: [], authorsComplete: false, date: null, categories: [], hasCode: false, arxivId: null, comment: null, affiliation: null,
    });
    expect(at("002_", 355).title).toBe("A Knowledge-enhanced Pathology Vision-language Foundation Model for Cancer Diagnosis");
    expect(at("002_", 71).abstract).toContain("“label sharpness”");
    expect(at("002_", 219).abstract).toContain("χ^2=159.02");
    expect(doc("002_").records.every((r) => r.date === null && r.title !== null && r.abstract !== null)).toBe(true);
  });

  it("003_: arXiv records, comments, full author lists", () => {
    expect(pick(at("003_", 1))).toEqual({
      title: null, authors: [], authorsComplete: false, date: "2025-07-16", categories: [], hasCode: false,
      arxivId: "2507.12092", comment: null, affiliation: null,
    });
    expect(at("003_", 1).updated).toBe("2025-07-17");
    expect(at("003_", 11).updated).toBeNull();
    expect(pick(at("003_", 36))).toMatchObject({ title: null, arxivId: "2311.08931", date: "2023-11-15", comment: "Preprint submitted to the journal" });
    expect(at("003_", 36).abstract).toMatch(/MS_WML_uncs\.$/);

    const medShape = at("003_", 43);
    expect(pick(medShape)).toMatchObject({ title: "MedShapeNet -- A Large-Scale Dataset of 3D Medical Shapes for Computer Vision", authorsComplete: true, arxivId: "2308.16139", date: "2023-08-30", comment: "20 pages" });
    expect(medShape.authors).toHaveLength(115);
    expect(medShape.authors.slice(0, 3)).toEqual(["Jianning Li", "Antonio Pepe", "Christina Gsaxner"]);
    expect(medShape.authors).toContain("Ezequiel de la Rosa");
    expect(medShape.authors.at(-1)).toBe("Jan Egger");

    const winner = at("003_", 53);
    expect(pick(winner)).toMatchObject({ title: "Why is the winner the best?", authorsComplete: true, arxivId: "2303.17719", date: "2023-03-30", comment: "accepted to CVPR 2023" });
    expect(winner.authors).toHaveLength(125);
    expect(winner.authors).toEqual(expect.arrayContaining(["Álvaro García Faura", "Oldřich Kodym", "Szymon Płotka", "Dejan Štepec", "Paul F. Jäger"]));
    expect(winner.authors.at(-1)).toBe("Lena Maier-Hein");
  });

  it("004_: compact lines split at the right place", () => {
    expect(pick(at("004_", 1))).toEqual({
      title: "Metrics reloaded: Recommendations for image analysis validation",
      authors: ["Lena Maier-Hein", "Annika Reinke", "Patrick Godau"], authorsComplete: false, date: "2022-06-03",
      categories: ["CV"], hasCode: false, arxivId: null, comment: null, affiliation: "utoronto",
    });
    expect(pick(at("004_", 67))).toMatchObject({ title: "Analysis of the BraTS 2023 Intracranial Meningioma Segmentation Challenge", authors: ["Dominic LaBella", "Ujjwal Baid", "Omaditya Khanna"] });
    expect(pick(at("004_", 13))).toEqual({
      title: "Classifying Histopathologic Glioblastoma Sub-regions with EfficientNet",
      authors: ["Sanyukta Adap", "Ujjwal Baid", "Spyridon Bakas"], authorsComplete: true, date: "2025-11-12",
      categories: ["CV"], hasCode: true, arxivId: null, comment: null, affiliation: null,
    });
    expect(pick(at("004_", 148))).toMatchObject({ title: "The Liver Tumor Segmentation Benchmark (LiTS)", authors: ["Patrick Bilic", "Patrick Christ", "Hongwei Bran Li"], date: "2019-01-13" });
    expect(pick(at("004_", 19))).toMatchObject({
      title: "BraTS-PEDs: Results of the Multi-Consortium International Pediatric Brain Tumor Segmentation Challenge 2023",
      authors: ["Anahita Fathi Kazerooni", "Nastaran Khalili", "Xinyang Liu"], categories: ["IV"],
    });
    expect(pick(at("004_", 136))).toMatchObject({
      title: "GaNDLF: A Generally Nuanced Deep Learning Framework for Scalable End-to-End Clinical Workflows in Medical Imaging",
      authors: ["Sarthak Pati", "Siddhesh P. Thakur", "İbrahim Ethem Hamamcı"], authorsComplete: false, categories: ["LG"],
    });
    expect(at("004_", 58).authors[0]).toBe("G Anthony Reina");
    expect(at("004_", 79).authors).toEqual(["Raisa Amiruddin", "Nikolay Y. Yordanov", "Nazanin Maleki"]);
    expect(at("004_", 37).abstract).toContain("“thinking fast & slow”");
    expect(doc("004_").records.every((r) => r.profileAuthor === null && r.title !== null && r.authors.length > 0)).toBe(true);
  });
});

describe("compact title/byline split on real titles and bylines", () => {
  it("recovers title and names when the profile and arXiv records of the seeds are glued the compact way", () => {
    // Every titled, authored record of seeds 000, 001 and 003 rewritten as a compact line (title + first three names
    // + " et al." + " · affiliation"). Titles end in digits, acronyms ("MRI", "3D"), camel case and punctuation.
    let checked = 0;
    const failures: string[] = [];
    for (const prefix of ["000_", "001_", "003_"]) {
      for (const r of doc(prefix).records) {
        if (!r.title || !r.authors.length) continue;
        const names = r.authors.slice(0, 3);
        const line = r.title + names.join(", ") + (r.authors.length > 3 || !r.authorsComplete ? " et al." : "") + (r.affiliation ? " · " + r.affiliation : "");
        const s = splitTitleByline(line);
        checked++;
        if (s?.title !== r.title || JSON.stringify(s.byline.authors) !== JSON.stringify(names)) failures.push(line);
      }
    }
    expect(checked).toBe(101);
    // Known limit: a name that starts in lower case ("lkay Oksuz", seeds/001 line 351) leaves no capital to split at.
    expect(failures).toEqual([
      "Detection and Correction of Cardiac MR Motion Artefacts during Reconstruction from K-spacelkay Oksuz, James Clough, Bram Ruijsink et al.",
    ]);
  });
});

import { bibliographicDefaults } from "../../../src/pipeline/formats/record";
import { describe, expect, it } from "vitest";
import { toLines } from "../../../src/pipeline/formats/lines";
import { readProfile } from "../../../src/pipeline/formats/profile";

const read = (text: string) => readProfile(toLines(text), "in/profile.txt");

// Header and three entries cut down from seeds/000 (Karim Lekadir): a dated entry with an affiliation, the newest
// dated entry (Dec 4, 2025, with Code) and a year-less entry ("Jan 22") that must land in 2026.
const PAGE = [
  "Karim Lekadir", "", "IV", "h-index72", "49papers", "1,931citations", "Novelty36%", "AI Score54", "", "49 Papers", "",
  "CYAug 11, 2023", "FUTURE-AI: International consensus guideline", "",
  "Karim Lekadir, Aasa Feragen, Abdul Joseph Fofanah et al. · eth-zurich", "",
  "Despite major advances in artificial intelligence (AI) for medicine.", "",
  "CYDec 4, 2025Code", "Enhancing Transparency and Traceability in Healthcare AI", "",
  "A. Anil Sinaci, Senan Postaci, Dogukan Cavdaroglu et al.", "",
  "Objective: To develop the AI Product Passport.", "",
  "IVJan 22", "FUGC: Benchmarking Semi-Supervised Learning Methods", "",
  "Jieyun Bai, Yitong Tang, Zihao Zhou et al.", "",
  "A substantial proportion (45\\%) of maternal deaths.",
].join("\n");

describe("readProfile", () => {
  it("reads the header figures and every entry", () => {
    const r = read(PAGE);
    expect(r.profile).toEqual({
      name: "Karim Lekadir",
      figures: { category: "IV", hIndex: 72, papers: 49, citations: 1931, novelty: 36, aiScore: 54, source: { file: "in/profile.txt", line: 1 } },
    });
    expect(r.diagnostics).toEqual([]);
    expect(r.records).toHaveLength(3);
    expect(r.records[0]).toEqual({
      ...bibliographicDefaults(),
      source: { file: "in/profile.txt", line: 12 },
      format: "profile",
      title: "FUTURE-AI: International consensus guideline",
      authors: ["Karim Lekadir", "Aasa Feragen", "Abdul Joseph Fofanah"],
      authorsComplete: false,
      affiliation: "eth-zurich",
      date: "2023-08-11",
      updated: null,
      arxivId: null,
      categories: ["CY"],
      hasCode: false,
      abstract: "Despite major advances in artificial intelligence (AI) for medicine.",
      comment: null,
      profileAuthor: "Karim Lekadir",
    });
    expect(r.records.map((x) => [x.source.line, x.date, x.hasCode])).toEqual([
      [12, "2023-08-11", false],
      [19, "2025-12-04", true],
      [26, "2026-01-22", false],
    ]);
    expect(r.records[2]?.abstract).toBe("A substantial proportion (45%) of maternal deaths.");
    expect(r.records.every((x) => x.profileAuthor === "Karim Lekadir")).toBe(true);
  });

  it("keeps an entry without an abstract and one without a byline, with warnings", () => {
    // constructed from seeds/001 entries: abstract dropped from the first, byline dropped from the second
    const text = [
      "Andrew P. King", "",
      "IVMay 17, 2019", "Mechanically Powered Motion Imaging Phantoms: Proof of Concept", "",
      "Alberto Gomez, Cornelia Schmitz, Markus Henningsson et al.", "",
      "CVAug 13, 2022", "A Study of Demographic Bias in CNN-based Brain MR Segmentation", "",
      "Convolutional neural networks (CNNs) are increasingly being used to automate the segmentation of brain structures.",
      "",
    ].join("\n");
    const r = read(text);
    expect(r.records).toHaveLength(2);
    expect(r.records[0]).toMatchObject({ title: "Mechanically Powered Motion Imaging Phantoms: Proof of Concept", abstract: null, authors: ["Alberto Gomez", "Cornelia Schmitz", "Markus Henningsson"] });
    expect(r.records[1]).toMatchObject({ authors: [], authorsComplete: false, abstract: expect.stringContaining("Convolutional neural networks") });
    expect(r.diagnostics.map((d) => [d.line, d.severity, d.message.includes("no abstract") || d.message.includes("no byline")])).toEqual([
      [3, "warning", true],
      [8, "warning", true],
    ]);
  });

  it("keeps an entry with no title and an entry with nothing after its date line", () => {
    // constructed: the title line is missing (byline right after a blank), then a bare date line at the end
    const text = ["Jane Doe", "", "IVMay 17, 2019", "", "Alberto Gomez, Cornelia Schmitz et al.", "", "Motion phantoms are useful.", "", "CVMay 3, 2020"].join("\n");
    const r = read(text);
    expect(r.records.map((x) => [x.source.line, x.title, x.authors.length, x.date])).toEqual([
      [3, null, 2, "2019-05-17"],
      [9, null, 0, "2020-05-03"],
    ]);
    expect(r.diagnostics.filter((d) => d.line === 3).map((d) => d.message)).toEqual([expect.stringContaining("no title")]);
    expect(r.diagnostics.filter((d) => d.line === 9)).toHaveLength(3); // no title, no byline, no abstract
  });

  it("warns about year-less dates on a page with no dated entry, and about impossible days", () => {
    // constructed: the year cannot be inferred; Feb 30 does not exist
    const text = ["Jane Doe", "", "CVApr 14Code", "A title", "", "Ann Lee, Bo Chen", "", "Abstract text.", "", "IVFeb 30", "Another title", "", "Ann Lee", "", "Abstract."].join("\n");
    const r = read(text);
    expect(r.records.map((x) => x.date)).toEqual([null, null]);
    expect(r.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, expect.stringContaining('date "Apr 14" has no year')],
      [10, expect.stringContaining('"Feb 30" is not a real calendar date')],
    ]);
  });

  it("warns about unrecognised header lines and reads a page without a header", () => {
    // constructed: a stray header line; then a page that starts directly with entries
    const withStray = read(["Jane Doe", "", "IV", "Follow", "h-index3", "", "CVMay 3, 2020", "Title", "", "Ann Lee", "", "Text."].join("\n"));
    expect(withStray.profile?.figures.hIndex).toBe(3);
    expect(withStray.diagnostics).toEqual([{ file: "in/profile.txt", line: 4, severity: "warning", message: 'unrecognised line in the profile header, ignored: "Follow"' }]);

    const headless = read(["CVMay 3, 2020", "Title", "", "Ann Lee", "", "Text."].join("\n"));
    expect(headless.profile).toBeNull();
    expect(headless.records[0]?.profileAuthor).toBeNull();
    expect(headless.diagnostics.map((d) => d.line)).toEqual([1]);
  });

  it("marks a byline on the unterminated last line of a cut file as incomplete", () => {
    // brief h1: file cut inside the last byline ("... Nazanin Mal"), no final newline
    const r = read(["Jane Doe", "", "LGSep 21, 2025", "Training the next generation", "", "Raisa Amiruddin, Nikolay Y. Yordanov, Nazanin Mal"].join("\n"));
    expect(r.records[0]).toMatchObject({ authors: ["Raisa Amiruddin", "Nikolay Y. Yordanov", "Nazanin Mal"], authorsComplete: false });
    // line 3: the entry has no abstract; line 6: the byline may be cut
    expect(r.diagnostics.map((d) => [d.line, d.message.startsWith("byline looks cut off")])).toEqual([[3, false], [6, true]]);
  });
});

describe("readProfile with compact-style entries under a header", () => {
  it("splits a title line with a glued byline, and never splits a plain title", () => {
    // constructed: seeds/004 line 68 placed under a profile header; seeds/001 line 20 title with no byline after it
    const r = read([
      "Spyridon Bakas", "", "IVMay 16, 2024",
      "Analysis of the BraTS 2023 Intracranial Meningioma Segmentation ChallengeDominic LaBella, Ujjwal Baid, Omaditya Khanna et al.", "",
      "We describe the design and results from the BraTS 2023 challenge.", "",
      "CVAug 13, 2022", "A Study of Demographic Bias in CNN-based Brain MR Segmentation", "",
      "Convolutional neural networks (CNNs) are increasingly being used.",
    ].join("\n"));
    expect(r.records.map((x) => [x.title, x.authors])).toEqual([
      ["Analysis of the BraTS 2023 Intracranial Meningioma Segmentation Challenge", ["Dominic LaBella", "Ujjwal Baid", "Omaditya Khanna"]],
      ["A Study of Demographic Bias in CNN-based Brain MR Segmentation", []],
    ]);
    expect(r.diagnostics.map((d) => [d.line, d.message.includes("no byline")])).toEqual([[8, true]]);
  });

  it("warns about extra text after an abstract and keeps it", () => {
    // constructed: a second paragraph after the abstract
    const r = read(["Jane Doe", "", "CVMay 3, 2020", "Title", "", "Ann Lee", "", "First paragraph.", "", "Second paragraph.", ""].join("\n"));
    expect(r.records[0]?.abstract).toBe("First paragraph. Second paragraph.");
    expect(r.diagnostics.map((d) => d.line)).toEqual([10]);
  });
});

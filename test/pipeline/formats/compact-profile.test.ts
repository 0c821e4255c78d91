import { describe, expect, it } from "vitest";
import { readCompactProfile } from "../../../src/pipeline/formats/compact-profile";
import { toLines } from "../../../src/pipeline/formats/lines";

const read = (text: string) => readCompactProfile(toLines(text), "in/compact.txt");

describe("readCompactProfile", () => {
  it("reads entries with and without an abstract line", () => {
    // seeds/004 lines 1-2 (affiliation, abstract dropped), 13-15 (Code, EfficientNet) and 67-68 (LaBella, no abstract)
    const text = [
      "CVJun 3, 2022",
      "Metrics reloaded: Recommendations for image analysis validationLena Maier-Hein, Annika Reinke, Patrick Godau et al. · utoronto",
      "CVNov 12, 2025Code",
      "Classifying Histopathologic Glioblastoma Sub-regions with EfficientNetSanyukta Adap, Ujjwal Baid, Spyridon Bakas",
      "Glioblastoma (GBM) is the most common aggressive, fast-growing brain tumor.",
      "IVMay 16, 2024",
      "Analysis of the BraTS 2023 Intracranial Meningioma Segmentation ChallengeDominic LaBella, Ujjwal Baid, Omaditya Khanna et al.",
    ].join("\n") + "\n";
    const r = read(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.profile).toBeNull();
    expect(r.records.map((x) => [x.source.line, x.format, x.date, x.categories, x.hasCode, x.title, x.authors, x.authorsComplete, x.affiliation, x.abstract])).toEqual([
      [1, "compact-profile", "2022-06-03", ["CV"], false, "Metrics reloaded: Recommendations for image analysis validation", ["Lena Maier-Hein", "Annika Reinke", "Patrick Godau"], false, "utoronto", null],
      [3, "compact-profile", "2025-11-12", ["CV"], true, "Classifying Histopathologic Glioblastoma Sub-regions with EfficientNet", ["Sanyukta Adap", "Ujjwal Baid", "Spyridon Bakas"], true, null, "Glioblastoma (GBM) is the most common aggressive, fast-growing brain tumor."],
      [6, "compact-profile", "2024-05-16", ["IV"], false, "Analysis of the BraTS 2023 Intracranial Meningioma Segmentation Challenge", ["Dominic LaBella", "Ujjwal Baid", "Omaditya Khanna"], false, null, null],
    ]);
  });

  it("accepts a byline on its own line and keeps an unsplittable line as the title, with a warning", () => {
    // constructed: a title with no glued byline followed by a byline line; then a line no split can parse
    const text = [
      "CVMay 3, 2020", "A title with no glued byline", "Ann Lee, Bo Chen et al.", "Abstract text.",
      "LGMay 4, 2020", "Deep learning for everything (2020) 42", "Abstract of the second.",
    ].join("\n");
    const r = read(text);
    expect(r.records[0]).toMatchObject({ title: "A title with no glued byline", authors: ["Ann Lee", "Bo Chen"], abstract: "Abstract text." });
    expect(r.records[1]).toMatchObject({ title: "Deep learning for everything (2020) 42", authors: [], authorsComplete: false, abstract: "Abstract of the second." });
    expect(r.diagnostics.map((d) => [d.line, d.severity])).toEqual([[6, "warning"]]);
    expect(r.diagnostics[0]?.message).toContain("cannot tell where the title ends");
  });

  it("reports lines before the first entry and an entry with nothing after its date line", () => {
    // constructed: pasted page chrome before the first entry; a date line at the very end
    const r = read(["Spyridon Bakas", "CVMay 3, 2020", "TitleAnn Lee", "IVMay 4, 2020"].join("\n"));
    expect(r.records.map((x) => [x.source.line, x.title])).toEqual([[2, "Title"], [4, null]]);
    expect(r.diagnostics.map((d) => d.line)).toEqual([1, 4]);
  });

  it("marks bylines cut after 'et' or at the end of an unterminated file", () => {
    // brief h1: seeds/004 line 80 cut after "et " (mid-file), and cut as "... Nazanin Mal" at the end of the file
    const etCut = read(["LGSep 21, 2025", "Lighthouse Challenge education platformRaisa Amiruddin, Nikolay Y. Yordanov, Nazanin Maleki et ", "High-quality reference standard image data."].join("\n"));
    expect(etCut.records[0]).toMatchObject({ authors: ["Raisa Amiruddin", "Nikolay Y. Yordanov", "Nazanin Maleki"], authorsComplete: false });
    expect(etCut.diagnostics.map((d) => d.line)).toEqual([2]);

    const eof = read(["LGSep 21, 2025", "Lighthouse Challenge education platformRaisa Amiruddin, Nikolay Y. Yordanov, Nazanin Mal"].join("\n"));
    expect(eof.records[0]).toMatchObject({ authors: ["Raisa Amiruddin", "Nikolay Y. Yordanov", "Nazanin Mal"], authorsComplete: false });
    expect(eof.diagnostics.map((d) => d.line)).toEqual([2]);

    // The same entry followed by a final newline is a complete file: nothing is cut.
    const whole = read(["LGSep 21, 2025", "Lighthouse Challenge education platformRaisa Amiruddin, Nikolay Y. Yordanov, Nazanin Maleki"].join("\n") + "\n");
    expect(whole.records[0]?.authorsComplete).toBe(true);
    expect(whole.diagnostics).toEqual([]);
  });

  it("resolves year-less dates against the newest dated entry, as profile pages do", () => {
    // constructed in the shape of seeds/001 ("CVApr 14Code" above dated entries)
    const r = read(["CVApr 14Code", "Right Regions, Wrong LabelsAkshit Achara, Nick Byrne", "CVDec 21, 2025", "Localising Shortcut LearningAkshit Achara, Esther Puyol-Antón"].join("\n"));
    expect(r.records.map((x) => x.date)).toEqual(["2026-04-14", "2025-12-21"]);
  });

  it("is detected as a compact profile when it holds one entry without an abstract (found by the fuzz suite)", async () => {
    // seeds/004 lines 67-68: the only entry, no abstract line, so no third line to vote with; the glued byline decides.
    const { readDocument } = await import("../../../src/pipeline/formats");
    const doc = readDocument({ file: "one.txt", text: "IVMar 5\nThe Brain Tumor Segmentation (BraTS) Challenge 2023: Glioma SegmentationDominic LaBella, Maruf Adewole et al." });
    expect(doc.format).toBe("compact-profile");
    expect(doc.records[0]).toMatchObject({ title: "The Brain Tumor Segmentation (BraTS) Challenge 2023: Glioma Segmentation", authors: ["Dominic LaBella", "Maruf Adewole"] });
  });
});


import { describe, expect, it } from "vitest";
import { resolveIdentity } from "../../../src/pipeline/identity";
import { doc, rec } from "./helpers";

// Abstract of arXiv 2303.17719 as read in seeds/003 (opening sentences), reused for the title-less case.
const WINNER_ABSTRACT =
  "International benchmarking competitions have become fundamental for the comparative performance assessment of image analysis methods. However, little attention has been given to investigating what can be learnt from these competitions. Do they really generate scientific progress? What are common and successful participation strategies?";

describe("paper de-duplication", () => {
  it("merges by arXiv id, keeping the full byline over a cut one and the dated source's date (003 + 004 pattern)", () => {
    const r = resolveIdentity(
      [
        doc("listing.txt", [rec("listing.txt", { format: "arxiv-listing", title: "Why is the winner the best?", arxivId: "2303.17719", date: "2023-03-30", comment: "accepted to CVPR 2023", authors: ["Matthias Eisenmann", "Annika Reinke", "Vivienn Weru", "Minu Dietlinde Tizabi"] })]),
        doc("profile.txt", [rec("profile.txt", { format: "compact-profile", title: "Why is the winner the best ?", arxivId: "arXiv:2303.17719v2", authors: ["Matthias Eisenmann", "Annika Reinke", "Vivienn Weru"], authorsComplete: false, categories: ["CV"], hasCode: true })]),
      ],
      {},
    );
    expect(r.papers).toHaveLength(1);
    const p = r.papers[0]!;
    expect(p.key).toBe("p:arxiv:2303.17719");
    expect(p.authors).toHaveLength(4);
    expect(p.authorsComplete).toBe(true);
    expect(p.date).toBe("2023-03-30");
    expect(p.year).toBe(2023);
    expect(p.hasCode).toBe(true);
    expect(p.categories).toEqual(["CV"]);
    expect(p.comment).toBe("accepted to CVPR 2023");
    expect(p.sources.map((s) => s.file)).toEqual(["listing.txt", "profile.txt"]);
    expect(r.merges.find((m) => m.entity === "paper")!.evidence.join(" ")).toMatch(/same arXiv id 2303\.17719/);
  });
  it("merges by normalised title, giving an undated trending record the profile's date (002 + 004 LiTS)", () => {
    const r = resolveIdentity(
      [
        doc("trending.txt", [rec("trending.txt", { format: "trending", title: "The Liver Tumor Segmentation Benchmark (LiTS)", authors: [], abstract: "In this work, we report the set-up and results of the Liver Tumor Segmentation Benchmark (LiTS), which was organized in conjunction with two conferences and much more text follows here." })]),
        doc("profile.txt", [rec("profile.txt", { title: "The liver tumor segmentation benchmark – LiTS", date: "2019-01-13", authors: ["Patrick Bilic", "Patrick Christ", "Hongwei Bran Li"], authorsComplete: false, abstract: "In this work, we report the set-up" })]),
      ],
      {},
    );
    expect(r.papers).toHaveLength(1);
    const p = r.papers[0]!;
    expect(p.date).toBe("2019-01-13");
    expect(p.title).toBe("The Liver Tumor Segmentation Benchmark (LiTS)");
    expect(p.abstract).toMatch(/much more text/);
    expect(p.authors).toHaveLength(3);
    expect(p.key).toBe("p:the-liver-tumor-segmentation-benchmark-lits");
  });
  it("merges a title-less listing record with a titled one on a near-identical abstract (003 vs 004 pattern)", () => {
    const r = resolveIdentity(
      [
        doc("listing.txt", [rec("listing.txt", { title: null, arxivId: "2303.17719", abstract: WINNER_ABSTRACT, authors: [] })]),
        doc("trending.txt", [rec("trending.txt", { format: "trending", title: "Why is the winner the best?", abstract: WINNER_ABSTRACT.replace("learnt", "learned"), authors: [] })]),
      ],
      {},
    );
    expect(r.papers).toHaveLength(1);
    expect(r.papers[0]!.title).toBe("Why is the winner the best?");
    expect(r.merges.find((m) => m.entity === "paper")!.evidence.join(" ")).toMatch(/abstracts \d+% identical/);
  });
  it("keeps different BraTS 2023 papers apart although their titles share a long prefix (seeds/004)", () => {
    const r = resolveIdentity(
      [
        doc("p.txt", [
          rec("p.txt", { title: "The Brain Tumor Segmentation (BraTS) Challenge 2023: Glioma Segmentation in Sub-Saharan Africa Patient Population (BraTS-Africa)", authors: ["Maruf Adewole"] }),
          rec("p.txt", { title: "The Brain Tumor Segmentation (BraTS) Challenge 2023: Brain MR Image Synthesis for Tumor Segmentation (BraSyn)", authors: ["Hongwei Bran Li"] }),
          rec("p.txt", { title: "The Brain Tumor Segmentation (BraTS) Challenge 2023: Focus on Pediatrics (CBTN-CONNECT-DIPGR-ASNR-MICCAI BraTS-PEDs)", authors: ["Anahita Fathi Kazerooni"], abstract: WINNER_ABSTRACT }),
          rec("p.txt", { title: "The Brain Tumor Segmentation in Pediatrics (BraTS-PEDs) Challenge: Focus on Pediatrics", authors: ["Anahita Fathi Kazerooni"], abstract: WINNER_ABSTRACT }),
        ]),
      ],
      {},
    );
    expect(r.papers).toHaveLength(4);
    const apart = r.keptApart.filter((m) => m.entity === "paper");
    expect(apart.some((m) => m.evidence.includes("kept apart: a shared title prefix is not enough"))).toBe(true);
    expect(apart.some((m) => m.evidence.includes("kept apart: both have titles and the titles differ"))).toBe(true);
  });
  it("never merges two records with different arXiv ids, even with the same title", () => {
    const r = resolveIdentity(
      [doc("a.txt", [rec("a.txt", { title: "Editorial note on segmentation", arxivId: "2101.00001", authors: [] }), rec("a.txt", { title: "Editorial note on segmentation", arxivId: "2101.00002", authors: [] })])],
      {},
    );
    expect(r.papers.map((p) => p.key)).toEqual(["p:arxiv:2101.00001", "p:arxiv:2101.00002"]);
    expect(r.keptApart.some((m) => m.evidence.some((e) => /different arXiv ids/.test(e)))).toBe(true);
  });
  it("builds keys and labels for title-less papers and suffixes clashing slugs deterministically", () => {
    const r = resolveIdentity(
      [
        doc("a.txt", [
          rec("a.txt", { title: null, arxivId: "2507.12092", abstract: "Cortical lesions (CLs) have emerged as valuable biomarkers in multiple sclerosis (MS), offering high diagnostic specificity.", authors: [] }),
          rec("a.txt", { title: null, abstract: "Artificial intelligence (AI) has introduced numerous opportunities for human assistance and task automation in medicine.", authors: [] }),
          rec("a.txt", { title: "Deep learning for segmentation of brain tumours in MRI: part one", authors: ["Ivo Andric"] }),
          rec("a.txt", { title: "Deep learning for segmentation of brain tumours in MRI: part two", authors: ["Ivo Andric"] }),
        ]),
      ],
      {},
    );
    const keys = r.papers.map((p) => p.key);
    expect(keys).toContain("p:arxiv:2507.12092");
    expect(keys).toContain("p:deep-learning-for-segmentation-of-brain-tumours-in");
    expect(keys).toContain("p:deep-learning-for-segmentation-of-brain-tumours-in-2");
    expect(keys.some((k) => /^p:abs-[0-9a-f]{8}$/.test(k))).toBe(true);
    const arx = r.papers.find((p) => p.arxivId === "2507.12092")!;
    expect(arx.label).toBe("arXiv:2507.12092 — Cortical lesions (CLs) have emerged as valuable biomarkers…");
    const two = r.papers.find((p) => p.key.endsWith("-2"))!;
    expect(two.title).toMatch(/part two/);
  });
});

/**
 * Title heads and tails (src/pipeline/topics/title-head.ts): what a title contributes before where it applies it.
 */
import { describe, expect, it } from "vitest";
import { analyseCorpus } from "../../../src/pipeline/topics/terms";
import { titleChunks, titleParts, titleTails } from "../../../src/pipeline/topics/title-head";

describe("titleChunks", () => {
  it("splits each colon part at the prepositions that open a setting, purpose or means", () => {
    expect(titleChunks("Global and Local Interpretability for Cardiac MRI Classification")).toEqual([
      [" global and local interpretability ", " cardiac mri classification "],
    ]);
    expect(titleChunks("RoentGen: Vision-Language Foundation Model for Chest X-ray Generation")).toEqual([
      [" roentgen "],
      [" vision language foundation model ", " chest x ray generation "],
    ]);
    expect(titleChunks("Dehazing Ultrasound using Diffusion Models")).toEqual([[" dehazing ultrasound ", " diffusion models "]]);
    expect(titleChunks("Why is the winner the best?")).toEqual([[" why is the winner the best "]]);
  });
});

describe("titleTails", () => {
  const papers = [
    { key: "a", title: "Fairness in Cardiac MRI Segmentation", abstract: "We study fairness in cardiac MRI segmentation." },
    { key: "b", title: "The Impact of Cardiac MRI on Fairness", abstract: "Cardiac MRI and fairness." },
    { key: "c", title: "Cardiac MRI Segmentation", abstract: "Segmentation of cardiac MRI with fairness audits." },
    { key: "d", title: null, abstract: "Fairness in cardiac MRI." },
  ];
  const corpus = analyseCorpus(papers);
  const index = (display: string) => corpus.terms.find((t) => t.display === display)!.index;
  const names = (tail: Set<number>) => [...tail].map((i) => corpus.terms[i]!.display).sort();
  const topics = new Set([index("fairness"), index("cardiac MRI")]);
  const tails = titleTails(corpus, papers.map((p) => p.title), () => true, (i) => topics.has(i));

  it("holds the terms after the first chunk that names a topic", () => {
    // "Fairness" names a topic: the cardiac MRI segmentation it is studied in is the setting.
    expect(names(tails[0]!)).toContain("cardiac MRI");
    expect(names(tails[0]!)).not.toContain("fairness");
  });

  it("reads on past a head that names no topic", () => {
    // "The Impact" names none; "Cardiac MRI" is the subject, fairness what it is seen through.
    expect(names(tails[1]!)).toEqual(["fairness"]);
  });

  it("is empty for a title without a setting and for a record without a title", () => {
    expect(tails[2]!.size).toBe(0);
    expect(tails[3]!.size).toBe(0);
  });

  it("looks only at the terms it is asked about", () => {
    const none = titleTails(corpus, papers.map((p) => p.title), () => false, () => true);
    expect(none.every((t) => t.size === 0)).toBe(true);
  });
});

describe("titleParts", () => {
  const papers = [
    { key: "a", title: "Fairness in Cardiac MRI Segmentation", abstract: "We study fairness in cardiac MRI segmentation." },
    { key: "b", title: "Cardiac MRI Segmentation: Fairness of Models", abstract: "Cardiac MRI and fairness." },
    { key: "c", title: null, abstract: "Fairness in cardiac MRI." },
  ];
  const corpus = analyseCorpus(papers);
  const index = (display: string) => corpus.terms.find((t) => t.display === display)!.index;
  const topics = new Set([index("fairness"), index("cardiac MRI")]);
  const { heads, tails } = titleParts(corpus, papers.map((p) => p.title), () => true, (i) => topics.has(i));

  it("gives the head beside the tail, each colon part with its own head", () => {
    expect(heads[0]!.has(index("fairness"))).toBe(true);
    expect(heads[0]!.has(index("cardiac MRI"))).toBe(false);
    expect(tails[0]!.has(index("cardiac MRI"))).toBe(true);
    // Both parts of "Cardiac MRI Segmentation: Fairness of Models" open with a topic: both are heads.
    expect(heads[1]!.has(index("cardiac MRI"))).toBe(true);
    expect(heads[1]!.has(index("fairness"))).toBe(true);
    expect(heads[2]!.size + tails[2]!.size).toBe(0);
  });

  it("has the same tails as titleTails", () => {
    expect(tails).toEqual(titleTails(corpus, papers.map((p) => p.title), () => true, (i) => topics.has(i)));
  });
});

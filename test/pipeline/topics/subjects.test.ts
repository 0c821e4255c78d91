/**
 * Which single words may stand alone as topics (subjects.ts). The small corpus is hand-written in the style of the seed
 * abstracts: each sentence gives one word the evidence a rule looks at. The seed test checks the words issue 4 listed.
 */
import { describe, expect, it } from "vitest";
import { subjectTest } from "../../../src/pipeline/topics/subjects";
import { analyseCorpus } from "../../../src/pipeline/topics/terms";
import type { TopicInputPaper } from "../../../src/pipeline/topics/types";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { seedClusters, seedTopics } from "./seed-corpus";

const paper = (key: string, abstract: string): TopicInputPaper => ({ key, title: null, abstract });

// Every sentence occurs in two papers, so every candidate has df >= 2 (minDf is 1 under 20 papers anyway).
const SENTENCES = [
  // "privacy" ends phrases (before "of", before a full stop): a noun.
  "We study the privacy of patients in hospitals. Hospitals protect privacy.",
  // "whole" is always followed by its noun: an adjective, not a subject.
  "A whole slide image shows tissue. The whole slide is scanned.",
  // "manual" ends a phrase once, but the corpus also writes "manually": an adjective.
  "Segmentation is manual. Contours were drawn manually.",
  // "impact" is a noun that names no subject: on the generic list, however it is used.
  "The impact of noise matters. We measure the impact.",
  // "quantifying" is followed by its object; "uncertainty" ends the phrase.
  "Quantifying uncertainty helps. Models for quantifying uncertainty in segmentation.",
  // "high-quality" is opened by an evaluative word.
  "We generate high-quality images. A high-quality scan.",
  // "BraTS" only ever modifies ("BraTS challenge"): acronym or not, it joins its phrase.
  "The BraTS challenge ranks teams. Teams join the BraTS challenge.",
  // "MICCAI" is an acronym that stands alone ("at MICCAI."): it names a subject.
  "Papers at MICCAI. We met at MICCAI, in MICCAI workshops.",
  // "tumor" never ends a phrase here: it joins its phrases ("brain tumor", "tumor segmentation").
  "Brain tumor segmentation in children. Tumor growth models with brain tumor images.",
  // "registration" heads "image registration" and stands alone once: a noun.
  "Image registration of scans. Registration is slow.",
];
const papers = [0, 1].flatMap((copy) => SENTENCES.map((s, i) => paper(`p${copy}-${i}`, s)));
const corpus = analyseCorpus(papers);
const standsAlone = subjectTest(corpus, 1);
const verdict = (key: string) => {
  const term = corpus.terms.find((t) => t.key === key);
  expect(term, key).toBeDefined();
  return standsAlone(term!);
};

describe("subjectTest", () => {
  it("keeps nouns, acronyms and phrase heads", () => {
    for (const key of ["t:privacy", "t:uncertainty", "t:miccai", "t:registration"]) expect(verdict(key), key).toBe(true);
  });

  it("lets a modifier that never stands alone join its phrase", () => {
    expect(verdict("t:brats")).toBe(false);
    expect(verdict("t:brats challenge")).toBe(true);
    expect(verdict("t:tumor")).toBe(false);
    // Here even "brain tumor" only modifies ("brain tumor segmentation", "brain tumor images"), so its phrases stand.
    expect(verdict("t:brain tumor")).toBe(false);
    expect(verdict("t:brain tumor segmentation")).toBe(true);
  });

  it("drops adjectives, verb forms and vague nouns", () => {
    for (const key of ["t:whole", "t:manual", "t:impact", "t:quantifying", "t:high-quality"]) expect(verdict(key), key).toBe(false);
  });

  it("always accepts multi-word terms, which are noun phrases by construction", () => {
    expect(verdict("t:whole slide image")).toBe(true);
    expect(verdict("t:brain tumor segmentation")).toBe(true);
  });
});

describe("topics and labels of the seed corpus", () => {
  const options = { maxTopics: DEFAULT_OPTIONS.maxTopics, topicsPerPaper: DEFAULT_OPTIONS.topicsPerPaper, seed: DEFAULT_OPTIONS.seed };
  const { topics } = seedTopics(DEFAULT_OPTIONS.seed);
  const clusters = seedClusters(DEFAULT_OPTIONS.seed, DEFAULT_OPTIONS.clusterResolution);
  // The single words issue 4 reported as topics that name no subject (11-cluster build of the seeds, before the fix).
  const GENERIC = ["whole", "real", "mean", "function", "subject", "concern", "group", "impact", "common", "estimate",
    "quantifying", "lack", "parameter", "high-quality", "future"];

  it("has none of the reported generic words as a topic, and still fills maxTopics", () => {
    const terms = new Set(topics.topics.map((t) => t.key.slice(2)));
    for (const word of GENERIC) expect(terms.has(word), word).toBe(false);
    expect(topics.topics).toHaveLength(options.maxTopics);
  });

  it("has none of the single words an expert struck from the topic list (issue 13; no corpus evidence tells them apart)", () => {
    const singles = new Set(topics.topics.filter((t) => !t.key.slice(2).includes(" ")).map((t) => t.term.toLowerCase()));
    for (const word of ["choices", "relationship", "sections", "views", "sub-regions"]) expect(singles.has(word), word).toBe(false);
    // Longer terms headed by them stay topics where they rank ("tumor sub-regions" is a BraTS term).
    expect(singles.has("fairness") && singles.has("surrogate")).toBe(true);
  });

  it("labels clusters with two or three terms that are not generic and do not contain each other", () => {
    const generic = new Set(GENERIC);
    // Ten seeds x resolutions 0.8, 1, 1.25. A label is one term only when no other distinctive term is about the same
    // papers (label.ts); that stays rare: over seeds 42, 1, 7 (as themes.test.ts) 6 of 83 labels before the word
    // families and the title-head setting rule (cluster.ts), 3 of 92 after, 4 of 91 once issue 13's five struck words
    // left the topics (subjects.ts), 8 of 90 with the queued local moves of louvain.ts (another draw of the term
    // clusterings that decide which terms are general). Nine runs are too few to tell those apart, so the count is
    // over thirty: 13 of 304 before the queued local moves, 14 of 305 after.
    let labels = 0;
    let single = 0;
    for (const seed of [42, 1, 7, 2, 3, 4, 5, 6, 8, 9]) {
      for (const resolution of [0.8, 1, 1.25]) {
        for (const c of seedClusters(seed, resolution).clusters) {
          const parts = c.label.split(", ");
          labels++;
          if (parts.length === 1) single++;
          expect(parts.length, c.label).toBeLessThanOrEqual(3);
          const lower = parts.map((p) => p.toLowerCase());
          for (const [i, a] of lower.entries()) for (const b of lower.slice(i + 1)) expect(a.includes(b) || b.includes(a), c.label).toBe(false);
          for (const p of parts) expect(generic.has(p.toLowerCase().replace(/s$/, "")), c.label).toBe(false);
        }
      }
    }
    expect(single, `${single} of ${labels} labels are a single term`).toBeLessThanOrEqual(labels / 20);
    // Multi-word terms win close calls: before the label weighting 4 of 22 label terms had two words or more, after it 15.
    const multiWord = clusters.clusters.flatMap((c) => c.label.split(", ")).filter((p) => p.includes(" ")).length;
    expect(multiWord).toBeGreaterThanOrEqual(10);
  });
});

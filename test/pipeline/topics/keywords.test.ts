/**
 * Keywords, spelling variants, thesaurus topic lines and usage evidence in the one topic space (terms.ts, keywords.ts,
 * spelling.ts, subjects.ts). Inputs are constructed: short records in the style of WoS/Scopus exports (author keywords
 * in Title Case, Keywords Plus in upper case, PubMed MeSH headings with qualifiers and major-topic stars).
 */
import { describe, expect, it } from "vitest";
import { cleanMeshHeading } from "../../../src/pipeline/topics/keywords";
import { spellingMap } from "../../../src/pipeline/topics/spelling";
import { isMeasureOrCount, isModifier, settingShare, subjectTest } from "../../../src/pipeline/topics/subjects";
import { analyseCorpus, termCountsOf, type TermStats } from "../../../src/pipeline/topics/terms";
import { extractTopics } from "../../../src/pipeline/topics";
import type { TopicInputPaper, TopicThesaurusEntry } from "../../../src/pipeline/topics/types";

const paper = (key: string, fields: Partial<TopicInputPaper>): TopicInputPaper => ({ key, title: null, abstract: null, ...fields });
const term = (terms: TermStats[], key: string) => {
  const t = terms.find((x) => x.key === key);
  expect(t, key).toBeDefined();
  return t!;
};

describe("keywords as candidates", () => {
  const papers = [
    // Author keywords in Title Case, a plural, and an acronym defined inside a keyword.
    paper("p1", { title: "A study", keywords: ["Federated Learning", "Diffusion Models", "Magnetic resonance imaging (MRI)"] }),
    // The same subjects in text only: unified with the keywords above.
    paper("p2", { abstract: "We train a diffusion model with federated learning (FL) on MRI." }),
    // Indexer terms (Keywords Plus style, upper case) and MeSH headings with PubMed markers and a check tag.
    paper("p3", { indexKeywords: ["FEDERATED LEARNING", "SEGMENTATION"], meshTerms: ["Humans", "Breast Neoplasms/*diagnostic imaging", "*Magnetic Resonance Imaging"] }),
  ];
  const corpus = analyseCorpus(papers);

  it("unifies keywords with text terms across case, plural and acronyms, and counts the papers that list them", () => {
    const fl = term(corpus.terms, "t:federated learning");
    expect(fl.df).toBe(3);
    expect(fl.keywordDf).toBe(2);
    expect(fl.display).toBe("federated learning");
    const dm = term(corpus.terms, "t:diffusion model");
    expect(dm.df).toBe(2);
    expect(dm.variants).toEqual(expect.arrayContaining(["diffusion model", "diffusion models"]));
    // "MRI" in p2's text stands for the long form p1's keyword defined; p3's MeSH heading is the same words.
    expect(term(corpus.terms, "t:magnetic resonance imaging").df).toBe(3);
  });

  it("weighs author keywords above titles, indexer terms and MeSH as titles", () => {
    const gid = term(corpus.terms, "t:federated learning").gid;
    expect(termCountsOf(corpus, 0).get(gid)).toBe(5);
    expect(termCountsOf(corpus, 1).get(gid)).toBe(1);
    expect(termCountsOf(corpus, 2).get(gid)).toBe(3);
  });

  it("keeps MeSH headings as given, without qualifiers, stars or check tags", () => {
    expect(term(corpus.terms, "t:breast neoplasms").display).toBe("Breast Neoplasms");
    expect(corpus.terms.some((t) => t.key === "t:humans")).toBe(false);
    expect(cleanMeshHeading("Tomography, X-Ray Computed/methods")).toBe("Tomography, X-Ray Computed");
    expect(cleanMeshHeading("Female")).toBeNull();
    expect(cleanMeshHeading(" / ")).toBeNull();
  });

  it("lets keywords alone make topics, and fills in from text for papers without keywords", () => {
    const mixed = [
      ...[0, 1, 2].map((i) => paper(`k${i}`, { title: "Results of a trial", keywords: ["Federated Learning", "Privacy"] })),
      ...[0, 1, 2].map((i) => paper(`t${i}`, { title: "Image synthesis with diffusion models", abstract: "Diffusion models synthesise images." })),
    ];
    const topics = extractTopics(mixed, { maxTopics: 10, topicsPerPaper: 3 });
    const keys = topics.topics.map((t) => t.key);
    // No paper writes "diffusion model" in the singular here, so the plural is the term's own form.
    expect(keys).toEqual(expect.arrayContaining(["t:federated learning", "t:diffusion models"]));
    expect(topics.paperTopics.get("k0")!.map((l) => l.topic)).toContain("t:federated learning");
    expect(topics.paperTopics.get("t0")!.map((l) => l.topic)).toContain("t:diffusion models");
  });

  it("ignores keyword lists that are not strings, and empty keywords, without throwing", () => {
    const odd = analyseCorpus([paper("p", { keywords: ["", "  ", 42 as unknown as string, "—"], meshTerms: [null as unknown as string] })]);
    expect(odd.terms).toEqual([]);
  });
});

describe("British and American spellings", () => {
  it("share an identity when the corpus writes both, and only then", () => {
    const corpus = analyseCorpus([
      paper("a", { abstract: "Brain tumour segmentation in paediatric patients." }),
      paper("b", { abstract: "Brain tumor segmentation in pediatric patients. Modelling and modeling." }),
      paper("c", { abstract: "Four hours of colour images." }),
    ]);
    // One identity (American), keyed by the spelling written more often (a tie here: the first in order).
    const seg = term(corpus.terms, "t:brain tumor segmentation");
    expect(seg.gid).toBe("braintumorsegmentation");
    expect(seg.df).toBe(2);
    expect(seg.variants).toEqual(["brain tumor segmentation", "brain tumour segmentation"]);
    const vocabulary = new Set(["tumour", "tumor", "colour", "four", "for", "centre", "center", "multi-centre"]);
    const map = spellingMap(vocabulary);
    expect(map.get("tumour")).toBe("tumor");
    expect(map.get("centre")).toBe("center");
    expect(map.get("multi-centre")).toBe("multi-center");
    // "colour" stays: the corpus has no "color"; "four" is never read as "for".
    expect(map.has("colour")).toBe(false);
    expect(map.has("four")).toBe(false);
  });
});

describe("thesaurus topic lines", () => {
  const source = { file: "thesaurus.csv", line: 2 };
  const papers = [
    paper("a", { abstract: "Magnetic resonance imaging of the brain. Deep learning helps." }),
    paper("b", { abstract: "MR imaging of the heart. Deep learning helps." }),
  ];
  const lines: TopicThesaurusEntry[] = [
    { action: "merge-topic", terms: ["magnetic resonance imaging", "MR imaging"], source },
    { action: "drop-topic", terms: ["deep learning"], source: { ...source, line: 3 } },
    { action: "merge-topic", terms: ["federated learning", "collaborative learning"], source: { ...source, line: 4 } },
  ];
  const corpus = analyseCorpus(papers, lines);

  it("merges terms into the first term of the line and drops others entirely", () => {
    const mri = term(corpus.terms, "t:magnetic resonance imaging");
    expect(mri.df).toBe(2);
    expect(mri.display).toBe("magnetic resonance imaging");
    expect(mri.variants).toEqual(expect.arrayContaining(["MR imaging", "magnetic resonance imaging"]));
    expect(corpus.terms.some((t) => t.key === "t:mr imaging")).toBe(false);
    expect(corpus.terms.some((t) => t.key === "t:deep learning")).toBe(false);
  });

  it("warns, with file and line, about terms that occur nowhere", () => {
    expect(corpus.notes).toEqual([
      { file: "thesaurus.csv", line: 4, severity: "warning", message: 'merge-topic term "federated learning" occurs in no title, abstract or keyword; check its spelling' },
      { file: "thesaurus.csv", line: 4, severity: "warning", message: 'merge-topic term "collaborative learning" occurs in no title, abstract or keyword; check its spelling' },
    ]);
  });
});

describe("usage evidence", () => {
  const papers = [0, 1, 2, 3].map((i) =>
    paper(`p${i}`, {
      title: i < 2 ? "Image synthesis for breast MRI" : "Synthesis",
      abstract:
        "The model reached an AUC of 0.91 and an AUC = 0.88 with an AUC of 0.85. Data from 51 countries and 12 countries and " +
        "five countries. The BraTS 2021 challenge. We work in breast MRI, in breast MRI and on breast MRI. Generative models " +
        "and generative networks. Breast cancer and breast density.",
    }),
  );
  const corpus = analyseCorpus(papers);

  it("counts values, counted units, settings and modifiers", () => {
    const auc = term(corpus.terms, "t:auc");
    expect(auc.valued).toBe(auc.textOccurrences);
    expect(isMeasureOrCount(auc)).toBe(true);
    const countries = term(corpus.terms, "t:countries");
    expect(countries.counted).toBe(countries.textOccurrences);
    expect(isMeasureOrCount(countries)).toBe(true);
    // A year names an edition, not a value.
    expect(term(corpus.terms, "t:brats").valued).toBe(0);
    expect(settingShare(term(corpus.terms, "t:breast mri"))).toBeGreaterThan(0.5);
    expect(settingShare(term(corpus.terms, "t:synthesis"))).toBe(0);
    expect(isModifier(term(corpus.terms, "t:breast"))).toBe(true);
  });

  it("keeps lone adjectives as clustering evidence, never as topics", () => {
    const generative = term(corpus.terms, "t:generative");
    expect(generative.endable).toBe(false);
    expect(subjectTest(corpus, 1)(generative)).toBe(false);
    expect(subjectTest(corpus, 1)(term(corpus.terms, "t:generative model"))).toBe(true);
  });

  it("takes a title's hyphenated adjective as title evidence for its first part", () => {
    const c = analyseCorpus([paper("a", { title: "Privacy-Preserving Segmentation", abstract: "Privacy matters." })]);
    expect(term(c.terms, "t:privacy").titleDf).toBe(1);
  });
});

/**
 * Candidate terms: lexing, acronym definitions, variant unification and display forms. Inputs are hand-written
 * abstracts modelled on the seed listings (the FL and DNN definitions mimic seeds/004 and seeds/002 wording).
 */
import { describe, expect, it } from "vitest";
import { cannotEndTerm, isStopWord } from "../../../src/pipeline/topics/lexicon";
import { ConcatHash } from "../../../src/pipeline/topics/tables";
import { analyseCorpus, singular, termCountsOf, type CorpusTerms } from "../../../src/pipeline/topics/terms";
import { acronymShortForm, lexField, matchLongForm } from "../../../src/pipeline/topics/tokens";
import type { TopicInputPaper } from "../../../src/pipeline/topics/types";

const termByKey = (papers: TopicInputPaper[], key: string) => analyseCorpus(papers).terms.find((t) => t.key === key);
const keys = (papers: TopicInputPaper[]) => analyseCorpus(papers).terms.map((t) => t.key);
const paper = (key: string, abstract: string | null, title: string | null = null): TopicInputPaper => ({ key, title, abstract });

describe("lexing", () => {
  it("breaks chunks at punctuation and numbers-only tokens, and drops URLs", () => {
    // Case: numbers, a URL and a sentence end must all separate terms.
    const field = lexField("Dice of 95.5 on 2023 data. Code at https://github.com/x/y.z here", false, isStopWord);
    expect(field.chunks.map((c) => c.map((t) => t.surface).join(" "))).toEqual(["Dice of", "on", "data", "Code at", "here"]);
    expect(field.chunks[0]![0]!.sentenceStart).toBe(true);
    expect(field.chunks[2]![0]!.sentenceStart).toBe(false);
  });

  it("finds acronym definitions the Schwartz-Hearst way, plural short forms included", () => {
    expect(matchLongForm("FL", ["we", "use", "federated", "learning"])).toEqual(["federated", "learning"]);
    expect(matchLongForm("DNN", ["deep", "neural", "networks"])).toEqual(["deep", "neural", "networks"]);
    // Case: letters that do not occur in order give no definition.
    expect(matchLongForm("XYZ", ["deep", "neural"])).toBeNull();
    expect(acronymShortForm("DNNs")).toBe("DNN");
    expect(acronymShortForm("Federated")).toBeNull();
    const field = lexField("Deep neural networks (DNNs) and federated learning (FL) work.", false, isStopWord);
    expect(field.definitions).toEqual([
      { short: "DNN", long: ["deep", "neural", "networks"] },
      { short: "FL", long: ["federated", "learning"] },
    ]);
  });

  it("does not take a parenthesised word that fails the letter match for an acronym", () => {
    // Case: "(MRI)" after words that do not spell it is an aside, not a definition.
    expect(lexField("images from the scanner (MRI) were used", false, isStopWord).definitions).toEqual([]);
  });
});

describe("word classes", () => {
  it("keeps subjects and drops boilerplate by stem", () => {
    for (const w of ["paper", "proposed", "proposes", "method", "results", "approach", "performance", "study", "however", "not"]) {
      expect(isStopWord(w), w).toBe(true);
    }
    for (const w of ["segmentation", "fairness", "privacy", "similarity", "challenge", "multiple"]) expect(isStopWord(w), w).toBe(false);
  });

  it("lets adjectives and participles begin but not end a term", () => {
    for (const w of ["federated", "generative", "biomedical", "heterogeneous", "multi-institutional", "adversarial"]) {
      expect(cannotEndTerm(w), w).toBe(true);
    }
    for (const w of ["learning", "metric", "metrics", "signal", "trial", "speed", "diffusion", "potential"]) {
      expect(cannotEndTerm(w), w).toBe(false);
    }
  });

  it("singularises the last word only when the singular occurs in the corpus", () => {
    const vocabulary = new Set(["network", "bias", "study", "case"]);
    expect(singular("networks", vocabulary)).toBe("network");
    expect(singular("biases", vocabulary)).toBe("bias");
    expect(singular("studies", vocabulary)).toBe("study");
    expect(singular("cases", vocabulary)).toBe("case");
    // Case: no singular seen, or a word that only looks plural.
    expect(singular("datasets", vocabulary)).toBe("datasets");
    expect(singular("bias", vocabulary)).toBe("bias");
    expect(singular("analysis", vocabulary)).toBe("analysis");
  });
});

describe("candidate terms", () => {
  it("unifies plural, hyphenation, spacing and case", () => {
    // Case: the three spellings of multi-center from the brief, and plural/singular of a two-word term.
    const papers = [
      paper("p1", "A multi-center trial of diffusion models."),
      paper("p2", "A multicenter trial of a diffusion model."),
      paper("p3", "A multi center trial of diffusion models.", "Diffusion Models for Multi-Center Trials"),
    ];
    const center = termByKey(papers, "t:multi-center trial") ?? termByKey(papers, "t:multi center trial");
    expect(center?.variants).toEqual(["multi center trial", "multi-center trial", "multi-center trials", "multicenter trial"]);
    expect(center?.df).toBe(3);
    const diffusion = termByKey(papers, "t:diffusion model");
    expect(diffusion?.display).toBe("diffusion models");
    expect(diffusion?.variants).toEqual(["diffusion model", "diffusion models"]);
    expect(diffusion?.df).toBe(3);
  });

  it("counts a defined acronym for its long form in that paper, display by the form most papers write", () => {
    // Case: FL defined in p1 and reused; p2 spells it out; p3 uses MRI bare, as most seed abstracts do.
    const papers = [
      paper("p1", "We train with federated learning (FL). FL keeps images local on MRI scanners."),
      paper("p2", "Federated learning across hospitals with MRI."),
      paper("p3", "MRI segmentation of the heart and MRI reconstruction."),
      paper("p4", "Brain magnetic resonance imaging (MRI) in children."),
    ];
    const fl = termByKey(papers, "t:federated learning")!;
    expect(fl.variants).toEqual(["FL", "federated learning"]);
    expect(fl.df).toBe(2);
    expect(fl.display).toBe("federated learning");
    // The acronym is defined once in the corpus, so bare MRI elsewhere counts for it as well.
    const mri = termByKey(papers, "t:magnetic resonance imaging")!;
    expect(mri.display).toBe("MRI");
    expect(mri.df).toBe(4);
    expect(keys(papers)).not.toContain("t:mri");
  });

  it("keeps an acronym defined two ways in the corpus to its paper's own meaning", () => {
    // Case: MS means multiple sclerosis in one paper and mass spectrometry in another; a third paper uses MS bare.
    const papers = [
      paper("p1", "Lesions in multiple sclerosis (MS). MS lesions grow."),
      paper("p2", "Proteins by mass spectrometry (MS). MS spectra."),
      paper("p3", "MS cohorts were scanned."),
    ];
    expect(termByKey(papers, "t:multiple sclerosis")?.df).toBe(1);
    expect(termByKey(papers, "t:mass spectrometry")?.df).toBe(1);
    expect(termByKey(papers, "t:ms")?.df).toBe(1);
  });

  it("never starts or ends a term with a stop word, never spans numbers, allows 'of' inside", () => {
    // Case: phrasing from seed abstracts ("region of interest", "state of the art", percentages).
    const papers = [paper("p1", "The region of interest of the state of the art model reached 95% Dice in the cohort.")];
    const ks = keys(papers);
    expect(ks).toContain("t:region of interest");
    expect(ks.some((k) => /^t:(the|of|in) |\s(the|of|in)$/.test(k))).toBe(false);
    expect(ks).not.toContain("t:state");
    expect(ks).not.toContain("t:art");
    expect(ks.some((k) => /\d/.test(k))).toBe(false);
  });

  it("keeps the capitals of acronyms and of words capitalised mid-sentence, lower-cases title case", () => {
    // Case: a Title Case title must not make "Segmentation" a proper noun; "Gaussian" and "U-Net" keep capitals.
    const papers = [
      paper("p1", "We add Gaussian noise to U-Net segmentation.", "Robust Segmentation With Gaussian Noise"),
      paper("p2", "Again Gaussian noise helps segmentation."),
    ];
    expect(termByKey(papers, "t:gaussian noise")?.display).toBe("Gaussian noise");
    expect(termByKey(papers, "t:u-net segmentation")?.display).toBe("U-Net segmentation");
    expect(termByKey(papers, "t:segmentation")?.variants).toEqual(["segmentation"]);
  });

  it("weighs title occurrences three times", () => {
    const a = analyseCorpus([paper("p1", "Privacy matters.", "Privacy")]);
    expect(termCountsOf(a, 0).get("privacy")).toBe(4);
  });

  it("handles papers without title or abstract", () => {
    const a = analyseCorpus([paper("p1", null), paper("p2", ""), paper("p3", "42, 17.")]);
    expect(a.terms).toEqual([]);
    expect([0, 1, 2].map((p) => termCountsOf(a, p).size)).toEqual([0, 0, 0]);
  });
});

describe("skipping rare identities", () => {
  // analyseCorpus(papers, thesaurus, progress, minDf) skips identities held by fewer than minDf papers before counting
  // them (hashes of identities counted first); what it keeps must be exactly what counting everything and then dropping
  // the rare ones keeps.
  const summary = (c: CorpusTerms) =>
    JSON.stringify({ terms: c.terms, tf: [...c.tfTerm], weights: [...c.tfWeight], starts: [...c.tfStart], contained: sortedContained(c), notes: c.notes });
  // Which longer terms hold a term is read as a set (vocabulary.ts), so its order is not compared.
  const sortedContained = (c: CorpusTerms) => [...c.contained].map(([k, v]) => `${k} < ${[...v].map(([g, n]) => `${g}:${n}`).sort().join(" ")}`).sort();
  const keptOf = (c: CorpusTerms, minDf: number): CorpusTerms => {
    // The minDf = 1 analysis cut down to terms in minDf papers, renumbered as analyseCorpus numbers its terms.
    const kept = c.terms.filter((t) => t.df >= minDf);
    const index = new Map(kept.map((t, i) => [t.index, i]));
    const tf: number[] = [];
    const weights: number[] = [];
    const starts: number[] = [];
    for (let p = 0; p < c.n; p++) {
      starts.push(tf.length);
      for (let k = c.tfStart[p]!; k < c.tfStart[p + 1]!; k++) {
        const i = index.get(c.tfTerm[k]!);
        if (i !== undefined) {
          tf.push(i);
          weights.push(c.tfWeight[k]!);
        }
      }
    }
    starts.push(tf.length);
    const gids = new Set(kept.map((t) => t.gid));
    const contained = new Map(
      [...c.contained]
        .filter(([sub]) => gids.has(sub))
        .map(([sub, sups]) => [sub, new Map([...sups].filter(([sup]) => gids.has(sup)))] as const)
        .filter(([, sups]) => sups.size > 0),
    );
    return { ...c, terms: kept.map((t, i) => ({ ...t, index: i })), tfTerm: Int32Array.from(tf), tfWeight: Float64Array.from(weights), tfStart: Int32Array.from(starts), contained };
  };
  const papers: TopicInputPaper[] = [
    { key: "a", title: "A multi-center study", abstract: "Federated learning (FL) across hospitals. FL keeps data local.", keywords: ["Deep Learning"] },
    { key: "b", title: "Multicenter trials", abstract: "Collaborative learning of deep networks across hospitals.", meshTerms: ["Neural Networks, Computer"] },
    { key: "c", title: null, abstract: "A multi center trial of deep learning on hospital networks.", indexKeywords: ["NEURAL NETWORKS"] },
    { key: "d", title: "Rare words once", abstract: "Tumour segmentation with a deep network.", meshTerms: ["Neural Networks, Computer"] },
    { key: "e", title: null, abstract: "Tumor segmentation and deep learning.", keywords: ["tumour segmentation"] },
  ];
  const source = { file: "thesaurus.csv", line: 1 };
  const thesaurus = [
    { action: "merge-topic" as const, terms: ["federated learning", "collaborative learning"], source },
    { action: "drop-topic" as const, terms: ["hospital"], source: { ...source, line: 2 } },
  ];

  it("keeps exactly the terms, lists and nesting that counting everything keeps", () => {
    for (const minDf of [2, 3]) {
      for (const th of [[], thesaurus]) {
        expect(summary(analyseCorpus(papers, th, undefined, minDf))).toBe(summary(keptOf(analyseCorpus(papers, th, undefined, 1), minDf)));
      }
    }
    // Spelled three ways, each once: one identity in three papers.
    expect(analyseCorpus(papers, [], undefined, 3).byGid.get("multicenter")?.df).toBe(3);
    // Merged by the thesaurus: each spelling in one paper, together in two.
    expect(analyseCorpus(papers, thesaurus, undefined, 2).byGid.get("federatedlearning")?.df).toBe(2);
  });

  it("composes the hash of a concatenation from its parts", () => {
    const parts = new Int32Array(8);
    new ConcatHash().addString("multi").store(parts, 0);
    new ConcatHash().addString("center").store(parts, 4);
    const composed = new ConcatHash().addPart(parts, 0).addPart(parts, 4);
    const whole = new ConcatHash().addString("multicenter");
    expect([composed.h1, composed.h2, composed.p1, composed.p2]).toEqual([whole.h1, whole.h2, whole.p1, whole.p2]);
    expect(new ConcatHash().addString("multicentre").h1).not.toBe(whole.h1);
  });
});

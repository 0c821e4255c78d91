/**
 * Constructed: a keyword corpus in the shape of a WoS/Scopus export, for the second theme measurement of issue 13 (the
 * seeds have no keywords, and the export fixtures in test/fixtures/formats hold a handful of records each, too few to
 * cluster). Four method themes (federated learning, fairness, image synthesis, uncertainty) are each studied in four
 * settings (cardiac MRI, chest X-rays, skin lesions, brain MRI), three papers per pair: 48 papers.
 *
 * The title names method and setting, the abstract has one sentence about each, in wording that varies between papers,
 * so text alone ties a paper to both its method and its setting. Two papers in three carry author keywords, which
 * name the method (Title Case, plurals and hyphens vary) and, in one paper of three, the setting too, as authors'
 * keywords tend to; every other paper carries indexer terms in upper case (Keywords Plus style) for both, every
 * fourth MeSH headings; the rest are text only. The theme of a paper is its method by construction;
 * `withoutKeywords` gives the same records stripped of keyword fields, to measure what keywords add. Sentence choice
 * is seeded, so the corpus is the same on every run.
 */
import seedrandom from "seedrandom";
import type { TopicInputPaper } from "../../src/pipeline/topics/types";

export const THEMES = {
  federated: {
    titles: ["Federated learning for", "Privacy-preserving federated training of models for", "Federated learning across hospitals for"],
    sentences: [
      "Models are trained with federated learning, so patient data stay in each hospital.",
      "Clients share model updates instead of images, which protects patient privacy.",
      "The federated model matches a centrally trained model while no data leave the sites.",
    ],
    keywords: [["Federated Learning", "Privacy"], ["federated-learning", "Data privacy"], ["Federated learning", "Distributed learning"]],
    index: ["FEDERATED LEARNING", "PRIVACY"],
    mesh: ["Confidentiality"],
  },
  fairness: {
    titles: ["Fairness of deep learning for", "Demographic bias in", "Bias audit of models for"],
    sentences: [
      "We measure fairness across sex and race groups and find a performance gap.",
      "Demographic bias lowers accuracy for under-represented groups.",
      "Bias mitigation by rebalancing the training data closes the gap between groups.",
    ],
    keywords: [["Fairness", "Algorithmic bias"], ["Demographic bias", "Fairness"], ["Bias", "Health equity"]],
    index: ["FAIRNESS", "BIAS"],
    mesh: ["Healthcare Disparities"],
  },
  synthesis: {
    titles: ["Image synthesis for", "Diffusion models to synthesise", "Generative models for synthetic"],
    sentences: [
      "A diffusion model generates realistic synthetic images for data augmentation.",
      "Generative adversarial networks synthesise images that readers cannot tell from real ones.",
      "Synthetic data from a generative model improve the downstream classifier.",
    ],
    keywords: [["Image Synthesis", "Diffusion Models"], ["Generative models", "Synthetic data"], ["image synthesis", "Generative adversarial networks"]],
    index: ["IMAGE SYNTHESIS", "GENERATIVE MODELS"],
    mesh: ["Image Processing, Computer-Assisted"],
  },
  uncertainty: {
    titles: ["Uncertainty quantification for", "Calibrated uncertainty estimates in", "Uncertainty-aware models for"],
    sentences: [
      "Uncertainty quantification flags the predictions that are likely to be wrong.",
      "Deep ensembles give calibrated uncertainty estimates for each prediction.",
      "The calibration error drops when the model is trained with an uncertainty-aware loss.",
    ],
    keywords: [["Uncertainty Quantification", "Calibration"], ["Uncertainty quantification", "Deep ensembles"], ["uncertainty estimation", "Model calibration"]],
    index: ["UNCERTAINTY QUANTIFICATION", "CALIBRATION"],
    mesh: ["Uncertainty"],
  },
} as const;

export const SETTINGS = {
  cardiac: {
    title: "cardiac MRI segmentation",
    sentences: [
      "Cine cardiac MRI of the left ventricle is segmented in short-axis slices.",
      "Ejection fraction and myocardial mass are computed from the cardiac MR segmentation.",
      "The cardiac MRI data come from the UK Biobank and two hospitals.",
    ],
    keywords: ["Cardiac MRI", "Left ventricle segmentation"],
    index: ["CARDIAC MAGNETIC RESONANCE", "HEART"],
    mesh: ["Heart Ventricles/diagnostic imaging", "*Magnetic Resonance Imaging, Cine"],
  },
  chest: {
    title: "chest X-ray classification",
    sentences: [
      "Chest radiographs are classified for pneumonia, effusion and cardiomegaly.",
      "The chest X-ray datasets hold frontal radiographs with radiology report labels.",
      "Thorax disease classification on chest X-rays reaches high accuracy.",
    ],
    keywords: ["Chest X-ray", "Thorax disease"],
    index: ["CHEST RADIOGRAPHY", "PNEUMONIA"],
    mesh: ["Radiography, Thoracic", "Lung Diseases/*diagnostic imaging"],
  },
  skin: {
    title: "skin lesion classification",
    sentences: [
      "Dermoscopic images of skin lesions are classified as melanoma or benign naevi.",
      "The dermatology images cover a wide range of skin tones and lesion types.",
      "Skin lesion classification is trained on the ISIC dermoscopy archive.",
    ],
    keywords: ["Skin lesion", "Dermatology"],
    index: ["MELANOMA", "DERMOSCOPY"],
    mesh: ["Skin Neoplasms/diagnostic imaging", "Dermoscopy"],
  },
  brain: {
    title: "brain tumour segmentation",
    sentences: [
      "Brain MRI scans of glioma patients are segmented into tumour sub-regions.",
      "The brain tumour segmentation uses T1, T2 and FLAIR MRI sequences.",
      "Glioma segmentation in brain MRI follows the BraTS annotation protocol.",
    ],
    keywords: ["Brain tumour segmentation", "Glioma"],
    index: ["BRAIN TUMOR", "GLIOMA"],
    mesh: ["Brain Neoplasms/diagnostic imaging", "Glioma"],
  },
} as const;

export type Theme = keyof typeof THEMES;

export function keywordCorpus(seed = "keyword-corpus"): { papers: TopicInputPaper[]; themeOf: Map<string, Theme> } {
  const rng = seedrandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const papers: TopicInputPaper[] = [];
  const themeOf = new Map<string, Theme>();
  let n = 0;
  for (const theme of Object.keys(THEMES) as Theme[]) {
    const t = THEMES[theme];
    for (const setting of Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]) {
      const s = SETTINGS[setting];
      for (let i = 0; i < 3; i++, n++) {
        const key = `p:${theme}-${setting}-${i}`;
        const record: TopicInputPaper = {
          key,
          title: `${t.titles[i]} ${s.title}`,
          abstract: [pick(s.sentences), pick(t.sentences)].join(" "),
        };
        if (n % 3 !== 2) record.keywords = [...t.keywords[i]!, ...(i === 0 ? s.keywords : []), "Deep Learning"];
        if (n % 2 === 0) record.indexKeywords = [...t.index, ...s.index, "DEEP LEARNING"];
        if (n % 4 === 0) record.meshTerms = ["Humans", ...t.mesh, ...s.mesh];
        papers.push(record);
        themeOf.set(key, theme);
      }
    }
  }
  return { papers, themeOf };
}

/** The same records without author keywords, indexer terms or MeSH headings (text only). */
export function withoutKeywords(papers: TopicInputPaper[]): TopicInputPaper[] {
  return papers.map((p) => ({ key: p.key, title: p.title, abstract: p.abstract }));
}

/**
 * Hand-built stage outputs (IdentityResult, TopicResult, TopicClusterResult) for the graph-stage tests, so they do not
 * depend on the identity and topic helpers' heuristics. Unless a comment says "constructed", papers, bylines, dates and
 * categories are copied from seeds/004_ffc89207e1d731a7.txt (compact profile listing, line numbers given) and
 * seeds/002_a3ea82699755c3cc.txt (trending list); topics and clusters are what a reader of those titles would assign.
 */
import type { SourceSummary } from "../../../src/model/graph-file";
import type { IdentityResult, ResolvedAuthor, ResolvedPaper } from "../../../src/pipeline/identity/types";
import { DEFAULT_OPTIONS, type PipelineOptions } from "../../../src/pipeline/options";
import type { PaperTopic, Topic, TopicClusterResult, TopicResult } from "../../../src/pipeline/topics/types";

export interface StageOutputs {
  identity: IdentityResult;
  topics: TopicResult;
  clusters: TopicClusterResult;
  sources: SourceSummary[];
}

export const SEED_004 = "seeds/004_ffc89207e1d731a7.txt";
export const SEED_002 = "seeds/002_a3ea82699755c3cc.txt";

export function authorKey(name: string): string {
  const parts = name.split(" ");
  return `a:${parts[parts.length - 1]!.toLowerCase()}|${parts.slice(0, -1).join(" ").toLowerCase()}`;
}

export function paper(
  key: string,
  fields: Partial<ResolvedPaper> & { authorNames?: string[]; file?: string; line?: number },
): ResolvedPaper {
  const { authorNames = [], file = SEED_004, line = 1, ...rest } = fields;
  return {
    key,
    title: null,
    label: rest.title ?? key,
    authors: authorNames.map(authorKey),
    authorsComplete: true,
    affiliation: null,
    date: null,
    year: null,
    arxivId: null,
    categories: [],
    hasCode: false,
    abstract: null,
    comment: null,
    sources: [{ file, line }],
    doi: null,
    pmid: null,
    externalIds: [],
    venue: null,
    volume: null,
    issue: null,
    pages: null,
    publicationType: null,
    keywords: [],
    indexKeywords: [],
    meshTerms: [],
    groupAuthors: [],
    citationCount: null,
    referenceCount: 0,
    ...rest,
  };
}

/** Authors derived from the papers' bylines (as identity would: one per name, papers sorted). */
export function authorsOf(papers: ResolvedPaper[], names: string[]): ResolvedAuthor[] {
  const byAuthor = new Map<string, string[]>();
  for (const p of papers) for (const a of p.authors) byAuthor.set(a, [...(byAuthor.get(a) ?? []), p.key]);
  return names.map((name) => ({
    key: authorKey(name),
    name,
    aliases: [name],
    papers: (byAuthor.get(authorKey(name)) ?? []).sort(),
    profile: null,
    orcid: null,
    externalIds: [],
    affiliations: [],
  }));
}

export function topic(term: string, paperCount: number, relevance = 1): Topic {
  return { key: `t:${term}`, term, variants: [term], paperCount, relevance };
}

export const OPTIONS: PipelineOptions = { ...DEFAULT_OPTIONS };

/**
 * Seven seed papers of the BraTS / benchmarking community plus one author-less trending paper and one constructed
 * single-author paper (the seeds have none; it exercises the "No co-author links" community).
 */
export function seedLikeInput(): StageOutputs {
  const papers: ResolvedPaper[] = [
    // 004_ line 2: "Metrics reloaded: ...Lena Maier-Hein, Annika Reinke, Patrick Godau et al. · utoronto"
    paper("p:metrics-reloaded", {
      title: "Metrics reloaded: Recommendations for image analysis validation",
      authorNames: ["Lena Maier-Hein", "Annika Reinke", "Patrick Godau"],
      authorsComplete: false, affiliation: "utoronto", date: "2022-06-03", year: 2022, categories: ["CV"], line: 1,
    }),
    // 004_ line 5: "Federated Learning Enables Big Data for Rare Cancer Boundary Detection"
    paper("p:federated-learning-enables-big-data", {
      title: "Federated Learning Enables Big Data for Rare Cancer Boundary Detection",
      authorNames: ["Sarthak Pati", "Ujjwal Baid", "Brandon Edwards"],
      authorsComplete: false, date: "2022-04-22", year: 2022, categories: ["LG"], line: 4,
    }),
    // 004_ line 8
    paper("p:biomedical-image-analysis-competitions", {
      title: "Biomedical image analysis competitions: The state of current participation practice",
      authorNames: ["Matthias Eisenmann", "Annika Reinke", "Vivienn Weru"],
      authorsComplete: false, affiliation: "utoronto", date: "2022-12-16", year: 2022, categories: ["CV"], line: 7,
    }),
    // 004_ line 11
    paper("p:understanding-metric-related-pitfalls", {
      title: "Understanding metric-related pitfalls in image analysis validation",
      authorNames: ["Annika Reinke", "Minu D. Tizabi", "Michael Baumgartner"],
      authorsComplete: false, date: "2023-02-03", year: 2023, categories: ["CV"], line: 10,
    }),
    // 004_ line 14 (complete byline: no "et al.")
    paper("p:classifying-histopathologic-glioblastoma", {
      title: "Classifying Histopathologic Glioblastoma Sub-regions with EfficientNet",
      authorNames: ["Sanyukta Adap", "Ujjwal Baid", "Spyridon Bakas"],
      date: "2025-11-12", year: 2025, categories: ["CV"], hasCode: true, line: 13,
    }),
    // 004_ line 17; arXiv id from 003_ ("arXiv:2303.17719"), where the same paper appears with its full byline
    paper("p:arxiv:2303.17719", {
      title: "Why is the winner the best?",
      authorNames: ["Matthias Eisenmann", "Annika Reinke", "Vivienn Weru"],
      authorsComplete: false, date: "2023-03-30", year: 2023, arxivId: "2303.17719", categories: ["CV"], line: 16,
      comment: "accepted to CVPR 2023",
    }),
    // 004_ line 29
    paper("p:mammofl", {
      title: "MammoFL: Mammographic Breast Density Estimation using Federated Learning",
      authorNames: ["Ramya Muthukrishnan", "Angelina Heyler", "Keshava Katti"],
      authorsComplete: false, date: "2022-06-11", year: 2022, categories: ["IV"], line: 28,
    }),
    // 002_ line 19: trending entry, no authors, no date
    paper("p:volume-rendering-of-neural-implicit-surfaces", {
      title: "Volume Rendering of Neural Implicit Surfaces",
      authorsComplete: false, file: SEED_002, line: 19,
    }),
    // constructed: a single-author paper (no co-authors), category code without a known name
    paper("p:constructed-solo-paper", {
      title: "A constructed single-author note on validation metrics",
      authorNames: ["Solo Researcher"], date: "2024-01", year: 2024, categories: ["ZZ"], line: 99,
    }),
  ];
  const names = [
    "Lena Maier-Hein", "Annika Reinke", "Patrick Godau", "Sarthak Pati", "Ujjwal Baid", "Brandon Edwards",
    "Matthias Eisenmann", "Vivienn Weru", "Minu D. Tizabi", "Michael Baumgartner", "Sanyukta Adap", "Spyridon Bakas",
    "Ramya Muthukrishnan", "Angelina Heyler", "Keshava Katti", "Solo Researcher",
  ];
  const topics = [
    topic("validation metrics", 4, 2.5),
    topic("benchmarking competitions", 2, 3),
    topic("federated learning", 2, 4),
    topic("glioblastoma", 1, 3.5),
    topic("breast density", 1, 3.2),
    topic("neural rendering", 1, 2.8),
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
  const link = (t: string, weight: number): PaperTopic => ({ topic: `t:${t}`, weight });
  const paperTopics = new Map<string, PaperTopic[]>([
    ["p:metrics-reloaded", [link("validation metrics", 0.9)]],
    ["p:federated-learning-enables-big-data", [link("federated learning", 1)]],
    ["p:biomedical-image-analysis-competitions", [link("benchmarking competitions", 0.8), link("validation metrics", 0.3)]],
    ["p:understanding-metric-related-pitfalls", [link("validation metrics", 0.95)]],
    ["p:classifying-histopathologic-glioblastoma", [link("glioblastoma", 0.7)]],
    ["p:arxiv:2303.17719", [link("benchmarking competitions", 0.6)]],
    ["p:mammofl", [link("federated learning", 0.5), link("breast density", 0.75)]],
    ["p:volume-rendering-of-neural-implicit-surfaces", [link("neural rendering", 1)]],
    ["p:constructed-solo-paper", [link("validation metrics", 0.4)]],
  ]);
  const related = [
    { source: "t:benchmarking competitions", target: "t:validation metrics", weight: 0.5 },
    { source: "t:breast density", target: "t:federated learning", weight: 0.4 },
  ];
  const paperCluster = new Map<string, number>([
    ["p:metrics-reloaded", 0],
    ["p:biomedical-image-analysis-competitions", 0],
    ["p:understanding-metric-related-pitfalls", 0],
    ["p:arxiv:2303.17719", 0],
    ["p:constructed-solo-paper", 0],
    ["p:federated-learning-enables-big-data", 1],
    ["p:mammofl", 1],
    ["p:classifying-histopathologic-glioblastoma", 1],
    ["p:volume-rendering-of-neural-implicit-surfaces", -1],
  ]);
  const topicCluster = new Map<string, number>([
    ["t:validation metrics", 0],
    ["t:benchmarking competitions", 0],
    ["t:federated learning", 1],
    ["t:glioblastoma", 1],
    ["t:breast density", 1],
    ["t:neural rendering", -1],
  ]);
  return {
    identity: { authors: authorsOf(papers, names), papers, merges: [], keptApart: [], diagnostics: [] },
    topics: { topics, paperTopics, related },
    clusters: {
      paperCluster,
      topicCluster,
      clusters: [
        { id: 0, label: "validation metrics", size: 5, terms: ["validation metrics", "benchmarking competitions"] },
        { id: 1, label: "federated learning", size: 3, terms: ["federated learning", "breast density", "glioblastoma"] },
      ],
    },
    sources: [
      { file: SEED_002, format: "trending", records: 87, diagnostics: [] },
      {
        file: SEED_004, format: "compact-profile", records: 50,
        diagnostics: [{ file: SEED_004, line: 12, severity: "warning", message: "constructed warning for the test" }],
      },
    ],
  };
}

/** Stage outputs for papers given only as bylines (author names), no topics: for community and centrality tests. */
export function bylineInput(bylines: string[][]): StageOutputs {
  const papers = bylines.map((names, i) => paper(`p:${String(i).padStart(4, "0")}`, { title: `Paper ${i}`, authorNames: names }));
  const names = [...new Set(bylines.flat())];
  return {
    identity: { authors: authorsOf(papers, names), papers, merges: [], keptApart: [], diagnostics: [] },
    topics: { topics: [], paperTopics: new Map(), related: [] },
    clusters: { paperCluster: new Map(), topicCluster: new Map(), clusters: [] },
    sources: [],
  };
}

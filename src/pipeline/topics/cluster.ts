/**
 * Research clusters: papers grouped by subject, whoever wrote them.
 *
 * 1. Every paper becomes a TF-IDF vector over the clustering vocabulary: the best-ranked topic terms (extract.ts),
 *    about two per paper and at least 400 — wider than the topic map, so a small maxTopics does not starve the
 *    clustering, but without the long tail of rare, weakly relevant terms, which on the seed corpus tied papers by
 *    wording rather than subject. Weight (1 + ln tf) * ln((n + 1) / df), L2-normalised.
 * 2. Each paper links to its NEIGHBOURS most cosine-similar papers (similarity at least MIN_SIMILARITY); the union of
 *    these lists is an undirected weighted graph.
 * 3. Louvain (graphology-communities-louvain) clusters that graph, seeded through seedrandom, at the given resolution.
 * 4. Clusters smaller than minClusterSize join the cluster they are most connected to (summed edge weight, else
 *    centroid similarity); papers similar to no other paper, and papers without any term, get -1.
 * 5. Labels come from distinctive topics: for topic t in cluster c, with a = papers of c holding t,
 *    p_c = (a + 0.5) / (size + 1) and p = (df + 0.5) / (n + 1), score = p_c * ln(p_c / p) — over-represented in the
 *    cluster (the log-ratio) and common in it (the share), not merely frequent. Only topics in two or more of its
 *    papers count. The label joins the two best that do not repeat each other ("cardiac MR" and "cardiac"), a single
 *    word's score discounted by SINGLE_WORD_LABEL_WEIGHT against multi-word terms.
 * 6. A topic belongs to the cluster holding most of its weight over papers (sum of its TF-IDF weight per paper).
 * Cluster ids run 0..k-1 by size (largest first), then label.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import seedrandom from "seedrandom";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { rankTopics, termWeight } from "./extract";
import type { TopicClusterInfo, TopicClusterResult, TopicResult } from "./types";
import type { Vocabulary } from "./vocabulary";

export const NEIGHBOURS = 10;
export const MIN_SIMILARITY = 0.05;
export const CLUSTER_TERMS = 8;
/** A single word's distinctiveness counts this much against a multi-word term's when a label is chosen. */
export const SINGLE_WORD_LABEL_WEIGHT = 0.75;

export interface ClusterOptions {
  seed: number;
  resolution: number;
  progress?: StepReporter;
}

type SparseVector = Map<number, number>;

export function minClusterSize(papers: number): number {
  return Math.max(3, Math.round(papers * 0.015));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function clusterVocabularySize(papers: number, topics: number): number {
  return Math.max(topics, 400, 2 * papers);
}

function paperVectors(vocabulary: Vocabulary, size: number): SparseVector[] {
  const { corpus } = vocabulary;
  const inVocabulary = new Map<string, number>();
  for (const j of rankTopics(vocabulary).slice(0, size)) inVocabulary.set(j.term.gid, inVocabulary.size);
  return corpus.paperTf.map((tf) => {
    const v: SparseVector = new Map();
    let norm = 0;
    for (const [gid, count] of tf) {
      const id = inVocabulary.get(gid);
      if (id === undefined) continue;
      const w = (1 + Math.log(count)) * Math.log((corpus.n + 1) / corpus.byGid.get(gid)!.df);
      v.set(id, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [id, w] of v) v.set(id, w / norm);
    return v;
  });
}

/**
 * For every paper, its NEIGHBOURS most similar papers (similarity >= MIN_SIMILARITY), via an inverted index.
 * Hot at 10,000 papers (tens of millions of posting visits): postings are flat typed arrays and dot products accumulate
 * in a Float64Array with a list of touched papers, instead of a Map and an array of pairs per paper. Each dot product
 * still sums the same terms in the same order, so the similarities are bit-identical to the Map version.
 */
function nearestNeighbours(vectors: SparseVector[], progress: StepReporter): { neighbour: number; similarity: number }[][] {
  // Counting pass, then fill: postings of term id t are postPaper/postWeight[postStart[t]..postStart[t+1]), in paper order.
  let terms = 0;
  for (const v of vectors) for (const id of v.keys()) if (id + 1 > terms) terms = id + 1;
  const postStart = new Int32Array(terms + 1);
  for (const v of vectors) for (const id of v.keys()) postStart[id + 1]! += 1;
  for (let t = 0; t < terms; t++) postStart[t + 1]! += postStart[t]!;
  const fill = postStart.slice(0, terms);
  const postPaper = new Int32Array(postStart[terms]!);
  const postWeight = new Float64Array(postStart[terms]!);
  vectors.forEach((v, p) => {
    for (const [id, w] of v) {
      const at = fill[id]!++;
      postPaper[at] = p;
      postWeight[at] = w;
    }
  });

  const dot = new Float64Array(vectors.length);
  const seen = new Uint8Array(vectors.length);
  const touched = new Int32Array(vectors.length);
  const tick = stepCounter(progress, "similar papers", vectors.length, "papers");
  return vectors.map((v, p) => {
    tick(p + 1);
    let count = 0;
    for (const [id, w] of v) {
      for (let e = postStart[id]!, end = postStart[id + 1]!; e < end; e++) {
        const q = postPaper[e]!;
        if (q === p) continue;
        if (seen[q] === 0) {
          seen[q] = 1;
          touched[count++] = q;
        }
        dot[q]! += w * postWeight[e]!;
      }
    }
    // Top NEIGHBOURS by (similarity desc, index asc), a total order, kept by insertion: the same list a full sort of
    // the (often thousands of) candidates would give.
    const best: number[] = [];
    const before = (a: number, b: number) => dot[a]! > dot[b]! || (dot[a] === dot[b] && a < b);
    for (let i = 0; i < count; i++) {
      const q = touched[i]!;
      if (!(dot[q]! >= MIN_SIMILARITY)) continue;
      if (best.length === NEIGHBOURS && !before(q, best[NEIGHBOURS - 1]!)) continue;
      let at = best.length === NEIGHBOURS ? NEIGHBOURS - 1 : best.length;
      while (at > 0 && before(q, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = q;
    }
    const result = best.map((neighbour) => ({ neighbour, similarity: dot[neighbour]! }));
    for (let i = 0; i < count; i++) {
      const q = touched[i]!;
      dot[q] = 0;
      seen[q] = 0;
    }
    return result;
  });
}

interface Centroid {
  sum: SparseVector;
  /** Squared length of sum. */
  norm2: number;
}

/** Summed vectors of a cluster's members (in the order given) and its squared length. */
function centroidOf(vectors: SparseVector[], members: number[]): Centroid {
  const sum: SparseVector = new Map();
  for (const p of members) for (const [id, w] of vectors[p]!) sum.set(id, (sum.get(id) ?? 0) + w);
  let norm2 = 0;
  for (const w of sum.values()) norm2 += w * w;
  return { sum, norm2 };
}

function centroidSimilarity(a: Centroid, b: Centroid): number {
  let dot = 0;
  for (const [id, w] of a.sum) dot += w * (b.sum.get(id) ?? 0);
  return a.norm2 > 0 && b.norm2 > 0 ? dot / Math.sqrt(a.norm2 * b.norm2) : 0;
}

export function clusterWithVocabulary(vocabulary: Vocabulary, topics: TopicResult, options: ClusterOptions): TopicClusterResult {
  const { corpus } = vocabulary;
  const n = corpus.n;
  const progress = options.progress ?? silentSteps;
  progress("paper vectors", 0, n, "papers");
  const vectors = paperVectors(vocabulary, clusterVocabularySize(n, topics.topics.length));
  const neighbours = nearestNeighbours(vectors, progress);

  // Nodes in key order so the result does not depend on the order papers arrive in.
  const order = corpus.keys.map((_, i) => i).sort((a, b) => cmp(corpus.keys[a]!, corpus.keys[b]!) || a - b);
  const graph = new Graph({ type: "undirected" });
  for (const p of order) if (vectors[p]!.size > 0) graph.addNode(String(p));
  for (const p of order) {
    for (const { neighbour, similarity } of neighbours[p]!) {
      const [a, b] = p < neighbour ? [p, neighbour] : [neighbour, p];
      if (!graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b), { weight: similarity });
    }
  }

  const cluster = new Int32Array(n).fill(-1);
  if (graph.order > 0) {
    progress("clustering papers (Louvain)", 0, graph.order, "papers");
    const communities = louvain(graph, {
      rng: seedrandom(String(options.seed)),
      resolution: options.resolution,
      getEdgeWeight: "weight",
    });
    graph.forEachNode((node) => {
      cluster[Number(node)] = graph.degree(node) > 0 ? communities[node]! : -1;
    });
  }
  progress("merging small clusters", 0, null, "clusters");
  mergeSmallClusters(cluster, graph, vectors, minClusterSize(n), order);

  // Topic membership: which papers hold which topic, with what weight.
  const topicGids = new Map(corpus.terms.map((t) => [t.key, t.gid]));

  const groups = new Map<number, number[]>();
  for (const p of order) {
    const c = cluster[p]!;
    if (c < 0) continue;
    let g = groups.get(c);
    if (!g) groups.set(c, (g = []));
    g.push(p);
  }
  const provisional = [...groups.values()].map((members) => {
    const terms = distinctiveTerms(members, topics, topicGids, vocabulary);
    return { members, terms: terms.map((t) => t.term), label: label(terms) };
  });
  provisional.sort(
    (a, b) => b.members.length - a.members.length || cmp(a.label, b.label) || cmp(corpus.keys[a.members[0]!]!, corpus.keys[b.members[0]!]!),
  );

  const paperCluster = new Map<string, number>();
  const finalCluster = new Int32Array(n).fill(-1);
  provisional.forEach((c, id) => {
    for (const p of c.members) finalCluster[p] = id;
  });
  for (const p of order) paperCluster.set(corpus.keys[p]!, finalCluster[p]!);

  const clusters: TopicClusterInfo[] = provisional.map((c, id) => ({
    id,
    label: c.label,
    size: c.members.length,
    terms: c.terms,
  }));

  // Mass of every topic per cluster in one pass over the papers (not one pass per topic); per topic and cluster the
  // papers are still added in index order, so the sums are the same floats.
  const topicOfGid = new Map<string, number>();
  topics.topics.forEach((topic, t) => {
    const gid = topicGids.get(topic.key);
    if (gid) topicOfGid.set(gid, t);
  });
  const masses = topics.topics.map(() => new Map<number, number>());
  corpus.paperTf.forEach((tf, p) => {
    const c = finalCluster[p]!;
    if (c < 0) return;
    for (const [gid, count] of tf) {
      const t = topicOfGid.get(gid);
      if (t === undefined || !count) continue;
      const mass = masses[t]!;
      mass.set(c, (mass.get(c) ?? 0) + termWeight(count, topics.topics[t]!.paperCount, n));
    }
  });
  const topicCluster = new Map<string, number>();
  for (const [t, topic] of topics.topics.entries()) {
    const mass = masses[t]!;
    let best = -1;
    let bestMass = 0;
    for (const [c, m] of [...mass].sort((a, b) => a[0] - b[0])) {
      if (m > bestMass) {
        best = c;
        bestMass = m;
      }
    }
    topicCluster.set(topic.key, best);
  }
  return { paperCluster, topicCluster, clusters };
}

/**
 * Fold clusters under minSize into the cluster they are most connected to (by summed edge weight, else by centroid
 * similarity), smallest first. A cluster connected to nothing and similar to nothing is dissolved to -1.
 */
function mergeSmallClusters(cluster: Int32Array, graph: Graph, vectors: SparseVector[], minSize: number, order: number[]): void {
  // Centroids are reused while a cluster keeps its size: clusters only ever gain members (or vanish), so a cluster id
  // and a size name one member set, summed in the same order as a recomputation would (same floats).
  const centroids = new Map<number, { size: number; centroid: Centroid }>();
  const centroidOfCluster = (k: number, members: number[]): Centroid => {
    const known = centroids.get(k);
    if (known && known.size === members.length) return known.centroid;
    const centroid = centroidOf(vectors, members);
    centroids.set(k, { size: members.length, centroid });
    return centroid;
  };
  for (;;) {
    const members = new Map<number, number[]>();
    for (const p of order) {
      const c = cluster[p]!;
      if (c < 0) continue;
      let m = members.get(c);
      if (!m) members.set(c, (m = []));
      m.push(p);
    }
    if (members.size <= 1) return;
    const small = [...members].filter(([, m]) => m.length < minSize).sort((a, b) => a[1].length - b[1].length || a[1][0]! - b[1][0]!);
    if (small.length === 0) return;
    const [c, ms] = small[0]!;
    const links = new Map<number, number>();
    for (const p of ms) {
      const node = String(p);
      if (!graph.hasNode(node)) continue;
      graph.forEachNeighbor(node, (other) => {
        const oc = cluster[Number(other)]!;
        if (oc >= 0 && oc !== c) links.set(oc, (links.get(oc) ?? 0) + (graph.getEdgeAttribute(node, other, "weight") as number));
      });
    }
    let target = -1;
    let best = 0;
    const candidates = [...members.keys()].filter((k) => k !== c).sort((a, b) => a - b);
    for (const k of candidates) {
      const w = links.get(k) ?? 0;
      if (w > best) {
        best = w;
        target = k;
      }
    }
    if (target < 0) {
      const own = centroidOf(vectors, ms);
      for (const k of candidates) {
        const s = centroidSimilarity(own, centroidOfCluster(k, members.get(k)!));
        if (s > best) {
          best = s;
          target = k;
        }
      }
    }
    for (const p of ms) cluster[p] = target;
  }
}

interface ScoredTerm {
  term: string;
  score: number;
}

function distinctiveTerms(
  members: number[],
  topics: TopicResult,
  topicGids: Map<string, string>,
  vocabulary: Vocabulary,
): ScoredTerm[] {
  const { corpus } = vocabulary;
  const size = members.length;
  const scored: (ScoredTerm & { key: string })[] = [];
  for (const topic of topics.topics) {
    const gid = topicGids.get(topic.key);
    if (!gid) continue;
    let a = 0;
    for (const p of members) if (corpus.paperTf[p]!.has(gid)) a++;
    if (a < 2) continue;
    const pc = (a + 0.5) / (size + 1);
    const p = (topic.paperCount + 0.5) / (corpus.n + 1);
    if (pc <= p) continue;
    scored.push({ term: topic.term, key: topic.key, score: pc * Math.log(pc / p) });
  }
  return scored
    .sort((x, y) => y.score - x.score || cmp(x.key, y.key))
    .slice(0, CLUSTER_TERMS)
    .map(({ term, score }) => ({ term, score }));
}

/**
 * The two best terms, skipping one that repeats a chosen term's words ("cardiac" after "cardiac MR segmentation").
 * A multi-word term names a subject more precisely than one word, so it wins when its distinctiveness is at least
 * SINGLE_WORD_LABEL_WEIGHT of a single word's ("cardiac MRI" over "cardiac").
 */
function label(scored: ScoredTerm[]): string {
  const weight = (t: ScoredTerm) => (/\s/.test(t.term) ? t.score : t.score * SINGLE_WORD_LABEL_WEIGHT);
  const terms = scored
    .map((t, i) => ({ t, i }))
    .sort((a, b) => weight(b.t) - weight(a.t) || a.i - b.i)
    .map(({ t }) => t.term);
  const words = (t: string) => t.toLowerCase().split(/[\s-]+/);
  const chosen: string[] = [];
  for (const t of terms) {
    const w = words(t);
    const repeats = chosen.some((c) => {
      const cw = words(c);
      return w.every((x) => cw.includes(x)) || cw.every((x) => w.includes(x));
    });
    if (!repeats) chosen.push(t);
    if (chosen.length === 2) break;
  }
  return chosen.length ? chosen.join(", ") : "unlabelled";
}

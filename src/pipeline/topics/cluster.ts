/**
 * Research clusters: papers grouped by subject, whoever wrote them.
 *
 * 1. Every paper becomes a TF-IDF vector over the clustering vocabulary: the best-ranked terms (extract.ts) that some
 *    title or keyword list uses (where the corpus has titles: words only abstracts use are the apparatus of a study,
 *    and on the seeds they tied papers of one group by wording), lone adjectives included ("generative", "synthetic",
 *    "federated": they tie "generative models" to "generative AI"), about two per paper and at least 400. A word family
 *    (families.ts: "explainable", "explainability", "explainable AI") is one dimension, its tf the members' summed
 *    occurrences and its df the papers holding any. Weight (1 + ln tf) * ln((n + 1) / df), times
 *    1 - SETTING_DISCOUNT * min(1, 2 * share of its uses after a locative preposition): a term written "in breast MRI",
 *    "on chest X-rays" names where a study is done, and weighing it less lets a method used in several settings (image
 *    synthesis of MR, CT and PET images) hold together; but a term that more titles hold in their head than in their
 *    tail is what studies contribute, not where, and is not discounted ("in explainable AI" made "explainable" a
 *    setting; "breast cancer" heads 10 seed titles, tails none; on the seeds 130 of the 181 terms with some setting
 *    share). A term in
 *    the tail of a paper's title (title-head.ts: after "of", "for", "in", "using"... once the title has named a topic:
 *    "cardiac MRI" in "Interpretability for Cardiac MRI Classification"; a family member ends the head when its family
 *    names a topic) weighs TITLE_TAIL_WEIGHT in that paper: the
 *    title says what the study contributes before where it applies it, and papers of one contribution in several
 *    settings then meet. L2-normalised.
 * 2. Each paper links to its NEIGHBOURS most cosine-similar papers (similarity at least MIN_SIMILARITY); the union of
 *    these lists is an undirected weighted graph (flat arrays, no graphology graph).
 * 3. Louvain (louvain.ts) clusters that graph at the given resolution: the best of LOUVAIN_RUNS runs by modularity, all
 *    drawn from one random stream seeded by the build's seed, so clusters depend little on the seed.
 * 4. Clusters smaller than minClusterSize join the cluster they are most connected to (summed edge weight, else
 *    centroid similarity); papers similar to no other paper, and papers without any term, get -1.
 * 5. Distinctive terms: for topic t in cluster c, with a = papers of c holding t, p_c = (a + 0.5) / (size + 1) and
 *    p = (df + 0.5) / (n + 1), weight = p_c * ln(p_c / p): over-represented in the cluster (the log-ratio) and common
 *    in it (the share), not merely frequent. Only topics in two or more of its papers count. The CLUSTER_TERMS best are
 *    the cluster's `terms` and `termWeights`.
 * 6. Label (label.ts): two or three of them, the first the cluster's subject.
 * 7. Typical papers: the TYPICAL_PAPERS members nearest the cluster's centroid (cosine; ties by key).
 * 8. A topic belongs to the cluster holding most of its weight over papers (sum of its TF-IDF weight per paper).
 * Cluster ids run 0..k-1 by size (largest first), then label.
 */
import seedrandom from "seedrandom";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { rankTopics, termWeight } from "./extract";
import { chooseLabel, type ScoredTerm } from "./label";
import { adjacencyOf, alignLevels, DEFAULT_LEVEL, LADDER_FACTORS, ladderResolutions, stabilityScores, STABILITY_SEEDS } from "../levels";
import { louvainBest, louvainFrom, modularity } from "./louvain";
import { SETTING_DISCOUNT, settingShare } from "./subjects";
import type { CorpusTerms, TermStats } from "./terms";
import type { ClusterLadder, TopicClusterInfo, TopicClusterResult, TopicResult } from "./types";
import { titleParts, type TitleParts } from "./title-head";
import { wordFamilies } from "./families";
import type { Vocabulary } from "./vocabulary";
import { compareStrings } from "../../model/compare";

export const NEIGHBOURS = 10;
/** Weight of a term in a paper whose title names it only in its tail (the setting of the paper's contribution). */
export const TITLE_TAIL_WEIGHT = 0.5;
export const MIN_SIMILARITY = 0.05;
export const CLUSTER_TERMS = 8;
export const TYPICAL_PAPERS = 5;
export const LOUVAIN_RUNS = 5;
/** Louvain runs of the ladder's finest level (the build's own takes LOUVAIN_RUNS; the others coarsen, see clusterLadder). */
export const LADDER_RUNS = 1;
/** Terms kept per cluster on the ladder's other levels. */
export const LEVEL_TERMS = 3;

export interface ClusterOptions {
  seed: number;
  resolution: number;
  progress?: StepReporter;
}

type SparseVector = Map<number, number>;

export function minClusterSize(papers: number): number {
  return Math.max(3, Math.round(papers * 0.015));
}
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export function clusterVocabularySize(papers: number, topics: number): number {
  return Math.max(topics, 400, 2 * papers);
}

/** The clustering vocabulary (gid -> vector id), best-ranked first. */
export function clusterVocabulary(vocabulary: Vocabulary, size: number): Map<string, number> {
  const attested = (t: TermStats) => t.titleDf + t.keywordDf > 0 || t.titledDf === 0;
  const ids = new Map<string, number>();
  for (const j of rankTopics(vocabulary)) {
    if (ids.size >= size) break;
    if (attested(j.term)) ids.set(j.term.gid, ids.size);
  }
  return ids;
}

/** Per term index (of corpus.terms): the vector dimension it counts in (-1: none), and the papers per dimension. */
function dimensions(corpus: CorpusTerms, ids: Map<string, number>, families: Map<string, string>): { idOf: Int32Array; df: Int32Array } {
  const { tfStart, tfTerm } = corpus;
  const idOf = new Int32Array(corpus.terms.length).fill(-1);
  for (const [gid, id] of ids) idOf[corpus.byGid.get(gid)!.index] = families.has(gid) ? ids.get(families.get(gid)!)! : id;
  // A term's df; a family's, the papers holding any of its members.
  const df = new Int32Array(ids.size);
  const mark = new Int32Array(ids.size).fill(-1);
  for (let p = 0; p < corpus.n; p++) {
    for (let k = tfStart[p]!; k < tfStart[p + 1]!; k++) {
      const id = idOf[tfTerm[k]!]!;
      if (id < 0 || mark[id] === p) continue;
      mark[id] = p;
      df[id]!++;
    }
  }
  return { idOf, df };
}

/**
 * Per term index, its weight factor as a setting: 1 - SETTING_DISCOUNT * settingShare, or 1 for a term that more
 * titles hold in their head than in their tail (what titles state as a contribution is no setting, whatever the
 * abstracts' prepositions say: "in explainable AI"). A term no title holds keeps its discount.
 */
function settingFactors(corpus: CorpusTerms, title: TitleParts): Float64Array {
  const head = new Int32Array(corpus.terms.length);
  const tail = new Int32Array(corpus.terms.length);
  for (let p = 0; p < corpus.n; p++) {
    for (const i of title.heads[p]!) head[i]!++;
    for (const i of title.tails[p]!) tail[i]!++;
  }
  return Float64Array.from(corpus.terms, (t, i) => (head[i]! > tail[i]! ? 1 : 1 - SETTING_DISCOUNT * settingShare(t)));
}

function paperVectors(vocabulary: Vocabulary, ids: Map<string, number>, families: Map<string, string>, title: TitleParts, setting: Float64Array): SparseVector[] {
  const { corpus } = vocabulary;
  const { tfStart, tfTerm, tfWeight } = corpus;
  const { idOf, df } = dimensions(corpus, ids, families);
  return corpus.keys.map((_, p) => {
    // Per dimension: its members' summed occurrences, and their setting and title-tail factors weighted by occurrences.
    const tf = new Map<number, number>();
    const factor = new Map<number, number>();
    for (let k = tfStart[p]!; k < tfStart[p + 1]!; k++) {
      const index = tfTerm[k]!;
      const id = idOf[index]!;
      if (id < 0) continue;
      const count = tfWeight[k]!;
      const tail = title.tails[p]!.has(index) ? TITLE_TAIL_WEIGHT : 1;
      tf.set(id, (tf.get(id) ?? 0) + count);
      factor.set(id, (factor.get(id) ?? 0) + count * setting[index]! * tail);
    }
    const v: SparseVector = new Map();
    let norm = 0;
    for (const [id, count] of tf) {
      const w = (1 + Math.log(count)) * Math.log((corpus.n + 1) / df[id]!) * (factor.get(id)! / count);
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

interface SimilarityGraph {
  /** Papers with a vector, in key order (node index -> paper index). */
  nodes: number[];
  /** Undirected edges between node indices, one per neighbour pair, in the order first met. */
  edges: { source: number[]; target: number[]; weight: number[] };
  /** Edges per node index. */
  degree: Int32Array;
  /** Per paper index: its neighbours in the graph with the edge weight, in the order first met. */
  adjacency: { paper: number; weight: number }[][];
}

/** The union of the nearest-neighbour lists as one undirected weighted graph (a pair listed twice is one edge). */
function similarityGraph(neighbours: { neighbour: number; similarity: number }[][], order: number[], vectors: SparseVector[]): SimilarityGraph {
  const nodes = order.filter((p) => vectors[p]!.size > 0);
  const index = new Int32Array(vectors.length).fill(-1);
  nodes.forEach((p, i) => (index[p] = i));
  const edges = { source: [] as number[], target: [] as number[], weight: [] as number[] };
  const degree = new Int32Array(nodes.length);
  const adjacency: { paper: number; weight: number }[][] = vectors.map(() => []);
  const seen = new Set<number>();
  for (const p of order) {
    for (const { neighbour, similarity } of neighbours[p]!) {
      const [a, b] = p < neighbour ? [p, neighbour] : [neighbour, p];
      const pair = a * vectors.length + b;
      if (seen.has(pair)) continue;
      seen.add(pair);
      edges.source.push(index[a]!);
      edges.target.push(index[b]!);
      edges.weight.push(similarity);
      degree[index[a]!]!++;
      degree[index[b]!]!++;
      adjacency[a]!.push({ paper: b, weight: similarity });
      adjacency[b]!.push({ paper: a, weight: similarity });
    }
  }
  return { nodes, edges, degree, adjacency };
}

interface Centroid {
  sum: SparseVector;
  /** Squared length of sum. */
  norm2: number;
}

/** Each cluster's members in the order given (papers outside every cluster, -1, left out), clusters by first member. */
function membersByCluster(cluster: Int32Array, order: readonly number[]): Map<number, number[]> {
  const members = new Map<number, number[]>();
  for (const p of order) {
    const c = cluster[p]!;
    if (c < 0) continue;
    let m = members.get(c);
    if (!m) members.set(c, (m = []));
    m.push(p);
  }
  return members;
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

/** `titles`: the papers' titles in corpus order (none: no title tails). */
export function clusterWithVocabulary(
  vocabulary: Vocabulary,
  topics: TopicResult,
  options: ClusterOptions,
  titles: readonly (string | null | undefined)[] = [],
): TopicClusterResult {
  const { corpus } = vocabulary;
  const n = corpus.n;
  const progress = options.progress ?? silentSteps;
  progress("paper vectors", 0, n, "papers");
  const ids = clusterVocabulary(vocabulary, clusterVocabularySize(n, topics.topics.length));
  const topicKeys = new Set(topics.topics.map((t) => t.key));
  const families = wordFamilies([...ids.keys()].map((gid) => corpus.byGid.get(gid)!));
  // A family member ends a title's head when its family names a topic ("Explainable AI" for explainability).
  const isTopic = (index: number) => {
    const t = corpus.terms[index]!;
    const family = families.get(t.gid);
    return topicKeys.has(t.key) || (family !== undefined && topicKeys.has(corpus.byGid.get(family)!.key));
  };
  const title = titleParts(corpus, titles, (index) => ids.has(corpus.terms[index]!.gid), isTopic);
  const setting = settingFactors(corpus, title);
  const vectors = paperVectors(vocabulary, ids, families, title, setting);
  const neighbours = nearestNeighbours(vectors, progress);

  // Nodes in key order so the result does not depend on the order papers arrive in.
  const order = corpus.keys.map((_, i) => i).sort((a, b) => compareStrings(corpus.keys[a]!, corpus.keys[b]!) || a - b);
  const graph = similarityGraph(neighbours, order, vectors);

  /** Louvain at a resolution, then the small clusters folded in: a cluster per paper index (-1: none). */
  const partitionAt = (resolution: number, rng: () => number, runs: number, report = false): Int32Array => {
    const cluster = new Int32Array(n).fill(-1);
    if (graph.edges.source.length > 0) {
      if (report) progress("clustering papers (Louvain)", 0, graph.nodes.length, "papers");
      const communities = louvainBest(graph.nodes.length, graph.edges, { resolution, rng, runs });
      graph.nodes.forEach((p, i) => {
        cluster[p] = graph.degree[i]! > 0 ? communities[i]! : -1;
      });
    }
    if (report) progress("merging small clusters", 0, null, "clusters");
    mergeSmallClusters(cluster, graph, vectors, minClusterSize(n), order);
    return cluster;
  };
  /** Louvain from a partition (coarsening it) at a lower resolution, then the small clusters folded in. */
  const coarsen = (start: Int32Array, resolution: number, rng: () => number): Int32Array => {
    const cluster = new Int32Array(n).fill(-1);
    if (graph.edges.source.length > 0) {
      const from = Int32Array.from(graph.nodes, (p) => start[p]!);
      const communities = louvainFrom(graph.nodes.length, graph.edges, from, { resolution, rng });
      graph.nodes.forEach((p, i) => {
        cluster[p] = graph.degree[i]! > 0 ? communities[i]! : -1;
      });
    }
    mergeSmallClusters(cluster, graph, vectors, minClusterSize(n), order);
    return cluster;
  };
  /** Distinctive terms and labels of a partition's clusters, ids 0..k-1 by size (largest first), then label. */
  const describe = (cluster: Int32Array) => {
    const groups = membersByCluster(cluster, order);
    const groupList = [...groups.values()];
    const distinctive = distinctiveTerms(groupList, cluster, [...groups.keys()], topics, vocabulary);
    const provisional = groupList.map((members, g) => {
      const terms = distinctive[g]!;
      return { members, terms, label: chooseLabel(terms, members, vocabulary) };
    });
    provisional.sort(
      (a, b) => b.members.length - a.members.length || compareStrings(a.label, b.label) || compareStrings(corpus.keys[a.members[0]!]!, corpus.keys[b.members[0]!]!),
    );
    const finalCluster = new Int32Array(n).fill(-1);
    provisional.forEach((c, id) => {
      for (const p of c.members) finalCluster[p] = id;
    });
    return { provisional, finalCluster };
  };

  const cluster = partitionAt(options.resolution, seedrandom(`${options.seed}:research-clusters`), LOUVAIN_RUNS, true);
  const { provisional, finalCluster } = describe(cluster);

  const paperCluster = new Map<string, number>();
  for (const p of order) paperCluster.set(corpus.keys[p]!, finalCluster[p]!);

  const clusters: TopicClusterInfo[] = provisional.map((c, id) => ({
    id,
    label: c.label,
    size: c.members.length,
    terms: c.terms.map((t) => t.term),
    termWeights: c.terms.map((t) => ({ term: t.term, weight: round(t.score, 4) })),
    typicalPapers: typicalPapers(c.members, vectors, corpus.keys),
  }));

  const topicCluster = topicClusters(topics, vocabulary, finalCluster);
  const ladder = clusterLadder(finalCluster, clusters, topicCluster);
  return { paperCluster, topicCluster, clusters, ladder };

  /**
   * The research clusters at every resolution of the ladder (src/pipeline/levels.ts), from one stream; STABILITY_SEEDS
   * more runs at the build's resolution (one Louvain run each) from another; ids aligned from the default level
   * outward; stability of every paper over its most similar papers.
   */
  function clusterLadder(base: Int32Array, baseClusters: TopicClusterInfo[], baseTopics: Map<string, number>): ClusterLadder {
    progress("resolution ladder", 0, LADDER_FACTORS.length, "levels");
    const resolutions = ladderResolutions(options.resolution);
    const nodeCluster = (c: Int32Array) => Int32Array.from(graph.nodes, (p) => c[p]!);
    const q = (c: Int32Array, resolution: number) => round(modularity(graph.nodes.length, graph.edges, nodeCluster(c), resolution), 6);
    const ladderRng = seedrandom(`${options.seed}:research-cluster-ladder`);
    // As for communities (graph/community-levels.ts): the finest level runs on the whole similarity graph, the finer
    // levels coarsen it in turn, the coarser levels coarsen the default partition.
    const partitions: Int32Array[] = new Array(resolutions.length);
    partitions[DEFAULT_LEVEL] = base;
    const last = resolutions.length - 1;
    if (last > DEFAULT_LEVEL) partitions[last] = partitionAt(resolutions[last]!, ladderRng, LADDER_RUNS);
    for (let l = last - 1; l > DEFAULT_LEVEL; l--) partitions[l] = coarsen(partitions[l + 1]!, resolutions[l]!, ladderRng);
    for (let l = DEFAULT_LEVEL - 1; l >= 0; l--) partitions[l] = coarsen(partitions[l + 1]!, resolutions[l]!, ladderRng);
    const described = resolutions.map((resolution, l) => {
      progress("resolution ladder", l, LADDER_FACTORS.length, "levels");
      if (l === DEFAULT_LEVEL) return { resolution, finalCluster: base, clusters: baseClusters, modularity: q(base, resolution) };
      const { provisional: p, finalCluster: f } = describe(partitions[l]!);
      const infos = p.map((c, id) => ({ id, label: c.label, size: c.members.length, terms: c.terms.slice(0, LEVEL_TERMS).map((t) => t.term) }));
      return { resolution, finalCluster: f, clusters: infos, modularity: q(f, resolution) };
    });
    const aligned = alignLevels(described.map((d) => d.finalCluster), DEFAULT_LEVEL);
    const levels = described.map((d, l) => {
      const renamed = new Map<number, number>();
      for (let p = 0; p < n; p++) if (d.finalCluster[p]! >= 0) renamed.set(d.finalCluster[p]!, aligned[l]![p]!);
      const paperOf = new Map<string, number>();
      for (const p of order) paperOf.set(corpus.keys[p]!, aligned[l]![p]!);
      return {
        resolution: d.resolution,
        modularity: d.modularity,
        clusters: l === DEFAULT_LEVEL ? d.clusters : d.clusters.map((c) => ({ ...c, id: renamed.get(c.id)! })).sort((a, b) => a.id - b.id),
        paperCluster: l === DEFAULT_LEVEL ? paperCluster : paperOf,
        topicCluster: l === DEFAULT_LEVEL ? baseTopics : topicClusters(topics, vocabulary, aligned[l]!),
      };
    });
    const stabilityRng = seedrandom(`${options.seed}:research-cluster-stability`);
    const compared: ArrayLike<number>[] = aligned.filter((_, l) => l !== DEFAULT_LEVEL);
    for (let s = 0; s < STABILITY_SEEDS; s++) compared.push(partitionAt(options.resolution, stabilityRng, 1));
    const stability = stabilityScores(
      adjacencyOf(n, graph.edges.source.map((i) => graph.nodes[i]!), graph.edges.target.map((i) => graph.nodes[i]!)),
      base,
      compared,
    );
    const paperStability = new Map<string, number>();
    for (const p of order) paperStability.set(corpus.keys[p]!, stability[p]!);
    progress("resolution ladder", LADDER_FACTORS.length, LADDER_FACTORS.length, "levels");
    return { default: DEFAULT_LEVEL, stabilitySeeds: STABILITY_SEEDS, levels, paperStability };
  }
}

/** Each topic key's term gid, and the topic (index in topics.topics) per term index of corpus.terms (-1: none). */
function topicIndex(topics: TopicResult, vocabulary: Vocabulary): { topicGids: Map<string, string>; topicOfTerm: Int32Array } {
  const { corpus } = vocabulary;
  const topicGids = new Map(corpus.terms.map((t) => [t.key, t.gid]));
  const topicOfTerm = new Int32Array(corpus.terms.length).fill(-1);
  topics.topics.forEach((topic, t) => {
    const gid = topicGids.get(topic.key);
    if (gid) topicOfTerm[corpus.byGid.get(gid)!.index] = t;
  });
  return { topicGids, topicOfTerm };
}

/**
 * Mass of every topic per cluster in one pass over the papers (not one pass per topic); a topic goes to the cluster
 * with the most (ties to the lower id), -1 when no clustered paper holds it.
 */
function topicClusters(topics: TopicResult, vocabulary: Vocabulary, finalCluster: Int32Array): Map<string, number> {
  const { corpus } = vocabulary;
  const { topicOfTerm } = topicIndex(topics, vocabulary);
  const masses = topics.topics.map(() => new Map<number, number>());
  const { tfStart, tfTerm, tfWeight } = corpus;
  corpus.keys.forEach((_, p) => {
    const c = finalCluster[p]!;
    if (c < 0) return;
    for (let k = tfStart[p]!; k < tfStart[p + 1]!; k++) {
      const t = topicOfTerm[tfTerm[k]!]!;
      const count = tfWeight[k]!;
      if (t < 0 || !count) continue;
      const mass = masses[t]!;
      mass.set(c, (mass.get(c) ?? 0) + termWeight(count, topics.topics[t]!.paperCount, corpus.n));
    }
  });
  const topicCluster = new Map<string, number>();
  for (const [t, topic] of topics.topics.entries()) {
    let best = -1;
    let bestMass = 0;
    for (const [c, m] of [...masses[t]!].sort((a, b) => a[0] - b[0])) {
      if (m > bestMass) {
        best = c;
        bestMass = m;
      }
    }
    topicCluster.set(topic.key, best);
  }
  return topicCluster;
}

/** The members nearest the cluster centroid (cosine of the member's unit vector with the summed vector), keys. */
function typicalPapers(members: number[], vectors: SparseVector[], keys: string[]): string[] {
  const centroid = centroidOf(vectors, members);
  const scored = members.map((p) => {
    let dot = 0;
    for (const [id, w] of vectors[p]!) dot += w * (centroid.sum.get(id) ?? 0);
    return { p, score: centroid.norm2 > 0 ? dot / Math.sqrt(centroid.norm2) : 0 };
  });
  scored.sort((a, b) => b.score - a.score || compareStrings(keys[a.p]!, keys[b.p]!));
  return scored.slice(0, TYPICAL_PAPERS).map((s) => keys[s.p]!);
}

/**
 * Fold clusters under minSize into the cluster they are most connected to (by summed edge weight, else by centroid
 * similarity), smallest first. A cluster connected to nothing and similar to nothing is dissolved to -1.
 * Member lists are kept up to date as clusters merge, so the pass costs the small clusters' edges, not n per merge.
 */
function mergeSmallClusters(cluster: Int32Array, graph: SimilarityGraph, vectors: SparseVector[], minSize: number, order: number[]): void {
  const members = membersByCluster(cluster, order);
  // Centroids are reused while a cluster keeps its size: clusters only ever gain members (or vanish), so a cluster id
  // and a size name one member set.
  const centroids = new Map<number, { size: number; centroid: Centroid }>();
  const centroidOfCluster = (k: number, ms: number[]): Centroid => {
    const known = centroids.get(k);
    if (known && known.size === ms.length) return known.centroid;
    const centroid = centroidOf(vectors, ms);
    centroids.set(k, { size: ms.length, centroid });
    return centroid;
  };
  const rank = new Int32Array(cluster.length);
  order.forEach((p, i) => (rank[p] = i));
  const smallest = () => {
    let pick: [number, number[]] | null = null;
    for (const entry of members) {
      const [, ms] = entry;
      if (ms.length >= minSize) continue;
      if (!pick || ms.length < pick[1].length || (ms.length === pick[1].length && ms[0]! < pick[1][0]!)) pick = entry;
    }
    return pick;
  };
  for (;;) {
    if (members.size <= 1) return;
    const next = smallest();
    if (!next) return;
    const [c, ms] = next;
    const links = new Map<number, number>();
    for (const p of ms) {
      for (const { paper: other, weight } of graph.adjacency[p]!) {
        const oc = cluster[other]!;
        if (oc >= 0 && oc !== c) links.set(oc, (links.get(oc) ?? 0) + weight);
      }
    }
    let target = -1;
    let best = 0;
    for (const [k, w] of [...links].sort((a, b) => a[0] - b[0])) {
      if (w > best) {
        best = w;
        target = k;
      }
    }
    if (target < 0) {
      const own = centroidOf(vectors, ms);
      for (const k of [...members.keys()].filter((k) => k !== c).sort((a, b) => a - b)) {
        const s = centroidSimilarity(own, centroidOfCluster(k, members.get(k)!));
        if (s > best) {
          best = s;
          target = k;
        }
      }
    }
    for (const p of ms) cluster[p] = target;
    members.delete(c);
    if (target >= 0) {
      // Keep the target's members in key order (the order the rest of the stage reads them in).
      const merged = [...members.get(target)!, ...ms];
      merged.sort((a, b) => rank[a]! - rank[b]!);
      members.set(target, merged);
    }
  }
}

/**
 * The CLUSTER_TERMS most distinctive topics of every cluster (see the file comment), from one pass over the papers
 * counting, per cluster, the members that hold each topic.
 */
function distinctiveTerms(
  groups: number[][],
  cluster: Int32Array,
  groupIds: number[],
  topics: TopicResult,
  vocabulary: Vocabulary,
): ScoredTerm[][] {
  const { corpus } = vocabulary;
  const { topicGids, topicOfTerm } = topicIndex(topics, vocabulary);
  const groupOf = new Map(groupIds.map((c, g) => [c, g]));
  const held = groups.map(() => new Map<number, number>());
  const { tfStart, tfTerm } = corpus;
  corpus.keys.forEach((_, p) => {
    const g = cluster[p]! >= 0 ? groupOf.get(cluster[p]!) : undefined;
    if (g === undefined) return;
    for (let k = tfStart[p]!; k < tfStart[p + 1]!; k++) {
      const t = topicOfTerm[tfTerm[k]!]!;
      if (t >= 0) held[g]!.set(t, (held[g]!.get(t) ?? 0) + 1);
    }
  });
  return groups.map((members, g) => {
    const size = members.length;
    const scored: (ScoredTerm & { key: string })[] = [];
    for (const [t, a] of held[g]!) {
      if (a < 2) continue;
      const topic = topics.topics[t]!;
      const pc = (a + 0.5) / (size + 1);
      const p = (topic.paperCount + 0.5) / (corpus.n + 1);
      if (pc <= p) continue;
      scored.push({ term: topic.term, key: topic.key, gid: topicGids.get(topic.key)!, score: pc * Math.log(pc / p) });
    }
    return scored
      .sort((x, y) => y.score - x.score || compareStrings(x.key, y.key))
      .slice(0, CLUSTER_TERMS)
      .map(({ term, gid, score }) => ({ term, gid, score }));
  });
}

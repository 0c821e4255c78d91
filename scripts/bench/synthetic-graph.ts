/**
 * A papergraph graph synthesised directly (no pipeline run), for render benchmarks and browser scale tests at sizes the
 * build cannot reach quickly today (100,000 papers takes many minutes and may fail): every node and edge attribute of
 * the graph-file contract, shaped like a field-scale corpus with full bylines:
 * - research groups ("labs") of heavy-tailed size inside 12 research clusters; bylines of 1-15 names (mean about 6)
 *   mostly from one lab, a colleague from another lab on a quarter of papers, 1% consortium papers of 20-60 names;
 * - about 1.2-1.3 distinct people per paper (each byline slot is a new junior 20% of the time);
 * - 150 topics (12 per cluster plus shared ones), 3-6 per paper; co-author edges for bylines of at most 25 names.
 * Positions follow the clusters (a disc per cluster, a blob per lab), so a drawing looks like a laid-out graph.
 * Centralities are stand-ins derived from degrees (this is for drawing, not for analysis). Seeded: same options, same graph.
 *
 * The graph is held in typed arrays and exposed through the forEachNode/forEachEdge reader the explorer writer and the
 * JSON streamer read, so 100,000 papers (about 230k nodes, 2M edges) fit in a few hundred MB.
 */
import seedrandom from "seedrandom";
import { FIELDS, FIRST_NAMES, SHARED_TERMS, SURNAMES, AFFILIATIONS } from "../../bench/synthetic/vocabulary";
import { LOOKS, NONE_COLOR, OTHER_COLOR, PALETTE } from "../../src/model/appearance";
import { round6, roundCoord } from "../../src/pipeline/graph/numbers";
import type { EdgeKind } from "../../src/model/graph-file";

export interface SyntheticGraphOptions {
  papers: number;
  seed: number;
}

const CLUSTERS = 12;
const TOPICS_PER_CLUSTER = 12;
const MAX_COAUTHOR_BYLINE = 25;
const KIND_CODE: Record<EdgeKind, number> = { authored: 0, coauthor: 1, about: 2, related: 3, "coauthor-large": 4 };
const KINDS: EdgeKind[] = ["authored", "coauthor", "about", "related", "coauthor-large"];
/** The file's default look (model/appearance.ts): clusters are numbered by size here, so id = palette rank. */
const clusterColor = (id: number): string => (id >= 0 && id < PALETTE.length ? PALETTE[id]! : OTHER_COLOR);
const EDGE_COLORS = LOOKS.light.edges;

type Rng = () => number;

function gauss(rng: Rng): number {
  // Box-Muller with a guard against log(0).
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** P(rank r) ~ 1/(r+1)^s over [0, n), by inverse transform on a cached cumulative table. */
function zipfPick(rng: Rng, cumulative: Float64Array, n: number): number {
  const target = rng() * cumulative[n - 1]!;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function zipfTable(n: number, s: number): Float64Array {
  const c = new Float64Array(n);
  let t = 0;
  for (let r = 0; r < n; r++) c[r] = t += 1 / Math.pow(r + 1, s);
  return c;
}

function bylineLength(rng: Rng): number {
  const u = rng();
  if (u < 0.01) return 20 + Math.floor(rng() * 41);
  if (u < 0.2) return 1 + Math.floor(rng() * 2);
  if (u < 0.9) return 3 + Math.floor(rng() * 8);
  return 9 + Math.floor(rng() * 7);
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function sqrtScale(v: number, lo: number, hi: number, a: number, b: number): number {
  if (!(hi > lo)) return 6;
  return round6(a + (b - a) * Math.sqrt((v - lo) / (hi - lo)));
}

/** A read-only graph over the synthetic arrays, in graphology's reader shape (what the explorer writer reads). */
export interface SyntheticGraph {
  readonly type: "mixed";
  readonly multi: false;
  readonly allowSelfLoops: false;
  readonly order: number;
  readonly size: number;
  getAttributes(): Record<string, unknown>;
  forEachNode(cb: (key: string, attributes: Record<string, unknown>) => void): void;
  forEachEdge(
    cb: (key: string, attributes: Record<string, unknown>, source: string, target: string, sa: unknown, ta: unknown, undirected: boolean) => void,
  ): void;
}

export function synthesiseGraph({ papers: P, seed }: SyntheticGraphOptions): SyntheticGraph {
  const rng: Rng = seedrandom(`papergraph-synthetic-graph:${seed}`);
  const clusterAngle = (c: number) => (2 * Math.PI * c) / CLUSTERS;
  const clusterCenter = (c: number) => ({ x: Math.cos(clusterAngle(c)) * 1000, y: Math.sin(clusterAngle(c)) * 1000 });

  // Topics: 12 subject terms per cluster from its field, plus shared terms spread over the clusters.
  const topicTerm: string[] = [];
  const topicCluster: number[] = [];
  for (let c = 0; c < CLUSTERS; c++) {
    for (let i = 0; i < TOPICS_PER_CLUSTER; i++) {
      topicTerm.push(FIELDS[c]!.terms[i % FIELDS[c]!.terms.length]! + (i >= FIELDS[c]!.terms.length ? ` ${i}` : ""));
      topicCluster.push(c);
    }
  }
  for (let i = 0; topicTerm.length < 150; i++) {
    topicTerm.push(SHARED_TERMS[i % SHARED_TERMS.length]! + (i >= SHARED_TERMS.length ? ` ${i}` : ""));
    topicCluster.push(i % CLUSTERS);
  }
  const T = topicTerm.length;
  const clusterTopics: number[][] = Array.from({ length: CLUSTERS }, () => []);
  topicTerm.forEach((_t, i) => clusterTopics[topicCluster[i]!]!.push(i));

  // Labs with a cluster and a centre; authors join labs (seniors first, juniors as bylines need them).
  const L = Math.max(4, Math.round(P / 40));
  const clusterPick = zipfTable(CLUSTERS, 0.6);
  const labCluster = new Int32Array(L);
  const labX = new Float64Array(L);
  const labY = new Float64Array(L);
  const labMembers: number[][] = [];
  for (let l = 0; l < L; l++) {
    const c = zipfPick(rng, clusterPick, CLUSTERS);
    labCluster[l] = c;
    const cc = clusterCenter(c);
    labX[l] = cc.x + gauss(rng) * 220;
    labY[l] = cc.y + gauss(rng) * 220;
    labMembers.push([]);
  }
  const authorLab: number[] = [];
  const authorX: number[] = [];
  const authorY: number[] = [];
  const newAuthor = (lab: number) => {
    const id = authorLab.length;
    authorLab.push(lab);
    authorX.push(labX[lab]! + gauss(rng) * 45);
    authorY.push(labY[lab]! + gauss(rng) * 45);
    labMembers[lab]!.push(id);
    return id;
  };
  for (let l = 0; l < L; l++) for (let i = 0; i < 3; i++) newAuthor(l);

  const labPick = zipfTable(L, 0.35);
  const memberPick = zipfTable(4096, 1.05);
  const paperAuthors: number[][] = [];
  const paperLab = new Int32Array(P);
  const paperTopics: number[][] = [];
  const paperTopicWeights: number[][] = [];
  const topicPick = zipfTable(TOPICS_PER_CLUSTER, 0.9);
  for (let p = 0; p < P; p++) {
    const lab = zipfPick(rng, labPick, L);
    paperLab[p] = lab;
    const k = bylineLength(rng);
    const byline: number[] = [];
    const seen = new Set<number>();
    for (let s = 0; s < k; s++) {
      let a: number;
      if (k >= 20 && rng() < 0.6) {
        // Consortium papers gather names from many labs of the same cluster.
        const other = zipfPick(rng, labPick, L);
        const m = labMembers[other]!;
        a = m[Math.floor(rng() * m.length)]!;
      } else if (s > 0 && rng() < 0.05) {
        const other = zipfPick(rng, labPick, L);
        const m = labMembers[other]!;
        a = m[zipfPick(rng, memberPick, Math.min(m.length, 4096))]!;
      } else if (rng() < 0.2) {
        a = newAuthor(lab);
      } else {
        const m = labMembers[lab]!;
        a = m[zipfPick(rng, memberPick, Math.min(m.length, 4096))]!;
      }
      if (!seen.has(a)) {
        seen.add(a);
        byline.push(a);
      }
    }
    paperAuthors.push(byline);
    const c = labCluster[lab]!;
    const nt = 3 + Math.floor(rng() * 4);
    const ts = new Set<number>();
    while (ts.size < nt) {
      if (rng() < 0.12) ts.add(TOPICS_PER_CLUSTER * CLUSTERS + Math.floor(rng() * (T - TOPICS_PER_CLUSTER * CLUSTERS)));
      else ts.add(clusterTopics[c]![zipfPick(rng, topicPick, TOPICS_PER_CLUSTER)]!);
    }
    const list = [...ts];
    paperTopics.push(list);
    paperTopicWeights.push(list.map((_t, i) => round6(1 - i * 0.15 - rng() * 0.05)));
  }
  const A = authorLab.length;

  // Names: first + surname, disambiguated with a number (keys must be unique; real names clash too).
  const authorName: string[] = [];
  const authorKey: string[] = [];
  const usedKeys = new Map<string, number>();
  for (let a = 0; a < A; a++) {
    const first = FIRST_NAMES[Math.floor(rng() * FIRST_NAMES.length)]!;
    const sur = SURNAMES[Math.floor(rng() * SURNAMES.length)]!;
    const base = `a:${slug(sur)}|${slug(first)}`;
    const n = (usedKeys.get(base) ?? 0) + 1;
    usedKeys.set(base, n);
    authorKey.push(n === 1 ? base : `${base}~${n}`);
    authorName.push(n === 1 ? `${first} ${sur}` : `${first} ${String.fromCharCode(65 + (n % 26))}. ${sur}`);
  }
  const paperKey = Array.from({ length: P }, (_v, p) => `p:synthetic-${String(p).padStart(6, "0")}`);
  const topicKey = topicTerm.map((t) => `t:${slug(t)}`);

  // Edges in typed arrays: node ids are authors [0, A), papers [A, A+P), topics [A+P, A+P+T).
  const N = A + P + T;
  const src: number[] = [];
  const tgt: number[] = [];
  const kind: number[] = [];
  const weight: number[] = [];
  const addEdge = (s: number, t: number, k: EdgeKind, w: number) => {
    src.push(s);
    tgt.push(t);
    kind.push(KIND_CODE[k]);
    weight.push(w);
  };
  const authorPapers = new Int32Array(A);
  for (let p = 0; p < P; p++) for (const a of paperAuthors[p]!) {
    addEdge(a, A + p, "authored", 1);
    authorPapers[a]!++;
  }
  const pairs = new Map<number, number>();
  for (let p = 0; p < P; p++) {
    const b = paperAuthors[p]!;
    if (b.length > MAX_COAUTHOR_BYLINE) continue;
    const sorted = [...b].sort((x, y) => (authorKey[x]! < authorKey[y]! ? -1 : 1));
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) {
      const id = sorted[i]! * A + sorted[j]!;
      pairs.set(id, (pairs.get(id) ?? 0) + 1);
    }
  }
  for (const [id, w] of pairs) addEdge(Math.floor(id / A), id % A, "coauthor", w);
  const topicPapers = new Int32Array(T);
  for (let p = 0; p < P; p++) paperTopics[p]!.forEach((t, i) => {
    addEdge(A + p, A + P + t, "about", paperTopicWeights[p]![i]!);
    topicPapers[t]!++;
  });
  for (let t = 0; t < T; t++) {
    const same = clusterTopics[topicCluster[t]!]!;
    const linked = new Set<number>();
    for (let r = 0; r < 3; r++) {
      const o = same[Math.floor(rng() * same.length)]!;
      if (o > t && !linked.has(o)) {
        linked.add(o);
        addEdge(A + P + t, A + P + o, "related", round6(0.1 + rng()));
      }
    }
  }
  const M = src.length;

  // Degrees and stand-in centralities.
  const degree = new Float64Array(N);
  const wdeg = new Float64Array(N);
  for (let e = 0; e < M; e++) {
    degree[src[e]!]!++;
    degree[tgt[e]!]!++;
    wdeg[src[e]!]! += weight[e]!;
    wdeg[tgt[e]!]! += weight[e]!;
  }
  let maxW = 0;
  for (let i = 0; i < N; i++) maxW = Math.max(maxW, wdeg[i]!);
  const pagerank = (i: number) => round6(Math.pow(wdeg[i]! / maxW, 0.8));
  const betweenness = (i: number) => round6(Math.pow(degree[i]! / (maxW || 1), 1.5));

  // Co-author communities: the lab, 0 for authors without co-author edges ("No co-author links").
  const hasCoauthor = new Uint8Array(A);
  for (let e = 0; e < M; e++) if (kind[e] === KIND_CODE.coauthor) hasCoauthor[src[e]!] = hasCoauthor[tgt[e]!] = 1;
  const community = (a: number) => (hasCoauthor[a] ? authorLab[a]! + 1 : 0);
  const communitySize = new Map<number, number>();
  for (let a = 0; a < A; a++) communitySize.set(community(a), (communitySize.get(community(a)) ?? 0) + 1);
  const topOf = new Map<number, number>();
  for (let a = 0; a < A; a++) {
    const c = community(a);
    const best = topOf.get(c);
    if (best === undefined || wdeg[a]! > wdeg[best]!) topOf.set(c, a);
  }

  const paperX = new Float64Array(P);
  const paperY = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let x = 0;
    let y = 0;
    for (const a of paperAuthors[p]!) {
      x += authorX[a]!;
      y += authorY[a]!;
    }
    const n = paperAuthors[p]!.length;
    paperX[p] = x / n + gauss(rng) * 8;
    paperY[p] = y / n + gauss(rng) * 8;
  }
  const topicX = topicCluster.map((c) => clusterCenter(c).x + gauss(rng) * 160);
  const topicY = topicCluster.map((c) => clusterCenter(c).y + gauss(rng) * 160);

  const range = (lo: number, hi: number, f: (i: number) => number) => {
    let a = Infinity;
    let b = -Infinity;
    for (let i = lo; i < hi; i++) {
      const v = f(i);
      if (v < a) a = v;
      if (v > b) b = v;
    }
    return [a, b] as const;
  };
  const [apMin, apMax] = range(0, A, (a) => authorPapers[a]!);
  const [ppMin, ppMax] = range(A, A + P, pagerank);
  const [tpMin, tpMax] = range(0, T, (t) => topicPapers[t]!);

  const paperDate = Array.from({ length: P }, () => {
    const year = 2012 + Math.floor(rng() * 14);
    const month = 1 + Math.floor(rng() * 12);
    const day = 1 + Math.floor(rng() * 28);
    return { year, date: rng() < 0.05 ? null : `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
  });
  // Per-paper text drawn on demand from a per-paper seed, so it is the same however often forEachNode runs.
  const words = [...FIELDS.flatMap((f) => f.terms), ...SHARED_TERMS];
  const paperText = (p: number) => {
    const r: Rng = seedrandom(`p${seed}:${p}`);
    const terms = paperTopics[p]!.map((t) => topicTerm[t]!);
    const title = `${terms[0]![0]!.toUpperCase()}${terms[0]!.slice(1)} with ${terms[1]} for ${terms[2]} (study ${p})`;
    const sentences: string[] = [];
    const n = 4 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) {
      sentences.push(`We study ${terms[i % terms.length]} and ${words[Math.floor(r() * words.length)]} in a cohort of ${10 + Math.floor(r() * 990)} patients, comparing ${words[Math.floor(r() * words.length)]} with ${words[Math.floor(r() * words.length)]}.`);
    }
    return { title, abstract: sentences.join(" "), hasCode: r() < 0.3, arxiv: r() < 0.6, doi: r() < 0.5 };
  };

  const communities: Record<string, unknown> = {};
  for (const [c, size] of [...communitySize].sort((x, y) => x[0] - y[0])) {
    const top = topOf.get(c)!;
    communities[String(c)] = {
      label: c === 0 ? "No co-author links" : `${authorName[top]} et al.`,
      size,
      terms: clusterTopics[labCluster[Math.max(0, c - 1)]!]!.slice(0, 5).map((t) => topicTerm[t]!),
      color: c === 0 ? NONE_COLOR : clusterColor(c - 1),
      ...(c === 0 ? { noLinks: true } : {}),
    };
  }
  const clusterSize = new Int32Array(CLUSTERS);
  for (let a = 0; a < A; a++) clusterSize[labCluster[authorLab[a]!]!]!++;
  for (let p = 0; p < P; p++) clusterSize[labCluster[paperLab[p]!]!]!++;
  for (let t = 0; t < T; t++) clusterSize[topicCluster[t]!]!++;
  const topicClusters: Record<string, unknown> = {};
  for (let c = 0; c < CLUSTERS; c++) {
    topicClusters[String(c)] = {
      label: clusterTopics[c]!.slice(0, 2).map((t) => topicTerm[t]!).join(", "),
      size: clusterSize[c]!,
      terms: clusterTopics[c]!.slice(0, 5).map((t) => topicTerm[t]!),
      color: clusterColor(c),
    };
  }
  const sources = Array.from({ length: L }, (_v, l) => ({ file: `synthetic/lab-${String(l).padStart(5, "0")}.txt`, format: "profile", records: 0, diagnostics: [] as unknown[] }));
  for (let p = 0; p < P; p++) sources[paperLab[p]!]!.records++;
  const counts = { authors: A, papers: P, topics: T, edges: M };
  const graphAttributes = {
    formatVersion: 1,
    generator: "papergraph synthetic graph (scripts/bench/synthetic-graph.ts)",
    seed,
    options: { seed, papers: P },
    sources,
    communities,
    topicClusters,
    modularity: 0.8,
    betweenness: "sampled:300",
    categoryNames: Object.fromEntries(FIELDS.map((f) => [f.category, `Category ${f.category}`])),
    counts,
  };

  const base = (i: number, x: number, y: number, size: number, tc: number, comm: number) => ({
    x: roundCoord(x),
    y: roundCoord(y),
    size,
    color: clusterColor(tc),
    community: comm,
    topicCluster: tc,
    degree: degree[i]!,
    weightedDegree: round6(wdeg[i]!),
    pagerank: pagerank(i),
    betweenness: betweenness(i),
  });
  const keyOf = (i: number) => (i < A ? authorKey[i]! : i < A + P ? paperKey[i - A]! : topicKey[i - A - P]!);

  return {
    type: "mixed",
    multi: false,
    allowSelfLoops: false,
    order: N,
    size: M,
    getAttributes: () => graphAttributes,
    forEachNode(cb) {
      for (let a = 0; a < A; a++) {
        const lab = authorLab[a]!;
        cb(authorKey[a]!, {
          kind: "author",
          label: authorName[a]!,
          ...base(a, authorX[a]!, authorY[a]!, sqrtScale(authorPapers[a]!, apMin, apMax, 3, 18), labCluster[lab]!, community(a)),
          name: authorName[a]!,
          aliases: [authorName[a]!],
          paperCount: authorPapers[a]!,
          profile: null,
          orcid: a % 10 === 0 ? `0000-0002-${String(1000 + (a % 9000)).padStart(4, "0")}-${String(a % 10000).padStart(4, "0")}` : null,
          externalIds: [],
          affiliations: [AFFILIATIONS[lab % AFFILIATIONS.length]!],
        });
      }
      for (let p = 0; p < P; p++) {
        const i = A + p;
        const text = paperText(p);
        const d = paperDate[p]!;
        const lab = paperLab[p]!;
        const byline = paperAuthors[p]!;
        cb(paperKey[p]!, {
          kind: "paper",
          label: text.title,
          ...base(i, paperX[p]!, paperY[p]!, sqrtScale(pagerank(i), ppMin, ppMax, 3, 18), labCluster[lab]!, community(byline[0]!)),
          title: text.title,
          authors: byline.map((a) => authorKey[a]!),
          authorsComplete: byline.length < 20,
          date: d.date,
          year: d.date === null ? null : d.year,
          arxivId: text.arxiv ? `${String(d.year % 100).padStart(2, "0")}${String(1 + (p % 12)).padStart(2, "0")}.${String(p % 100000).padStart(5, "0")}` : null,
          categories: [FIELDS[labCluster[lab]!]!.category],
          hasCode: text.hasCode,
          abstract: text.abstract,
          comment: null,
          affiliation: null,
          sources: [{ file: sources[lab]!.file, line: 1 + (p % 5000) * 6 }],
          topics: paperTopics[p]!.map((t) => topicKey[t]!),
          doi: text.doi ? `10.5555/synthetic.${p}` : null,
          venue: text.doi ? "Journal of Synthetic Imaging" : null,
        });
      }
      for (let t = 0; t < T; t++) {
        const i = A + P + t;
        cb(topicKey[t]!, {
          kind: "topic",
          label: topicTerm[t]!,
          ...base(i, topicX[t]!, topicY[t]!, sqrtScale(topicPapers[t]!, tpMin, tpMax, 3, 18), topicCluster[t]!, -1),
          term: topicTerm[t]!,
          variants: [topicTerm[t]!],
          paperCount: topicPapers[t]!,
          relevance: round6(0.5 + (t % 7) / 10),
        });
      }
    },
    forEachEdge(cb) {
      const sizeOf = new Map<string, number>();
      const maxOf = [0, 0, 0, 0, 0];
      for (let e = 0; e < M; e++) maxOf[kind[e]!] = Math.max(maxOf[kind[e]!]!, weight[e]!);
      for (let e = 0; e < M; e++) {
        const k = KINDS[kind[e]!]!;
        const undirected = k === "coauthor" || k === "related";
        const s = keyOf(src[e]!);
        const t = keyOf(tgt[e]!);
        const id = `${k}:${weight[e]}`;
        let size = sizeOf.get(id);
        if (size === undefined) sizeOf.set(id, (size = sqrtScale(weight[e]!, 0, maxOf[kind[e]!]!, 1, 4)));
        cb(`${k}:${s}${undirected ? "--" : "->"}${t}`, { kind: k, weight: weight[e]!, size, color: EDGE_COLORS[k] }, s, t, undefined, undefined, undirected);
      }
    },
  };
}

/**
 * graphology's serialized form (`graph.export()`, as `npm run graph` writes it), written in pieces through `write`, so
 * a graph whose JSON exceeds the engine's longest string can still be written.
 */
export function streamGraphJson(graph: SyntheticGraph, write: (s: string) => void): void {
  write(`{"options":${JSON.stringify({ type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops })},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`);
  let batch: string[] = [];
  const flush = () => {
    write(batch.join(""));
    batch = [];
  };
  let first = true;
  graph.forEachNode((key, attributes) => {
    batch.push(`${first ? "" : ","}${JSON.stringify({ key, attributes })}`);
    first = false;
    if (batch.length >= 5000) flush();
  });
  flush();
  write(`],"edges":[`);
  first = true;
  graph.forEachEdge((key, attributes, source, target, _sa, _ta, undirected) => {
    batch.push(`${first ? "" : ","}${JSON.stringify(undirected ? { key, source, target, attributes, undirected: true } : { key, source, target, attributes })}`);
    first = false;
    if (batch.length >= 20000) flush();
  });
  flush();
  write("]}\n");
}

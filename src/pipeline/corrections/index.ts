/**
 * Identity corrections applied to a built graph, without its inputs (the explorer's prebuilt graph): graph surgery that
 * gives the graph the next build with the exported thesaurus would give, as far as the graph can tell (people.ts says
 * where it cannot). Pure; runs in the explorer's pipeline worker.
 *
 * The people are corrected (people.ts), then the graph stage's own steps run again on the corrected people, so no
 * formula is written twice: the edge table (authored edges with their spellings, co-author links and their weights,
 * the links of papers above the author cut), link years, Louvain communities with the build's seed and resolution and
 * their labels, the community ladder and stability, research clusters of authors (majority of their papers, every
 * ladder level), paper counts, degree, weighted degree, PageRank, sizes and colours.
 * Kept as built: papers, topics and their links, research clusters of papers and topics, positions (a person split off
 * is placed beside the person they came from), betweenness (a corrected person takes the largest value of the people
 * they came from: an exact or sampled Brandes run over the whole graph costs seconds at field scale), the identity
 * review (what the build decided: the panel lists it with the corrections beside it) and every other graph attribute.
 *
 * Cost: linear in nodes + edges plus the build's Louvain runs (about two seconds at 10,000 papers, README "Review
 * identities"). Undo is applying the remaining corrections to the graph as built, never an inverse.
 */
import Graph from "graphology";
import seedrandom from "seedrandom";
import type { EdgeAttributes, IdentityReview, NodeAttributes, PartitionLadder } from "../../model/graph-file";
import type { Correction } from "../../model/identity-corrections";
import { EDGE_KIND_CODES } from "../../model/compact-graph";
import type { ExplorerGraphSource } from "../../model/explorer-format";
import { compareStrings } from "../../model/compare";
import { edgeColor, edgeSizes, nodeColorOf, nodeSizes } from "../graph/appearance";
import { bylineSpellings, edgeTable, forEachTableEdge } from "../graph/build-edges";
import { paperCounts } from "../graph/build-nodes";
import { localCentrality } from "../graph/centrality";
import { adjacencyOfTable } from "../graph/centrality/undirected-view";
import { collaborationYears } from "../graph/collaboration-years";
import { communityInfo, detectCommunities } from "../graph/communities";
import { communityLadder } from "../graph/community-levels";
import { nodeTable } from "../graph/node-table";
import { roundCoord } from "../graph/numbers";
import { topicClusterLadder } from "../graph/topic-cluster-levels";
import { topicClustersOf } from "../graph/topic-clusters";
import type { ResolvedAuthor, ResolvedPaper } from "../identity/types";
import { DEFAULT_OPTIONS, type PipelineOptions } from "../options";
import { silentSteps, type StepReporter } from "../progress";
import type { ClusterLadder, PaperTopic, Topic, TopicClusterResult } from "../topics/types";
import { assignKeys, correctPeople, type BylineEntry, type PeopleState, type Person } from "./people";

/** What the corrections read of a graph: a graphology Graph, or the explorer's CompactGraph with everything loaded. */
export interface CorrectableGraph {
  getAttributes(): object;
  forEachNode(callback: (key: string, attributes: NodeAttributes) => void): void;
  forEachEdge(callback: (key: string, attributes: EdgeAttributes, source: string, target: string) => void): void;
}

type Attrs = Record<string, unknown>;

/**
 * The corrected graph as the compact files' writer reads it: nodes in memory, edges made as they are read (the graph
 * stage's forEachTableEdge), no graphology graph. toGraphology turns it into one (tests; graph.json).
 */
export interface CorrectedSource extends ExplorerGraphSource {
  readonly type: "mixed";
  /** Nodes and edges. */
  readonly order: number;
  readonly size: number;
  getAttributes(): Attrs;
}

export function toGraphology(source: CorrectedSource): Graph {
  const graph = new Graph({ type: source.type, multi: source.multi, allowSelfLoops: source.allowSelfLoops });
  source.forEachNode((key, a) => graph.addNode(key, a));
  source.forEachEdge((key, a, s, t, _sa, _ta, undirected) => (undirected ? graph.addUndirectedEdgeWithKey(key, s, t, a) : graph.addDirectedEdgeWithKey(key, s, t, a)));
  graph.replaceAttributes(source.getAttributes());
  return graph;
}

export interface CorrectedGraph {
  graph: CorrectedSource;
  /** Corrections that changed nothing, and why ("already apart", "no such person"). */
  notes: string[];
  /** Old key -> new key of every person whose key changed (a split person: the side that keeps their place). */
  renamedKeys: Record<string, string>;
  /** Keys of the people the corrections made or changed, sorted. */
  touched: string[];
  /**
   * The nodes as built each person the corrections made, changed or renamed comes from (sorted keys), by their key:
   * where a selection on the corrected graph goes when the list changes again (the explorer follows it).
   */
  origins: Record<string, string[]>;
}

interface NodeIn {
  key: string;
  attributes: Attrs;
}

const byKey = (a: NodeIn, b: NodeIn) => compareStrings(a.key, b.key);
const num = (v: unknown, fallback = 0) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

/** The build's options as the graph records them (older or hand-made files: the defaults). */
function optionsOf(attrs: Attrs): PipelineOptions {
  const recorded = (attrs.options ?? {}) as Partial<PipelineOptions>;
  const options = { ...DEFAULT_OPTIONS, ...recorded };
  if (typeof attrs.seed === "number") options.seed = attrs.seed;
  return options;
}

/**
 * A graph as built, read once for any number of correction lists (prepareCorrections): the explorer's worker keeps it
 * between Split, Undo and the next Split, so each pays the corrections, not the reading. Never changed by them.
 */
export interface PreparedGraph {
  readonly prepared: true;
  attrs: Attrs;
  authors: NodeIn[];
  papers: NodeIn[];
  topics: NodeIn[];
  /** paper key -> author key -> the byline's spelling (authored edges' `as`). */
  spellings: Map<string, Map<string, string>>;
  about: Map<string, PaperTopic[]>;
  related: { source: string; target: string; weight: number }[];
}

/** Reads a graph as built for the corrections (what applyIdentityCorrections does first; keep it to apply again). */
export function prepareCorrections(source: CorrectableGraph | Graph): PreparedGraph {
  return readGraph(source as CorrectableGraph);
}

function readGraph(source: CorrectableGraph): PreparedGraph {
  const out: PreparedGraph = { prepared: true, attrs: { ...(source.getAttributes() as Attrs) }, authors: [], papers: [], topics: [], spellings: new Map(), about: new Map(), related: [] };
  source.forEachNode((key, a) => {
    const attributes = { ...(a as unknown as Attrs) };
    const list = a.kind === "author" ? out.authors : a.kind === "paper" ? out.papers : a.kind === "topic" ? out.topics : null;
    list?.push({ key, attributes });
  });
  for (const list of [out.authors, out.papers, out.topics]) list.sort(byKey);
  const edge = (kind: unknown, s: string, t: string, weight: number, as: () => unknown) => {
    if (kind === "authored") {
      const spelling = as();
      if (typeof spelling === "string") (out.spellings.get(t) ?? out.spellings.set(t, new Map()).get(t)!).set(s, spelling);
    } else if (kind === "about") (out.about.get(s) ?? out.about.set(s, []).get(s)!).push({ topic: t, weight });
    else if (kind === "related") out.related.push({ source: s, target: t, weight });
  };
  if (isIndexed(source)) {
    // The explorer's CompactGraph: typed arrays, no attribute object per edge (300,000 of them at 10,000 papers).
    const { keys, edgeKind, edgeSource, edgeTarget, edgeWeight } = source;
    for (let e = 0; e < source.size; e++) {
      edge(EDGE_KIND_CODES[edgeKind[e]!], keys[edgeSource[e]!]!, keys[edgeTarget[e]!]!, edgeWeight[e]!, () => source.edgeValue(e, "as"));
    }
  } else source.forEachEdge((_key, a, s, t) => edge(a.kind, s, t, a.weight, () => a.as));
  return out;
}

/** What the explorer's CompactGraph offers beyond the graph API: edges as typed arrays. */
interface IndexedEdges {
  size: number;
  keys: readonly string[];
  edgeKind: Uint8Array;
  edgeSource: ArrayLike<number>;
  edgeTarget: ArrayLike<number>;
  edgeWeight: Float64Array;
  edgeValue(e: number, name: string): unknown;
}

const isIndexed = (g: CorrectableGraph): g is CorrectableGraph & IndexedEdges => typeof (g as Partial<IndexedEdges>).edgeValue === "function";

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The people of the graph and every paper's byline (person, spelling, profile owner or not). */
function peopleOf(g: PreparedGraph): PeopleState {
  const people: Person[] = g.authors.map((n) => {
    const name = String(n.attributes.name ?? n.attributes.label ?? n.key);
    return { origin: n.key, origins: [n.key], attributes: n.attributes, name, aliases: new Set([...strings(n.attributes.aliases), name]), touched: false, alive: true, key: n.key };
  });
  const index = new Map(g.authors.map((n, i) => [n.key, i]));
  const bylines = g.papers.map((p) => {
    const spelled = g.spellings.get(p.key);
    const own = new Set(strings(p.attributes.profileOwners));
    const entries: BylineEntry[] = [];
    for (const k of strings(p.attributes.authors)) {
      const i = index.get(k);
      if (i === undefined) continue;
      const person = people[i]!;
      // No `as`: the byline used the person's display name (a graph built before spellings were kept reads so too).
      entries.push({ person: i, spelling: spelled?.get(k) ?? person.name, ...(own.has(k) ? { owner: true } : {}) });
    }
    return entries;
  });
  return { people, bylines, notes: [] };
}

/**
 * The build's identity review with its decisions' keys on the corrected people (a key whose person was merged away or
 * renamed names the person they are now), so every key is a node of the corrected graph, as the file contract asks.
 */
function reviewOnCorrectedKeys(review: IdentityReview, renamed: Record<string, string>, authors: Set<string>): IdentityReview {
  const rekey = (keys: string[]) => [...new Set(keys.map((k) => renamed[k] ?? k))].filter((k) => authors.has(k));
  return { ...review, merges: review.merges.map((d) => ({ ...d, keys: rekey(d.keys) })), keptApart: review.keptApart.map((d) => ({ ...d, keys: rekey(d.keys) })) };
}

/** A person split off is drawn beside the person they came from: a small step, turned by the golden angle per new person. */
function besidePositions(g: PreparedGraph): (origin: NodeIn, k: number) => { x: number; y: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const n of g.authors) for (const v of [num(n.attributes.x), num(n.attributes.y)]) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const step = Number.isFinite(max - min) && max > min ? (max - min) * 0.015 : 10;
  return (origin, k) => ({
    x: roundCoord(num(origin.attributes.x) + step * Math.cos(2.399963 * (k + 1))),
    y: roundCoord(num(origin.attributes.y) + step * Math.sin(2.399963 * (k + 1))),
  });
}

/** The research-cluster ladder as the topic stage handed it over, read back from the nodes (authors are derived from it). */
function clusterLadderOf(ladder: PartitionLadder, papers: NodeIn[], topics: NodeIn[]): ClusterLadder {
  const at = (n: NodeIn, l: number) => {
    const levels = n.attributes.topicClusterLevels;
    return Array.isArray(levels) && typeof levels[l] === "number" ? (levels[l] as number) : num(n.attributes.topicCluster, -1);
  };
  return {
    default: ladder.default,
    stabilitySeeds: ladder.stabilitySeeds ?? 0,
    levels: ladder.levels.map((level, l) => ({
      resolution: level.resolution,
      modularity: level.modularity,
      clusters: [],
      paperCluster: new Map(papers.map((p) => [p.key, at(p, l)])),
      topicCluster: new Map(topics.map((t) => [t.key, at(t, l)])),
    })),
    paperStability: new Map(papers.map((p) => [p.key, num(p.attributes.topicClusterStability, 1)])),
  };
}

export function applyIdentityCorrections(source: CorrectableGraph | Graph | PreparedGraph, corrections: readonly Correction[], progress: StepReporter = silentSteps): CorrectedGraph {
  progress("reading the graph", 0, null, "nodes");
  // A graphology Graph of the build (attributes typed loosely) reads like any CorrectableGraph.
  const g = "prepared" in source && source.prepared === true ? source : readGraph(source as CorrectableGraph);
  const options = optionsOf(g.attrs);
  const review = g.attrs.identityReview as IdentityReview | undefined;

  progress("correcting people", 0, corrections.length, "corrections");
  const state = peopleOf(g);
  const originals = state.people.length;
  correctPeople(state, corrections, review?.thesaurus ?? []);
  assignKeys(state);
  progress("correcting people", corrections.length, corrections.length, "corrections");

  // The graph stage's node table over the corrected people: authors, papers, topics, each in key order.
  const alive = state.people.map((p, i) => ({ p, i })).filter(({ p }) => p.alive).sort((a, b) => compareStrings(a.p.key, b.p.key));
  const authors: ResolvedAuthor[] = alive.map(({ p }) => ({
    key: p.key,
    name: p.name,
    aliases: [...p.aliases].sort(compareStrings),
    papers: [],
    profile: null,
    orcid: null,
    externalIds: [],
    affiliations: [],
  }));
  const keyOfPerson = new Map(alive.map(({ p, i }) => [i, p.key]));
  const papers = g.papers.map((p, k) => {
    const byline = state.bylines[k]!;
    return { ...p.attributes, key: p.key, authors: byline.map((x) => keyOfPerson.get(x.person)!), authorSpellings: byline.map((x) => x.spelling) } as unknown as ResolvedPaper;
  });
  const topics = g.topics.map((t) => ({ key: t.key, term: String(t.attributes.term ?? t.attributes.label), variants: strings(t.attributes.variants), paperCount: num(t.attributes.paperCount), relevance: num(t.attributes.relevance) }) as Topic);
  // The graph stage's node table, as the build makes it from the identity and topic stages' results.
  const nodes = nodeTable({ identity: { authors, papers }, topics: { topics, paperTopics: new Map(g.papers.map((p) => [p.key, g.about.get(p.key) ?? []])) } });
  const { keys, kind, paperStart, topicStart } = nodes;

  const edges = edgeTable(nodes, { topics: { related: g.related } }, options, progress);
  progress("communities (Louvain)", 0, keys.length, "nodes");
  const communities = detectCommunities(nodes, edges, { resolution: options.resolution, rng: seedrandom(String(options.seed)) });
  const analysed = { ...edges, count: edges.analysed };
  const local = localCentrality(adjacencyOfTable(keys, analysed), progress);
  const betweenness = new Float64Array(keys.length);
  const betweennessOf = new Map([...g.authors, ...g.papers, ...g.topics].map((n) => [n.key, num(n.attributes.betweenness)]));
  alive.forEach(({ p }, n) => (betweenness[n] = Math.max(...p.origins.map((o) => betweennessOf.get(o) ?? 0))));
  for (let i = paperStart; i < keys.length; i++) betweenness[i] = betweennessOf.get(keys[i]!) ?? 0;
  const centrality = { pagerank: local.pagerank, betweenness };
  const communityClusters = communityInfo(nodes, communities, centrality);
  progress("resolution ladders", 0, keys.length, "nodes");
  const builtLadder = g.attrs.communityLadder as PartitionLadder | undefined;
  const ladder = builtLadder ? communityLadder(nodes, edges, communities, centrality, { seed: options.seed, resolution: options.resolution }) : null;

  const clusters: TopicClusterResult = {
    paperCluster: new Map(g.papers.map((p) => [p.key, num(p.attributes.topicCluster, -1)])),
    topicCluster: new Map(g.topics.map((t) => [t.key, num(t.attributes.topicCluster, -1)])),
    clusters: [],
  };
  const topicCluster = topicClustersOf(nodes, clusters);
  const builtClusterLadder = g.attrs.topicClusterLadder as PartitionLadder | undefined;
  const clusterLevels = builtClusterLadder ? topicClusterLadder(nodes, topicCluster, clusterLadderOf(builtClusterLadder, g.papers, g.topics)) : null;
  const paperCount = paperCounts(nodes);
  const size = nodeSizes(keys, kind, local.pagerank);
  const color = nodeColorOf(topicCluster, (g.attrs.topicClusters ?? {}) as Parameters<typeof nodeColorOf>[1]);
  const beside = besidePositions(g);
  const authorIn = new Map(g.authors.map((n) => [n.key, n]));

  progress("graph: nodes and edges", 0, keys.length + edges.count, "items");
  const nodesOut: { key: string; attributes: Attrs }[] = [];
  const computed = (i: number, base: Attrs): Attrs => {
    const out: Attrs = {
      ...base,
      size: size[i]!,
      color: color(i),
      community: communities.community[i]!,
      topicCluster: topicCluster[i]!,
      degree: local.degree[i]!,
      weightedDegree: local.weightedDegree[i]!,
      pagerank: local.pagerank[i]!,
      betweenness: betweenness[i]!,
    };
    if (ladder && "communityLevels" in base) out.communityLevels = ladder.levels.map((level) => level[i]!);
    if (ladder && "communityStability" in base) out.communityStability = ladder.stability[i]!;
    if (clusterLevels && i < paperStart && "topicClusterLevels" in base) out.topicClusterLevels = clusterLevels.levels.map((level) => level[i]!);
    if (clusterLevels && i < paperStart && "topicClusterStability" in base) out.topicClusterStability = clusterLevels.stability[i]!;
    return out;
  };
  const splitOff = new Map<string, number>();
  alive.forEach(({ p, i }, n) => {
    const origin = authorIn.get(p.origin)!;
    let at = { x: num(origin.attributes.x), y: num(origin.attributes.y) };
    if (i >= originals) {
      const k = splitOff.get(p.origin) ?? 0;
      splitOff.set(p.origin, k + 1);
      at = beside(origin, k);
    }
    const base: Attrs = { ...p.attributes, ...at };
    if (p.touched) Object.assign(base, { label: p.name, name: p.name, aliases: authors[n]!.aliases });
    nodesOut.push({ key: p.key, attributes: { ...computed(n, base), paperCount: paperCount[n]! } });
  });
  g.papers.forEach((p, k) => {
    const i = paperStart + k;
    const owned = state.bylines[k]!.filter((x) => x.owner).map((x) => keyOfPerson.get(x.person)!);
    const base: Attrs = { ...p.attributes, authors: papers[k]!.authors };
    if ("profileOwners" in base) base.profileOwners = owned;
    nodesOut.push({ key: p.key, attributes: computed(i, base) });
  });
  g.topics.forEach((t, k) => {
    const i = topicStart + k;
    nodesOut.push({ key: t.key, attributes: { ...computed(i, t.attributes), paperCount: paperCount[i]! } });
  });
  const look = { size: edgeSizes(edges), color: edgeColor, years: collaborationYears(nodes, edges, options), spellingOf: bylineSpellings(nodes) };

  const renamedKeys: Record<string, string> = {};
  const touched: string[] = [];
  const origins: Record<string, string[]> = {};
  state.people.forEach((p, i) => {
    if (!p.alive) return;
    if (p.touched) touched.push(p.key);
    if (i < originals && p.key !== p.origin) renamedKeys[p.origin] = p.key;
    if (p.touched || p.key !== p.origin) origins[p.key] = [...new Set(p.origins)].sort(compareStrings);
  });
  // A person merged away: their key now names the person they joined.
  state.people.forEach((p, i) => {
    if (p.alive || i >= originals) return;
    const into = state.people.find((q) => q.alive && q.origins.includes(p.origin));
    if (into && into.key !== p.origin) renamedKeys[p.origin] = into.key;
  });
  const attrs: Attrs = { ...g.attrs, communities: communityClusters, modularity: communities.modularity };
  if (ladder) attrs.communityLadder = ladder.ladder;
  if (g.attrs.counts) attrs.counts = { ...(g.attrs.counts as Attrs), authors: authors.length, papers: g.papers.length, topics: g.topics.length, edges: edges.count };
  if (g.attrs.largePapers) attrs.largePapers = { maxAuthors: edges.large.maxAuthors, papers: [...edges.large.papers], pairs: edges.large.pairs };
  if (review && Object.keys(renamedKeys).length) attrs.identityReview = reviewOnCorrectedKeys(review, renamedKeys, new Set(authors.map((a) => a.key)));
  let reported = false;
  const graph: CorrectedSource = {
    type: "mixed",
    multi: false,
    allowSelfLoops: false,
    order: nodesOut.length,
    size: edges.count,
    getAttributes: () => attrs,
    forEachNode: (callback) => nodesOut.forEach((n) => callback(n.key, n.attributes)),
    forEachEdge: (callback) => {
      // Progress the first time through only (the writer reads the edges once).
      const steps = reported ? silentSteps : progress;
      reported = true;
      forEachTableEdge(nodes, edges, look, (key, a, s, t, directed) => callback(key, a as unknown as Attrs, s, t, undefined, undefined, !directed), steps);
    },
  };

  return { graph, notes: state.notes, renamedKeys, touched: touched.sort(compareStrings), origins };
}

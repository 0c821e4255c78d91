/**
 * Runtime validator of the graph file (public/data/graph.json or a file a user opens). Checks the format version and
 * every attribute readers rely on, and reports readable problems ("nodes[3] "a:x": attributes.x must be a finite
 * number, got "abc"") instead of letting a renderer fail later on NaN. Pure: no DOM, no Node.
 */
import { FORMAT_VERSION, type GraphFile } from "./graph-file";

export type ValidationResult =
  | { ok: true; file: GraphFile; warnings: string[] }
  | { ok: false; errors: string[] };

/** Problems listed at most (a wrong file usually breaks every node the same way). */
const MAX_ERRORS = 25;

const NODE_KINDS = new Set(["author", "paper", "topic"]);
const EDGE_KINDS = new Set(["authored", "coauthor", "coauthor-large", "about", "related"]);
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const ORCID_RE = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  const s = JSON.stringify(v);
  return s === undefined ? typeof v : s.length > 40 ? s.slice(0, 37) + "..." : s;
}

class Collector {
  errors: string[] = [];
  dropped = 0;
  add(msg: string) {
    if (this.errors.length < MAX_ERRORS) this.errors.push(msg);
    else this.dropped++;
  }
}

type Check = (v: unknown) => boolean;
const finite: Check = (v) => typeof v === "number" && Number.isFinite(v);
const integer: Check = (v) => Number.isInteger(v);
const str: Check = (v) => typeof v === "string";
const strOrNull: Check = (v) => v === null || typeof v === "string";
const bool: Check = (v) => typeof v === "boolean";
const strArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
const sourceRef: Check = (v) => isRec(v) && typeof v.file === "string" && Number.isInteger(v.line);

function need(c: Collector, where: string, attrs: Rec, field: string, check: Check, expected: string) {
  if (!check(attrs[field])) c.add(`${where}: attributes.${field} must be ${expected}, got ${show(attrs[field])}`);
}

function optional(c: Collector, where: string, attrs: Rec, field: string, check: Check, expected: string) {
  if (attrs[field] !== undefined) need(c, where, attrs, field, check, expected);
}

const YEAR_WEIGHTS_RE = /^(?:\d{1,4}:\d+(?:,\d{1,4}:\d+)*)?$/;
const unit: Check = (v) => finite(v) && (v as number) >= 0 && (v as number) <= 1;
const intArray: Check = (v) => Array.isArray(v) && v.every((x) => Number.isInteger(x));

/** Levels per ladder (null: no ladder in the file), so a node's level list can be checked against it. */
interface LadderSizes {
  communityLevels: number | null;
  topicClusterLevels: number | null;
}

function checkLevels(c: Collector, where: string, a: Rec, ladders: LadderSizes) {
  for (const field of ["communityLevels", "topicClusterLevels"] as const) {
    if (a[field] === undefined) continue;
    need(c, where, a, field, intArray, "an array of integer group ids, one per level (-1 for none)");
    const n = ladders[field];
    if (intArray(a[field]) && n !== null && (a[field] as number[]).length !== n) {
      c.add(`${where}: attributes.${field} must hold one group id per level of the ladder (${n}), got ${(a[field] as number[]).length}`);
    }
  }
  for (const field of ["communityStability", "topicClusterStability"]) optional(c, where, a, field, unit, "a number from 0 to 1");
}

const BASES = new Set(["variant", "profile", "author-id", "name", "context", "thesaurus", "conflict"]);

function checkLadder(c: Collector, name: string, v: unknown): number | null {
  if (v === undefined) return null;
  const level = (l: unknown) => isRec(l) && finite(l.resolution) && (l.resolution as number) > 0 && finite(l.modularity) && integer(l.count) && (l.count as number) >= 0;
  if (!isRec(v) || !Array.isArray(v.levels) || !v.levels.every(level) || !integer(v.default) || (v.default as number) < 0 || (v.default as number) >= v.levels.length || !integer(v.stabilitySeeds)) {
    c.add(`attributes.${name} must be { default: level index, levels: [{ resolution, modularity, count, groups? }], stabilitySeeds: whole number }, got ${show(v)}`);
    return null;
  }
  (v.levels as Rec[]).forEach((l, i) => {
    if (l.groups !== undefined) checkClusters(c, `${name}.levels[${i}].groups`, l.groups);
  });
  return v.levels.length;
}

function checkIdentityReview(c: Collector, v: unknown) {
  if (v === undefined) return;
  const evidence = (e: unknown) => isRec(e) && typeof e.text === "string" && finite(e.weight);
  const numOrNull = (x: unknown) => x === null || finite(x);
  const decision = (d: unknown) =>
    isRec(d) && strArray(d.keys) && Array.isArray(d.sides) && d.sides.every(strArray) && BASES.has(d.basis as string) &&
    Array.isArray(d.evidence) && d.evidence.every(evidence) && numOrNull(d.penalty) && numOrNull(d.context) && unit(d.doubt) && bool(d.correctable);
  const line = (l: unknown) => isRec(l) && typeof l.action === "string" && (strArray(l.names) || strArray(l.terms));
  if (!isRec(v)) {
    c.add(`attributes.identityReview must be an object { merges, keptApart, thesaurus, topicThesaurus }, got ${show(v)}`);
    return;
  }
  for (const list of ["merges", "keptApart"]) {
    if (!Array.isArray(v[list])) {
      c.add(`attributes.identityReview.${list} must be an array of decisions, got ${show(v[list])}`);
      continue;
    }
    (v[list] as unknown[]).forEach((d, i) => {
      if (!decision(d)) c.add(`attributes.identityReview.${list}[${i}] must be { keys, sides, basis, evidence: [{ text, weight }], penalty, context, doubt (0..1), correctable }, got ${show(d)}`);
    });
  }
  for (const list of ["thesaurus", "topicThesaurus"]) {
    if (v[list] !== undefined && !(Array.isArray(v[list]) && (v[list] as unknown[]).every(line))) {
      c.add(`attributes.identityReview.${list} must be an array of { action, names | terms }, got ${show(v[list])}`);
    }
  }
}

/** Decision keys must be author nodes of the file. */
function checkReviewKeys(c: Collector, v: unknown, keys: Set<string>) {
  if (!isRec(v)) return;
  for (const list of ["merges", "keptApart"]) {
    if (!Array.isArray(v[list])) continue;
    (v[list] as unknown[]).forEach((d, i) => {
      if (!isRec(d) || !strArray(d.keys)) return;
      for (const k of d.keys as string[]) if (!keys.has(k)) c.add(`attributes.identityReview.${list}[${i}].keys names "${k}", which is not a node`);
    });
  }
}

function checkNode(c: Collector, where: string, a: Rec, keys: Set<string>, ladders: LadderSizes) {
  if (!NODE_KINDS.has(a.kind as string)) {
    c.add(`${where}: attributes.kind must be "author", "paper" or "topic", got ${show(a.kind)}`);
    return;
  }
  need(c, where, a, "label", str, "a string");
  for (const f of ["x", "y", "size", "degree", "pagerank", "betweenness"]) need(c, where, a, f, finite, "a finite number");
  if (finite(a.size) && (a.size as number) < 0) c.add(`${where}: attributes.size must not be negative, got ${a.size}`);
  need(c, where, a, "color", str, "a CSS colour string");
  need(c, where, a, "community", integer, "an integer (-1 for none)");
  need(c, where, a, "topicCluster", integer, "an integer (-1 for none)");
  optional(c, where, a, "weightedDegree", finite, "a finite number");
  checkLevels(c, where, a, ladders);
  if (a.kind === "author") {
    need(c, where, a, "name", str, "a string");
    need(c, where, a, "aliases", strArray, "an array of strings");
    need(c, where, a, "paperCount", integer, "an integer");
    optional(c, where, a, "profile", (v) => v === null || isRec(v), "an object or null");
    optional(c, where, a, "orcid", (v) => v === null || (typeof v === "string" && ORCID_RE.test(v)), 'an ORCID iD such as "0000-0002-1825-0097", or null');
    optional(c, where, a, "externalIds", strArray, "an array of strings");
    optional(c, where, a, "affiliations", strArray, "an array of strings");
  } else if (a.kind === "paper") {
    need(c, where, a, "title", strOrNull, "a string or null");
    need(c, where, a, "authors", strArray, "an array of author node keys");
    if (strArray(a.authors)) {
      for (const k of a.authors as string[]) if (!keys.has(k)) c.add(`${where}: attributes.authors names "${k}", which is not a node`);
    }
    need(c, where, a, "authorsComplete", bool, "true or false");
    need(c, where, a, "date", (v) => v === null || (typeof v === "string" && DATE_RE.test(v)), '"YYYY-MM-DD", "YYYY-MM", "YYYY" or null');
    need(c, where, a, "year", (v) => v === null || integer(v), "an integer or null");
    need(c, where, a, "categories", strArray, "an array of strings");
    need(c, where, a, "hasCode", bool, "true or false");
    need(c, where, a, "abstract", strOrNull, "a string or null");
    need(c, where, a, "sources", (v) => Array.isArray(v) && v.every(sourceRef), "an array of { file, line }");
    need(c, where, a, "topics", strArray, "an array of topic node keys");
    optional(c, where, a, "arxivId", strOrNull, "a string or null");
    optional(c, where, a, "doi", (v) => v === null || (typeof v === "string" && /^10\.\S+\/\S+$/.test(v) && v === v.toLowerCase()), 'a lower-case DOI such as "10.1038/nature12373", or null');
    for (const f of ["pmid", "venue", "volume", "issue", "pages", "publicationType"]) optional(c, where, a, f, strOrNull, "a string or null");
    for (const f of ["externalIds", "keywords", "indexKeywords", "meshTerms", "groupAuthors"]) optional(c, where, a, f, strArray, "an array of strings");
    optional(c, where, a, "citationCount", (v) => v === null || (integer(v) && (v as number) >= 0), "a whole number or null");
    optional(c, where, a, "referenceCount", (v) => integer(v) && (v as number) >= 0, "a whole number");
    optional(c, where, a, "profileOwners", strArray, "an array of author node keys");
    if (strArray(a.profileOwners) && strArray(a.authors)) {
      for (const k of a.profileOwners as string[]) if (!(a.authors as string[]).includes(k)) c.add(`${where}: attributes.profileOwners names "${k}", which is not in authors`);
    }
  } else {
    need(c, where, a, "term", str, "a string");
    need(c, where, a, "paperCount", integer, "an integer");
    optional(c, where, a, "variants", strArray, "an array of strings");
  }
}

function checkClusters(c: Collector, name: string, v: unknown) {
  if (!isRec(v)) {
    c.add(`attributes.${name} must be an object (cluster id -> { label, size, terms, color }), got ${show(v)}`);
    return;
  }
  for (const [id, info] of Object.entries(v)) {
    if (!/^-?\d+$/.test(id)) c.add(`attributes.${name}: key ${show(id)} must be an integer cluster id`);
    if (!isRec(info) || typeof info.label !== "string" || !finite(info.size) || !strArray(info.terms) || typeof info.color !== "string") {
      c.add(`attributes.${name}["${id}"] must be { label: string, size: number, terms: string[], color: string }, got ${show(info)}`);
      continue;
    }
    if (info.noLinks !== undefined && typeof info.noLinks !== "boolean") {
      c.add(`attributes.${name}["${id}"].noLinks must be true or false, got ${show(info.noLinks)}`);
    }
    const termWeight = (v: unknown) => isRec(v) && typeof v.term === "string" && finite(v.weight);
    if (info.termWeights !== undefined && !(Array.isArray(info.termWeights) && info.termWeights.every(termWeight))) {
      c.add(`attributes.${name}["${id}"].termWeights must be an array of { term: string, weight: number }, got ${show(info.termWeights)}`);
    }
    if (info.typicalPapers !== undefined && !strArray(info.typicalPapers)) {
      c.add(`attributes.${name}["${id}"].typicalPapers must be an array of paper node keys, got ${show(info.typicalPapers)}`);
    }
  }
}

/** Typical papers of a cluster must be nodes of the file (checked once the node keys are known). */
function checkTypicalPapers(c: Collector, name: string, v: unknown, keys: Set<string>) {
  if (!isRec(v)) return;
  for (const [id, info] of Object.entries(v)) {
    if (!isRec(info) || !strArray(info.typicalPapers)) continue;
    for (const k of info.typicalPapers as string[]) {
      if (!keys.has(k)) c.add(`attributes.${name}["${id}"].typicalPapers names "${k}", which is not a node`);
    }
  }
}

/** Validate parsed JSON as a papergraph graph file. Never throws. */
export function validateGraphFile(input: unknown): ValidationResult {
  const c = new Collector();
  const warnings: string[] = [];
  if (!isRec(input)) {
    return { ok: false, errors: [`The graph file must be a JSON object (graphology's export form), got ${Array.isArray(input) ? "an array" : show(input)}.`] };
  }
  const attrs = input.attributes;
  if (!isRec(attrs)) {
    return { ok: false, errors: ['The graph file has no "attributes" object: it was not written by papergraph. Rebuild it with `npm run graph`.'] };
  }
  if (attrs.formatVersion !== FORMAT_VERSION) {
    const got = attrs.formatVersion === undefined ? "none" : show(attrs.formatVersion);
    return {
      ok: false,
      errors: [`Unsupported graph format version ${got}; this explorer reads version ${FORMAT_VERSION}. Rebuild the file with \`npm run graph\`.`],
    };
  }
  if (input.options !== undefined) {
    const o = input.options;
    if (!isRec(o) || !["mixed", "directed", "undirected"].includes(o.type as string)) {
      c.add(`options.type must be "mixed", "directed" or "undirected", got ${show(isRec(o) ? o.type : o)}`);
    }
  }
  checkClusters(c, "communities", attrs.communities);
  checkClusters(c, "topicClusters", attrs.topicClusters);
  const ladders: LadderSizes = {
    communityLevels: checkLadder(c, "communityLadder", attrs.communityLadder),
    topicClusterLevels: checkLadder(c, "topicClusterLadder", attrs.topicClusterLadder),
  };
  checkIdentityReview(c, attrs.identityReview);
  if (attrs.categoryNames !== undefined && !isRec(attrs.categoryNames)) c.add(`attributes.categoryNames must be an object, got ${show(attrs.categoryNames)}`);
  if (attrs.sources !== undefined && !Array.isArray(attrs.sources)) c.add(`attributes.sources must be an array, got ${show(attrs.sources)}`);
  if (attrs.largePapers !== undefined) {
    const lp = attrs.largePapers;
    if (!isRec(lp) || !integer(lp.maxAuthors) || (lp.maxAuthors as number) < 0 || !strArray(lp.papers) || !integer(lp.pairs) || (lp.pairs as number) < 0) {
      c.add(`attributes.largePapers must be { maxAuthors: whole number, papers: paper keys, pairs: whole number }, got ${show(lp)}`);
    }
  }

  if (!Array.isArray(input.nodes)) c.add(`"nodes" must be an array, got ${show(input.nodes)}`);
  if (!Array.isArray(input.edges)) c.add(`"edges" must be an array, got ${show(input.edges)}`);
  if (c.errors.length) return { ok: false, errors: c.errors };

  const nodes = input.nodes as unknown[];
  const edges = input.edges as unknown[];
  const keys = new Set<string>();
  nodes.forEach((n, i) => {
    if (!isRec(n) || typeof n.key !== "string" || n.key === "") {
      c.add(`nodes[${i}]: must be { key: non-empty string, attributes }, got ${show(n)}`);
      return;
    }
    if (keys.has(n.key)) c.add(`nodes[${i}] "${n.key}": duplicate node key`);
    keys.add(n.key);
  });
  checkTypicalPapers(c, "topicClusters", attrs.topicClusters, keys);
  checkReviewKeys(c, attrs.identityReview, keys);
  nodes.forEach((n, i) => {
    if (!isRec(n) || typeof n.key !== "string") return;
    const where = `nodes[${i}] "${n.key}"`;
    if (!isRec(n.attributes)) c.add(`${where}: attributes must be an object, got ${show(n.attributes)}`);
    else checkNode(c, where, n.attributes, keys, ladders);
  });
  const edgeKeys = new Set<string>();
  edges.forEach((e, i) => {
    const where = `edges[${i}]`;
    if (!isRec(e)) {
      c.add(`${where}: must be an object, got ${show(e)}`);
      return;
    }
    if (e.key !== undefined) {
      if (typeof e.key !== "string") c.add(`${where}: key must be a string, got ${show(e.key)}`);
      else if (edgeKeys.has(e.key)) c.add(`${where} "${e.key}": duplicate edge key`);
      else edgeKeys.add(e.key);
    }
    for (const end of ["source", "target"] as const) {
      if (typeof e[end] !== "string" || !keys.has(e[end] as string)) c.add(`${where}: ${end} ${show(e[end])} is not a node`);
    }
    const a = e.attributes;
    if (!isRec(a)) {
      c.add(`${where}: attributes must be an object, got ${show(a)}`);
      return;
    }
    if (!EDGE_KINDS.has(a.kind as string)) c.add(`${where}: attributes.kind must be "authored", "coauthor", "about" or "related", got ${show(a.kind)}`);
    need(c, where, a, "weight", finite, "a finite number");
    optional(c, where, a, "largePapers", (v) => integer(v) && (v as number) >= 0, "a whole number of papers");
    optional(c, where, a, "firstYear", (v) => v === null || integer(v), "a year or null");
    optional(c, where, a, "yearWeights", (v) => typeof v === "string" && YEAR_WEIGHTS_RE.test(v), 'joint papers per year such as "2019:1,2021:2"');
  });
  if (nodes.length === 0) warnings.push("The graph has no nodes: no input produced a paper. Check the inputs given to `npm run graph`.");

  if (c.errors.length) {
    if (c.dropped) c.errors.push(`... and ${c.dropped} more problem${c.dropped === 1 ? "" : "s"}.`);
    return { ok: false, errors: c.errors };
  }
  return { ok: true, file: input as unknown as GraphFile, warnings };
}

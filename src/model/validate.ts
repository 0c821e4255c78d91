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

const YEAR_WEIGHTS_RE = /^(?:\d{1,4}:\d+(?:,\d{1,4}:\d+)*)?$/;
const unit: Check = (v) => finite(v) && (v as number) >= 0 && (v as number) <= 1;
const intArray: Check = (v) => Array.isArray(v) && v.every((x) => Number.isInteger(x));

/** Levels per ladder (null: no ladder in the file), so a node's level list can be checked against it. */
export interface LadderSizes {
  communityLevels: number | null;
  topicClusterLevels: number | null;
}

const BASES = new Set(["variant", "profile", "author-id", "name", "context", "thesaurus", "conflict"]);


/** A node's group id per level must match its ladder's length (when the file has that ladder). */
/** The ladders' lengths as the file states them (null where a ladder is missing or has no level list). */
export function ladderSizes(attrs: Record<string, unknown>): LadderSizes {
  const len = (v: unknown) => (isRec(v) && Array.isArray(v.levels) ? v.levels.length : null);
  return { communityLevels: len(attrs.communityLadder), topicClusterLevels: len(attrs.topicClusterLadder) };
}

function levelProblems(where: string, a: Rec, ladders: LadderSizes | undefined): string[] {
  if (!ladders) return [];
  const out: string[] = [];
  for (const field of ["communityLevels", "topicClusterLevels"] as const) {
    const n = ladders[field];
    if (intArray(a[field]) && n !== null && (a[field] as number[]).length !== n) {
      out.push(`${where}: attributes.${field} must hold one group id per level of the ladder (${n}), got ${(a[field] as number[]).length}`);
    }
  }
  return out;
}

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
function checkReviewKeys(c: Collector, v: unknown, hasKey: (k: string) => boolean) {
  if (!isRec(v)) return;
  for (const list of ["merges", "keptApart"]) {
    if (!Array.isArray(v[list])) continue;
    (v[list] as unknown[]).forEach((d, i) => {
      if (!isRec(d) || !strArray(d.keys)) return;
      for (const k of d.keys as string[]) if (!hasKey(k)) c.add(`attributes.identityReview.${list}[${i}].keys names "${k}", which is not a node`);
    });
  }
}

/** A field's check and, in words, what it must be. */
interface FieldRule {
  check: Check;
  expected: string;
  required: boolean;
}

const req = (check: Check, expected: string): FieldRule => ({ check, expected, required: true });
const opt = (check: Check, expected: string): FieldRule => ({ check, expected, required: false });

const COMMON_FIELDS: Record<string, FieldRule> = {
  label: req(str, "a string"),
  x: req(finite, "a finite number"),
  y: req(finite, "a finite number"),
  size: req(finite, "a finite number"),
  degree: req(finite, "a finite number"),
  pagerank: req(finite, "a finite number"),
  betweenness: req(finite, "a finite number"),
  color: req(str, "a CSS colour string"),
  community: req(integer, "an integer (-1 for none)"),
  topicCluster: req(integer, "an integer (-1 for none)"),
  weightedDegree: opt(finite, "a finite number"),
  communityLevels: opt(intArray, "an array of integer group ids, one per level (-1 for none)"),
  topicClusterLevels: opt(intArray, "an array of integer group ids, one per level (-1 for none)"),
  communityStability: opt(unit, "a number from 0 to 1"),
  topicClusterStability: opt(unit, "a number from 0 to 1"),
};

const KIND_FIELDS: Record<"author" | "paper" | "topic", Record<string, FieldRule>> = {
  author: {
    name: req(str, "a string"),
    aliases: req(strArray, "an array of strings"),
    paperCount: req(integer, "an integer"),
    profile: opt((v) => v === null || isRec(v), "an object or null"),
    orcid: opt((v) => v === null || (typeof v === "string" && ORCID_RE.test(v)), 'an ORCID iD such as "0000-0002-1825-0097", or null'),
    externalIds: opt(strArray, "an array of strings"),
    affiliations: opt(strArray, "an array of strings"),
  },
  paper: {
    title: req(strOrNull, "a string or null"),
    authors: req(strArray, "an array of author node keys"),
    authorsComplete: req(bool, "true or false"),
    date: req((v) => v === null || (typeof v === "string" && DATE_RE.test(v)), '"YYYY-MM-DD", "YYYY-MM", "YYYY" or null'),
    year: req((v) => v === null || integer(v), "an integer or null"),
    categories: req(strArray, "an array of strings"),
    hasCode: req(bool, "true or false"),
    abstract: req(strOrNull, "a string or null"),
    sources: req((v) => Array.isArray(v) && v.every(sourceRef), "an array of { file, line }"),
    topics: req(strArray, "an array of topic node keys"),
    arxivId: opt(strOrNull, "a string or null"),
    doi: opt((v) => v === null || (typeof v === "string" && /^10\.\S+\/\S+$/.test(v) && v === v.toLowerCase()), 'a lower-case DOI such as "10.1038/nature12373", or null'),
    ...Object.fromEntries(["pmid", "venue", "volume", "issue", "pages", "publicationType"].map((f) => [f, opt(strOrNull, "a string or null")])),
    ...Object.fromEntries(["externalIds", "keywords", "indexKeywords", "meshTerms", "groupAuthors"].map((f) => [f, opt(strArray, "an array of strings")])),
    citationCount: opt((v) => v === null || (integer(v) && (v as number) >= 0), "a whole number or null"),
    referenceCount: opt((v) => integer(v) && (v as number) >= 0, "a whole number"),
    profileOwners: opt(strArray, "an array of author node keys"),
  },
  topic: {
    term: req(str, "a string"),
    paperCount: req(integer, "an integer"),
    variants: opt(strArray, "an array of strings"),
  },
};

function fieldProblem(where: string, kind: "author" | "paper" | "topic", field: string, value: unknown, hasKey: (k: string) => boolean): string[] {
  const rule = COMMON_FIELDS[field] ?? KIND_FIELDS[kind][field];
  if (!rule) return [];
  if (value === undefined && !rule.required) return [];
  if (!rule.check(value)) return [`${where}: attributes.${field} must be ${rule.expected}, got ${show(value)}`];
  if (field === "size" && (value as number) < 0) return [`${where}: attributes.size must not be negative, got ${value}`];
  if (field === "authors" && kind === "paper") return (value as string[]).filter((k) => !hasKey(k)).map((k) => `${where}: attributes.authors names "${k}", which is not a node`);
  return [];
}

/**
 * Problems with one node's attributes, as the graph-file contract states them; with `only`, just the fields that
 * object holds (a part of the attributes, e.g. one chunk of the explorer's compact files), required fields not checked
 * for presence.
 */
export function nodeAttributeProblems(where: string, attrs: Record<string, unknown>, hasKey: (k: string) => boolean, only = false, ladders?: LadderSizes): string[] {
  const kind = attrs.kind;
  if (kind !== "author" && kind !== "paper" && kind !== "topic") return [`${where}: attributes.kind must be "author", "paper" or "topic", got ${show(kind)}`];
  const fields = only ? Object.keys(attrs) : [...new Set([...Object.keys(COMMON_FIELDS), ...Object.keys(KIND_FIELDS[kind])])];
  const problems = fields.flatMap((f) => (f === "kind" ? [] : fieldProblem(where, kind, f, attrs[f], hasKey)));
  problems.push(...levelProblems(where, attrs, ladders));
  // Profile owners are appended to the byline: each must be among the authors (when both are at hand).
  if (kind === "paper" && strArray(attrs.profileOwners) && strArray(attrs.authors)) {
    for (const k of attrs.profileOwners as string[]) if (!(attrs.authors as string[]).includes(k)) problems.push(`${where}: attributes.profileOwners names "${k}", which is not in authors`);
  }
  return problems;
}

function checkNode(c: Collector, where: string, a: Rec, keys: Set<string>, ladders: LadderSizes) {
  for (const m of nodeAttributeProblems(where, a, (k) => keys.has(k), false, ladders)) c.add(m);
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
function checkTypicalPapers(c: Collector, name: string, v: unknown, hasKey: (k: string) => boolean) {
  if (!isRec(v)) return;
  for (const [id, info] of Object.entries(v)) {
    if (!isRec(info) || !strArray(info.typicalPapers)) continue;
    for (const k of info.typicalPapers as string[]) {
      if (!hasKey(k)) c.add(`attributes.${name}["${id}"].typicalPapers names "${k}", which is not a node`);
    }
  }
}

/**
 * Problems with the graph attributes (cluster tables, resolution ladders, identity review, category names, sources,
 * large papers), as the graph-file
 * contract states them; with `hasKey`, also the typical papers that name no node. The explorer's compact files carry
 * these attributes in core.bin's header and are checked with the same function (explorer-read.ts).
 */
export function graphAttributeProblems(attrs: Record<string, unknown>, hasKey?: (k: string) => boolean): string[] {
  const c = new Collector();
  checkClusters(c, "communities", attrs.communities);
  checkClusters(c, "topicClusters", attrs.topicClusters);
  checkLadder(c, "communityLadder", attrs.communityLadder);
  checkLadder(c, "topicClusterLadder", attrs.topicClusterLadder);
  checkIdentityReview(c, attrs.identityReview);
  if (attrs.categoryNames !== undefined && !isRec(attrs.categoryNames)) c.add(`attributes.categoryNames must be an object, got ${show(attrs.categoryNames)}`);
  if (attrs.sources !== undefined && !Array.isArray(attrs.sources)) c.add(`attributes.sources must be an array, got ${show(attrs.sources)}`);
  if (attrs.largePapers !== undefined) {
    const lp = attrs.largePapers;
    if (!isRec(lp) || !integer(lp.maxAuthors) || (lp.maxAuthors as number) < 0 || !strArray(lp.papers) || !integer(lp.pairs) || (lp.pairs as number) < 0) {
      c.add(`attributes.largePapers must be { maxAuthors: whole number, papers: paper keys, pairs: whole number }, got ${show(lp)}`);
    }
  }
  if (hasKey) {
    checkTypicalPapers(c, "topicClusters", attrs.topicClusters, hasKey);
    checkReviewKeys(c, attrs.identityReview, hasKey);
  }
  return c.errors;
}

/** An edge's optional attributes (large papers, the link's years, the byline's spelling): each one check. */
const EDGE_FIELDS: Record<string, { check: Check; expected: string }> = {
  largePapers: { check: (v) => integer(v) && (v as number) >= 0, expected: "a whole number of papers" },
  firstYear: { check: (v) => v === null || integer(v), expected: "a year or null" },
  yearWeights: { check: (v) => typeof v === "string" && YEAR_WEIGHTS_RE.test(v), expected: 'joint papers per year such as "2019:1,2021:2"' },
  as: { check: str, expected: "the spelling the byline used" },
};

/** Problems with an edge's optional attributes (large papers, the link's years), shared with the compact reader. */
export function edgeAttributeProblems(where: string, a: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [field, rule] of Object.entries(EDGE_FIELDS)) {
    if (a[field] !== undefined && !rule.check(a[field])) out.push(`${where}: attributes.${field} must be ${rule.expected}, got ${show(a[field])}`);
  }
  return out;
}

/**
 * Whether edgeAttributeProblems finds nothing in { [field]: value }, without making the object or a message: the
 * compact reader asks this of 10^6 edges and calls edgeAttributeProblems only where it says false.
 */
export function edgeFieldHolds(field: string, value: unknown): boolean {
  const rule = EDGE_FIELDS[field];
  return value === undefined || !rule || rule.check(value);
}

/**
 * Whether nodeAttributeProblems(where, { kind, [field]: value }, hasKey, true, ladders) finds nothing, without making
 * the object or a message (the compact reader asks this per node and column, and calls nodeAttributeProblems only
 * where it says false). False, to be asked in full, for the fields whose rule is more than one check (size, authors,
 * profile owners) and for a missing required field.
 */
export function nodeFieldHolds(kind: unknown, field: string, value: unknown, ladders?: LadderSizes): boolean {
  if (kind !== "author" && kind !== "paper" && kind !== "topic") return false;
  if (field === "kind" || field === "size" || field === "authors" || field === "profileOwners") return false;
  const rule = COMMON_FIELDS[field] ?? KIND_FIELDS[kind][field];
  if (!rule) return true;
  if (value === undefined) return !rule.required;
  if (!rule.check(value)) return false;
  if (ladders && (field === "communityLevels" || field === "topicClusterLevels")) {
    const n = ladders[field];
    if (n !== null && (value as number[]).length !== n) return false;
  }
  return true;
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
  for (const m of graphAttributeProblems(attrs)) c.add(m);

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
  checkTypicalPapers(c, "topicClusters", attrs.topicClusters, (k) => keys.has(k));
  checkReviewKeys(c, attrs.identityReview, (k) => keys.has(k));
  const ladders = ladderSizes(attrs);
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
    if (!finite(a.weight)) c.add(`${where}: attributes.weight must be a finite number, got ${show(a.weight)}`);
    for (const m of edgeAttributeProblems(where, a)) c.add(m);
  });
  if (nodes.length === 0) warnings.push("The graph has no nodes: no input produced a paper. Check the inputs given to `npm run graph`.");

  if (c.errors.length) {
    if (c.dropped) c.errors.push(`... and ${c.dropped} more problem${c.dropped === 1 ? "" : "s"}.`);
    return { ok: false, errors: c.errors };
  }
  return { ok: true, file: input as unknown as GraphFile, warnings };
}

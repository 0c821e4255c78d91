/**
 * The seeds graph as a few reviewable text files (see README, "Golden files"). graph.json is 1.6 MB, 368 KB of it
 * abstracts, and ForceAtlas2 moves every position when anything changes; checked in whole it would be one unreadable
 * diff. So the golden keeps every attribute of every node and edge, normalised:
 * - one line per node (JSON, key first), per kind: a reviewer sees which author, paper or topic changed and how;
 * - floats to 4 significant digits (the graph file keeps 6): a metric that moves in the 5th digit is noise here;
 * - positions in their own file, rounded to whole units (the layout spans about ±1500), so a layout change does not
 *   touch every node line;
 * - strings longer than 160 characters (abstracts) as their opening words, length and an FNV-1a hash: any change to
 *   the text still shows, on the line of the paper it belongs to;
 * - edges one per line as `kind source ->|-- target weight size color` (-- undirected), sorted; a kind with more than
 *   MAX_EDGE_LINES_PER_KIND edges as one summary line (below).
 */
import type { GraphFile } from "../../src/model/graph-file";

export const SIGNIFICANT_DIGITS = 4;
const LONG_STRING = 160;

export function roundFloat(x: number): number {
  return Number.isInteger(x) ? x : Number(x.toPrecision(SIGNIFICANT_DIGITS));
}

/** FNV-1a over UTF-16 code units, as 8 hex digits: a fingerprint, not security. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function abbreviate(s: string): string {
  if (s.length <= LONG_STRING) return s;
  return `${s.slice(0, 60)}… [${s.length} chars, fnv1a ${fnv1a(s)}]`;
}

/** Rounds every float and abbreviates every long string, at any depth; key order is kept (it is deterministic). */
export function normalizeValue(v: unknown): unknown {
  if (typeof v === "number") return roundFloat(v);
  if (typeof v === "string") return abbreviate(v);
  if (Array.isArray(v)) return v.map(normalizeValue);
  if (v && typeof v === "object") {
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, normalizeValue(x)]));
  }
  return v;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An edge kind with more than this many edges is summarised on one line. On the seeds that is `coauthor-large`: the
 * 14,248 pairs of the two 100+-name challenge papers, a clique fixed by two bylines that papers.jsonl already shows;
 * in full they would make edges.tsv 1.2 MB of lines nobody reads. The summary keeps the count, the weight, size and
 * colour histograms and a hash of the sorted lines, so any change still fails, and says how many edges moved.
 */
export const MAX_EDGE_LINES_PER_KIND = 2000;

export function summariseLargeKinds(lines: string[], max = MAX_EDGE_LINES_PER_KIND): string[] {
  const byKind = new Map<string, string[]>();
  for (const l of lines) {
    const kind = l.slice(0, l.indexOf("\t"));
    const ls = byKind.get(kind);
    if (ls) ls.push(l);
    else byKind.set(kind, [l]);
  }
  const out: string[] = [];
  for (const [kind, ls] of byKind) {
    if (ls.length <= max) {
      out.push(...ls);
      continue;
    }
    const histogram = (column: number) => {
      const counts = new Map<string, number>();
      for (const l of ls) {
        const v = l.split("\t")[column]!;
        counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => byString(a[0], b[0])).map(([v, n]) => `${v}:${n}`).join(" ");
    };
    out.push(`${kind}\t(${ls.length} edges, summarised: more than ${max})\t\tfnv1a ${fnv1a(ls.join("\n"))}\t` +
      `weights ${histogram(4)}\tsizes ${histogram(5)}\tcolors ${histogram(6)}`);
  }
  return out;
}

export function goldenFilesOfGraph(file: GraphFile): Record<string, string> {
  const nodes = [...file.nodes].sort((a, b) => byString(a.key, b.key));
  const lines: Record<string, string[]> = { author: [], paper: [], topic: [] };
  const layout: string[] = ["key\tx\ty"];
  for (const n of nodes) {
    const { x, y, ...rest } = n.attributes as unknown as Record<string, unknown>;
    (lines[String(rest.kind)] ??= []).push(JSON.stringify({ key: n.key, ...(normalizeValue(rest) as object) }));
    layout.push(`${n.key}\t${Math.round(Number(x))}\t${Math.round(Number(y))}`);
  }
  const edges = summariseLargeKinds(file.edges
    .map((e) => {
      const a = e.attributes as unknown as Record<string, unknown>;
      const extra = Object.entries(a).filter(([k]) => !["kind", "weight", "size", "color"].includes(k));
      const cells = [a.kind, e.source, e.undirected ? "--" : "->", e.target, roundFloat(Number(a.weight)), roundFloat(Number(a.size)), a.color];
      return [...cells, ...extra.map(([k, v]) => `${k}=${JSON.stringify(normalizeValue(v))}`)].join("\t");
    })
    .sort(byString));
  const jsonl = (ls: string[]) => ls.join("\n") + "\n";
  const out: Record<string, string> = {
    "attributes.json": JSON.stringify(normalizeValue({ options: file.options, attributes: file.attributes }), null, 2) + "\n",
    "authors.jsonl": jsonl(lines.author!),
    "papers.jsonl": jsonl(lines.paper!),
    "topics.jsonl": jsonl(lines.topic!),
    "edges.tsv": jsonl(["kind\tsource\tdir\ttarget\tweight\tsize\tcolor", ...edges]),
    "layout.tsv": jsonl(layout),
  };
  for (const kind of Object.keys(lines)) {
    if (!["author", "paper", "topic"].includes(kind)) out[`${kind}s.jsonl`] = jsonl(lines[kind]!);
  }
  return out;
}

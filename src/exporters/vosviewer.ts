/**
 * VOSviewer JSON map (https://app.vosviewer.com/docs/file-types/json-file-type/), for VOSviewer Online and VOSviewer:
 *   network.items  {id (1..N integers), label, description, url, x, y, cluster (1-based), weights, scores}
 *   network.links  {source_id, target_id, strength} — undirected, one per item pair (parallel edges summed)
 *   network.clusters {cluster, label}; config.color_schemes.cluster_colors keeps papergraph's cluster colours;
 *   config.terminology names items/links; info {title, description} carries the provenance.
 * Clusters are numbered by size (1 = largest), as VOSviewer does; nodes without a cluster share one extra cluster.
 * VOSviewer Online parses labels and descriptions as HTML and treats "{name}" in description text as a template
 * placeholder, so labels and descriptions are HTML-escaped and every "{" is isolated in its own <span>.
 * Coordinates are kept as is: both papergraph (sigma) and VOSviewer draw y upwards.
 */
import type { NodeAttributes } from "../model/graph-file";
import { clusterGroups, clusterOf, exportGroupMode } from "./clusters";
import { parseColor, toHex } from "./color";
import { describeFilter, provenanceText } from "./provenance";
import type { Selection } from "./selection";
import type { Provenance } from "./types";
import { stripIllegalXml } from "./xml";

const MAX_CLUSTERS = 1000;

export function html(s: string): string {
  return stripIllegalXml(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** HTML-escaped text safe from VOSviewer Online's "{placeholder}" substitution. */
function descText(s: string): string {
  return html(s).replace(/\{/g, "<span>{</span>");
}

function row(name: string, value: string | null | undefined): string {
  return value === null || value === undefined || value === "" ? "" : `<div><b>${name}:</b> ${descText(value)}</div>`;
}

function description(a: NodeAttributes, labelOf: (key: string) => string): string {
  const parts: string[] = [`<div>${descText(a.kind)}</div>`];
  if (a.kind === "paper") {
    parts.push(row("Title", a.title ?? "(no title in the source)"));
    parts.push(row("Authors", a.authors.map(labelOf).join(", ") + (a.authorsComplete ? "" : " et al.")));
    parts.push(row("Date", a.date), row("arXiv", a.arxivId), row("Categories", a.categories.join(", ")));
    parts.push(row("Topics", a.topics.map(labelOf).join(", ")), row("Affiliation", a.affiliation), row("Comment", a.comment));
    if (a.hasCode) parts.push(row("Code", "yes"));
    parts.push(row("Sources", a.sources.map((s) => `${s.file}:${s.line}`).join(", ")));
  } else if (a.kind === "author") {
    parts.push(row("Name", a.name), row("Papers", String(a.paperCount)));
    if (a.aliases.length > 1) parts.push(row("Also written", a.aliases.filter((x) => x !== a.name).join("; ")));
    if (a.profile) parts.push(row("h-index", a.profile.hIndex === null ? null : String(a.profile.hIndex)));
  } else {
    parts.push(row("Term", a.term), row("Papers", String(a.paperCount)));
    if (a.variants.length) parts.push(row("Variants", a.variants.join(", ")));
  }
  return parts.join("");
}

function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

export function writeVosviewer(sel: Selection, prov: Provenance, dataYears: (key: string) => number[]): string {
  const mode = exportGroupMode(prov.colorMode);
  const groups = clusterGroups(sel, mode);
  const clusterNumber = new Map<number, number>();
  groups.forEach((g, i) => clusterNumber.set(g.id, Math.min(i + 1, MAX_CLUSTERS)));

  const idOf = new Map<string, number>();
  sel.nodes.forEach((n, i) => idOf.set(n.key, i + 1));
  const labels = new Map(sel.nodes.map((n) => [n.key, n.attributes.label]));
  // Authors of a paper that is exported but whose author nodes are not (co-author lens) still get a readable name.
  const labelOf = (key: string) => labels.get(key) ?? key;

  const items = sel.nodes.map((n) => {
    const a = n.attributes;
    const years = dataYears(n.key);
    const avgYear = mean(years);
    const paperCount = a.kind === "paper" ? 1 : a.paperCount;
    return {
      id: idOf.get(n.key)!,
      label: html(a.label ?? ""),
      description: description(a, labelOf),
      ...(a.kind === "paper" && a.arxivId ? { url: `https://arxiv.org/abs/${encodeURI(a.arxivId)}` } : {}),
      x: Number.isFinite(a.x) ? a.x : 0,
      y: Number.isFinite(a.y) ? a.y : 0,
      cluster: clusterNumber.get(clusterOf(a, mode))!,
      weights: { Papers: Number.isFinite(paperCount) ? Math.max(0, paperCount) : 0, Degree: Math.max(0, a.degree ?? 0) },
      // null (not absent) for a missing year: VOSviewer Online takes the score keys from the first item and draws
      // null scores in its neutral colour.
      scores: {
        "Avg. pub. year": avgYear === null ? null : Math.round(avgYear * 100) / 100,
        PageRank: Number.isFinite(a.pagerank) ? a.pagerank : 0,
        Betweenness: Number.isFinite(a.betweenness) ? a.betweenness : 0,
      },
    };
  });

  const pairs = new Map<string, { source_id: number; target_id: number; strength: number }>();
  for (const e of sel.edges) {
    let s = idOf.get(e.source)!, t = idOf.get(e.target)!;
    if (s === t) continue; // VOSviewer has no self-links
    if (s > t) [s, t] = [t, s];
    const k = `${s}-${t}`;
    const w = Number.isFinite(e.attributes.weight) && e.attributes.weight > 0 ? e.attributes.weight : 1;
    const prev = pairs.get(k);
    if (prev) prev.strength += w;
    else pairs.set(k, { source_id: s, target_id: t, strength: w });
  }
  const links = [...pairs.values()].sort((a, b) => a.source_id - b.source_id || a.target_id - b.target_id);

  const clusters: { cluster: number; label: string }[] = [];
  const clusterColors: { cluster: number; color: string }[] = [];
  const seen = new Set<number>();
  for (const g of groups) {
    const c = clusterNumber.get(g.id)!;
    if (seen.has(c)) continue;
    seen.add(c);
    const overflow = c === MAX_CLUSTERS && groups.length > MAX_CLUSTERS;
    clusters.push({ cluster: c, label: overflow ? "Other clusters" : g.label });
    if (g.color && !overflow) clusterColors.push({ cluster: c, color: toHex(parseColor(g.color)) });
  }

  const lens = prov.filter === "whole graph" ? null : prov.filter.lens;
  const terminology =
    lens === "coauthor"
      ? { item: "author", items: "authors", link: "co-authorship link", links: "co-authorship links" }
      : lens === "topics"
        ? { item: "topic", items: "topics", link: "co-occurrence link", links: "co-occurrence links" }
        : { item: "node", items: "nodes", link: "link", links: "links" };

  const doc = {
    network: { items, links, clusters },
    config: {
      terminology: {
        ...terminology,
        cluster: mode === "community" ? "community" : "research cluster",
        clusters: mode === "community" ? "communities" : "research clusters",
        link_strength: "weight",
        total_link_strength: "total weight",
      },
      color_schemes: { cluster_colors: clusterColors },
      parameters: { largest_component: false, curved_links: false },
    },
    info: {
      title: `papergraph: ${describeFilter(prov.filter)}`,
      description: provenanceText(prov, { nodes: sel.nodes.length, edges: sel.edges.length })
        .split("\n")
        .map((l) => `<p>${descText(l)}</p>`)
        .join(""),
    },
  };
  return JSON.stringify(doc, null, 1) + "\n";
}

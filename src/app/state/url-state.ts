/**
 * The shared view <-> the URL hash, so a copied link reopens the same view. Only values that differ from the defaults
 * are written, in a fixed order. Parsing never throws: each malformed or unknown value falls back to its default on
 * its own, so a link with one typo still opens everything else it says.
 */
import type { NodeKind } from "../../model/graph-file";
import { DEFAULT_VIEW_FILTER, type Lens, type ViewFilter } from "../../model/view-filter";
import { isColorMode, type ColorMode } from "../../model/appearance";
import type { PeopleQuery } from "../../model/topic-people";
import { clampLevel, levelCount } from "../../model/levels";
import type { GraphAttributes } from "../../model/graph-file";
import { INITIAL_UI_STATE, SIZE_METRICS, type CameraView, type SharedState, type SizeMetric } from "./ui-state";

const LENSES: Lens[] = ["coauthor", "topics", "full"];
const KINDS: NodeKind[] = ["author", "paper", "topic"];
/** Keys can hold anything; cap lengths so a pasted megabyte cannot stall the page. */
const MAX_KEY = 500;

const round = (v: number, digits: number) => Number(v.toFixed(digits));

export function serializeUrlState(s: SharedState): string {
  const p = new URLSearchParams();
  const f = s.filter;
  const d = DEFAULT_VIEW_FILTER;
  if (s.selected !== null) p.set("sel", s.selected);
  if (f.lens !== d.lens) p.set("lens", f.lens);
  const kinds = KINDS.filter((k) => f.kinds.includes(k));
  if (kinds.length !== KINDS.length) p.set("kinds", kinds.join(","));
  if (f.yearRange) p.set("years", `${f.yearRange[0]}-${f.yearRange[1]}`);
  if (f.includeUndated !== d.includeUndated) p.set("undated", f.includeUndated ? "1" : "0");
  if (f.minSharedPapers !== d.minSharedPapers) p.set("minw", String(f.minSharedPapers));
  if (f.includeLargePapers !== d.includeLargePapers) p.set("large", f.includeLargePapers ? "1" : "0");
  if (f.clusterMode !== d.clusterMode) p.set("cm", f.clusterMode === "community" ? "community" : "cluster");
  if (f.hiddenClusters.length) p.set("hide", [...f.hiddenClusters].sort((a, b) => a - b).join(","));
  if (s.colorMode !== INITIAL_UI_STATE.colorMode) p.set("color", s.colorMode);
  if (s.sizeMetric !== INITIAL_UI_STATE.sizeMetric) p.set("size", s.sizeMetric);
  if (s.ego) p.set("ego", String(s.ego));
  if (s.pathTarget !== null) p.set("path", s.pathTarget);
  if (s.levels.community !== null) p.set("clevel", String(s.levels.community));
  if (s.levels.topicCluster !== null) p.set("tlevel", String(s.levels.topicCluster));
  if (s.showUnstable) p.set("unstable", "1");
  if (s.people) p.set("people", "topic" in s.people ? `topic:${s.people.topic}` : "cluster" in s.people ? `cluster:${s.people.cluster}` : `text:${s.people.text}`);
  if (s.camera) {
    const c = s.camera;
    p.set("cam", [round(c.x, 4), round(c.y, 4), round(c.ratio, 4), round(c.angle, 3)].join(","));
  }
  const out = p.toString();
  return out ? `#${out}` : "";
}

function int(v: string | null): number | null {
  if (v === null || !/^-?\d{1,9}$/.test(v.trim())) return null;
  return Number(v.trim());
}

function key(v: string | null): string | null {
  return v !== null && v.length > 0 && v.length <= MAX_KEY ? v : null;
}

function parseCamera(v: string | null): CameraView | null {
  if (!v) return null;
  const parts = v.split(",").map((x) => (x.trim() === "" ? NaN : Number(x)));
  if (parts.length < 3 || parts.length > 4 || parts.some((x) => !Number.isFinite(x))) return null;
  const [x, y, ratio, angle = 0] = parts as [number, number, number, number?];
  if (ratio <= 0 || ratio > 1000 || Math.abs(x) > 1e6 || Math.abs(y) > 1e6) return null;
  return { x, y, ratio, angle: angle ?? 0 };
}

function parseYears(v: string | null): [number, number] | null {
  const m = v?.match(/^(\d{1,4})-(\d{1,4})$/);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo <= hi ? [lo, hi] : null;
}

function parsePeople(v: string | null): PeopleQuery | null {
  if (v === null || v.length > MAX_KEY) return null;
  const at = v.indexOf(":");
  const kind = v.slice(0, at);
  const rest = v.slice(at + 1);
  if (at < 0 || rest.trim() === "") return null;
  if (kind === "topic") return { topic: rest };
  if (kind === "text") return { text: rest };
  const id = kind === "cluster" ? int(rest) : null;
  return id === null ? null : { cluster: id };
}

function level(v: string | null): number | null {
  const n = int(v);
  return n !== null && n >= 0 ? n : null;
}

/** Colour mode of a link; "cluster" is how links before the year modes named research clusters. */
function parseColorMode(v: string | null): ColorMode {
  if (v === "cluster") return "topicCluster";
  return isColorMode(v) ? v : INITIAL_UI_STATE.colorMode;
}

/** Parse a hash ("#sel=..." or "sel=...") or search string into the shared state; bad pieces -> defaults. */
export function parseUrlState(hash: string): SharedState {
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(hash.replace(/^[#?]/, ""));
  } catch {
    p = new URLSearchParams();
  }
  const d = DEFAULT_VIEW_FILTER;
  const lens = LENSES.find((l) => l === p.get("lens")) ?? d.lens;
  const kindsRaw = p.get("kinds");
  let kinds = d.kinds;
  if (kindsRaw !== null) {
    const parsed = KINDS.filter((k) => kindsRaw.split(",").includes(k));
    kinds = parsed.length ? parsed : d.kinds;
  }
  const undated = p.get("undated");
  const minw = int(p.get("minw"));
  const large = p.get("large");
  const cm = p.get("cm");
  const hide = (p.get("hide") ?? "")
    .split(",")
    .map((x) => int(x))
    .filter((x): x is number => x !== null);
  const filter: ViewFilter = {
    lens,
    kinds,
    yearRange: parseYears(p.get("years")),
    includeUndated: undated === "0" ? false : undated === "1" ? true : d.includeUndated,
    minSharedPapers: minw !== null && minw >= 1 && minw <= 1000 ? minw : d.minSharedPapers,
    includeLargePapers: large === "1" ? true : large === "0" ? false : d.includeLargePapers,
    clusterMode: cm === "community" ? "community" : cm === "cluster" ? "topicCluster" : d.clusterMode,
    hiddenClusters: [...new Set(hide)].sort((a, b) => a - b),
  };
  const color = p.get("color");
  const size = p.get("size");
  const ego = p.get("ego");
  return {
    selected: key(p.get("sel")),
    filter,
    colorMode: parseColorMode(color),
    sizeMetric: SIZE_METRICS.includes(size as SizeMetric) ? (size as SizeMetric) : INITIAL_UI_STATE.sizeMetric,
    camera: parseCamera(p.get("cam")),
    ego: ego === "1" ? 1 : ego === "2" ? 2 : 0,
    pathTarget: key(p.get("path")),
    levels: { community: level(p.get("clevel")), topicCluster: level(p.get("tlevel")) },
    showUnstable: p.get("unstable") === "1",
    people: parsePeople(p.get("people")),
  };
}

/** Drop what the loaded graph does not have (a link made on another build): unknown node keys, unknown cluster ids. */
export function sanitizeForGraph(
  s: SharedState,
  hasNode: (key: string) => boolean,
  clusterIds: { community: Set<number>; topicCluster: Set<number> },
  attrs?: Partial<GraphAttributes>,
): SharedState {
  const ids = clusterIds[s.filter.clusterMode];
  // A level the ladder does not have (another build) is the default; so is any level of a graph without a ladder.
  const lv = (mode: "community" | "topicCluster", v: number | null) => (v === null || !attrs || levelCount(attrs, mode) <= 1 || clampLevel(attrs, mode, v) !== v ? null : v);
  const levels = { community: lv("community", s.levels.community), topicCluster: lv("topicCluster", s.levels.topicCluster) };
  const people = s.people && "topic" in s.people && !hasNode(s.people.topic) ? null : s.people;
  return {
    ...s,
    levels,
    people,
    selected: s.selected !== null && hasNode(s.selected) ? s.selected : null,
    pathTarget: s.pathTarget !== null && hasNode(s.pathTarget) ? s.pathTarget : null,
    filter: { ...s.filter, hiddenClusters: s.filter.hiddenClusters.filter((id) => ids.has(id)) },
  };
}

/**
 * Step 6 of author resolution: the clusters become people (display name, aliases, key, ORCID and ids, affiliations,
 * profile figures), and the logged decisions become MergeEvents under the people's keys.
 */
import type { SourceRef } from "../records";
import { stepCounter } from "../progress";
import { compareStrings } from "../../model/compare";
import { foldText } from "../../model/fold";
import type { MergeEvent } from "./types";
import { isNicknameForm } from "./name-match";
import { hasDiacritics, nameKey, parseName, startsUpper, type ParsedName } from "./normalize";
import type { AuthorCluster, RecordRef } from "./authors";
import { MAX_AFFILIATIONS } from "./authors-rules";
import { decision, type Merger, type PendingEvent } from "./authors-merge";
import type { AuthorRun } from "./authors-variants";

/** The people, and the person (cluster index) of any variant. */
export interface People {
  clusters: AuthorCluster[];
  clusterOf: (variant: number) => number;
}

/**
 * Step 6: one cluster per root, named by nameCluster; keys get "~2" and on for a clash, numbered in key, then aliases
 * order, so the numbering is the same for the same input. Then each person's ids, affiliations and profile figures.
 */
export function buildClusters(run: AuthorRun, merger: Merger, renames: Map<number, { name: string; source: SourceRef }>): People {
  const roots = [...new Set(run.variants.map((_, i) => merger.find(i)))];
  const nameTick = stepCounter(run.progress, "naming people", roots.length, "people");
  const built = roots.map((root, i) => {
    nameTick(i + 1);
    return { root, ...nameCluster(run, merger.members[root]!, renames) };
  });
  built.sort((a, b) => compareStrings(a.base, b.base) || compareStrings(a.aliases.join("\n"), b.aliases.join("\n")));
  const clusterOfRoot = new Map<number, number>();
  const clusters: AuthorCluster[] = [];
  const used = new Map<string, number>();
  for (const b of built) {
    const n = (used.get(b.base) ?? 0) + 1;
    used.set(b.base, n);
    clusterOfRoot.set(b.root, clusters.length);
    clusters.push({ key: n === 1 ? b.base : `${b.base}~${n}`, name: b.name, aliases: b.aliases, profile: null, orcid: null, externalIds: [], affiliations: [] });
  }
  const people: People = { clusters, clusterOf: (v) => clusterOfRoot.get(merger.find(v))! };
  attachAuthorInfo(clusters, run.refs, run.occ, people.clusterOf);
  attachProfileFigures(run, people);
  return people;
}

/**
 * A cluster's display name (a thesaurus rename, else pickDisplay over the cleaned spellings read, by frequency), its
 * aliases (every spelling read, the display name and the alternates printed beside them) and its key before any clash
 * suffix: "a:" + the name key, the surname completed from the other spellings.
 */
function nameCluster(run: AuthorRun, members: number[], renames: Map<number, { name: string; source: SourceRef }>): { name: string; aliases: string[]; base: string } {
  const { variants, table } = run;
  const counts = new Map<string, number>();
  const aliases = new Set<string>();
  for (const v of members) {
    for (const [raw, n] of variants[v]!.spellings) {
      aliases.add(raw);
      const c = table.clean(raw);
      counts.set(c, (counts.get(c) ?? 0) + n);
    }
  }
  const rename = members.map((v) => renames.get(v)).find((x) => x);
  const name = rename ? rename.name : pickDisplay(counts);
  aliases.add(name);
  for (const v of members) for (const alt of variants[v]!.alternates) aliases.add(alt);
  return { name, aliases: [...aliases].sort(compareStrings), base: "a:" + nameKey(surnameFromVariants(parseName(name), members.map((v) => variants[v]!.parsed))) };
}

/** A profile page's figures go to its person; a second page of one person is a warning (the first page's are kept). */
function attachProfileFigures(run: AuthorRun, people: People): void {
  run.docs.forEach((d, i) => {
    const v = run.headerVariant[i]!;
    if (!d.profile || v < 0) return;
    const c = people.clusters[people.clusterOf(v)]!;
    if (!c.profile) c.profile = d.profile.figures;
    else run.diagnostics.push({ file: d.file, line: d.profile.figures.source.line, severity: "warning", message: `a second profile page for ${c.name}; the figures of ${c.profile.source.file} are kept` });
  });
}

/** A logged decision as a MergeEvent under the key of the person variant a ended up in. */
function eventFor(people: People, e: PendingEvent): MergeEvent {
  const c = people.clusters[people.clusterOf(e.a)]!;
  const event: MergeEvent = { entity: "author", key: c.key, into: c.name, merged: e.merged, evidence: e.evidence };
  if (e.review) event.review = { ...e.review, keys: [c.key] };
  return event;
}

/**
 * The merge report's author merges, in this order: spellings equal up to case/diacritics/hyphens (one variant, listed
 * as merges too), profile bindings by person, then the unions in the order they were made.
 */
export function listMerges(run: AuthorRun, merger: Merger, people: People, bindings: Map<number, string[]>): MergeEvent[] {
  const { variants } = run;
  const merges: MergeEvent[] = [];
  variants.forEach((v, id) => {
    const sp = [...v.spellings.keys()].sort(compareStrings);
    if (sp.length > 1) merges.push(eventFor(people, { a: id, b: id, merged: sp, evidence: ["same name up to case, diacritics, hyphens and dots"], review: decision("variant", [sp], [0]) }));
  });
  for (const [p, why] of [...bindings].sort((a, b) => a[0] - b[0])) {
    const clean = variants[p]!.parsed.clean;
    merges.push(eventFor(people, { a: p, b: p, merged: [clean], evidence: why, review: decision("profile", [[clean]], why.map(() => 0)) }));
  }
  merges.push(...merger.merged.map((e) => eventFor(people, e)));
  return merges;
}

/**
 * The kept-apart decisions under both people's keys. A near miss that a thesaurus merge joined afterwards shows the
 * spellings as read, and says what joined them.
 */
export function listKeptApart(merger: Merger, people: People): MergeEvent[] {
  return merger.keptApart.map((e) => {
    const [ca, cb] = [people.clusters[people.clusterOf(e.a)]!, people.clusters[people.clusterOf(e.b)]!];
    if (ca === cb) return { ...eventFor(people, e), into: e.merged.join(" / "), evidence: [...e.evidence, `joined afterwards by the thesaurus into ${ca.name} (${ca.key})`] };
    const event = { ...eventFor(people, e), key: `${ca.key} / ${cb.key}`, into: `${ca.name} / ${cb.name}` };
    if (event.review) event.review = { ...event.review, keys: [ca.key, cb.key] };
    return event;
  });
}

/**
 * A second surname reads as a middle name in "Lidia Garrucho Moras"; when another spelling of the same person ends
 * in that word ("Lidia Garrucho"), the surname starts there, so the key is "garrucho-moras|lidia".
 */
export function surnameFromVariants(display: ParsedName, others: ParsedName[]): ParsedName {
  const cores = new Set(others.map((o) => o.surname[o.surname.length - 1]?.t).filter((t): t is string => !!t));
  const at = display.given.findIndex((t, i) => i > 0 && !t.initial && cores.has(t.t));
  if (at < 0) return display;
  return { ...display, given: display.given.slice(0, at), surname: [...display.given.slice(at), ...display.surname] };
}

/** Display form: well formed, fullest (most words, formal given name), with diacritics, most frequent; then code-unit order. */
export function pickDisplay(counts: Map<string, number>): string {
  const rank = (s: string): number[] => {
    const words = s.split(/[\s-]+/).filter(Boolean);
    const full = words.filter((w) => w.replace(/\./g, "").length > 1).length;
    const wellFormed = startsUpper(s) && !/\d/.test(s) ? 1 : 0;
    // "Nicholas Byrne" is fuller than "Nick Byrne" although both have two words.
    const formal = isNicknameForm(foldText(words[0] ?? "").replace(/\./g, "")) ? 0 : 1;
    return [wellFormed, full, words.length, formal, hasDiacritics(s) ? 1 : 0, counts.get(s) ?? 0];
  };
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
    return false;
  };
  let best = "";
  let bestRank: number[] | null = null;
  for (const s of [...counts.keys()].sort(compareStrings)) {
    const r = rank(s);
    if (!bestRank || better(r, bestRank)) {
      best = s;
      bestRank = r;
    }
  }
  return best;
}

/** Each person's ORCID, source ids and affiliations, from the byline slots that name them. */
function attachAuthorInfo(clusters: AuthorCluster[], refs: RecordRef[], occ: number[][], clusterOf: (v: number) => number): void {
  const orcids = new Map<number, Map<string, number>>();
  const ids = new Map<number, Set<string>>();
  const affiliations = new Map<number, Map<string, number>>();
  const bump = (m: Map<number, Map<string, number>>, c: number, k: string) => {
    let inner = m.get(c);
    if (!inner) m.set(c, (inner = new Map()));
    inner.set(k, (inner.get(k) ?? 0) + 1);
  };
  refs.forEach(({ rec }, r) => {
    rec.authorInfo.forEach((info, pos) => {
      const v = occ[r]![pos];
      if (v === undefined || v < 0) return;
      const c = clusterOf(v);
      if (info.orcid) bump(orcids, c, info.orcid);
      for (const id of info.ids) (ids.get(c) ?? ids.set(c, new Set()).get(c)!).add(id);
      for (const a of info.affiliations) if (a.trim()) bump(affiliations, c, a.trim());
    });
  });
  const ranked = (m: Map<string, number> | undefined) =>
    [...(m ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([k]) => k);
  clusters.forEach((c, i) => {
    c.orcid = ranked(orcids.get(i))[0] ?? null;
    c.externalIds = [...(ids.get(i) ?? [])].sort(compareStrings);
    c.affiliations = ranked(affiliations.get(i)).slice(0, MAX_AFFILIATIONS);
  });
}

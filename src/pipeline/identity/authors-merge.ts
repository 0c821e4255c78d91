/**
 * Step 4 of author resolution, the joining, and step 5, the thesaurus: a union-find over variants whose every union
 * is checked against the whole clusters it joins, so chains ("J. Smith" linking "John" and "Jane Smith") cannot build
 * false merges. Every decision, made or refused, is logged with its evidence for the merge report.
 */
import type { SourceRef } from "../records";
import { stepCounter } from "../progress";
import { compareStrings } from "../../model/compare";
import type { MergeEvent } from "./types";
import { parseName } from "./normalize";
import type { Thesaurus } from "./thesaurus";
import { UnionFind } from "./union-find";
import { idNamespace, type AuthorRun } from "./authors-variants";

/** What a decision rested on, as data (MergeEvent.review). */
export type DecisionData = NonNullable<MergeEvent["review"]>;
export const decision = (basis: DecisionData["basis"], sides: string[][], weights: number[], penalty: number | null = null, context: number | null = null): DecisionData => ({
  basis,
  sides,
  weights,
  penalty,
  context,
});

/** A decision between variants a and b, turned into a MergeEvent once the people have keys. */
export interface PendingEvent {
  a: number;
  b: number;
  merged: string[];
  evidence: string[];
  review?: DecisionData;
}

/** How a union was decided: its basis, the context each evidence line added, the penalty and the context found. */
export interface UnionBasis {
  basis: DecisionData["basis"];
  weights: number[];
  penalty?: number;
  context?: number;
}

/** A thesaurus `split` line: the variants of each of its names, never to end up in one person. */
interface SplitLine {
  sides: number[][];
  source: SourceRef;
}

/**
 * The clusters of variants under construction. Per root it keeps the members, the records they are named on and the
 * ORCID or source author ids they carry (a person never holds two of one namespace); per-root caches of other steps
 * register with dropOnJoin and are dropped for both roots a join touches.
 */
export class Merger {
  /** Merges made, in order. */
  readonly merged: PendingEvent[] = [];
  /** Unions refused by a conflict, and near misses (step 4's nearMisses). */
  readonly keptApart: PendingEvent[] = [];
  /** Members of each root (empty for a non-root). */
  readonly members: number[][];
  private readonly run: AuthorRun;
  private readonly sets: UnionFind;
  private readonly recs: Set<number>[];
  private readonly idTags: Array<Map<string, string>>;
  private readonly splits: SplitLine[] = [];
  private readonly rootCaches: Array<Map<number, unknown>> = [];

  constructor(run: AuthorRun, thesaurus: Thesaurus | undefined) {
    this.run = run;
    const { variants } = run;
    this.sets = new UnionFind(variants.length);
    this.members = variants.map((_, i) => [i]);
    this.recs = variants.map((v) => new Set(v.records));
    this.idTags = variants.map((v) => {
      const m = new Map<string, string>();
      if (v.tag.startsWith("o:")) m.set("ORCID", v.tag.slice(2));
      else if (v.tag.startsWith("i:")) m.set(idNamespace(v.tag.slice(2)), v.tag.slice(2));
      return m;
    });
    for (const e of thesaurus?.entries ?? []) if (e.action === "split") this.splits.push({ sides: this.thesaurusVariants(e.names, e.source), source: e.source });
  }

  find(x: number): number {
    return this.sets.find(x);
  }

  /** Records the root's variants are named on. */
  recordsOf(root: number): Set<number> {
    return this.recs[root]!;
  }

  /** Per-root caches that depend on a root's records: a join drops the entries of both its roots. */
  dropOnJoin(...caches: Array<Map<number, unknown>>): void {
    this.rootCaches.push(...caches);
  }

  /** The variants of each thesaurus name; a warning for a name no input spells (it would silently do nothing). */
  thesaurusVariants(names: string[], source: SourceRef): number[][] {
    return names.map((n) => {
      const ids = this.run.table.byExact.get(parseName(n).exact);
      if (ids === undefined) {
        this.run.diagnostics.push({ file: source.file, line: source.line, severity: "warning", message: `thesaurus name "${n}" does not occur in any input; check its spelling` });
        return [];
      }
      return ids;
    });
  }

  /** The cleaned spellings of a root's variants, sorted (the sides of a decision). */
  spellingsOf(root: number): string[] {
    const { variants, table } = this.run;
    return [...new Set(this.members[root]!.flatMap((v) => [...variants[v]!.spellings.keys()].map((s) => table.clean(s))))].sort(compareStrings);
  }

  /** A record naming both roots' people, if any: names on one byline are two people. */
  sharedRecord(ra: number, rb: number): number | undefined {
    const [small, big] = this.recs[ra]!.size <= this.recs[rb]!.size ? [this.recs[ra]!, this.recs[rb]!] : [this.recs[rb]!, this.recs[ra]!];
    for (const r of small) if (big.has(r)) return r;
    return undefined;
  }

  /**
   * Why roots ra and rb must stay apart, or null: a shared byline, two ids of one kind, a thesaurus split, or (unless
   * trustIds, for an id shared by both) two members whose names are different.
   */
  conflict(ra: number, rb: number, trustIds: boolean): string | null {
    const together = this.sharedRecord(ra, rb);
    if (together !== undefined) return `both named on one byline (${this.run.srcText(together)}): two different people`;
    for (const [ns, id] of this.idTags[ra]!) {
      const other = this.idTags[rb]!.get(ns);
      if (other !== undefined && other !== id) return `different ${ns === "ORCID" ? "ORCIDs" : `${ns} author ids`} (${[id, other].sort(compareStrings).join(" / ")})`;
    }
    for (const s of this.splits) {
      for (let i = 0; i < s.sides.length; i++) {
        for (let j = 0; j < s.sides.length; j++) {
          if (i === j) continue;
          const inA = s.sides[i]!.some((v) => this.find(v) === ra);
          const inB = s.sides[j]!.some((v) => this.find(v) === rb);
          if (inA && inB) return `thesaurus split (${s.source.file}:${s.source.line})`;
        }
      }
    }
    if (trustIds) return null;
    const { variants, names } = this.run;
    for (const x of this.members[ra]!) {
      for (const y of this.members[rb]!) {
        const rel = names.of(x, y);
        if (rel.verdict === "different") {
          return `"${variants[x]!.parsed.clean}" and "${variants[y]!.parsed.clean}" would end up together: ${rel.reasons.join("; ")}`;
        }
      }
    }
    return null;
  }

  /** A thesaurus split line that has roots ra and rb among its names (a merge of the two would contradict it). */
  splitHolding(ra: number, rb: number): SplitLine | undefined {
    const holds = (side: number[], root: number) => side.some((v) => this.find(v) === root);
    return this.splits.find((s) => s.sides.some((side) => holds(side, ra)) && s.sides.some((side) => holds(side, rb)));
  }

  /**
   * An automatic match of variants x and y on `evidence`: joined unless a conflict keeps them apart (logged with the
   * conflict's kind). True when it joined two clusters.
   */
  union(x: number, y: number, evidence: string[], how: UnionBasis, trustIds = false): boolean {
    const ra = this.find(x);
    const rb = this.find(y);
    if (ra === rb) return false;
    const why = this.conflict(ra, rb, trustIds);
    if (why) {
      const review = decision("conflict", [this.spellingsOf(ra), this.spellingsOf(rb)], [...how.weights, 0], how.penalty ?? null, how.context ?? null);
      // A shared byline, two ids of one kind and a thesaurus split are rules; a name conflict with a third spelling is a judgement.
      review.conflict = why.startsWith("both named") ? "byline" : why.startsWith("different ") ? "author-id" : why.startsWith("thesaurus split") ? "thesaurus" : "names";
      const { variants } = this.run;
      this.keptApart.push({ a: x, b: y, merged: [variants[x]!.parsed.clean, variants[y]!.parsed.clean], evidence: [...evidence, `kept apart: ${why}`], review });
      return false;
    }
    this.join(x, y, ra, rb, evidence, how);
    return true;
  }

  /**
   * Joins the clusters of roots ra and rb (of variants x and y), for automatic matches and thesaurus merges alike: logs
   * the merge with both sides' spellings as they were, then the larger cluster keeps its root, members, records and
   * author ids move over, and the per-root caches of both are dropped.
   */
  join(x: number, y: number, ra: number, rb: number, evidence: string[], how: UnionBasis): void {
    const sides = [this.spellingsOf(ra), this.spellingsOf(rb)];
    const review = decision(how.basis, sides, how.weights, how.penalty ?? null, how.context ?? null);
    this.merged.push({ a: x, b: y, merged: [...new Set([...sides[0]!, ...sides[1]!])].sort(compareStrings), evidence, review });
    const [keep, drop] = this.members[ra]!.length >= this.members[rb]!.length ? [ra, rb] : [rb, ra];
    this.sets.link(keep, drop);
    this.members[keep]!.push(...this.members[drop]!);
    this.members[drop] = [];
    for (const r of this.recs[drop]!) this.recs[keep]!.add(r);
    this.recs[drop] = new Set();
    for (const [ns, id] of this.idTags[drop]!) this.idTags[keep]!.set(ns, id);
    for (const cache of this.rootCaches) {
      cache.delete(keep);
      cache.delete(drop);
    }
  }
}

/**
 * Round 0: an ORCID or a source author id shared by two spellings is one person, whatever the spellings ("Xiang Li" /
 * "X. Li" / "Li Xiang"); only a shared byline or a conflicting id keeps them apart. Ids are taken in code-unit order.
 */
export function mergeByAuthorIds(run: AuthorRun, merger: Merger): void {
  const carriers = new Map<string, number[]>();
  run.refs.forEach(({ rec }, r) => {
    rec.authorInfo.forEach((info, pos) => {
      const v = run.occ[r]![pos];
      if (v === undefined || v < 0) return;
      const keys = [...(info.orcid ? [`ORCID ${info.orcid}`] : []), ...info.ids.map((id) => `${idNamespace(id)} author id ${id}`)];
      for (const k of keys) {
        const list = carriers.get(k);
        if (!list) carriers.set(k, [v]);
        else if (!list.includes(v)) list.push(v);
      }
    });
  });
  for (const [k, vs] of [...carriers].sort((a, b) => compareStrings(a[0], b[0]))) {
    for (let i = 1; i < vs.length; i++) merger.union(vs[0]!, vs[i]!, [`same ${k}`], { basis: "author-id", weights: [0] }, true);
  }
}

/**
 * Round 1: candidate pairs whose names alone are enough (penalty 0) merge now. Returns the compatible pairs that need
 * context, for round 2 and the near misses; different names are dropped here for good.
 */
export function mergeByNames(run: AuthorRun, merger: Merger, pairs: Array<[number, number]>): Array<[number, number]> {
  const contextual: Array<[number, number]> = [];
  const pairTick = stepCounter(run.progress, "comparing names", pairs.length, "pairs");
  let compared = 0;
  for (const [x, y] of pairs) {
    pairTick(++compared);
    const rel = run.names.of(x, y);
    if (rel.verdict === "different") continue;
    if (rel.penalty === 0) merger.union(x, y, [...rel.reasons, "names alone are enough"], { basis: "name", weights: [...rel.reasons.map(() => 0), 0], penalty: 0 });
    else contextual.push([x, y]);
  }
  return contextual;
}

/**
 * Step 5, after automatic matching so a researcher's line has the last word: thesaurus merges (refused when they
 * contradict a split; a warning when the names share a byline, merged as asked) and renames. Returns the renames by
 * variant; split lines were already applied as conflicts by the Merger.
 */
export function applyThesaurus(run: AuthorRun, merger: Merger, thesaurus: Thesaurus | undefined): Map<number, { name: string; source: SourceRef }> {
  const renames = new Map<number, { name: string; source: SourceRef }>();
  for (const e of thesaurus?.entries ?? []) {
    if (e.action === "split") continue;
    const ids = merger.thesaurusVariants(e.action === "rename" ? [e.names[0]!] : e.names, e.source).flat();
    if (e.action === "rename") {
      if (ids[0] !== undefined) renames.set(ids[0], { name: e.names[1]!, source: e.source });
      continue;
    }
    for (let i = 1; i < ids.length; i++) {
      const ra = merger.find(ids[0]!);
      const rb = merger.find(ids[i]!);
      if (ra === rb) continue;
      const split = merger.splitHolding(ra, rb);
      if (split) {
        run.diagnostics.push({ file: e.source.file, line: e.source.line, severity: "error", message: `merge contradicts the split on line ${split.source.line}; neither merge is applied` });
        continue;
      }
      const together = merger.sharedRecord(ra, rb);
      if (together !== undefined) {
        run.diagnostics.push({ file: e.source.file, line: e.source.line, severity: "warning", message: `merged as asked, but these names appear together on one byline (${run.srcText(together)})` });
      }
      merger.join(ids[0]!, ids[i]!, ra, rb, [`thesaurus merge (${e.source.file}:${e.source.line})`], { basis: "thesaurus", weights: [0] });
    }
  }
  return renames;
}

/**
 * Round 2 of author resolution's step 4: names that need context (a penalty above 0) merge when the context their
 * clusters share (co-authors, a listing, a byline position of one paper, rare title words; weights in CONTEXT)
 * reaches the penalty; the pairs that fall short are listed as near misses.
 */
import { stepCounter } from "../progress";
import { compareStrings } from "../../model/compare";
import { unorderedPair } from "../../model/pair-key";
import { normalizeText } from "./normalize";
import {
  CONTEXT,
  CONTEXT_ROUNDS,
  EVIDENCE_COAUTHORS_SHOWN,
  EVIDENCE_WORDS_SHOWN,
  EXPORT_FORMATS,
  RARE_WORD_MIN_RECORDS,
  RARE_WORD_SHARE,
  SMALL_BYLINE,
  TITLE_STOP,
  TITLE_WORD_MIN_LENGTH,
  TITLE_WORDS_NEEDED,
} from "./authors-rules";
import { decision, type Merger } from "./authors-merge";
import type { AuthorRun } from "./authors-variants";

/** The context two clusters share: its sum, one evidence line per kind and the weight each line added. */
export interface SharedContext {
  score: number;
  evidence: string[];
  weights: number[];
}

/**
 * What the clusters of two variants share, from per-root caches. Listings and rare title words depend only on a
 * root's records, so they are kept across rounds and dropped by a join for the roots it touches (rebuilding them every
 * round cost about a second at 10,000 papers); co-authors depend on other roots too and are rebuilt each round.
 */
export class ContextEvidence {
  private readonly run: AuthorRun;
  private readonly merger: Merger;
  private readonly samePosition: Map<number, string>;
  /** Per record: the words of its title that may tell (long enough, not a stop word). */
  private readonly titleWords: Set<string>[];
  /** Title word -> number of records whose title has it. */
  private readonly titleDf = new Map<string, number>();
  /** A title word in at most this many records is rare. */
  private readonly rareMax: number;
  private readonly coCache = new Map<number, Map<number, boolean>>();
  private readonly docCache = new Map<number, Set<number>>();
  private readonly wordCache = new Map<number, Set<string>>();

  constructor(run: AuthorRun, merger: Merger, samePosition: Map<number, string>) {
    this.run = run;
    this.merger = merger;
    this.samePosition = samePosition;
    // Word sets per distinct title (a paper's records share it); shared between records and only read.
    const titleWordCache = new Map<string, Set<string>>();
    this.titleWords = run.refs.map(({ rec }) => {
      const t = rec.title ?? "";
      let ws = titleWordCache.get(t);
      if (!ws) titleWordCache.set(t, (ws = new Set(normalizeText(t).split(" ").filter((w) => w.length >= TITLE_WORD_MIN_LENGTH && !TITLE_STOP.has(w)))));
      for (const w of ws) this.titleDf.set(w, (this.titleDf.get(w) ?? 0) + 1);
      return ws;
    });
    this.rareMax = Math.max(RARE_WORD_MIN_RECORDS, Math.floor(run.refs.length * RARE_WORD_SHARE));
    merger.dropOnJoin(this.docCache, this.wordCache);
  }

  /** Forgets the co-authors per root: roots merged since are picked up. */
  newRound(): void {
    this.coCache.clear();
  }

  /** The context shared by the clusters of variants x and y. */
  between(x: number, y: number): SharedContext {
    const ra = this.merger.find(x);
    const rb = this.merger.find(y);
    const evidence: string[] = [];
    const weights: number[] = [];
    let score = 0;
    const add = (weight: number, line: string) => {
      score += weight;
      weights.push(weight);
      evidence.push(line);
    };
    const { strong, weak } = this.sharedCoauthors(ra, rb);
    if (strong.length) {
      add(CONTEXT.coauthor * strong.length, `${strong.length} shared co-author${strong.length > 1 ? "s" : ""}: ${shown(strong, EVIDENCE_COAUTHORS_SHOWN)}`);
    }
    if (weak.length) {
      const w = Math.min(CONTEXT.consortiumCap, CONTEXT.consortiumCoauthor * weak.length);
      add(w, `${weak.length} shared co-author${weak.length > 1 ? "s" : ""} on consortium bylines (> ${SMALL_BYLINE} names), worth ${w}: ${shown(weak, EVIDENCE_COAUTHORS_SHOWN)}`);
    }
    const { docs } = this.run;
    const docsA = this.listingsOf(ra);
    const shared = [...this.listingsOf(rb)].filter((d) => docsA.has(d) && !EXPORT_FORMATS.has(docs[d]!.format ?? "")).sort((a, b) => a - b);
    if (shared.length) {
      const prof = shared.find((d) => docs[d]!.format === "profile" || docs[d]!.format === "compact-profile");
      const d = prof ?? shared[0]!;
      add(prof !== undefined ? CONTEXT.sameProfilePage : CONTEXT.sameListing, `same ${prof !== undefined ? "profile page" : "listing"}: ${docs[d]!.file}`);
    }
    const pos = this.samePosition.get(unorderedPair(x, y));
    if (pos) add(CONTEXT.samePosition, pos);
    const wa = this.rareWordsOf(ra);
    const sharedWords = [...this.rareWordsOf(rb)].filter((w) => wa.has(w)).sort(compareStrings);
    if (sharedWords.length >= TITLE_WORDS_NEEDED) {
      add(CONTEXT.titleWords, `rare title words in common: ${sharedWords.slice(0, EVIDENCE_WORDS_SHOWN).join(", ")}`);
    }
    return { score, evidence, weights };
  }

  /** Co-authors of both roots, as labels: strong when met on small bylines on both sides, else weak; each sorted. */
  private sharedCoauthors(ra: number, rb: number): { strong: string[]; weak: string[] } {
    const ca = this.coauthorsOf(ra);
    const cb = this.coauthorsOf(rb);
    const strong: string[] = [];
    const weak: string[] = [];
    const [first, second] = ca.size <= cb.size ? [ca, cb] : [cb, ca];
    for (const [c, smallFirst] of first) {
      if (c === ra || c === rb || !second.has(c)) continue;
      const label = this.run.variants[this.merger.members[c]![0]!]!.parsed.clean;
      (smallFirst && second.get(c) ? strong : weak).push(label);
    }
    strong.sort(compareStrings);
    weak.sort(compareStrings);
    return { strong, weak };
  }

  /** Co-author root -> whether they share a byline of at most SMALL_BYLINE names with this root. */
  private coauthorsOf(root: number): Map<number, boolean> {
    let m = this.coCache.get(root);
    if (m) return m;
    m = new Map<number, boolean>();
    for (const r of this.merger.recordsOf(root)) {
      const row = this.run.occ[r]!;
      const small = row.length <= SMALL_BYLINE;
      for (const v of row) {
        if (v < 0) continue;
        const c = this.merger.find(v);
        if (c !== root) m.set(c, (m.get(c) ?? false) || small);
      }
    }
    this.coCache.set(root, m);
    return m;
  }

  /** The documents (listings) the root's records come from. */
  private listingsOf(root: number): Set<number> {
    let d = this.docCache.get(root);
    if (!d) {
      // Plain loops, not spread + map/flatMap: these run for every root in every round.
      d = new Set<number>();
      for (const r of this.merger.recordsOf(root)) d.add(this.run.refs[r]!.doc);
      this.docCache.set(root, d);
    }
    return d;
  }

  /** The rare title words of the root's records. */
  private rareWordsOf(root: number): Set<string> {
    let w = this.wordCache.get(root);
    if (!w) {
      w = new Set<string>();
      for (const r of this.merger.recordsOf(root)) for (const x of this.titleWords[r]!) if ((this.titleDf.get(x) ?? 0) <= this.rareMax) w.add(x);
      this.wordCache.set(root, w);
    }
    return w;
  }
}

/** The first `n` labels, with an ellipsis when there are more. */
function shown(labels: string[], n: number): string {
  return `${labels.slice(0, n).join(", ")}${labels.length > n ? ", …" : ""}`;
}

/**
 * Round 2: weigh context against the name penalty and merge the pairs that reach it, strongest margins first (then
 * smaller penalty, then variant ids); repeat while merges happen, since a merge can give clusters new shared context.
 */
export function mergeByContext(run: AuthorRun, merger: Merger, evidence: ContextEvidence, contextual: Array<[number, number]>): void {
  for (let round = 0; round < CONTEXT_ROUNDS; round++) {
    evidence.newRound();
    const ready: Array<{ x: number; y: number; margin: number; evidence: string[]; penalty: number; context: number; weights: number[] }> = [];
    const roundTick = stepCounter(run.progress, `weighing context, round ${round + 1}`, contextual.length, "pairs");
    let weighed = 0;
    for (const [x, y] of contextual) {
      roundTick(++weighed);
      if (merger.find(x) === merger.find(y)) continue;
      const rel = run.names.of(x, y);
      const ctx = evidence.between(x, y);
      if (ctx.score >= rel.penalty) {
        ready.push({
          x,
          y,
          margin: ctx.score - rel.penalty,
          penalty: rel.penalty,
          context: ctx.score,
          evidence: [...rel.reasons, ...ctx.evidence, `context ${ctx.score} ≥ needed ${rel.penalty}`],
          weights: [...rel.reasons.map(() => 0), ...ctx.weights, 0],
        });
      }
    }
    if (!ready.length) break;
    ready.sort((a, b) => b.margin - a.margin || a.penalty - b.penalty || a.x - b.x || a.y - b.y);
    let merged = 0;
    for (const c of ready) if (merger.union(c.x, c.y, c.evidence, { basis: "context", weights: c.weights, penalty: c.penalty, context: c.context })) merged++;
    if (!merged) break;
  }
}

/**
 * Near misses: compatible names that stayed apart for lack of evidence, once per pair of clusters, with the context
 * found and needed. Pairs whose context sufficed stayed apart by a conflict, already logged with its reason.
 */
export function nearMisses(run: AuthorRun, merger: Merger, evidence: ContextEvidence, contextual: Array<[number, number]>): void {
  evidence.newRound();
  const reported = new Set<number>();
  const missTick = stepCounter(run.progress, "listing near misses", contextual.length, "pairs");
  let listed = 0;
  for (const [x, y] of contextual) {
    missTick(++listed);
    const ra = merger.find(x);
    const rb = merger.find(y);
    if (ra === rb || reported.has(unorderedPair(ra, rb))) continue;
    reported.add(unorderedPair(ra, rb));
    const rel = run.names.of(x, y);
    const ctx = evidence.between(x, y);
    if (ctx.score >= rel.penalty) continue;
    merger.keptApart.push({
      a: x,
      b: y,
      merged: [run.variants[x]!.parsed.clean, run.variants[y]!.parsed.clean],
      evidence: [...rel.reasons, ...(ctx.evidence.length ? ctx.evidence : ["no shared co-author, listing or paper"]), `context ${ctx.score} < needed ${rel.penalty}: kept apart`],
      review: decision(
        "context",
        [merger.spellingsOf(ra), merger.spellingsOf(rb)],
        [...rel.reasons.map(() => 0), ...(ctx.evidence.length ? ctx.weights : [0]), 0],
        rel.penalty,
        ctx.score,
      ),
    });
  }
}

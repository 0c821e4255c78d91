/**
 * Step 3 of author resolution: which pairs of variants are compared at all. Blocking (surname word + given initial,
 * phonetic surname, compact form) keeps the pairs near-linear in the names; two rarer sources add pairs blocking
 * misses: spellings that lost their first letter, and two spellings at one byline position of the same paper.
 */
import DoubleMetaphone from "natural/lib/natural/phonetics/double_metaphone.js";
import { unorderedPair, unpackPair } from "../../model/pair-key";
import { formalNames } from "./name-match";
import { PARTICLES, type ParsedName } from "./normalize";
import { LOST_LETTER_MIN_COMPACT, MAX_COMPARED_GROUPS } from "./authors-rules";
import type { AuthorRun } from "./authors-variants";

const metaphone = new DoubleMetaphone();

export interface CandidatePairs {
  /** Variant pairs to compare, smaller id first, in ascending pair-key order (the order decisions are taken in). */
  pairs: Array<[number, number]>;
  /** Pair key -> the evidence line for two spellings read at one byline position of one paper (CONTEXT.samePosition). */
  samePosition: Map<number, string>;
}

/** Step 3: the candidate pairs, from blocks, lost first letters and same-paper byline positions. */
export function candidatePairs(run: AuthorRun): CandidatePairs {
  const { variants, table } = run;
  run.progress("finding candidate pairs", 0, variants.length, "names");
  const pairs = new Set<number>();
  const addPair = (a: number, b: number) => {
    if (a === b) return;
    const pa = variants[a]!.parsed;
    // Hundreds of separated groups of one initials-only spelling ("Y. Wang" in a large export) are not compared pairwise.
    if (pa.exact === variants[b]!.parsed.exact && (table.byExact.get(pa.exact)?.length ?? 0) > MAX_COMPARED_GROUPS) return;
    pairs.add(unorderedPair(a, b));
  };
  const { blocks, lostWords } = blocksOf(variants.map((v) => v.parsed));
  for (const ids of blocks.values()) {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) addPair(ids[i]!, ids[j]!);
  }
  // A lost first letter changes the given initial: compare those rare spellings with every name sharing a word.
  if (lostWords.size) {
    variants.forEach((v, id) => {
      for (const t of [...v.parsed.given.slice(1), ...v.parsed.surname]) for (const x of lostWords.get(t.t) ?? []) addPair(x, id);
    });
  }
  const samePosition = samePositionPairs(run, addPair);
  return { pairs: [...pairs].sort((a, b) => a - b).map(unpackPair), samePosition };
}

/**
 * Blocking keys of every name -> the ids in them (each id once per block, ids ascending); and, for spellings that
 * start in lower case (a source that lost the first letter), each of their name words -> those ids.
 */
function blocksOf(names: ParsedName[]): { blocks: Map<string, number[]>; lostWords: Map<string, number[]> } {
  const blocks = new Map<string, number[]>();
  const put = (key: string, id: number) => {
    const b = blocks.get(key);
    if (b) {
      if (b[b.length - 1] !== id) b.push(id);
    } else blocks.set(key, [id]);
  };
  const lostWords = new Map<string, number[]>();
  names.forEach((p, id) => {
    put("c:" + p.compact, id);
    if (p.lowerStart) put("ls:" + p.compact, id);
    else if (p.compact.length >= LOST_LETTER_MIN_COMPACT) put("ls:" + p.compact.slice(1), id);
    const g = p.given[0];
    if (!g) return;
    const letters = [...new Set(formalNames(g.t).map((x) => x[0]!))];
    // Particles ("de", "van") would make giant blocks; they never identify anyone.
    const words = [...p.given.slice(1), ...p.surname].filter((t) => !t.initial && !PARTICLES.has(t.t)).map((t) => t.t);
    const core = p.surname[p.surname.length - 1];
    const keys = new Set<string>(words);
    // Phonetic key for one-letter slips; the surname's first letter keeps short codes from forming huge blocks.
    if (core && !core.initial) keys.add(`dm:${metaphone.process(core.t)[0]}:${core.t[0]}`);
    for (const k of keys) for (const l of letters) put(`${k}|${l}`, id);
    if (p.lowerStart) for (const w of words) (lostWords.get(w) ?? lostWords.set(w, []).get(w)!).push(id);
  });
  return { blocks, lostWords };
}

/**
 * The same paper read twice, with two spellings at one byline position: strong evidence, and a candidate pair (added
 * through addPair). Returns the evidence line per pair, naming the first two records that showed it.
 */
function samePositionPairs(run: AuthorRun, addPair: (a: number, b: number) => void): Map<number, string> {
  const samePosition = new Map<number, string>();
  for (const g of run.groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = run.occ[g[i]!]!;
        const b = run.occ[g[j]!]!;
        for (let pos = 0; pos < Math.min(a.length, b.length); pos++) {
          const x = a[pos]!;
          const y = b[pos]!;
          if (x < 0 || y < 0 || x === y) continue;
          addPair(x, y);
          const key = unorderedPair(x, y);
          if (!samePosition.has(key)) {
            samePosition.set(key, `same paper, byline position ${pos + 1}, in ${run.srcText(g[i]!)} and ${run.srcText(g[j]!)}`);
          }
        }
      }
    }
  }
  return samePosition;
}

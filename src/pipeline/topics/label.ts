/**
 * Research cluster labels: two or three of the cluster's distinctive terms (cluster.ts), the first its subject.
 *
 * - Measurements, counted units and modifiers never reach the distinctive terms: they are no topics (subjects.ts).
 * - Label weight = distinctiveness x (1 - SETTING_DISCOUNT x setting share) x title factor x (SINGLE_WORD_LABEL_WEIGHT
 *   for a single word): a term written "in CT images", "on chest X-rays" names where the cluster's studies are done,
 *   so a method term wins the first place over a modality alone; a term titles use names a subject more surely than
 *   one only abstracts use (title factor TITLE_FLOOR + (1 - TITLE_FLOOR) * min(1, 3 * title share): "cardiac MRI" before
 *   "UK Biobank"); and a phrase ("cardiac MRI") wins over a word ("cardiac").
 * - The first term is the heaviest. A further term joins only when it is about the same papers: at least
 *   RELATED_SHARE of the cluster's papers holding it also hold the first term. Two unrelated subjects that happen to
 *   share a cluster are not glued into one label.
 * - A term no title uses, though at least UNTITLED_EVIDENCE of its papers have a title, is no label term (unless no
 *   other term is left): titles name what a study is about, abstracts also its apparatus.
 * - A term that repeats the words of a chosen one ("cardiac" after "cardiac MR segmentation") is skipped.
 * - The third term joins when its weight is at least THIRD_TERM_RATIO of the second's.
 * - No related term: the label is the first term alone; no distinctive term at all: "unlabelled".
 */
import { settingShare, SETTING_DISCOUNT } from "./subjects";
import { paperHolds } from "./terms";
import type { Vocabulary } from "./vocabulary";

/** A single word's distinctiveness counts this much against a multi-word term's when a label is chosen. */
export const SINGLE_WORD_LABEL_WEIGHT = 0.75;
export const RELATED_SHARE = 0.5;
export const THIRD_TERM_RATIO = 0.5;
export const TITLE_FLOOR = 0.5;
/** One titled paper is enough: with three, "deep ensembles" (two untitled records, two titles without it) labelled a cluster. */
export const UNTITLED_EVIDENCE = 1;

export interface ScoredTerm {
  term: string;
  gid: string;
  score: number;
}

const words = (t: string) => t.toLowerCase().split(/[\s-]+/);

function repeats(term: string, chosen: string[]): boolean {
  const w = words(term);
  return chosen.some((c) => {
    const cw = words(c);
    return w.every((x) => cw.includes(x)) || cw.every((x) => w.includes(x));
  });
}

export function chooseLabel(scored: ScoredTerm[], members: number[], vocabulary: Vocabulary): string {
  const { corpus } = vocabulary;
  const weight = (t: ScoredTerm) => {
    const stats = corpus.byGid.get(t.gid);
    const setting = stats ? 1 - SETTING_DISCOUNT * settingShare(stats) : 1;
    const titled = stats && stats.titledDf > 0 ? TITLE_FLOOR + (1 - TITLE_FLOOR) * Math.min(1, (3 * stats.titleDf) / stats.titledDf) : 1;
    return t.score * setting * titled * (/\s/.test(t.term) ? 1 : SINGLE_WORD_LABEL_WEIGHT);
  };
  // Titles name subjects: a term that at least UNTITLED_EVIDENCE titled papers hold and no title uses ("image quality",
  // "Delphi process", "ejection fraction" on the seeds) is the apparatus of the studies, not what the cluster is about.
  const untitled = (t: ScoredTerm) => {
    const stats = corpus.byGid.get(t.gid);
    return stats !== undefined && stats.titledDf >= UNTITLED_EVIDENCE && stats.titleDf === 0;
  };
  const all = scored.map((t, i) => ({ t, i, w: weight(t) }));
  const titled = all.filter((r) => !untitled(r.t));
  const ranked = (titled.length > 0 ? titled : all).sort((a, b) => b.w - a.w || a.i - b.i);
  if (ranked.length === 0) return "unlabelled";
  const first = ranked[0]!;
  const firstIndex = corpus.byGid.get(first.t.gid)?.index ?? -1;
  const related = (t: ScoredTerm) => {
    const index = corpus.byGid.get(t.gid)?.index ?? -1;
    let holding = 0;
    let both = 0;
    for (const p of members) {
      if (!paperHolds(corpus, p, index)) continue;
      holding++;
      if (paperHolds(corpus, p, firstIndex)) both++;
    }
    return holding > 0 && both >= RELATED_SHARE * holding;
  };
  const chosen = [first.t.term];
  let second = 0;
  for (const r of ranked.slice(1)) {
    if (chosen.length === 3) break;
    if (chosen.length === 2 && r.w < THIRD_TERM_RATIO * second) break;
    if (repeats(r.t.term, chosen) || !related(r.t)) continue;
    if (chosen.length === 1) second = r.w;
    chosen.push(r.t.term);
  }
  return chosen.join(", ");
}

/**
 * Topic terms of a set of papers: the maxTopics best candidates of the judged vocabulary (vocabulary.ts) that name a
 * subject on their own (subjects.ts: no lone adjective, verb form or vague noun), the topics of every paper, and
 * co-occurrence links between topics.
 */
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import { subjectTest } from "./subjects";
import type { PaperTopic, Topic, TopicResult } from "./types";
import type { JudgedTerm, Vocabulary } from "./vocabulary";
import { compareStrings } from "../../model/compare";

/** A topic keeps its links to at most this many other topics (its strongest), so the map stays readable. */
export const RELATED_PER_TOPIC = 6;

export interface ExtractOptions {
  maxTopics: number;
  topicsPerPaper: number;
  progress?: StepReporter;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

const byKey = (a: { key: string }, b: { key: string }) => compareStrings(a.key, b.key);

/**
 * Rank: evidence x relevance, then df, then occurrences, then key (so a corpus too small to judge still yields
 * topics). Evidence is df plus the papers that list the term as a keyword: a keyword counts its paper twice.
 */
export function rankTopics(vocabulary: Vocabulary): JudgedTerm[] {
  const score = (j: JudgedTerm) => (j.term.df + j.term.keywordDf) * j.relevance;
  return vocabulary.judged
    .filter((j) => !j.general)
    .sort(
      (a, b) =>
        score(b) - score(a) ||
        b.term.df - a.term.df ||
        b.term.occurrences - a.term.occurrences ||
        (a.term.key < b.term.key ? -1 : 1),
    );
}

/** Weight of a term in a paper: weighted occurrences times inverse document frequency. */
export function termWeight(tf: number, df: number, n: number): number {
  return tf * Math.log((n + 1) / df);
}

export function selectTopics(vocabulary: Vocabulary, options: ExtractOptions): TopicResult {
  const { corpus } = vocabulary;
  // Paper clustering (cluster.ts) still reads every ranked term: "cardiac" or "whole" alone is no topic, but tells
  // papers apart.
  const namesSubject = subjectTest(corpus, vocabulary.minDf);
  const chosen = rankTopics(vocabulary)
    .filter((j) => namesSubject(j.term))
    .slice(0, Math.max(0, options.maxTopics));
  const topics: Topic[] = chosen
    .map(({ term, relevance }) => ({
      key: term.key,
      term: term.display,
      variants: term.variants,
      paperCount: term.df,
      relevance: round(relevance, 6),
    }))
    .sort(byKey);
  // Chosen topic key per term index (of corpus.terms).
  const keyOfTerm = new Array<string | undefined>(corpus.terms.length);
  for (const { term } of chosen) keyOfTerm[term.index] = term.key;
  const dfByKey = new Map(chosen.map(({ term }) => [term.key, term.df]));

  const paperTopics = new Map<string, PaperTopic[]>();
  const held: string[][] = [];
  const tick = stepCounter(options.progress ?? silentSteps, "topics of each paper", corpus.n, "papers");
  for (let pi = 0; pi < corpus.n; pi++) {
    tick(pi + 1);
    const weighted: PaperTopic[] = [];
    for (let k = corpus.tfStart[pi]!; k < corpus.tfStart[pi + 1]!; k++) {
      const key = keyOfTerm[corpus.tfTerm[k]!];
      if (key) weighted.push({ topic: key, weight: termWeight(corpus.tfWeight[k]!, dfByKey.get(key)!, corpus.n) });
    }
    held.push(weighted.map((w) => w.topic).sort());
    const max = weighted.reduce((m, w) => Math.max(m, w.weight), 0);
    const strongest = weighted
      .map((w) => ({ topic: w.topic, weight: max > 0 ? round(w.weight / max, 4) : 0 }))
      .filter((w) => w.weight > 0)
      .sort((a, b) => b.weight - a.weight || (a.topic < b.topic ? -1 : 1))
      .slice(0, options.topicsPerPaper);
    paperTopics.set(corpus.keys[pi]!, strongest);
  }

  return { topics, paperTopics, related: relatedTopics(held, dfByKey, corpus.n), notes: corpus.notes };
}

/**
 * Topic-topic links by association strength, c_ij * n / (df_i * df_j): how many times more often two topics share a
 * paper than chance would have them. Kept when they share at least two papers (one in corpora under 20 papers),
 * co-occur more than chance, and the link is among the RELATED_PER_TOPIC strongest of either topic.
 */
function relatedTopics(held: string[][], df: Map<string, number>, n: number): TopicResult["related"] {
  // Pairs as numbers (topic indices in key order), not concatenated strings: a few million pairs at 10,000 papers.
  // The Map keeps first-seen order as before, and index order is key order, so links come out in the same order.
  const names = [...df.keys()].sort(compareStrings);
  const index = new Map(names.map((k, i) => [k, i]));
  const shared = new Map<number, number>();
  for (const keys of held) {
    const ids = keys.map((k) => index.get(k)!);
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const pair = ids[a]! * names.length + ids[b]!;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  const minShared = n < 20 ? 1 : 2;
  const links: { source: string; target: string; weight: number; count: number }[] = [];
  for (const [pair, count] of shared) {
    if (count < minShared) continue;
    const source = names[Math.floor(pair / names.length)]!;
    const target = names[pair % names.length]!;
    const strength = (count * n) / (df.get(source)! * df.get(target)!);
    if (strength > 1) links.push({ source, target, weight: strength, count });
  }
  const order = (a: (typeof links)[number], b: (typeof links)[number]) =>
    b.weight - a.weight || b.count - a.count || (a.source + a.target < b.source + b.target ? -1 : 1);
  const perTopic = new Map<string, (typeof links)[number][]>();
  for (const l of links) {
    for (const k of [l.source, l.target]) {
      let list = perTopic.get(k);
      if (!list) perTopic.set(k, (list = []));
      list.push(l);
    }
  }
  const kept = new Set<(typeof links)[number]>();
  for (const list of perTopic.values()) for (const l of list.sort(order).slice(0, RELATED_PER_TOPIC)) kept.add(l);
  return [...kept]
    .map((l) => ({ source: l.source, target: l.target, weight: round(l.weight, 4) }))
    .sort((a, b) => compareStrings(a.source, b.source) || compareStrings(a.target, b.target));
}

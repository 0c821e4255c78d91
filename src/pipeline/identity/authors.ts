/**
 * Author resolution: spellings -> people. Blocking (surname word + given initial, phonetic surname, compact form)
 * keeps the candidate pairs near-linear; every union is checked against the whole clusters it joins, so chains
 * ("J. Smith" linking "John" and "Jane Smith") cannot build false merges.
 */
import { UnionFind } from "./union-find";
import DoubleMetaphone from "natural/lib/natural/phonetics/double_metaphone.js";
import type { Diagnostic, PaperRecord, ParsedDocument, ProfileFigures, SourceRef } from "../records";
import type { MergeEvent } from "./types";
import { COMMON_SURNAMES, compareNames, formalNames, isNicknameForm, type NameRelation } from "./name-match";
import { cleanName, hasDiacritics, nameKey, normalizeText, PARTICLES, parseName, startsUpper, type ParsedName } from "./normalize";
import { foldText } from "../../model/fold";
import { compareStrings } from "../../model/compare";
import type { Thesaurus } from "./thesaurus";
import { silentSteps, stepCounter, type StepReporter } from "../progress";

const metaphone = new DoubleMetaphone();

/** Context weights (see README "Evidence"): a merge happens when the summed context reaches the name penalty. */
export const CONTEXT = {
  /** Per shared co-author seen on bylines of at most SMALL_BYLINE names on both sides. */
  coauthor: 2,
  /** Per shared co-author met only on consortium bylines, capped at consortiumCap in total. */
  consortiumCoauthor: 0.5,
  consortiumCap: 1,
  /** Both names on one profile page (the page's person works with both). */
  sameProfilePage: 1,
  /** Both names in one other listing (search result, arXiv listing). */
  sameListing: 0.5,
  /** The same paper read from two listings names them at the same byline position. */
  samePosition: 3,
  /** Two or more rare title words shared by their papers. */
  titleWords: 0.5,
} as const;
export const SMALL_BYLINE = 20;
/** A surname carried by this many different given names in the input counts as common. */
export const COMMON_SURNAME_MIN_GIVEN = 5;

/** A record as the author stage sees it. */
export interface RecordRef {
  rec: PaperRecord;
  doc: number;
}

export interface AuthorCluster {
  key: string;
  name: string;
  aliases: string[];
  profile: ProfileFigures | null;
  orcid: string | null;
  externalIds: string[];
  affiliations: string[];
}

export interface AuthorResolution {
  clusters: AuthorCluster[];
  /** occ[record][position] -> cluster index, or -1 for a name that could not be read. */
  occ: number[][];
  /** Profile person of each record (cluster index) or -1. */
  profileOf: number[];
  merges: MergeEvent[];
  keptApart: MergeEvent[];
  diagnostics: Diagnostic[];
}

interface Variant {
  parsed: ParsedName;
  /** Raw spelling -> times read. */
  spellings: Map<string, number>;
  records: Set<number>;
  /**
   * What tells this variant apart from others of the same spelling: "o:<ORCID>", "i:<source author id>", "g:<n>" (an
   * initials-only name on papers with no co-author in common with its other occurrences), or "" (the spelling alone).
   */
  tag: string;
  /** Other spellings the sources print for the same byline slots (WoS AU beside AF): aliases, not evidence. */
  alternates: Set<string>;
}

/** Export formats: a whole file is one query result, so "the same listing" says nothing about who is who. */
const EXPORT_FORMATS = new Set(["bibtex", "ris", "wos", "wos-tab", "scopus-csv", "medline", "pubmed-xml", "csl-json", "arxiv-atom", "openalex", "semantic-scholar"]);
/** Beyond this many separated groups of one initials-only spelling, the groups are not compared pairwise (linear bound). */
const MAX_COMPARED_GROUPS = 64;

interface PendingEvent {
  a: number;
  b: number;
  merged: string[];
  evidence: string[];
  review?: DecisionData;
}

/** What a decision rested on, as data (MergeEvent.review). */
type DecisionData = NonNullable<MergeEvent["review"]>;
const decision = (basis: DecisionData["basis"], sides: string[][], weights: number[], penalty: number | null = null, context: number | null = null): DecisionData => ({
  basis,
  sides,
  weights,
  penalty,
  context,
});

/** Unordered pair of variant ids as one number (exact below 2^26 variants per input). */
function pairKey(a: number, b: number): number {
  return a < b ? a * 67_108_864 + b : b * 67_108_864 + a;
}

const TITLE_STOP = new Set(
  "with from that this into using based their than over under between towards toward through across without via study analysis approach method methods model models learning deep data image images medical network networks".split(" "),
);

export function resolveAuthors(
  docs: ParsedDocument[],
  refs: RecordRef[],
  groups: number[][],
  thesaurus: Thesaurus | undefined,
  progress: StepReporter = silentSteps,
): AuthorResolution {
  const diagnostics: Diagnostic[] = [];
  const cleanCache = new Map<string, string>();
  const cleanOf = (raw: string) => {
    let c = cleanCache.get(raw);
    if (c === undefined) cleanCache.set(raw, (c = cleanName(raw)));
    return c;
  };
  const variants: Variant[] = [];
  /** Folded spelling -> its variants (several when ORCIDs, author ids or initials-only groups tell them apart). */
  const byExact = new Map<string, number[]>();
  const byExactTag = new Map<string, number>();
  // Spellings repeat across bylines: parse each distinct one once.
  const parsedRaw = new Map<string, ParsedName>();
  const parsedOf = (raw: string): ParsedName => {
    let p = parsedRaw.get(raw);
    if (!p) parsedRaw.set(raw, (p = parseName(raw)));
    return p;
  };
  const variantOf = (raw: string, tag = ""): number => {
    const parsed = parsedOf(raw);
    if (!parsed.exact) return -1;
    const k = parsed.exact + "\u0000" + tag;
    let id = byExactTag.get(k);
    if (id === undefined) {
      id = variants.length;
      byExactTag.set(k, id);
      const list = byExact.get(parsed.exact);
      if (list) list.push(id);
      else byExact.set(parsed.exact, [id]);
      variants.push({ parsed, spellings: new Map(), records: new Set(), tag, alternates: new Set() });
    }
    return id;
  };
  const tags = occurrenceTags(refs, groups, parsedOf);
  const addSpelling = (id: number, raw: string) => {
    const v = variants[id]!;
    const s = raw.normalize("NFC").trim();
    v.spellings.set(s, (v.spellings.get(s) ?? 0) + 1);
  };

  // 1. Every byline name becomes an occurrence of a variant (spellings equal up to case/diacritics/hyphens/dots).
  const readTick = stepCounter(progress, "reading names", refs.length, "records");
  const occ: number[][] = refs.map(({ rec, doc }, r) => {
    readTick(r + 1);
    return rec.authors.map((raw, pos) => {
      const id = variantOf(raw, tags[r]![pos]!);
      if (id < 0) {
        diagnostics.push({ file: docs[doc]!.file, line: rec.source.line, severity: "warning", message: `author name "${raw}" has no letters; left out of the byline` });
        return -1;
      }
      addSpelling(id, raw);
      for (const alt of rec.authorInfo[pos]?.alternateNames ?? []) if (alt) variants[id]!.alternates.add(alt.normalize("NFC").trim());
      return id;
    });
  });
  // Profile people: the page header (counted once per page) and each record's profileAuthor.
  const profileVariant = refs.map(({ rec }) => (rec.profileAuthor ? variantOf(rec.profileAuthor) : -1));
  const headerVariant = docs.map((d) => (d.profile ? variantOf(d.profile.name) : -1));
  const seenOnPage = docs.map((d, i) => {
    const seen = new Set<string>();
    if (d.profile && headerVariant[i]! >= 0) {
      addSpelling(headerVariant[i]!, d.profile.name);
      seen.add(d.profile.name);
    }
    return seen;
  });
  refs.forEach(({ rec, doc }, r) => {
    const seen = seenOnPage[doc]!;
    if (rec.profileAuthor && !seen.has(rec.profileAuthor) && profileVariant[r]! >= 0) {
      seen.add(rec.profileAuthor);
      addSpelling(profileVariant[r]!, rec.profileAuthor);
    }
  });

  // Surnames shared by many given names in this input are treated like the static list of common ones.
  const givenPerSurname = new Map<string, Set<string>>();
  for (const v of variants) {
    const core = v.parsed.surname[v.parsed.surname.length - 1]?.t;
    const g = v.parsed.given[0];
    if (!core || !g || g.initial) continue;
    let s = givenPerSurname.get(core);
    if (!s) givenPerSurname.set(core, (s = new Set()));
    s.add(g.t);
  }
  const isCommon = (s: string) => COMMON_SURNAMES.has(s) || (givenPerSurname.get(s)?.size ?? 0) >= COMMON_SURNAME_MIN_GIVEN;
  const relCache = new Map<number, NameRelation>();
  const relation = (x: number, y: number): NameRelation => {
    const k = pairKey(x, y);
    let r = relCache.get(k);
    if (!r) relCache.set(k, (r = taggedRelation(variants[x]!, variants[y]!, compareNames(variants[x]!.parsed, variants[y]!.parsed, isCommon), isCommon)));
    return r;
  };
  const events: PendingEvent[] = [];
  const apart: PendingEvent[] = [];
  const srcText = (r: number) => `${refs[r]!.rec.source.file}:${refs[r]!.rec.source.line}`;

  // 2. A profile page's person is on every paper of the page: bind the byline spelling that names them.
  const bindings = new Map<number, string[]>();
  for (const g of groups) {
    const persons = [...new Set(g.map((r) => profileVariant[r]!).filter((p) => p >= 0))].sort((a, b) => a - b);
    for (const p of persons) {
      for (const r of g) {
        const row = occ[r]!;
        if (row.includes(p)) continue;
        let best = -1;
        let bestPenalty = Infinity;
        row.forEach((v, pos) => {
          if (v < 0 || persons.includes(v)) return;
          const rel = relation(v, p);
          if (rel.verdict === "different") return;
          const pen = rel.verdict === "same" ? -1 : rel.penalty;
          if (pen < bestPenalty) {
            bestPenalty = pen;
            best = pos;
          }
        });
        if (best < 0) continue;
        const raw = refs[r]!.rec.authors[best]!;
        const from = row[best]!;
        const sp = variants[from]!.spellings;
        sp.set(raw.normalize("NFC").trim(), (sp.get(raw.normalize("NFC").trim()) ?? 0) - 1);
        row[best] = p;
        addSpelling(p, raw);
        const why = bindings.get(p) ?? [];
        why.push(`"${raw}" at ${srcText(r)} is the page's own person (${relation(from, p).reasons.join("; ")})`);
        bindings.set(p, why);
      }
    }
  }
  occ.forEach((row, r) => row.forEach((v) => v >= 0 && variants[v]!.records.add(r)));
  profileVariant.forEach((p, r) => p >= 0 && variants[p]!.records.add(r));
  for (const v of variants) for (const [s, n] of [...v.spellings]) if (n <= 0) v.spellings.delete(s);

  // 3. Candidate pairs by blocking.
  progress("finding candidate pairs", 0, variants.length, "names");
  const blocks = new Map<string, number[]>();
  const put = (key: string, id: number) => {
    const b = blocks.get(key);
    if (b) {
      if (b[b.length - 1] !== id) b.push(id);
    } else blocks.set(key, [id]);
  };
  const lostWords = new Map<string, number[]>();
  variants.forEach((v, id) => {
    const p = v.parsed;
    put("c:" + p.compact, id);
    if (p.lowerStart) put("ls:" + p.compact, id);
    else if (p.compact.length > 4) put("ls:" + p.compact.slice(1), id);
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
  const pairs = new Set<number>();
  const addPair = (a: number, b: number) => {
    if (a === b) return;
    const pa = variants[a]!.parsed;
    // Hundreds of separated groups of one initials-only spelling ("Y. Wang" in a large export) are not compared pairwise.
    if (pa.exact === variants[b]!.parsed.exact && (byExact.get(pa.exact)?.length ?? 0) > MAX_COMPARED_GROUPS) return;
    pairs.add(pairKey(a, b));
  };
  for (const ids of blocks.values()) {
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) addPair(ids[i]!, ids[j]!);
  }
  // A lost first letter changes the given initial: compare those rare spellings with every name sharing a word.
  if (lostWords.size) {
    variants.forEach((v, id) => {
      for (const t of [...v.parsed.given.slice(1), ...v.parsed.surname]) for (const x of lostWords.get(t.t) ?? []) addPair(x, id);
    });
  }
  // The same paper read twice, with two spellings at one byline position: strong evidence, and a candidate pair.
  const samePosition = new Map<number, string>();
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const a = occ[g[i]!]!;
        const b = occ[g[j]!]!;
        for (let pos = 0; pos < Math.min(a.length, b.length); pos++) {
          const x = a[pos]!;
          const y = b[pos]!;
          if (x < 0 || y < 0 || x === y) continue;
          addPair(x, y);
          if (!samePosition.has(pairKey(x, y))) {
            samePosition.set(pairKey(x, y), `same paper, byline position ${pos + 1}, in ${srcText(g[i]!)} and ${srcText(g[j]!)}`);
          }
        }
      }
    }
  }
  const pairList = [...pairs].sort((a, b) => a - b).map((k) => [Math.floor(k / 67_108_864), k % 67_108_864] as [number, number]);

  // 4. Union-find over variants with cluster-wide conflict checks.
  const sets = new UnionFind(variants.length);
  const members: number[][] = variants.map((_, i) => [i]);
  const recs: Set<number>[] = variants.map((v) => new Set(v.records));
  const find = (x: number): number => sets.find(x);
  const splitSets: Array<{ sides: number[][]; source: SourceRef }> = [];
  const thesaurusVariants = (names: string[], source: SourceRef): number[][] =>
    names.map((n) => {
      const ids = byExact.get(parseName(n).exact);
      if (ids === undefined) {
        diagnostics.push({ file: source.file, line: source.line, severity: "warning", message: `thesaurus name "${n}" does not occur in any input; check its spelling` });
        return [];
      }
      return ids;
    });
  for (const e of thesaurus?.entries ?? []) if (e.action === "split") splitSets.push({ sides: thesaurusVariants(e.names, e.source), source: e.source });

  const spellingsOf = (root: number) =>
    [...new Set(members[root]!.flatMap((v) => [...variants[v]!.spellings.keys()].map(cleanOf)))].sort(compareStrings);
  // Per root: the ORCID or source author ids its variants carry. A person never holds two of one namespace.
  const idTags: Array<Map<string, string>> = variants.map((v) => {
    const m = new Map<string, string>();
    if (v.tag.startsWith("o:")) m.set("ORCID", v.tag.slice(2));
    else if (v.tag.startsWith("i:")) m.set(idNamespace(v.tag.slice(2)), v.tag.slice(2));
    return m;
  });
  const conflict = (ra: number, rb: number, trustIds = false): string | null => {
    const [small, big] = recs[ra]!.size <= recs[rb]!.size ? [recs[ra]!, recs[rb]!] : [recs[rb]!, recs[ra]!];
    for (const r of small) if (big.has(r)) return `both named on one byline (${srcText(r)}): two different people`;
    for (const [ns, id] of idTags[ra]!) {
      const other = idTags[rb]!.get(ns);
      if (other !== undefined && other !== id) return `different ${ns === "ORCID" ? "ORCIDs" : `${ns} author ids`} (${[id, other].sort(compareStrings).join(" / ")})`;
    }
    for (const s of splitSets) {
      for (let i = 0; i < s.sides.length; i++) {
        for (let j = 0; j < s.sides.length; j++) {
          if (i === j) continue;
          const inA = s.sides[i]!.some((v) => find(v) === ra);
          const inB = s.sides[j]!.some((v) => find(v) === rb);
          if (inA && inB) return `thesaurus split (${s.source.file}:${s.source.line})`;
        }
      }
    }
    if (trustIds) return null;
    for (const x of members[ra]!) {
      for (const y of members[rb]!) {
        const rel = relation(x, y);
        if (rel.verdict === "different") {
          return `"${variants[x]!.parsed.clean}" and "${variants[y]!.parsed.clean}" would end up together: ${rel.reasons.join("; ")}`;
        }
      }
    }
    return null;
  };
  // Per-root listings and rare title words depend only on the root's records: kept across rounds and dropped by union
  // for the two roots it joins (rebuilding them every round cost about a second at 10,000 papers).
  const docCache = new Map<number, Set<number>>();
  const wordCache = new Map<number, Set<string>>();
  /**
   * Joins the clusters of roots ra and rb, for automatic matches and thesaurus merges alike: the larger keeps its
   * root, members, records and author ids move over, and the per-root caches of both are dropped.
   */
  const absorb = (ra: number, rb: number): void => {
    const [keep, drop] = members[ra]!.length >= members[rb]!.length ? [ra, rb] : [rb, ra];
    sets.link(keep, drop);
    members[keep]!.push(...members[drop]!);
    members[drop] = [];
    for (const r of recs[drop]!) recs[keep]!.add(r);
    recs[drop] = new Set();
    for (const [ns, id] of idTags[drop]!) idTags[keep]!.set(ns, id);
    docCache.delete(keep);
    docCache.delete(drop);
    wordCache.delete(keep);
    wordCache.delete(drop);
  };
  const union = (x: number, y: number, evidence: string[], trustIds = false, meta?: { basis: DecisionData["basis"]; weights: number[]; penalty?: number; context?: number }): boolean => {
    const ra = find(x);
    const rb = find(y);
    if (ra === rb) return false;
    const why = conflict(ra, rb, trustIds);
    const weights = meta?.weights ?? evidence.map(() => 0);
    if (why) {
      const review = decision("conflict", [spellingsOf(ra), spellingsOf(rb)], [...weights, 0], meta?.penalty ?? null, meta?.context ?? null);
      // A shared byline, two ids of one kind and a thesaurus split are rules; a name conflict with a third spelling is a judgement.
      review.conflict = why.startsWith("both named") ? "byline" : why.startsWith("different ") ? "author-id" : why.startsWith("thesaurus split") ? "thesaurus" : "names";
      apart.push({ a: x, b: y, merged: [variants[x]!.parsed.clean, variants[y]!.parsed.clean], evidence: [...evidence, `kept apart: ${why}`], review });
      return false;
    }
    const sides = [spellingsOf(ra), spellingsOf(rb)];
    events.push({ a: x, b: y, merged: [...new Set([...sides[0]!, ...sides[1]!])].sort(compareStrings), evidence, review: decision(meta?.basis ?? "name", sides, weights, meta?.penalty ?? null, meta?.context ?? null) });
    absorb(ra, rb);
    return true;
  };

  // Round 0: an ORCID or a source author id shared by two spellings is one person, whatever the spellings
  // ("Xiang Li" / "X. Li" / "Li Xiang"); only a shared byline or a conflicting id keeps them apart.
  const carriers = new Map<string, number[]>();
  refs.forEach(({ rec }, r) => {
    rec.authorInfo.forEach((info, pos) => {
      const v = occ[r]![pos];
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
    for (let i = 1; i < vs.length; i++) union(vs[0]!, vs[i]!, [`same ${k}`], true, { basis: "author-id", weights: [0] });
  }

  // Round 1: names alone are enough.
  const contextual: Array<[number, number]> = [];
  const pairTick = stepCounter(progress, "comparing names", pairList.length, "pairs");
  let compared = 0;
  for (const [x, y] of pairList) {
    pairTick(++compared);
    const rel = relation(x, y);
    if (rel.verdict === "different") continue;
    if (rel.penalty === 0) union(x, y, [...rel.reasons, "names alone are enough"], false, { basis: "name", weights: [...rel.reasons.map(() => 0), 0], penalty: 0 });
    else contextual.push([x, y]);
  }

  // Round 2: weigh context against the name penalty, strongest margins first; repeat while merges enable more.
  const titleDf = new Map<string, number>();
  // Word sets per distinct title (a paper's records share it); shared between records and only read.
  const titleWordCache = new Map<string, Set<string>>();
  const titleWords = refs.map(({ rec }) => {
    const t = rec.title ?? "";
    let ws = titleWordCache.get(t);
    if (!ws) titleWordCache.set(t, (ws = new Set(normalizeText(t).split(" ").filter((w) => w.length >= 4 && !TITLE_STOP.has(w)))));
    for (const w of ws) titleDf.set(w, (titleDf.get(w) ?? 0) + 1);
    return ws;
  });
  const rareMax = Math.max(2, Math.floor(refs.length * 0.005));
  const isProfile = (d: number) => docs[d]!.format === "profile" || docs[d]!.format === "compact-profile";
  // Per-root co-authors, rebuilt each round (roots merged within a round are picked up by the next one).
  const coCache = new Map<number, Map<number, boolean>>();
  const co = (root: number) => {
    let m = coCache.get(root);
    if (m) return m;
    m = new Map<number, boolean>();
    for (const r of recs[root]!) {
      const row = occ[r]!;
      const small = row.length <= SMALL_BYLINE;
      for (const v of row) {
        if (v < 0) continue;
        const c = find(v);
        if (c !== root) m.set(c, (m.get(c) ?? false) || small);
      }
    }
    coCache.set(root, m);
    return m;
  };
  const docsOf = (root: number) => {
    let d = docCache.get(root);
    if (!d) {
      // Plain loops, not spread + map/flatMap: these run for every root in every round.
      d = new Set<number>();
      for (const r of recs[root]!) d.add(refs[r]!.doc);
      docCache.set(root, d);
    }
    return d;
  };
  const wordsOf = (root: number) => {
    let w = wordCache.get(root);
    if (!w) {
      w = new Set<string>();
      for (const r of recs[root]!) for (const x of titleWords[r]!) if ((titleDf.get(x) ?? 0) <= rareMax) w.add(x);
      wordCache.set(root, w);
    }
    return w;
  };
  const context = (x: number, y: number): { score: number; evidence: string[]; weights: number[] } => {
    const ra = find(x);
    const rb = find(y);
    const evidence: string[] = [];
    const weights: number[] = [];
    let score = 0;
    const ca = co(ra);
    const cb = co(rb);
    const strong: string[] = [];
    const weak: string[] = [];
    const [first, second] = ca.size <= cb.size ? [ca, cb] : [cb, ca];
    for (const [c, smallFirst] of first) {
      if (c === ra || c === rb || !second.has(c)) continue;
      const label = variants[members[c]![0]!]!.parsed.clean;
      (smallFirst && second.get(c) ? strong : weak).push(label);
    }
    strong.sort(compareStrings);
    weak.sort(compareStrings);
    if (strong.length) {
      score += CONTEXT.coauthor * strong.length;
      weights.push(CONTEXT.coauthor * strong.length);
      evidence.push(`${strong.length} shared co-author${strong.length > 1 ? "s" : ""}: ${strong.slice(0, 3).join(", ")}${strong.length > 3 ? ", …" : ""}`);
    }
    if (weak.length) {
      const w = Math.min(CONTEXT.consortiumCap, CONTEXT.consortiumCoauthor * weak.length);
      score += w;
      weights.push(w);
      evidence.push(`${weak.length} shared co-author${weak.length > 1 ? "s" : ""} on consortium bylines (> ${SMALL_BYLINE} names), worth ${w}: ${weak.slice(0, 3).join(", ")}${weak.length > 3 ? ", …" : ""}`);
    }
    const docsA = docsOf(ra);
    const shared = [...docsOf(rb)].filter((d) => docsA.has(d) && !EXPORT_FORMATS.has(docs[d]!.format ?? "")).sort((a, b) => a - b);
    if (shared.length) {
      const prof = shared.find(isProfile);
      const d = prof ?? shared[0]!;
      score += prof !== undefined ? CONTEXT.sameProfilePage : CONTEXT.sameListing;
      weights.push(prof !== undefined ? CONTEXT.sameProfilePage : CONTEXT.sameListing);
      evidence.push(`same ${prof !== undefined ? "profile page" : "listing"}: ${docs[d]!.file}`);
    }
    const pos = samePosition.get(pairKey(x, y));
    if (pos) {
      score += CONTEXT.samePosition;
      weights.push(CONTEXT.samePosition);
      evidence.push(pos);
    }
    const wa = wordsOf(ra);
    const sharedWords = [...wordsOf(rb)].filter((w) => wa.has(w)).sort(compareStrings);
    if (sharedWords.length >= 2) {
      score += CONTEXT.titleWords;
      weights.push(CONTEXT.titleWords);
      evidence.push(`rare title words in common: ${sharedWords.slice(0, 4).join(", ")}`);
    }
    return { score, evidence, weights };
  };
  for (let round = 0; round < 3; round++) {
    coCache.clear();
    const ready: Array<{ x: number; y: number; margin: number; evidence: string[]; penalty: number; context: number; weights: number[] }> = [];
    const roundTick = stepCounter(progress, `weighing context, round ${round + 1}`, contextual.length, "pairs");
    let weighed = 0;
    for (const [x, y] of contextual) {
      roundTick(++weighed);
      if (find(x) === find(y)) continue;
      const rel = relation(x, y);
      const ctx = context(x, y);
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
    for (const c of ready) if (union(c.x, c.y, c.evidence, false, { basis: "context", weights: c.weights, penalty: c.penalty, context: c.context })) merged++;
    if (!merged) break;
  }
  // Near misses: compatible names that stayed apart for lack of evidence.
  coCache.clear();
  const reported = new Set<number>();
  const missTick = stepCounter(progress, "listing near misses", contextual.length, "pairs");
  let listed = 0;
  for (const [x, y] of contextual) {
    missTick(++listed);
    const ra = find(x);
    const rb = find(y);
    if (ra === rb || reported.has(pairKey(ra, rb))) continue;
    reported.add(pairKey(ra, rb));
    const rel = relation(x, y);
    const ctx = context(x, y);
    if (ctx.score >= rel.penalty) continue; // a conflict already recorded why
    apart.push({
      a: x,
      b: y,
      merged: [variants[x]!.parsed.clean, variants[y]!.parsed.clean],
      evidence: [...rel.reasons, ...(ctx.evidence.length ? ctx.evidence : ["no shared co-author, listing or paper"]), `context ${ctx.score} < needed ${rel.penalty}: kept apart`],
      review: decision(
        "context",
        [spellingsOf(ra), spellingsOf(rb)],
        [...rel.reasons.map(() => 0), ...(ctx.evidence.length ? ctx.weights : [0]), 0],
        rel.penalty,
        ctx.score,
      ),
    });
  }

  // 5. Thesaurus merges (after automatic matching) and renames.
  const renames = new Map<number, { name: string; source: SourceRef }>();
  for (const e of thesaurus?.entries ?? []) {
    if (e.action === "split") continue;
    const ids = thesaurusVariants(e.action === "rename" ? [e.names[0]!] : e.names, e.source).flat();
    if (e.action === "rename") {
      if (ids[0] !== undefined) renames.set(ids[0], { name: e.names[1]!, source: e.source });
      continue;
    }
    for (let i = 1; i < ids.length; i++) {
      const ra = find(ids[0]!);
      const rb = find(ids[i]!);
      if (ra === rb) continue;
      const split = splitSets.find((s) => s.sides.some((side) => side.some((v) => find(v) === ra)) && s.sides.some((side) => side.some((v) => find(v) === rb)));
      if (split) {
        diagnostics.push({ file: e.source.file, line: e.source.line, severity: "error", message: `merge contradicts the split on line ${split.source.line}; neither merge is applied` });
        continue;
      }
      const [small, big] = recs[ra]!.size <= recs[rb]!.size ? [recs[ra]!, recs[rb]!] : [recs[rb]!, recs[ra]!];
      const together = [...small].find((r) => big.has(r));
      if (together !== undefined) {
        diagnostics.push({ file: e.source.file, line: e.source.line, severity: "warning", message: `merged as asked, but these names appear together on one byline (${srcText(together)})` });
      }
      const sides = [spellingsOf(ra), spellingsOf(rb)];
      events.push({ a: ids[0]!, b: ids[i]!, merged: [...new Set([...sides[0]!, ...sides[1]!])].sort(compareStrings), evidence: [`thesaurus merge (${e.source.file}:${e.source.line})`], review: decision("thesaurus", sides, [0]) });
      absorb(ra, rb);
    }
  }

  // 6. Clusters: display name, aliases, key, profile figures.
  const roots = [...new Set(variants.map((_, i) => find(i)))];
  const nameTick = stepCounter(progress, "naming people", roots.length, "people");
  const built = roots.map((root, i) => {
    nameTick(i + 1);
    const counts = new Map<string, number>();
    const aliases = new Set<string>();
    for (const v of members[root]!) {
      for (const [raw, n] of variants[v]!.spellings) {
        aliases.add(raw);
        const c = cleanOf(raw);
        counts.set(c, (counts.get(c) ?? 0) + n);
      }
    }
    const rename = members[root]!.map((v) => renames.get(v)).find((x) => x);
    const name = rename ? rename.name : pickDisplay(counts);
    aliases.add(name);
    for (const v of members[root]!) for (const alt of variants[v]!.alternates) aliases.add(alt);
    return { root, name, aliases: [...aliases].sort(compareStrings), base: "a:" + nameKey(surnameFromVariants(parseName(name), members[root]!.map((v) => variants[v]!.parsed))) };
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
  const clusterOf = (v: number) => clusterOfRoot.get(find(v))!;
  attachAuthorInfo(clusters, refs, occ, clusterOf);
  docs.forEach((d, i) => {
    const v = headerVariant[i]!;
    if (!d.profile || v < 0) return;
    const c = clusters[clusterOf(v)]!;
    if (!c.profile) c.profile = d.profile.figures;
    else diagnostics.push({ file: d.file, line: d.profile.figures.source.line, severity: "warning", message: `a second profile page for ${c.name}; the figures of ${c.profile.source.file} are kept` });
  });

  const toEvent = (e: PendingEvent): MergeEvent => {
    const c = clusters[clusterOf(e.a)]!;
    const event: MergeEvent = { entity: "author", key: c.key, into: c.name, merged: e.merged, evidence: e.evidence };
    if (e.review) event.review = { ...e.review, keys: [c.key] };
    return event;
  };
  const merges: MergeEvent[] = [];
  // Spellings equal up to case/diacritics/hyphens are one variant: list them as merges too.
  variants.forEach((v, id) => {
    const sp = [...v.spellings.keys()].sort(compareStrings);
    if (sp.length > 1) merges.push(toEvent({ a: id, b: id, merged: sp, evidence: ["same name up to case, diacritics, hyphens and dots"], review: decision("variant", [sp], [0]) }));
  });
  for (const [p, why] of [...bindings].sort((a, b) => a[0] - b[0])) {
    merges.push(toEvent({ a: p, b: p, merged: [variants[p]!.parsed.clean], evidence: why, review: decision("profile", [[variants[p]!.parsed.clean]], why.map(() => 0)) }));
  }
  merges.push(...events.map(toEvent));
  const keptApart = apart.map((e) => {
    const [ca, cb] = [clusters[clusterOf(e.a)]!, clusters[clusterOf(e.b)]!];
    // A near miss that a thesaurus merge joined afterwards: show the spellings as read, and say what joined them.
    if (ca === cb) return { ...toEvent(e), into: e.merged.join(" / "), evidence: [...e.evidence, `joined afterwards by the thesaurus into ${ca.name} (${ca.key})`] };
    const event = { ...toEvent(e), key: `${ca.key} / ${cb.key}`, into: `${ca.name} / ${cb.name}` };
    if (event.review) event.review = { ...event.review, keys: [ca.key, cb.key] };
    return event;
  });

  return {
    clusters,
    occ: occ.map((row) => row.map((v) => (v < 0 ? -1 : clusterOf(v)))),
    profileOf: profileVariant.map((v) => (v < 0 ? -1 : clusterOf(v))),
    merges,
    keptApart,
    diagnostics,
  };
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

/** "openalex:A1" -> "openalex"; an id without a namespace counts as its own. */
function idNamespace(id: string): string {
  const at = id.indexOf(":");
  return at < 0 ? "source" : id.slice(0, at);
}

/** True when every given-name part is an initial ("M. W. Tingley", "X. Li"). */
function initialsOnly(p: ParsedName): boolean {
  return p.given.length > 0 && p.given.every((t) => t.initial);
}

/**
 * The tag of every byline occurrence (see Variant.tag). Initials-only names without ids are split into groups of
 * occurrences linked by a co-author spelled the same way or by being one paper read twice; the groups then need
 * context to merge, so twelve different "X. Li"s of a large export are not glued into one person.
 */
function occurrenceTags(refs: RecordRef[], groups: number[][], parsedOf: (raw: string) => ParsedName): string[][] {
  const tags = refs.map(({ rec }) =>
    rec.authors.map((_, pos) => {
      const info = rec.authorInfo[pos];
      if (info?.orcid) return `o:${info.orcid}`;
      const id = info?.ids[0];
      return id ? `i:${[...info.ids].sort(compareStrings)[0]}` : "";
    }),
  );
  const groupOfRecord = new Int32Array(refs.length);
  groups.forEach((g, gi) => g.forEach((r) => (groupOfRecord[r] = gi)));
  // Union-find over the candidate occurrences (record, position), keyed by their folded spelling.
  const occIndex = new Map<string, number>();
  const occurrences = new UnionFind();
  const exactOf: string[] = [];
  const find = (x: number): number => occurrences.find(x);
  const link = new Map<string, number>();
  const join = (key: string, o: number) => {
    const other = link.get(key);
    if (other === undefined) link.set(key, o);
    else {
      const [a, b] = [find(other), find(o)];
      if (a !== b) occurrences.link(Math.min(a, b), Math.max(a, b));
    }
  };
  refs.forEach(({ rec }, r) => {
    const parsed = rec.authors.map(parsedOf);
    parsed.forEach((p, pos) => {
      if (tags[r]![pos] !== "" || !p.exact || !initialsOnly(p)) return;
      const o = occurrences.add();
      exactOf.push(p.exact);
      occIndex.set(`${r}:${pos}`, o);
      join(`${p.exact}\u0000paper:${groupOfRecord[r]}`, o);
      if (parsed.length > SMALL_BYLINE) return;
      for (let q = 0; q < parsed.length; q++) if (q !== pos && parsed[q]!.exact) join(`${p.exact}\u0000co:${parsed[q]!.exact}`, o);
    });
  });
  // Number the groups of each spelling in order of first occurrence; a spelling with one group needs no tag.
  const groupNo = new Map<number, number>();
  const groupsOfExact = new Map<string, number>();
  for (let o = 0; o < occurrences.size; o++) {
    const root = find(o);
    if (groupNo.has(root)) continue;
    const n = groupsOfExact.get(exactOf[o]!) ?? 0;
    groupNo.set(root, n);
    groupsOfExact.set(exactOf[o]!, n + 1);
  }
  for (const [k, o] of occIndex) {
    if ((groupsOfExact.get(exactOf[o]!) ?? 0) < 2) continue;
    const [r, pos] = k.split(":").map(Number) as [number, number];
    tags[r]![pos] = `g:${groupNo.get(find(o))}`;
  }
  return tags;
}

/** The name relation, corrected for what the tags say about two variants of one spelling. */
function taggedRelation(a: Variant, b: Variant, base: NameRelation, isCommon: (s: string) => boolean): NameRelation {
  if (a.parsed.exact !== b.parsed.exact || a.tag === b.tag) return base;
  const ka = a.tag.slice(0, 2);
  const kb = b.tag.slice(0, 2);
  if ((ka === "o:" && kb === "o:") || (ka === "i:" && kb === "i:" && idNamespace(a.tag.slice(2)) === idNamespace(b.tag.slice(2)))) {
    return { verdict: "different", penalty: 0, reasons: [`same spelling, but different ${ka === "o:" ? "ORCIDs" : "source author ids"} (${a.tag.slice(2)} / ${b.tag.slice(2)})`] };
  }
  if (!initialsOnly(a.parsed)) return base;
  const core = a.parsed.surname[a.parsed.surname.length - 1]?.t ?? "";
  const penalty = isCommon(core) ? 2 : 1;
  return {
    verdict: "compatible",
    penalty,
    reasons: [`the same initials-only name "${a.parsed.clean}" on papers with no co-author in common${isCommon(core) ? " (common surname)" : ""}`],
  };
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
    c.affiliations = ranked(affiliations.get(i)).slice(0, 20);
  });
}

/**
 * Paper de-duplication: records of one paper read from several listings become one ResolvedPaper. Matches on
 * arXiv id, normalised title, or (when a side has no title) near-identical abstracts. A shared title prefix is
 * never enough: "The Brain Tumor Segmentation (BraTS) Challenge 2023: ..." names several different papers.
 */
import { UnionFind } from "./union-find";
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import type { Diagnostic, SourceRef } from "../records";
import type { RecordRef } from "./authors";
import { fnv1a, normalizeText, slug } from "./normalize";
import { compareStrings } from "../../model/compare";
import { SHINGLE, ShingleIndex, shingleValues } from "./shingles";

export { SHINGLE } from "./shingles";
import type { MergeEvent, ResolvedPaper } from "./types";

/** Share of the smaller abstract's 5-word shingles found in the other one. */
export const ABSTRACT_CONTAINMENT = 0.8;
/** Abstracts shorter than this many shingles are too short to identify a paper. */
export const MIN_SHINGLES = 10;
/** Shingles found in more records than this are boilerplate ("in this paper we propose"): not indexed. */
const MAX_POSTINGS = 50;
/** Titles sharing at least this many opening words, yet different, are reported as kept apart. */
const PREFIX_WORDS = 5;

export function normalizeArxivId(id: string | null): string | null {
  if (!id) return null;
  const m = id.trim().replace(/^arxiv:\s*/i, "").replace(/v\d+$/i, "");
  return m ? m.toLowerCase() : null;
}

export interface PaperGrouping {
  /** Record indices per paper, each sorted; groups ordered by their first record. */
  groups: number[][];
  /** Evidence per group (same order as groups); empty for single records. */
  evidence: string[][];
  keptApart: Array<{ records: [number, number]; evidence: string[] }>;
}

/** Catalogue ids that name one paper; a shared one joins records, two different ones in a namespace keep them apart. */
const ID_NAMESPACES = ["arXiv id", "DOI", "PMID", "OpenAlex id", "Semantic Scholar id", "WoS accession", "Scopus EID"] as const;

/** DataCite's arXiv DOIs ("10.48550/arxiv.2301.00001") name the preprint: read as its arXiv id, not as a DOI. */
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;

/** The ids of a record, one slot per namespace (null where it has none). */
export function paperIds(rec: RecordRef["rec"]): Array<string | null> {
  let doi = rec.doi;
  let arxiv = normalizeArxivId(rec.arxivId);
  const arxivDoi = doi ? ARXIV_DOI.exec(doi) : null;
  if (arxivDoi) {
    arxiv ??= normalizeArxivId(arxivDoi[1] ?? null);
    doi = null;
  }
  return [arxiv, doi, rec.pmid, rec.openalexId?.toUpperCase() ?? null, rec.s2Id?.toLowerCase() ?? null, rec.wosId?.toUpperCase() ?? null, rec.scopusId];
}

/** Publication years this far apart still name one work (a preprint and its journal version, a listing's date). */
const TITLE_YEAR_SLACK = 1;

export function groupPapers(refs: RecordRef[], progress: StepReporter = silentSteps): PaperGrouping {
  const n = refs.length;
  progress("grouping papers", 0, n, "records");
  const idsOf = refs.map(({ rec }) => paperIds(rec));
  const yearOf = refs.map(({ rec }) => (rec.date ? Number(rec.date.slice(0, 4)) : null));
  // One paper is read from several listings with the same title and abstract: normalise and shingle each distinct
  // string once (the shingle sets are shared between records and only read).
  const titleCache = new Map<string, string>();
  const title = refs.map(({ rec }) => {
    if (!rec.title) return "";
    let t = titleCache.get(rec.title);
    if (t === undefined) titleCache.set(rec.title, (t = normalizeText(rec.title)));
    return t;
  });
  const sets = new UnionFind(refs.length);
  // Per root: the ids of its records per namespace (a namespace with two values never forms), and its years.
  const ids: Array<Array<string | null>> = idsOf.map((x) => [...x]);
  const years: Array<[number, number] | null> = yearOf.map((y) => (y === null ? null : [y, y]));
  const why: string[][] = refs.map(() => []);
  const keptApart: PaperGrouping["keptApart"] = [];
  const find = (x: number): number => sets.find(x);
  const src = (i: number) => `${refs[i]!.rec.source.file}:${refs[i]!.rec.source.line}`;
  const idConflict = (ra: number, rb: number): string | null => {
    const a = ids[ra]!;
    const b = ids[rb]!;
    for (let k = 0; k < ID_NAMESPACES.length; k++) {
      if (a[k] && b[k] && a[k] !== b[k]) return `kept apart: different ${ID_NAMESPACES[k]}s ${[a[k]!, b[k]!].sort(compareStrings).join(" / ")}`;
    }
    return null;
  };
  const union = (a: number, b: number, reason: string, checkYears = false) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const conflict = idConflict(ra, rb);
    if (conflict) {
      keptApart.push({ records: [a, b], evidence: [reason, conflict] });
      return;
    }
    const ya = years[ra];
    const yb = years[rb];
    if (checkYears && ya && yb && (ya[0] - yb[1] > TITLE_YEAR_SLACK || yb[0] - ya[1] > TITLE_YEAR_SLACK)) {
      keptApart.push({ records: [a, b], evidence: [reason, `kept apart: published ${ya[0]} and ${yb[0]}, more than ${TITLE_YEAR_SLACK} year apart`] });
      return;
    }
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    sets.link(keep, drop);
    ids[keep] = ids[keep]!.map((v, k) => v ?? ids[drop]![k]!);
    years[keep] = ya && yb ? [Math.min(ya[0], yb[0]), Math.max(ya[1], yb[1])] : (ya ?? yb ?? null);
    why[keep]!.push(...why[drop]!, `${src(a)} = ${src(b)}: ${reason}`);
  };
  const byKey = (keyOf: (i: number) => string | null, reason: (k: string) => string, checkYears = false) => {
    // Every record is tried against each earlier group with the key, so a conflict with the first (two DOIs
    // sharing a title) does not stop it from joining a later compatible one.
    const groupsWithKey = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const k = keyOf(i);
      if (!k) continue;
      const list = groupsWithKey.get(k);
      if (!list) {
        groupsWithKey.set(k, [i]);
        continue;
      }
      let joined = false;
      for (const f of list) {
        if (find(f) === find(i)) {
          joined = true;
          break;
        }
        const before = keptApart.length;
        union(f, i, reason(k), checkYears);
        if (find(f) === find(i)) {
          joined = true;
          break;
        }
        // Report a conflict once per record, not once per earlier group it failed to join.
        if (keptApart.length > before + 1) keptApart.length = before + 1;
      }
      // Distinct groups sharing one key stay few (editorials, errata); a bound keeps a pathological input linear.
      if (!joined && list.length < 16) list.push(i);
    }
  };
  ID_NAMESPACES.forEach((name, k) => byKey((i) => idsOf[i]![k]!, (v) => `same ${name} ${v}`));
  byKey((i) => (title[i]!.length >= 12 ? title[i]! : null), () => "same title after normalising case, punctuation and diacritics", true);

  // Abstracts: inverted index over shingles; a candidate must cover most of the smaller abstract.
  const shingleCache = new Map<string, Float64Array>();
  const shingleTick = stepCounter(progress, "shingling abstracts", n, "records");
  const sh = refs.map(({ rec }, i) => {
    shingleTick(i + 1);
    if (!rec.abstract) return shingleValues(null);
    let s = shingleCache.get(rec.abstract);
    if (!s) shingleCache.set(rec.abstract, (s = shingleValues(rec.abstract)));
    return s;
  });
  shingleCache.clear();
  const eligible = (i: number) => sh[i]!.length >= MIN_SHINGLES;
  const index = new ShingleIndex(sh, eligible, MAX_POSTINGS);
  // Shared-shingle counts in a dense counter with a list of the records touched (not a Map per record): millions of
  // increments at 10,000 papers. Candidates are then visited in record order, as before.
  const hitCount = new Int32Array(n);
  const touched: number[] = [];
  const tick = stepCounter(progress, "comparing abstracts", n, "records");
  for (let i = 0; i < n; i++) {
    tick(i + 1);
    if (!eligible(i)) continue;
    for (const h of sh[i]!) {
      const slot = index.slot(h);
      for (let at = index.start[slot]!, end = index.start[slot + 1]!; at < end; at++) {
        const j = index.list[at]!;
        if (j <= i) continue;
        if (hitCount[j] === 0) touched.push(j);
        hitCount[j]!++;
      }
    }
    touched.sort((a, b) => a - b);
    const hits = touched.map((j) => [j, hitCount[j]!] as const);
    for (const j of touched) hitCount[j] = 0;
    touched.length = 0;
    for (const [j, k] of hits) {
      const share = k / Math.min(sh[i]!.length, sh[j]!.length);
      if (share < ABSTRACT_CONTAINMENT || find(i) === find(j)) continue;
      const reason = `abstracts ${Math.round(share * 100)}% identical (${SHINGLE}-word shingles)`;
      if (title[i] && title[j] && title[i] !== title[j]) {
        keptApart.push({ records: [i, j], evidence: [reason, "kept apart: both have titles and the titles differ"] });
      } else union(i, j, reason);
    }
  }
  // Titles that open alike but differ: say so in the audit trail.
  const titled = [...new Set(title.filter((t) => t))].sort(compareStrings);
  const firstWithTitle = new Map<string, number>();
  title.forEach((t, i) => t && !firstWithTitle.has(t) && firstWithTitle.set(t, i));
  for (let k = 0; k + 1 < titled.length; k++) {
    const a = titled[k]!.split(" ");
    const b = titled[k + 1]!.split(" ");
    let p = 0;
    while (p < a.length && p < b.length && a[p] === b[p]) p++;
    if (p >= PREFIX_WORDS) {
      const i = firstWithTitle.get(titled[k]!)!;
      const j = firstWithTitle.get(titled[k + 1]!)!;
      if (find(i) !== find(j)) {
        keptApart.push({ records: [i, j], evidence: [`titles share the opening "${a.slice(0, p).join(" ")}"`, "kept apart: a shared title prefix is not enough"] });
      }
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) (members.get(find(i)) ?? members.set(find(i), []).get(find(i))!).push(i);
  const roots = [...members.keys()].sort((a, b) => a - b);
  return { groups: roots.map((r) => members.get(r)!), evidence: roots.map((r) => why[r]!), keptApart };
}

const precision = (d: string) => d.split("-").length;

/** The first id per namespace over a paper's records (they cannot disagree: grouping keeps conflicting ids apart). */
function mergedIds(recs: RecordRef["rec"][]): Array<string | null> {
  const out: Array<string | null> = ID_NAMESPACES.map(() => null);
  for (const r of recs) paperIds(r).forEach((v, k) => (out[k] ??= v));
  return out;
}

/**
 * Union of lists up to case, diacritics and punctuation ("SciPy 1.0 Contributors" = WoS's "SciPy 1 0 Contributors",
 * "Computational science" = "computational-science"), first spelling kept, in the order read.
 */
function unionList(lists: readonly string[][]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const item of list) {
      const k = normalizeText(item) || item;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}

const firstOf = <T>(values: readonly (T | null)[]): T | null => values.find((v) => v !== null && v !== "") ?? null;

/** Venue, pages, keywords and the other fields only exports carry: the first or the union of the records'. */
function bibliographicFields(recs: RecordRef["rec"][], ids: Array<string | null>): Pick<ResolvedPaper,
  "doi" | "pmid" | "externalIds" | "venue" | "volume" | "issue" | "pages" | "publicationType" | "keywords" | "indexKeywords" |
  "meshTerms" | "groupAuthors" | "citationCount" | "referenceCount"> {
  const external = [
    ids[3] ? `openalex:${ids[3]}` : null,
    ids[4] ? `s2:${ids[4]}` : null,
    ids[5] ? `wos:${ids[5]}` : null,
    ids[6] ? `scopus:${ids[6]}` : null,
  ].filter((x): x is string => x !== null);
  const counts = recs.map((r) => r.citationCount).filter((c): c is number => c !== null);
  return {
    doi: ids[1] ?? null,
    pmid: ids[2] ?? null,
    externalIds: external.sort(compareStrings),
    venue: firstOf(recs.map((r) => r.venue)),
    volume: firstOf(recs.map((r) => r.volume)),
    issue: firstOf(recs.map((r) => r.issue)),
    pages: firstOf(recs.map((r) => r.pages)),
    publicationType: firstOf(recs.map((r) => r.publicationType)),
    keywords: unionList(recs.map((r) => r.keywords)),
    indexKeywords: unionList(recs.map((r) => r.indexKeywords)),
    meshTerms: unionList(recs.map((r) => r.meshTerms)),
    groupAuthors: unionList(recs.map((r) => r.groupAuthors)),
    citationCount: counts.length ? Math.max(...counts) : null,
    referenceCount: Math.max(0, ...recs.map((r) => r.references.length)),
  };
}

function bySource(a: SourceRef, b: SourceRef): number {
  return compareStrings(a.file, b.file) || a.line - b.line;
}

function openingWords(text: string, words = 8): string {
  const w = text.replace(/\s+/g, " ").trim().split(" ");
  return w.slice(0, words).join(" ") + (w.length > words ? "…" : "");
}

/**
 * One ResolvedPaper per group: fields are the union of the records. `occ` maps each record's byline to author
 * keys; `profileOf` gives each record's profile person (or null).
 */
export function buildPapers(
  refs: RecordRef[],
  grouping: PaperGrouping,
  occ: Array<Array<string | null>>,
  profileOf: Array<string | null>,
): { papers: ResolvedPaper[]; merges: MergeEvent[]; keptApart: MergeEvent[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const drafts = grouping.groups.map((g, gi) => {
    const rs = [...g].sort((a, b) => bySource(refs[a]!.rec.source, refs[b]!.rec.source));
    const recs = rs.map((r) => refs[r]!.rec);
    const titles = new Map<string, number>();
    for (const r of recs) if (r.title) titles.set(r.title, (titles.get(r.title) ?? 0) + 1);
    const title = [...titles].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compareStrings(a[0], b[0]))[0]?.[0] ?? null;
    const bylineIdx = [...rs].sort((a, b) => {
      const ra = refs[a]!.rec;
      const rb = refs[b]!.rec;
      return Number(rb.authorsComplete) - Number(ra.authorsComplete) || rb.authors.length - ra.authors.length || rs.indexOf(a) - rs.indexOf(b);
    })[0]!;
    const chosen = refs[bylineIdx]!.rec;
    const authors: string[] = [];
    // The spelling each entry of `authors` was read as (where it was first read): what a split of the person needs.
    const authorSpellings: string[] = [];
    const spelled = (raw: string | null | undefined) => (raw ?? "").normalize("NFC").trim();
    occ[bylineIdx]!.forEach((k, pos) => {
      if (!k || authors.includes(k)) return;
      authors.push(k);
      authorSpellings.push(spelled(chosen.authors[pos]));
    });
    for (const r of rs) {
      if (r === bylineIdx) continue;
      occ[r]!.forEach((k, pos) => {
        if (!k || authors.includes(k)) return;
        authors.push(k);
        authorSpellings.push(spelled(refs[r]!.rec.authors[pos]));
        if (chosen.authorsComplete) {
          diagnostics.push({ file: refs[r]!.rec.source.file, line: refs[r]!.rec.source.line, severity: "warning", message: `"${refs[r]!.rec.authors[pos]}" is not on the complete byline read at ${chosen.source.file}:${chosen.source.line}; appended to that paper's authors` });
        }
      });
    }
    const profileOwners: string[] = [];
    for (const r of rs) {
      const p = profileOf[r];
      if (!p || authors.includes(p)) continue;
      authors.push(p);
      authorSpellings.push(spelled(refs[r]!.rec.profileAuthor));
      profileOwners.push(p);
      if (chosen.authorsComplete) {
        diagnostics.push({ file: refs[r]!.rec.source.file, line: refs[r]!.rec.source.line, severity: "warning", message: `the page's person ${refs[r]!.rec.profileAuthor} is not on the complete byline of "${title ?? "this paper"}"; appended` });
      }
    }
    const dates = recs.map((r) => r.date).filter((d): d is string => !!d).sort((a, b) => precision(b) - precision(a) || compareStrings(a, b));
    const date = dates[0] ?? null;
    const arxivId = normalizeArxivId(recs.map((r) => r.arxivId).find((x) => x) ?? null);
    const abstract = recs.map((r) => r.abstract).filter((a): a is string => !!a).sort((a, b) => b.length - a.length)[0] ?? null;
    const label = title ?? (arxivId ? `arXiv:${arxivId} — ${openingWords(abstract ?? "")}` : abstract ? openingWords(abstract) : "untitled paper");
    const ids = mergedIds(recs);
    const doi = ids[1] ?? null;
    const pmid = ids[2] ?? null;
    const base = arxivId
      ? `p:arxiv:${arxivId}`
      : doi
        ? `p:doi:${doi}`
        : pmid
          ? `p:pmid:${pmid}`
          : title
        ? `p:${slug(normalizeText(title)) || fnv1a(title)}`
        : abstract
          ? `p:abs-${fnv1a(normalizeText(abstract).slice(0, 300))}`
          : `p:rec-${fnv1a(`${recs[0]!.source.file}:${recs[0]!.source.line}`)}`;
    const paper: ResolvedPaper = {
      key: base,
      title,
      label,
      authors,
      authorSpellings,
      authorsComplete: chosen.authorsComplete,
      profileOwners,
      affiliation: recs.map((r) => r.affiliation).find((x) => x) ?? null,
      date,
      year: date ? Number(date.slice(0, 4)) : null,
      arxivId,
      categories: [...new Set(recs.flatMap((r) => r.categories))].sort(compareStrings),
      hasCode: recs.some((r) => r.hasCode),
      abstract,
      comment: recs.map((r) => r.comment).find((x) => x) ?? null,
      sources: recs.map((r) => r.source).sort(bySource),
      ...bibliographicFields(recs, ids),
    };
    return { paper, gi };
  });
  drafts.sort((a, b) => compareStrings(a.paper.key, b.paper.key) || bySource(a.paper.sources[0]!, b.paper.sources[0]!));
  const used = new Map<string, number>();
  const keyOfGroup = new Map<number, string>();
  for (const d of drafts) {
    const n = (used.get(d.paper.key) ?? 0) + 1;
    used.set(d.paper.key, n);
    if (n > 1) d.paper.key = `${d.paper.key}-${n}`;
    keyOfGroup.set(d.gi, d.paper.key);
  }
  const papers = drafts.map((d) => d.paper).sort((a, b) => compareStrings(a.key, b.key));
  const groupOfRecord = new Map<number, number>();
  grouping.groups.forEach((g, gi) => g.forEach((r) => groupOfRecord.set(r, gi)));
  const srcs = (g: number[]) => g.map((r) => `${refs[r]!.rec.source.file}:${refs[r]!.rec.source.line}`);
  const merges: MergeEvent[] = [];
  const draftOfGroup = new Map(drafts.map((d) => [d.gi, d] as const));
  grouping.groups.forEach((g, gi) => {
    if (g.length < 2) return;
    const p = draftOfGroup.get(gi)!.paper;
    merges.push({ entity: "paper", key: p.key, into: p.label, merged: srcs(g), evidence: grouping.evidence[gi]! });
  });
  merges.sort((a, b) => compareStrings(a.key, b.key));
  const keptApart: MergeEvent[] = grouping.keptApart.map(({ records: [a, b], evidence }) => {
    const ka = keyOfGroup.get(groupOfRecord.get(a)!)!;
    const kb = keyOfGroup.get(groupOfRecord.get(b)!)!;
    return { entity: "paper", key: `${ka} / ${kb}`, into: `${refs[a]!.rec.title ?? ka} / ${refs[b]!.rec.title ?? kb}`, merged: srcs([a, b]), evidence };
  });
  return { papers, merges, keptApart, diagnostics };
}

/**
 * Steps 1 and 2 of author resolution: byline names become occurrences of variants (spellings equal up to case,
 * diacritics, hyphens and dots, told apart by ORCID, source author id or initials-only group), profile pages' people
 * become variants too, and each page's person is bound to the byline spelling that names them. The result, the
 * AuthorRun, is what every later step reads.
 */
import type { Diagnostic, ParsedDocument } from "../records";
import type { StepReporter } from "../progress";
import { stepCounter } from "../progress";
import { compareStrings } from "../../model/compare";
import { unorderedPair } from "../../model/pair-key";
import { COMMON_SURNAMES, compareNames, PENALTY, type NameRelation } from "./name-match";
import { cleanName, parseName, type ParsedName } from "./normalize";
import { UnionFind } from "./union-find";
import type { RecordRef } from "./authors";
import { COMMON_SURNAME_MIN_GIVEN, INITIALS_GROUP_PENALTY, SMALL_BYLINE } from "./authors-rules";

export interface Variant {
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

/** The variants, found by spelling; spellings repeat across bylines, so each distinct one is parsed and cleaned once. */
export class VariantTable {
  readonly list: Variant[] = [];
  /** Folded spelling -> its variants (several when ORCIDs, author ids or initials-only groups tell them apart). */
  readonly byExact = new Map<string, number[]>();
  private readonly byExactTag = new Map<string, number>();
  private readonly parsedRaw = new Map<string, ParsedName>();
  private readonly cleaned = new Map<string, string>();

  parse(raw: string): ParsedName {
    let p = this.parsedRaw.get(raw);
    if (!p) this.parsedRaw.set(raw, (p = parseName(raw)));
    return p;
  }

  clean(raw: string): string {
    let c = this.cleaned.get(raw);
    if (c === undefined) this.cleaned.set(raw, (c = cleanName(raw)));
    return c;
  }

  /** The variant of a spelling with a tag (see Variant.tag), added when new; -1 for a name without letters. */
  idOf(raw: string, tag = ""): number {
    const parsed = this.parse(raw);
    if (!parsed.exact) return -1;
    const k = parsed.exact + "\u0000" + tag;
    let id = this.byExactTag.get(k);
    if (id === undefined) {
      id = this.list.length;
      this.byExactTag.set(k, id);
      const list = this.byExact.get(parsed.exact);
      if (list) list.push(id);
      else this.byExact.set(parsed.exact, [id]);
      this.list.push({ parsed, spellings: new Map(), records: new Set(), tag, alternates: new Set() });
    }
    return id;
  }

  /** Counts one reading of `raw` as a spelling of variant `id`; a delta of -1 takes one back. */
  countSpelling(id: number, raw: string, delta = 1): void {
    const v = this.list[id]!;
    const s = raw.normalize("NFC").trim();
    v.spellings.set(s, (v.spellings.get(s) ?? 0) + delta);
  }
}

/**
 * How two variants' names relate (name-match.ts compareNames, corrected for their tags), cached per pair: the same
 * pairs are asked about in binding, every round and the conflict checks. Pairs found "different" are not cached: they
 * are most candidate pairs (1.8 of 1.84 million at 100,000 papers), each is dropped for good at its first comparison,
 * and a later ask (a conflict check) recomputes the same answer; caching them took 5.6 s and 220 MB there. Surnames
 * carried by many given names in this input count as common, like the static list.
 */
export class NameRelations {
  readonly isCommon: (surname: string) => boolean;
  private readonly variants: Variant[];
  private readonly cache = new Map<number, NameRelation>();

  constructor(variants: Variant[]) {
    this.variants = variants;
    const givenPerSurname = givenNamesPerSurname(variants);
    this.isCommon = (s) => COMMON_SURNAMES.has(s) || (givenPerSurname.get(s)?.size ?? 0) >= COMMON_SURNAME_MIN_GIVEN;
  }

  of(x: number, y: number): NameRelation {
    const k = unorderedPair(x, y);
    let r = this.cache.get(k);
    if (!r) {
      const [a, b] = [this.variants[x]!, this.variants[y]!];
      r = taggedRelation(a, b, compareNames(a.parsed, b.parsed, this.isCommon), this.isCommon);
      if (r.verdict !== "different") this.cache.set(k, r);
    }
    return r;
  }
}

/** What every step after the first reads: the input, the variants and where they occur, the name relations. */
export interface AuthorRun {
  readonly docs: ParsedDocument[];
  readonly refs: RecordRef[];
  /** Records of one paper (paper grouping), as record indices. */
  readonly groups: number[][];
  readonly progress: StepReporter;
  readonly diagnostics: Diagnostic[];
  readonly table: VariantTable;
  /** table.list, the variants by id. */
  readonly variants: Variant[];
  /** occ[record][position] -> variant id, or -1 for a name without letters; step 2 rebinds profile people. */
  readonly occ: number[][];
  /** Per record: the variant of its profile page's person (profileAuthor), or -1. */
  readonly profileVariant: number[];
  /** Per document: the variant of its profile page's header name, or -1. */
  readonly headerVariant: number[];
  readonly names: NameRelations;
  /** "file:line" of record r, for evidence lines. */
  srcText(r: number): string;
}

/**
 * Step 1: every byline name becomes an occurrence of a variant (a name without letters becomes a warning instead), and
 * profile pages' people become variants. The common surnames are counted once all variants are known, since the name
 * relations depend on them.
 */
export function collectVariants(docs: ParsedDocument[], refs: RecordRef[], groups: number[][], progress: StepReporter): AuthorRun {
  const diagnostics: Diagnostic[] = [];
  const table = new VariantTable();
  const occ = readBylines(docs, refs, groups, table, progress, diagnostics);
  const { profileVariant, headerVariant } = readProfilePeople(docs, refs, table);
  return {
    docs,
    refs,
    groups,
    progress,
    diagnostics,
    table,
    variants: table.list,
    occ,
    profileVariant,
    headerVariant,
    names: new NameRelations(table.list),
    srcText: (r) => `${refs[r]!.rec.source.file}:${refs[r]!.rec.source.line}`,
  };
}

/** occ[record][position] -> variant id, counting each spelling read and the alternates printed beside it; -1 and a warning for a name without letters. */
function readBylines(docs: ParsedDocument[], refs: RecordRef[], groups: number[][], table: VariantTable, progress: StepReporter, diagnostics: Diagnostic[]): number[][] {
  const tags = occurrenceTags(refs, groups, (raw) => table.parse(raw));
  const readTick = stepCounter(progress, "reading names", refs.length, "records");
  return refs.map(({ rec, doc }, r) => {
    readTick(r + 1);
    return rec.authors.map((raw, pos) => {
      const id = table.idOf(raw, tags[r]![pos]!);
      if (id < 0) {
        diagnostics.push({ file: docs[doc]!.file, line: rec.source.line, severity: "warning", message: `author name "${raw}" has no letters; left out of the byline` });
        return -1;
      }
      table.countSpelling(id, raw);
      for (const alt of rec.authorInfo[pos]?.alternateNames ?? []) if (alt) table.list[id]!.alternates.add(alt.normalize("NFC").trim());
      return id;
    });
  });
}

/**
 * The variants of profile pages' people: each record's profileAuthor and each page's header. A spelling of the
 * person is counted once per page (the header, and a profileAuthor spelled otherwise), not once per paper listed.
 */
function readProfilePeople(docs: ParsedDocument[], refs: RecordRef[], table: VariantTable): { profileVariant: number[]; headerVariant: number[] } {
  const profileVariant = refs.map(({ rec }) => (rec.profileAuthor ? table.idOf(rec.profileAuthor) : -1));
  const headerVariant = docs.map((d) => (d.profile ? table.idOf(d.profile.name) : -1));
  const seenOnPage = docs.map((d, i) => {
    const seen = new Set<string>();
    if (d.profile && headerVariant[i]! >= 0) {
      table.countSpelling(headerVariant[i]!, d.profile.name);
      seen.add(d.profile.name);
    }
    return seen;
  });
  refs.forEach(({ rec, doc }, r) => {
    const seen = seenOnPage[doc]!;
    if (rec.profileAuthor && !seen.has(rec.profileAuthor) && profileVariant[r]! >= 0) {
      seen.add(rec.profileAuthor);
      table.countSpelling(profileVariant[r]!, rec.profileAuthor);
    }
  });
  return { profileVariant, headerVariant };
}

/**
 * Step 2: a profile page's person is on every paper of the page, so on each paper of their group the byline spelling
 * that fits them best (the same name, else the smallest penalty) becomes them. Returns, per person, why each spelling
 * was bound (listed in the merge report). Then every variant learns its records and loses the spellings bound away.
 */
export function bindProfilePeople(run: AuthorRun): Map<number, string[]> {
  const { occ, refs, table, variants, names } = run;
  const bindings = new Map<number, string[]>();
  for (const g of run.groups) {
    const persons = [...new Set(g.map((r) => run.profileVariant[r]!).filter((p) => p >= 0))].sort((a, b) => a - b);
    for (const p of persons) {
      for (const r of g) {
        const row = occ[r]!;
        if (row.includes(p)) continue;
        const best = bestBylineSlot(row, p, persons, names);
        if (best < 0) continue;
        const raw = refs[r]!.rec.authors[best]!;
        const from = row[best]!;
        table.countSpelling(from, raw, -1);
        row[best] = p;
        table.countSpelling(p, raw);
        const why = bindings.get(p) ?? [];
        why.push(`"${raw}" at ${run.srcText(r)} is the page's own person (${names.of(from, p).reasons.join("; ")})`);
        bindings.set(p, why);
      }
    }
  }
  occ.forEach((row, r) => row.forEach((v) => v >= 0 && variants[v]!.records.add(r)));
  run.profileVariant.forEach((p, r) => p >= 0 && variants[p]!.records.add(r));
  for (const v of variants) for (const [s, n] of [...v.spellings]) if (n <= 0) v.spellings.delete(s);
  return bindings;
}

/** The byline position whose name fits profile person p best (not another page person of the paper), or -1. */
function bestBylineSlot(row: number[], p: number, persons: number[], names: NameRelations): number {
  let best = -1;
  let bestPenalty = Infinity;
  row.forEach((v, pos) => {
    if (v < 0 || persons.includes(v)) return;
    const rel = names.of(v, p);
    if (rel.verdict === "different") return;
    const pen = rel.verdict === "same" ? -1 : rel.penalty;
    if (pen < bestPenalty) {
      bestPenalty = pen;
      best = pos;
    }
  });
  return best;
}

/** Surname core -> the full given names it is read with, for the input's own common surnames. */
function givenNamesPerSurname(variants: Variant[]): Map<string, Set<string>> {
  const givenPerSurname = new Map<string, Set<string>>();
  for (const v of variants) {
    const core = v.parsed.surname[v.parsed.surname.length - 1]?.t;
    const g = v.parsed.given[0];
    if (!core || !g || g.initial) continue;
    let s = givenPerSurname.get(core);
    if (!s) givenPerSurname.set(core, (s = new Set()));
    s.add(g.t);
  }
  return givenPerSurname;
}

/** "openalex:A1" -> "openalex"; an id without a namespace counts as its own. */
export function idNamespace(id: string): string {
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
      // A co-author on a consortium byline links nothing: such papers share dozens of names by construction.
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
  const penalty = INITIALS_GROUP_PENALTY + (isCommon(core) ? PENALTY.commonSurname : 0);
  return {
    verdict: "compatible",
    penalty,
    reasons: [`the same initials-only name "${a.parsed.clean}" on papers with no co-author in common${isCommon(core) ? " (common surname)" : ""}`],
  };
}

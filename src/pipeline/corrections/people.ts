/**
 * Identity corrections (model/identity-corrections.ts: split, merge, rename) applied to the people of a built graph:
 * who is who after the corrections, which person each byline entry names, and each corrected person's display name
 * and node key, decided by the identity stage's own rules (authors.ts pickDisplay, surnameFromVariants, nameKey), so
 * the next build with the exported thesaurus gives the same people under the same keys.
 *
 * What the graph holds of a person: their spellings (`aliases`, the display name included) and the spelling each
 * paper's byline used (the authored edge's `as`, absent where it is the display name). A split moves each paper by
 * that spelling. What it does not hold, and how it is settled:
 * - how often each spelling was read (the build counts records; here papers are counted): only a tie-break of the
 *   display name, after well-formedness, fullness and diacritics;
 * - which spelling an ORCID, author id, affiliation or profile page came with: they stay with the side of a split that
 *   keeps the most papers;
 * - spellings a split names on no side (a later merge joined them to the person): they stay with that side too.
 * Names are matched as the thesaurus matches them (parseName's `exact`: no case, diacritics, hyphens or dots).
 */
import type { Correction, ThesaurusLine } from "../../model/identity-corrections";
import { compareStrings } from "../../model/compare";
import { pickDisplay, surnameFromVariants } from "../identity/authors";
import { cleanName, nameKey, parseName } from "../identity/normalize";

/** A person as the corrections see them. */
export interface Person {
  /** Key of the graph's node the person comes from (position, centrality, profile figures). */
  origin: string;
  /** Every node the person absorbed (their betweenness is kept: the largest). */
  origins: string[];
  /** The node's attributes as built (copied before any change). */
  attributes: Record<string, unknown>;
  name: string;
  aliases: Set<string>;
  /** Changed by a correction: name and key are decided again. */
  touched: boolean;
  alive: boolean;
  /** The node key after the corrections (set by assignKeys). */
  key: string;
}

/** One entry of a paper's byline: the person (index into people) and the spelling it was read as. */
export interface BylineEntry {
  person: number;
  spelling: string;
  /** A profile page's person added to a byline cut before their name (the paper's `profileOwners`). */
  owner?: boolean;
}

export interface PeopleState {
  people: Person[];
  /** Per paper (graph order), its byline. */
  bylines: BylineEntry[][];
  notes: string[];
  /** Folded spelling -> the people holding it; made on the first lookup, dropped when people change. */
  byExact?: Map<string, number[]> | null;
}

const exactCache = new Map<string, string>();
/** A spelling as the thesaurus matches it (parsed once per spelling: corrections look names up many times). */
function exactOf(s: string): string {
  let e = exactCache.get(s);
  if (e === undefined) {
    if (exactCache.size > 100_000) exactCache.clear();
    exactCache.set(s, (e = parseName(s).exact));
  }
  return e;
}

/** Every person holding a spelling equal (as the thesaurus compares names) to `name`, in index order. */
function holders(state: PeopleState, name: string): number[] {
  if (!state.byExact) {
    const index = new Map<string, number[]>();
    state.people.forEach((p, i) => {
      if (!p.alive) return;
      for (const e of new Set([...p.aliases].map(exactOf))) (index.get(e) ?? index.set(e, []).get(e)!).push(i);
    });
    state.byExact = index;
  }
  return state.byExact.get(exactOf(name)) ?? [];
}

function split(state: PeopleState, sides: readonly (readonly string[])[]): void {
  const folded = sides.map((s) => new Set(s.map(exactOf).filter(Boolean)));
  const sideOf = (spelling: string) => {
    const e = exactOf(spelling);
    return folded.findIndex((s) => s.has(e));
  };
  const label = sides.map((s) => s.join(" / ")).join(" from ");
  let done = false;
  // Only people holding spellings of two sides can be split.
  const candidates = [...new Set(sides.flatMap((side) => side.flatMap((n) => holders(state, n))))].sort((a, b) => a - b);
  for (const index of candidates) {
    const person = state.people[index]!;
    const aliasSide = new Map([...person.aliases].map((a) => [a, sideOf(a)] as const));
    const named = new Set([...aliasSide.values()].filter((s) => s >= 0));
    if (named.size < 2) continue;
    // Papers per side, by the spelling each byline used.
    const perSide = sides.map(() => 0);
    for (const b of state.bylines) for (const x of b) if (x.person === index && sideOf(x.spelling) >= 0) perSide[sideOf(x.spelling)]!++;
    // The side with the most papers keeps the node (ties: the first side); unnamed spellings stay with it.
    let home = [...named].sort((a, b) => a - b)[0]!;
    for (const s of named) if (perSide[s]! > perSide[home]!) home = s;
    const newIndex = new Map<number, number>();
    for (const s of [...named].sort((a, b) => a - b)) {
      if (s === home) continue;
      if (perSide[s] === 0) {
        state.notes.push(`${sides[s]!.join(" / ")} is on no paper of ${person.name}, so splitting it off makes no one; it stays with ${person.name}`);
        continue;
      }
      newIndex.set(s, state.people.length);
      state.people.push({
        origin: person.origin,
        origins: [...person.origins],
        attributes: { ...person.attributes, profile: null, orcid: null, externalIds: [], affiliations: [] },
        name: person.name,
        aliases: new Set([...person.aliases].filter((a) => aliasSide.get(a) === s)),
        touched: true,
        alive: true,
        key: person.key,
      });
    }
    if (newIndex.size === 0) continue;
    state.byExact = null;
    person.aliases = new Set([...person.aliases].filter((a) => !newIndex.has(aliasSide.get(a)!)));
    person.touched = true;
    for (const b of state.bylines) {
      for (const x of b) {
        if (x.person !== index) continue;
        const to = newIndex.get(sideOf(x.spelling));
        if (to !== undefined) x.person = to;
      }
    }
    done = true;
  }
  if (!done) state.notes.push(`Split ${label}: no one person holds these spellings (already apart, or not in this graph)`);
}

function merge(state: PeopleState, names: readonly string[]): void {
  const found = [...new Set(names.flatMap((n) => holders(state, n)))];
  if (found.length < 2) {
    state.notes.push(`Merge ${names.join(" and ")}: ${found.length ? "already one person" : "no such person in this graph"}`);
    return;
  }
  // The first name's person absorbs the others (the order of the names, then of the people).
  const [into, ...others] = found;
  const target = state.people[into!]!;
  for (const o of others) {
    const p = state.people[o]!;
    for (const a of p.aliases) target.aliases.add(a);
    target.origins.push(...p.origins);
    const t = target.attributes;
    const a = p.attributes;
    target.attributes = {
      ...t,
      profile: t.profile ?? a.profile ?? null,
      orcid: t.orcid ?? a.orcid ?? null,
      externalIds: [...new Set([...asStrings(t.externalIds), ...asStrings(a.externalIds)])].sort(compareStrings),
      affiliations: [...new Set([...asStrings(t.affiliations), ...asStrings(a.affiliations)])],
    };
    p.alive = false;
  }
  target.touched = true;
  state.byExact = null;
  for (const b of state.bylines) {
    for (const x of b) if (others.includes(x.person)) x.person = into!;
    // One person once per byline, at their first place (as the identity stage builds a paper's authors).
    const seen = new Set<number>();
    for (let i = 0; i < b.length; i++) {
      if (seen.has(b[i]!.person)) b.splice(i--, 1);
      else seen.add(b[i]!.person);
    }
  }
}

const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/**
 * Applies the corrections in order. Renames are collected (the build's thesaurus renames first, a later rename of a
 * spelling replacing an earlier one, as the exported thesaurus does) and act when names are decided.
 */
export function correctPeople(state: PeopleState, corrections: readonly Correction[], base: readonly ThesaurusLine[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const l of base) if (l.action === "rename" && l.names.length >= 2) renames.set(exactOf(l.names[0]!), l.names[1]!);
  for (const c of corrections) {
    if (c.kind === "split") split(state, c.sides);
    else if (c.kind === "merge") merge(state, c.names);
    else if (c.spelling.trim() && c.name.trim()) {
      const who = holders(state, c.spelling);
      if (!who.length) state.notes.push(`Rename ${c.spelling}: no such person in this graph`);
      renames.set(exactOf(c.spelling), c.name.trim());
      for (const i of who) state.people[i]!.touched = true;
    }
  }
  nameTouched(state, renames);
  return renames;
}

/**
 * Display name of every touched person: a rename of one of their spellings, else pickDisplay over the spellings their
 * bylines used, each counted once per paper as the build counts it once per record; a profile page's person added to
 * cut bylines counts once, as the build counts a page's person once per page.
 */
function nameTouched(state: PeopleState, renames: Map<string, string>): void {
  const counts = state.people.map(() => new Map<string, number>());
  const owned = state.people.map(() => new Set<string>());
  for (const b of state.bylines) {
    for (const x of b) {
      if (!state.people[x.person]!.touched) continue;
      const c = cleanName(x.spelling);
      if (!c || (x.owner && owned[x.person]!.has(c))) continue;
      if (x.owner) owned[x.person]!.add(c);
      counts[x.person]!.set(c, (counts[x.person]!.get(c) ?? 0) + 1);
    }
  }
  state.people.forEach((p, i) => {
    if (!p.alive || !p.touched) return;
    const rename = [...p.aliases].sort(compareStrings).map((a) => renames.get(exactOf(a))).find((x) => x !== undefined);
    const read = counts[i]!;
    p.name = rename ?? (read.size ? pickDisplay(read) : p.name);
    p.aliases.add(p.name);
  });
}

/** "a:byrne|nick~2" -> "a:byrne|nick". */
const baseOf = (key: string) => key.replace(/~\d+$/, "");

/**
 * Node keys as the identity stage gives them: "a:" + the name key of the display name (surname read with the other
 * spellings), "~2", "~3"... for people sharing one, in order of their sorted spellings. Untouched people keep their
 * key unless a touched person takes or leaves their base (then the build would number them again, and so does this).
 */
export function assignKeys(state: PeopleState): void {
  const baseOfPerson = state.people.map((p) => {
    if (!p.touched) return baseOf(p.key);
    const parsed = [...p.aliases].map((a) => parseName(a));
    return "a:" + nameKey(surnameFromVariants(parseName(p.name), parsed));
  });
  const affected = new Set<string>();
  state.people.forEach((p, i) => {
    if (!p.touched) return;
    affected.add(baseOfPerson[i]!);
    affected.add(baseOf(p.key));
  });
  for (const base of affected) {
    const group = state.people
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => p.alive && baseOfPerson[i] === base)
      .sort((a, b) => compareStrings([...a.p.aliases].sort(compareStrings).join("\n"), [...b.p.aliases].sort(compareStrings).join("\n")) || a.i - b.i);
    group.forEach(({ p }, n) => {
      p.key = n === 0 ? base : `${base}~${n + 1}`;
    });
  }
}

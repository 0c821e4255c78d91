/**
 * Identity corrections -> thesaurus. The review (graph attribute `identityReview`) lists what identity resolution
 * decided; a person correcting it makes corrections (split a merge, merge two people, rename one), and this module turns
 * them, together with the thesaurus the build already used (`identityReview.thesaurus`), into thesaurus lines that the
 * next build reads (src/pipeline/identity/thesaurus.ts; README "Thesaurus file"):
 *
 * - split(sides): `split,a,b` for every spelling a of one side and b of another (a split line keeps the names it lists
 *   apart, so one line per pair keeps the sides apart whichever spelling merges first); names of other sides are taken
 *   out of earlier `merge` lines that join them. Two spellings equal up to case, diacritics, hyphens and dots are one
 *   spelling to the thesaurus and cannot be split (a note says so).
 * - merge(names): `merge,a,b,...`; earlier `split` lines between them lose the later names, so the merge is not
 *   refused as a contradiction.
 * - rename(spelling, name): `rename,spelling,name`, replacing an earlier rename of that spelling (the thesaurus keeps
 *   only the first rename of a name).
 * Names are compared as the thesaurus compares them: without case, diacritics, hyphens and dots.
 *
 * Exports: thesaurusCsv (the CLI's format, `action,name,other`) and vosviewerThesaurus (VOSviewer's tab-separated
 * `label<TAB>replace by`, which can merge and rename but not keep people apart).
 */
import type { IdentityDecision, IdentityReview } from "./graph-file";
import { compareStrings } from "./compare";

export interface ThesaurusLine {
  action: "merge" | "split" | "rename";
  names: string[];
}

export type Correction =
  | { kind: "split"; sides: string[][] }
  | { kind: "merge"; names: string[] }
  | { kind: "rename"; spelling: string; name: string };

/** A person as the corrections need them: display name and every spelling read (graph node attributes). */
export interface PersonNames {
  name: string;
  aliases: readonly string[];
}

/** As the thesaurus compares names: no case, diacritics, hyphens, dots; spaces collapsed. */
export function foldName(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s.-]+/g, " ").trim();
}

/**
 * A spelling of the person that the thesaurus can find in the inputs: the spelling a rename line of the build's
 * thesaurus renamed to their display name, else the display name (always a spelling read).
 */
export function spellingOf(person: PersonNames, base: readonly ThesaurusLine[]): string {
  const aliases = new Set(person.aliases.map(foldName));
  const rename = base.find((l) => l.action === "rename" && l.names[1] === person.name && aliases.has(foldName(l.names[0]!)));
  return rename ? rename.names[0]! : person.name;
}

/** The correction that undoes a merge of the review: its sides kept apart. */
export function splitDecision(decision: IdentityDecision): Correction {
  return { kind: "split", sides: decision.sides.map((s) => [...s]) };
}

/** The correction that joins a near miss of the review. */
export function mergeDecision(decision: IdentityDecision): Correction {
  return { kind: "merge", names: decision.sides.map((s) => s[0]!).filter((x) => x !== undefined) };
}

export function mergePeople(people: readonly PersonNames[], base: readonly ThesaurusLine[]): Correction {
  return { kind: "merge", names: people.map((p) => spellingOf(p, base)) };
}

export function renamePerson(person: PersonNames, name: string, base: readonly ThesaurusLine[]): Correction {
  return { kind: "rename", spelling: spellingOf(person, base), name };
}

/** Lines that name spellings of two different groups lose the names of the later groups. */
function untangle(lines: ThesaurusLine[], action: ThesaurusLine["action"], groups: string[][]): ThesaurusLine[] {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((n) => groupOf.set(foldName(n), i)));
  const out: ThesaurusLine[] = [];
  for (const line of lines) {
    if (line.action !== action) {
      out.push(line);
      continue;
    }
    let first: number | undefined;
    const kept = line.names.filter((n) => {
      const g = groupOf.get(foldName(n));
      if (g === undefined) return true;
      if (first === undefined) first = g;
      return g === first;
    });
    if (kept.length >= 2) out.push({ action, names: kept });
  }
  return out;
}

export function applyCorrections(
  base: readonly ThesaurusLine[],
  corrections: readonly Correction[],
): { lines: ThesaurusLine[]; notes: string[] } {
  let lines: ThesaurusLine[] = base.map((l) => ({ action: l.action, names: [...l.names] }));
  const notes: string[] = [];
  const has = (line: ThesaurusLine) => lines.some((l) => l.action === line.action && l.names.length === line.names.length && l.names.every((n, i) => foldName(n) === foldName(line.names[i]!)));
  for (const c of corrections) {
    if (c.kind === "split") {
      const sides = c.sides.map((s) => s.filter((n) => n.trim() !== "")).filter((s) => s.length > 0);
      if (sides.length < 2) {
        notes.push("a split needs spellings on two sides; it is left out");
        continue;
      }
      lines = untangle(lines, "merge", sides);
      for (let i = 0; i < sides.length; i++) {
        for (let j = i + 1; j < sides.length; j++) {
          for (const a of sides[i]!) {
            for (const b of sides[j]!) {
              if (foldName(a) === foldName(b)) {
                notes.push(`"${a}" and "${b}" are one spelling to the thesaurus (they differ only in case, diacritics, hyphens or dots) and cannot be split`);
                continue;
              }
              const line: ThesaurusLine = { action: "split", names: [a, b] };
              if (!has(line)) lines.push(line);
            }
          }
        }
      }
    } else if (c.kind === "merge") {
      const names = c.names.filter((n, i) => n.trim() !== "" && c.names.findIndex((m) => foldName(m) === foldName(n)) === i);
      if (names.length < 2) {
        notes.push("a merge needs two different people; it is left out");
        continue;
      }
      lines = untangle(lines, "split", names.map((n) => [n]));
      lines.push({ action: "merge", names });
    } else {
      if (c.name.trim() === "" || c.spelling.trim() === "") {
        notes.push("a rename needs a spelling and a new name; it is left out");
        continue;
      }
      lines = lines.filter((l) => !(l.action === "rename" && foldName(l.names[0]!) === foldName(c.spelling)));
      lines.push({ action: "rename", names: [c.spelling, c.name.trim()] });
    }
  }
  return { lines, notes };
}

/** One CSV cell as the thesaurus parser reads it: quoted when it holds a comma or a quote, or starts or ends with a space. */
function cell(s: string): string {
  const flat = s.replace(/[\r\n\t]+/g, " ");
  return /[",]|^\s|\s$/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/** thesaurus.csv in the format the CLI reads (header `action,name,other`), topic lines kept after the person lines. */
export function thesaurusCsv(lines: readonly ThesaurusLine[], topics: IdentityReview["topicThesaurus"] = []): string {
  const out = [
    "# papergraph thesaurus (README, \"Thesaurus file\"): corrections applied after automatic matching.",
    "action,name,other",
    ...lines.map((l) => [l.action, ...l.names].map(cell).join(",")),
    ...topics.map((t) => [t.action, ...t.terms].map(cell).join(",")),
  ];
  return out.join("\n") + "\n";
}

/**
 * VOSviewer's thesaurus file: a header `label<TAB>replace by`, then one spelling and what to show instead per line.
 * Merges map every spelling (and, given the people, every alias of the people they name) to the merged person's name
 * (the rename target when one applies); renames map the spelling and its person's aliases to the new name. VOSviewer
 * cannot keep two labels apart, so split lines are left out and counted in `leftOut`.
 */
export function vosviewerThesaurus(lines: readonly ThesaurusLine[], people: readonly PersonNames[] = []): { text: string; leftOut: number } {
  const byAlias = new Map<string, PersonNames>();
  for (const p of people) for (const a of [p.name, ...p.aliases]) if (!byAlias.has(foldName(a))) byAlias.set(foldName(a), p);
  const renameOf = new Map<string, string>();
  for (const l of lines) if (l.action === "rename" && !renameOf.has(foldName(l.names[0]!))) renameOf.set(foldName(l.names[0]!), l.names[1]!);
  const spellings = (n: string) => [n, ...(byAlias.get(foldName(n))?.aliases ?? [])];
  const rows = new Map<string, string>();
  const map = (from: string, to: string) => {
    if (from !== to && !rows.has(from)) rows.set(from, to);
  };
  let leftOut = 0;
  for (const l of lines) {
    if (l.action === "split") {
      leftOut++;
      continue;
    }
    if (l.action === "rename") {
      for (const s of spellings(l.names[0]!)) map(s, l.names[1]!);
      continue;
    }
    const first = l.names[0]!;
    const target = renameOf.get(foldName(first)) ?? byAlias.get(foldName(first))?.name ?? first;
    for (const n of l.names) for (const s of spellings(n)) map(s, target);
  }
  const flat = (s: string) => s.replace(/[\t\r\n]+/g, " ");
  const body = [...rows].sort((a, b) => compareStrings(a[0], b[0])).map(([from, to]) => `${flat(from)}\t${flat(to)}`);
  return { text: ["label\treplace by", ...body].join("\n") + "\n", leftOut };
}

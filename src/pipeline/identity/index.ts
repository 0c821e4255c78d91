/**
 * Identity resolution: one entity per person and per paper. Papers are grouped first (so the same paper read
 * from two listings can vouch for its authors), then spellings are clustered into people, then each paper takes
 * the union of its records with author keys in byline order.
 */
import { silentSteps, stepCounter, type StepReporter } from "../progress";
import type { ParsedDocument } from "../records";
import { resolveAuthors, type RecordRef } from "./authors";
import { buildPapers, groupPapers } from "./papers";
import { compareStrings } from "../../model/compare";
import { separateGroupAuthors } from "./group-authors";
import type { Thesaurus } from "./thesaurus";
import type { IdentityResult, ResolvedAuthor } from "./types";

export { parseThesaurus } from "./thesaurus";
export type { Thesaurus, ThesaurusEntry, ThesaurusAction } from "./thesaurus";
export { formatMergeReport } from "./report";

export function resolveIdentity(docs: ParsedDocument[], options: { thesaurus?: Thesaurus; progress?: StepReporter }): IdentityResult {
  const progress = options.progress ?? silentSteps;
  const ordered = [...docs].sort((a, b) => compareStrings(a.file, b.file));
  const refs: RecordRef[] = ordered.flatMap((d, doc) => d.records.map((rec) => ({ rec: separateGroupAuthors(rec), doc })));
  const grouping = groupPapers(refs, progress);
  const people = resolveAuthors(ordered, refs, grouping.groups, options.thesaurus, progress);
  const keyOf = (c: number) => (c < 0 ? null : people.clusters[c]!.key);
  stepCounter(progress, "merging records into papers", grouping.groups.length, "papers", 1);
  const built = buildPapers(
    refs,
    grouping,
    people.occ.map((row) => row.map(keyOf)),
    people.profileOf.map(keyOf),
  );
  const papersOf = new Map<string, string[]>();
  for (const p of built.papers) for (const a of p.authors) (papersOf.get(a) ?? papersOf.set(a, []).get(a)!).push(p.key);
  const authors: ResolvedAuthor[] = people.clusters
    .map((c) => ({
      key: c.key, name: c.name, aliases: c.aliases, papers: (papersOf.get(c.key) ?? []).sort(compareStrings), profile: c.profile,
      orcid: c.orcid, externalIds: c.externalIds, affiliations: c.affiliations,
    }))
    .sort((a, b) => compareStrings(a.key, b.key));
  return {
    authors,
    papers: built.papers,
    merges: [...people.merges, ...built.merges],
    keptApart: [...people.keptApart, ...built.keptApart],
    diagnostics: [...people.diagnostics, ...built.diagnostics],
    ...(options.thesaurus ? { thesaurus: options.thesaurus } : {}),
  };
}

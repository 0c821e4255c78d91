/**
 * Author resolution: spellings -> people, in six steps (one module each beside this one):
 *
 * 1. collectVariants: byline names -> variants (spellings equal up to case, diacritics, hyphens and dots), profile
 *    pages' people, the input's common surnames (authors-variants.ts);
 * 2. bindProfilePeople: a profile page's person takes the byline spelling that names them (authors-variants.ts);
 * 3. candidatePairs: blocking (surname word + given initial, phonetic surname, compact form) keeps the pairs
 *    near-linear, plus lost-first-letter and same-paper-same-position pairs (authors-candidates.ts);
 * 4. a union-find whose every union is checked against the whole clusters it joins, so chains ("J. Smith" linking
 *    "John" and "Jane Smith") cannot build false merges: round 0 mergeByAuthorIds, round 1 mergeByNames
 *    (authors-merge.ts), round 2 mergeByContext, then the nearMisses (authors-context.ts);
 * 5. applyThesaurus: the researcher's merges and renames (authors-merge.ts);
 * 6. buildClusters: display name, aliases, key, profile figures; listMerges / listKeptApart: the audit trail
 *    (authors-clusters.ts).
 *
 * The numbers these steps decide by are in authors-rules.ts.
 */
import type { Diagnostic, PaperRecord, ParsedDocument, ProfileFigures } from "../records";
import type { MergeEvent } from "./types";
import type { Thesaurus } from "./thesaurus";
import { silentSteps, type StepReporter } from "../progress";
import { collectVariants, bindProfilePeople } from "./authors-variants";
import { candidatePairs } from "./authors-candidates";
import { applyThesaurus, Merger, mergeByAuthorIds, mergeByNames } from "./authors-merge";
import { ContextEvidence, mergeByContext, nearMisses } from "./authors-context";
import { buildClusters, listKeptApart, listMerges } from "./authors-clusters";

export { CONTEXT, COMMON_SURNAME_MIN_GIVEN, SMALL_BYLINE } from "./authors-rules";
export { pickDisplay, surnameFromVariants } from "./authors-clusters";

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

/**
 * People from the byline names of `refs` (records of `docs`, grouped into papers by `groups`), with the audit trail
 * of every decision; the steps are listed at the top of this file. Progress goes to `progress` step by step.
 */
export function resolveAuthors(
  docs: ParsedDocument[],
  refs: RecordRef[],
  groups: number[][],
  thesaurus: Thesaurus | undefined,
  progress: StepReporter = silentSteps,
): AuthorResolution {
  const run = collectVariants(docs, refs, groups, progress); // 1
  const bindings = bindProfilePeople(run); // 2
  const candidates = candidatePairs(run); // 3
  const merger = new Merger(run, thesaurus); // 4, with the thesaurus splits as conflicts
  mergeByAuthorIds(run, merger);
  const contextual = mergeByNames(run, merger, candidates.pairs);
  const evidence = new ContextEvidence(run, merger, candidates.samePosition);
  mergeByContext(run, merger, evidence, contextual);
  nearMisses(run, merger, evidence, contextual);
  const renames = applyThesaurus(run, merger, thesaurus); // 5
  const people = buildClusters(run, merger, renames); // 6
  const clusterOf = (v: number) => (v < 0 ? -1 : people.clusterOf(v));
  return {
    clusters: people.clusters,
    occ: run.occ.map((row) => row.map(clusterOf)),
    profileOf: run.profileVariant.map(clusterOf),
    merges: listMerges(run, merger, people, bindings),
    keptApart: listKeptApart(merger, people),
    diagnostics: run.diagnostics,
  };
}

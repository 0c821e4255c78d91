/**
 * Graph attribute `identityReview`: the identity stage's decisions about people as data, so the explorer can list
 * them, sort them by doubt and turn corrections into a thesaurus (src/model/identity-corrections.ts).
 *
 * doubt = 1 - |context - penalty| / (context + penalty) for decisions that weighed context against a name difference
 * (merges on context, near misses kept apart for want of it, and merges blocked by a name conflict with a third
 * spelling): 1 where the context found equals the context needed, towards 0 as either side wins clearly. Decisions
 * that rest on a rule (same spelling, a profile page, an ORCID or author id, names alone, a thesaurus line, a shared
 * byline, two ids of one kind) have doubt 0. Lists sorted by doubt (highest first), then key.
 */
import type { IdentityDecision, IdentityReview } from "../../model/graph-file";
import type { IdentityResult, MergeEvent } from "../identity/types";
import { compareStrings } from "./numbers";

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function doubtOf(penalty: number | null, context: number | null): number {
  if (penalty === null || context === null || penalty + context <= 0) return 0;
  return round3(1 - Math.abs(context - penalty) / (context + penalty));
}

function toDecision(e: MergeEvent): IdentityDecision | null {
  const r = e.review;
  if (e.entity !== "author" || !r) return null;
  const weighed = r.basis === "context" || (r.basis === "conflict" && r.conflict === "names");
  return {
    keys: [...(r.keys ?? [e.key])],
    sides: r.sides.map((s) => [...s]),
    basis: r.basis,
    evidence: e.evidence.map((text, i) => ({ text, weight: r.weights[i] ?? 0 })),
    penalty: r.penalty,
    context: r.context,
    doubt: weighed ? doubtOf(r.penalty, r.context) : 0,
    correctable: r.basis !== "variant" && r.basis !== "profile",
  };
}

const byDoubt = (a: IdentityDecision, b: IdentityDecision) =>
  b.doubt - a.doubt || compareStrings(a.keys.join(" "), b.keys.join(" ")) || compareStrings(a.sides.flat().join("\n"), b.sides.flat().join("\n"));

export function identityReview(identity: IdentityResult): IdentityReview {
  const list = (events: MergeEvent[]) => events.map(toDecision).filter((d): d is IdentityDecision => d !== null).sort(byDoubt);
  return {
    merges: list(identity.merges),
    keptApart: list(identity.keptApart),
    thesaurus: (identity.thesaurus?.entries ?? []).map((e) => ({ action: e.action, names: [...e.names] })),
    topicThesaurus: (identity.thesaurus?.topics ?? []).map((e) => ({ action: e.action, terms: [...e.terms] })),
  };
}

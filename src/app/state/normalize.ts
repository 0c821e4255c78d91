/**
 * Search folding (after Gephi Lite's search): the project's one letter folding (model/fold.ts), so "Puyol-Antón",
 * "PUYOL-ANTON" and "puyol-anton" are one string for search as for identity.
 */
import { foldText } from "../../model/fold";

export const normalizeText = foldText;

/** Words of a folded string: runs of letters and digits (hyphens, dots and punctuation split). */
export function words(s: string): string[] {
  return foldText(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

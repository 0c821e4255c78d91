/**
 * The bibliographic attributes of papers and authors as the details panel shows them: the venue line, and the
 * resolver addresses of a DOI and an ORCID iD. Only identifiers of the right shape become links (a graph file from
 * elsewhere may hold anything), and every link goes to the identifier's own resolver, built here, never taken from
 * the input. Pure, so tested without a DOM.
 */
import type { AuthorNodeAttributes, PaperNodeAttributes } from "../data/types";

const DOI = /^10\.\d{2,9}(?:\.\d+)*\/\S+$/;
const ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

/** https://doi.org/<doi> for a well-formed DOI (each path segment escaped), else null (shown as text only). */
export function doiUrl(doi: string | null | undefined): string | null {
  if (!doi || !DOI.test(doi)) return null;
  return `https://doi.org/${doi.split("/").map(encodeURIComponent).join("/")}`;
}

/** https://orcid.org/<id> for a well-formed ORCID iD, else null. */
export function orcidUrl(orcid: string | null | undefined): string | null {
  return orcid && ORCID.test(orcid) ? `https://orcid.org/${orcid}` : null;
}

const present = (s: string | null | undefined): s is string => typeof s === "string" && s.trim() !== "";

/** "Nature Methods, 17(3), 261–272"; parts that are missing are left out; null when there is nothing at all. */
export function venueLine(a: Pick<PaperNodeAttributes, "venue" | "volume" | "issue" | "pages">): string | null {
  const parts: string[] = [];
  if (present(a.venue)) parts.push(a.venue.trim());
  let vi = present(a.volume) ? a.volume.trim() : "";
  if (present(a.issue)) vi += `(${a.issue.trim()})`;
  if (vi) parts.push(parts.length ? vi : `vol. ${vi}`);
  if (present(a.pages)) parts.push(parts.length ? a.pages.trim() : `pp. ${a.pages.trim()}`);
  return parts.length ? parts.join(", ") : null;
}

/** The optional list attributes of newer graph files, empty when a file of an older build lacks them. */
export const listOf = (xs: readonly string[] | undefined | null): string[] => (Array.isArray(xs) ? xs.filter(present) : []);

/** What the details panel reads of an author beyond names: empty values when the graph file has none. */
export function authorIds(a: AuthorNodeAttributes): { orcid: string | null; orcidUrl: string | null; externalIds: string[]; affiliations: string[] } {
  const orcid = present(a.orcid) ? a.orcid : null;
  return { orcid, orcidUrl: orcidUrl(orcid), externalIds: listOf(a.externalIds), affiliations: listOf(a.affiliations) };
}

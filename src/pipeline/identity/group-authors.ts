/**
 * Organisations named on a byline ("FUTURE-AI consortium", "The ODELIA Consortium", "Alzheimer's Disease Neuroimaging
 * Initiative") are not people: they move to the paper's groupAuthors, so they never become author nodes, co-author links
 * or merges. Export readers already separate the ones their format marks (WoS CA, MEDLINE CN, PubMed CollectiveName,
 * braced BibTeX names); this rule catches the rest, in listings and in exports that print them as authors.
 */
import { isOrganisationName } from "../formats/organisations";
import type { PaperRecord } from "../records";

export { isOrganisationName };

/** The record with organisation names moved from `authors` (and `authorInfo`) to `groupAuthors`; the same object when there are none. */
export function separateGroupAuthors(rec: PaperRecord): PaperRecord {
  if (!rec.authors.some(isOrganisationName)) return rec;
  const authors: string[] = [];
  const authorInfo: PaperRecord["authorInfo"] = [];
  const groupAuthors = [...rec.groupAuthors];
  rec.authors.forEach((name, i) => {
    if (isOrganisationName(name)) {
      const group = name.replace(/^on behalf of (?:the )?/i, "");
      if (!groupAuthors.includes(group)) groupAuthors.push(group);
      return;
    }
    authors.push(name);
    const info = rec.authorInfo[i];
    if (info) authorInfo.push(info);
  });
  return { ...rec, authors, authorInfo: rec.authorInfo.length ? authorInfo : [], groupAuthors };
}

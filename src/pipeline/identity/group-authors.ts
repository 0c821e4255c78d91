/**
 * Organisations named on a byline ("FUTURE-AI consortium", "The ODELIA Consortium", "Alzheimer's Disease Neuroimaging
 * Initiative") are not people: they move to the paper's groupAuthors, so they never become author nodes, co-author links
 * or merges. Export readers already separate the ones their format marks (WoS CA, MEDLINE CN, PubMed CollectiveName,
 * braced BibTeX names); this rule catches the rest, in listings and in exports that print them as authors.
 */
import type { PaperRecord } from "../records";

// An organisation word as a whole word. Kept short and specific: "Group" alone would catch the surname Group, so it
// counts only in phrases ("Study Group", "Working Group", "Research Group", "… Group for …").
const ORGANISATION = /\b(?:consortium|consortia|collaboration|collaborative|initiative|investigators|committee|society|alliance|federation|network|(?:study|working|research|writing|collaborative|trial|steering|task) (?:group|force)|group for|on behalf of)\b/i;

/** True when a byline name names an organisation rather than a person. */
export function isOrganisationName(name: string): boolean {
  // People's names have at most a few words; an organisation phrase inside a long "name" is the telling sign.
  return ORGANISATION.test(name);
}

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

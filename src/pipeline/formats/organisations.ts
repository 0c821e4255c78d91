/**
 * Is a name printed where an author belongs an organisation ("The LIGO Scientific Collaboration", "World Health
 * Organization", "CERN") rather than a person? Exports that give a single-field name (CSL `literal`, Crossref `name`,
 * OpenAlex and Semantic Scholar display names) do not say; an organisation must become a group author, never a person
 * that identity resolution would try to match.
 */

// Words that name a body of people or a place of work, in the languages exports print most often. Whole words only,
// so "Grouper" or "Labonte" are not matched, and a hyphen is part of the word, so a double-barrelled surname
// ("Network-Smith") is no organisation while "FUTURE-AI consortium" is one.
const ORGANISATION_WORD = new RegExp(
  "(?:^|[\\s(,&/])(?:" +
    [
      "consortium", "consortia", "institutional", "collaboration", "collaborative", "group", "groups", "team", "committee", "council",
      "society", "association", "organi[sz]ation", "organisation", "institute", "institutes", "institut", "instituto",
      "istituto", "universit\\p{L}*", "klinik\\p{L}*", "krankenhaus", "college", "school", "hospital", "clinic",
      "center", "centre", "centro", "zentrum", "foundation", "fundación", "fondation", "stiftung", "agency", "ministry",
      "ministerio", "ministère", "department", "office", "board", "commission", "network", "initiative", "project",
      "programme", "program", "alliance", "federation", "union", "laboratory", "laboratories", "corporation",
      "company", "inc\\.?", "ltd\\.?", "gmbh", "llc", "trust", "services?", "academy", "bureau", "authority",
      "registry", "investigators", "collaborators", "trialists", "working party", "working", "task force", "taskforce", "panel", "secretariat", "gesellschaft",
      "verein", "consorcio", "nations", "partnership", "coalition", "observatory", "survey",
    ].join("|") +
    ")(?=$|[\\s),&/.:;])",
  "iu",
);

/**
 * True when the name reads as an organisation, not a person. One rule for every reader and for listing bylines
 * (identity/group-authors.ts), so an organisation is a group author whichever format named it.
 */
export function isOrganisationName(name: string): boolean {
  const s = name.trim();
  if (s === "") return false;
  if (/^on behalf of\b/i.test(s)) return true;
  // "Team, B." / "Group, A. M.": one surname word and initials is a person, whatever the surname means.
  if (/^[\p{L}'’-]+,\s*(?:\p{Lu}\.?[\s-]*){1,3}$/u.test(s)) return false;
  // An acronym alone: "CERN", "WHO", "NASA", "ATLAS" (a person's name has lower-case letters or initials with dots).
  if (/^[\p{Lu}\d&-]{2,8}$/u.test(s)) return true;
  if (/\d{2,}/.test(s)) return true; // "Group 2017", "CMS-2018 team": people's names hold no numbers
  return ORGANISATION_WORD.test(s);
}

/** "others" / "et al." written as an author: the byline was cut there. */
export function isEtAl(name: string): boolean {
  return /^(?:and\s+)?(?:others|et\.?\s*al\.?|u\.\s*a\.)$/i.test(name.trim());
}

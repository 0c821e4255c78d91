/**
 * Semantic Scholar Graph API papers to records: a paper (`/paper/{id}`), a batch (`/paper/batch`, a list with null
 * for ids not found), a search page (`{"total", "offset", "next", "data"}`, bulk search with `token`), citation and
 * reference pages (`{"data": [{"citingPaper": …}]}`), author paper lists, and lines of the S2 datasets' `papers`
 * JSON Lines (lower-case keys: `corpusid`, `externalids`, `publicationdate`).
 *
 * Nested `citations` and `references` of a paper each become a record of their own when they have a title; the
 * parent lists its references as "s2:<paperId>" (a reference without an id by its title), and each citing paper
 * lists the parent among its references.
 */
import type { AuthorInfo, PaperRecord } from "../../records";
import { emptyRecord } from "../record";
import { cleanName } from "../text";
import { isOrganisationName } from "../organisations";
import { normalizeArxivId, normalizeDoi, normalizeOrcid, normalizePmid } from "./ids";
import type { JsonSpan } from "./json-scan";
import { count, displayText, field, isObject, list, objects, pick, repairC1, text, uniqueStrings, type ItemContext, type JsonObject } from "./json-values";
import { dateFromParts, dateFromText } from "./partial-dates";

/** Lines of the nested lists of a paper, where the scanner found them (a single paper read from a whole file). */
export interface NestedLines {
  citations?: readonly JsonSpan[];
  references?: readonly JsonSpan[];
}

/** The paper an element of a citation or reference page wraps, or the element itself. */
export function unwrapS2(o: JsonObject): JsonObject {
  for (const key of ["citingPaper", "citedPaper"]) {
    const inner = field(o, key);
    if (isObject(inner)) return inner;
  }
  return o;
}

/** True when an object reads as a Semantic Scholar paper (or a citation/reference page element). */
export function looksLikeS2Paper(o: JsonObject): boolean {
  if (isObject(field(o, "citingPaper")) || isObject(field(o, "citedPaper"))) return true;
  const paperId = field(o, "paperId");
  if (typeof paperId === "string" || (paperId === null && field(o, "title") !== undefined)) return true;
  if (field(o, "corpusid") !== undefined || field(o, "corpusId") !== undefined) return true;
  const ext = pick(o, "externalIds", "externalids");
  return isObject(ext) && (field(ext, "CorpusId") !== undefined || field(ext, "DOI") !== undefined);
}

/** True when an object reads as a Semantic Scholar author (author search, `/paper/{id}/authors`). */
export function looksLikeS2Author(o: JsonObject): boolean {
  return field(o, "authorId") !== undefined && field(o, "paperId") === undefined && field(o, "title") === undefined;
}

function s2Id(raw: unknown): string | null {
  const s = text(raw);
  return s && /^[0-9a-f]{40}$/i.test(s) ? s.toLowerCase() : null;
}

function readAuthors(paper: JsonObject, r: PaperRecord): void {
  const infos: AuthorInfo[] = [];
  for (const a of objects(field(paper, "authors"))) {
    const raw = text(field(a, "name"));
    if (!raw) continue;
    const name = cleanName(repairC1(raw));
    if (isOrganisationName(name)) {
      r.groupAuthors.push(name);
      continue;
    }
    const id = text(field(a, "authorId"));
    const ext = isObject(field(a, "externalIds")) ? (field(a, "externalIds") as JsonObject) : {};
    infos.push({
      orcid: normalizeOrcid(text(field(ext, "ORCID"))),
      ids: id && /^\d+$/.test(id) ? [`s2:${id}`] : [],
      affiliations: uniqueStrings(list(field(a, "affiliations")).map((x) => text(x))),
      alternateNames: [],
    });
    r.authors.push(name);
  }
  r.groupAuthors = uniqueStrings(r.groupAuthors);
  r.authorsComplete = r.authors.length > 0 || r.groupAuthors.length > 0;
  if (infos.some((i) => i.orcid || i.ids.length || i.affiliations.length)) r.authorInfo = infos;
}

/** The paper itself, without its nested lists. */
function readPaperOnly(paper: JsonObject, file: string, line: number): PaperRecord {
  const r = emptyRecord(file, line, "semantic-scholar");
  r.s2Id = s2Id(field(paper, "paperId"));
  const title = text(field(paper, "title"));
  r.title = displayText(title);
  readAuthors(paper, r);
  const ext = pick(paper, "externalIds", "externalids");
  const ids = isObject(ext) ? ext : {};
  r.doi = normalizeDoi(text(field(ids, "DOI")));
  r.arxivId = normalizeArxivId(text(field(ids, "ArXiv")));
  r.pmid = normalizePmid(text(field(ids, "PubMed")));
  const date = text(pick(paper, "publicationDate", "publicationdate"));
  r.date = dateFromText(date) ?? dateFromParts(field(paper, "year"));
  const venueObj = pick(paper, "publicationVenue");
  const journal = isObject(field(paper, "journal")) ? (field(paper, "journal") as JsonObject) : {};
  r.venue = displayText(text(field(paper, "venue")) ?? (isObject(venueObj) ? text(field(venueObj, "name")) : null) ?? text(field(journal, "name")));
  r.volume = text(field(journal, "volume"));
  r.pages = text(field(journal, "pages"));
  const types = list(pick(paper, "publicationTypes", "publicationtypes")).map((t) => text(t)).filter((t): t is string => !!t);
  r.publicationType = types.length > 0 ? types.join(", ") : null;
  const fields = list(field(paper, "fieldsOfStudy")).map((f) => text(f));
  const s2Fields = objects(pick(paper, "s2FieldsOfStudy", "s2fieldsofstudy")).map((f) => text(field(f, "category")));
  r.indexKeywords = uniqueStrings([...fields, ...s2Fields]);
  const abstract = text(field(paper, "abstract"));
  r.abstract = displayText(abstract);
  r.citationCount = count(pick(paper, "citationCount", "citationcount"));
  return r;
}

function hasContent(r: PaperRecord): boolean {
  return !!(r.title || r.authors.length || r.groupAuthors.length || r.abstract);
}

/**
 * One paper to its record and the records of its nested citations and references (those with a title). Returns []
 * (with a diagnostic) when the paper holds nothing to read.
 */
export function readS2Paper(element: JsonObject, ctx: ItemContext, nested: NestedLines = {}): PaperRecord[] {
  const paper = unwrapS2(element);
  const main = readPaperOnly(paper, ctx.file, ctx.line);
  const out: PaperRecord[] = [];
  const lineOf = (spans: readonly JsonSpan[] | undefined, i: number) => spans?.[i]?.line ?? ctx.line;

  const nestedRecords = (key: "citations" | "references"): PaperRecord[] => {
    const records: PaperRecord[] = [];
    list(field(paper, key)).forEach((item, i) => {
      if (!isObject(item)) return;
      const inner = unwrapS2(item);
      const r = readPaperOnly(inner, ctx.file, lineOf(nested[key], i));
      if (key === "references") {
        if (r.s2Id) main.references.push(`s2:${r.s2Id}`);
        else if (r.title) main.references.push(r.title);
      } else if (main.s2Id) {
        r.references.push(`s2:${main.s2Id}`);
      }
      if (r.title) records.push(r);
    });
    return records;
  };
  const references = nestedRecords("references");
  const citations = nestedRecords("citations");

  if (hasContent(main)) out.push(main);
  else {
    const what = main.s2Id ? ` (paperId ${main.s2Id})` : "";
    const nestedNote = references.length + citations.length > 0 ? "; its nested citations and references are read" : "";
    ctx.diags.warn(ctx.line, `a Semantic Scholar paper${what} with no title, authors or abstract (request them with fields=title,authors,...)${nestedNote}`);
  }
  out.push(...references, ...citations);
  return out;
}

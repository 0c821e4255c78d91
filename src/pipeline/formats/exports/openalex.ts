/**
 * OpenAlex works to records: one work from `/works/W…`, each work of a `/works` page (`{"meta", "results"}`), each
 * line of the snapshot's works JSON Lines (the family reader splits those; `.gz` files are binary and diagnosed as
 * such before any reader runs).
 *
 * Variations handled: `primary_location.source` (current) or `host_venue` (before 2023) for the venue; `topics`,
 * `keywords` (objects, or the older `{keyword, score}`), `concepts` and `mesh`; the abstract as an inverted index
 * object, as that index serialised to a string (flattened snapshots) or in MAG's `{IndexLength, InvertedIndex}` form;
 * authorships without an author entity (`raw_author_name` only); `is_authors_truncated` (list responses keep the
 * first 100 authors).
 */
import type { AuthorInfo, PaperRecord } from "../../records";
import { emptyRecord } from "../record";
import { cleanName } from "../text";
import { arxivIdFromDoi } from "./csl-json";
import { isOrganisationName } from "../organisations";
import { normalizeArxivId, normalizeDoi, normalizeOrcid, normalizePmid } from "./ids";
import { count, displayText, field, isObject, list, objects, pick, repairC1, text, uniqueStrings, type ItemContext, type JsonObject } from "./json-values";
import { invertedName } from "./names";
import { dateFromParts, dateFromText } from "./partial-dates";
import { parseIsoDate } from "../dates";

/** The entity an OpenAlex id names, by its letter ("https://openalex.org/W2741809807" -> work). */
const ENTITY_KINDS: Record<string, string> = {
  W: "work", A: "author", S: "source", I: "institution", C: "concept", T: "topic", P: "publisher", F: "funder",
  V: "venue", K: "keyword",
};

/** The kind and short id of an OpenAlex id ("https://openalex.org/A5023888391" -> ["author", "A5023888391"]). */
export function openalexEntity(raw: unknown): { kind: string; id: string } | null {
  const s = text(raw);
  if (!s) return null;
  const m = /^(?:https?:\/\/(?:api\.)?openalex\.org\/(?:(?:works|authors|sources|institutions|concepts|topics|publishers|funders|venues|keywords)\/)?)?([WASICTPFVK])(\d{1,12})$/i.exec(s);
  if (!m || !m[1] || !m[2]) return null;
  const letter = m[1].toUpperCase();
  return { kind: ENTITY_KINDS[letter] ?? "entity", id: `${letter}${m[2]}` };
}

/** True when an object reads as an OpenAlex work; `otherEntity` names what it is when it is another OpenAlex entity. */
export function classifyOpenalex(o: JsonObject): { work: boolean; otherEntity: string | null } {
  const entity = openalexEntity(field(o, "id"));
  if (entity && entity.kind !== "work") return { work: false, otherEntity: entity.kind };
  const workKeys = ["authorships", "abstract_inverted_index", "referenced_works", "primary_location", "publication_year", "cited_by_count", "host_venue"];
  const hits = workKeys.filter((k) => field(o, k) !== undefined).length;
  if (entity && entity.kind === "work") return { work: true, otherEntity: null };
  return { work: hits >= 2, otherEntity: null };
}

/**
 * An inverted index ({word: [positions]}) back to text: each word at each of its positions, in position order.
 * Sorted rather than placed in an array sized by the largest position, so a stray huge position costs nothing.
 */
export function invertedIndexText(raw: unknown): string | null {
  let index: unknown = raw;
  if (typeof index === "string") {
    try {
      index = JSON.parse(index);
    } catch {
      return null;
    }
  }
  if (isObject(index) && isObject(field(index, "InvertedIndex"))) index = field(index, "InvertedIndex");
  if (!isObject(index)) return null;
  const placed: { pos: number; word: string }[] = [];
  for (const word of Object.keys(index)) {
    for (const pos of list(index[word])) {
      if (typeof pos === "number" && Number.isInteger(pos) && pos >= 0) placed.push({ pos, word });
    }
  }
  if (placed.length === 0) return null;
  placed.sort((a, b) => a.pos - b.pos);
  const words: string[] = [];
  let last = -1;
  for (const { pos, word } of placed) {
    if (pos === last) continue; // two words claim one position: the first (in key order) wins
    words.push(word);
    last = pos;
  }
  return words.join(" ");
}

function pageRange(biblio: JsonObject): string | null {
  const first = text(field(biblio, "first_page"));
  const last = text(field(biblio, "last_page"));
  if (first && last && first !== last) return `${first}-${last}`;
  return first ?? last;
}

function displayNames(v: unknown, key = "display_name"): (string | null)[] {
  return objects(v).map((o) => text(field(o, key)));
}

/** An arXiv id from the work's DOI or from a location on arxiv.org. */
function arxivIdOf(work: JsonObject, doi: string | null): string | null {
  const fromDoi = arxivIdFromDoi(doi);
  if (fromDoi) return fromDoi;
  const locations = [field(work, "primary_location"), ...list(field(work, "locations"))];
  for (const loc of locations) {
    if (!isObject(loc)) continue;
    for (const key of ["landing_page_url", "pdf_url"]) {
      const url = text(field(loc, key));
      if (url && /arxiv\.org\//i.test(url)) {
        const id = normalizeArxivId(url);
        if (id) return id;
      }
    }
  }
  return null;
}

function readAuthorships(work: JsonObject, r: PaperRecord, ctx: ItemContext): void {
  const infos: AuthorInfo[] = [];
  let nameless = 0;
  for (const a of objects(field(work, "authorships"))) {
    const author = isObject(field(a, "author")) ? (field(a, "author") as JsonObject) : {};
    const rawText = text(field(a, "raw_author_name"));
    const raw = rawText ? repairC1(rawText) : null;
    const rawDisplay = raw ? (raw.includes(",") ? invertedName(raw) : cleanName(raw)) : null;
    const display = text(field(author, "display_name"));
    const name = display ? cleanName(repairC1(display)) : rawDisplay;
    if (!name) {
      nameless++;
      continue;
    }
    if (isOrganisationName(name)) {
      r.groupAuthors.push(name);
      continue;
    }
    const entity = openalexEntity(field(author, "id"));
    const institutions = uniqueStrings(displayNames(field(a, "institutions")));
    const rawAffiliations = uniqueStrings([...list(field(a, "raw_affiliation_strings")).map((s) => text(s)), text(field(a, "raw_affiliation_string"))]);
    infos.push({
      orcid: normalizeOrcid(text(field(author, "orcid"))),
      ids: entity && entity.kind === "author" ? [`openalex:${entity.id}`] : [],
      affiliations: institutions.length > 0 ? institutions : rawAffiliations,
      alternateNames: rawDisplay && rawDisplay !== name ? [rawDisplay] : [],
    });
    r.authors.push(name);
  }
  r.groupAuthors = uniqueStrings(r.groupAuthors);
  if (infos.some((i) => i.orcid || i.ids.length || i.affiliations.length || i.alternateNames.length)) r.authorInfo = infos;
  const truncated = field(work, "is_authors_truncated") === true;
  r.authorsComplete = !truncated && nameless === 0 && (r.authors.length > 0 || r.groupAuthors.length > 0);
  if (nameless > 0) ctx.diags.warn(ctx.line, `${nameless} authorship${nameless > 1 ? "s" : ""} of this OpenAlex work ${nameless > 1 ? "have" : "has"} no name; left out of the byline`);
  if (truncated) ctx.diags.warn(ctx.line, "OpenAlex cut this work's author list (is_authors_truncated: list responses keep the first 100 authors); fetch the single work for the full list");
}

/** One OpenAlex work to a record, or null (with a diagnostic) when it holds nothing to read. */
export function readOpenalexWork(work: JsonObject, ctx: ItemContext): PaperRecord | null {
  const r = emptyRecord(ctx.file, ctx.line, "openalex");
  const entity = openalexEntity(field(work, "id")) ?? openalexEntity(isObject(field(work, "ids")) ? field(field(work, "ids") as JsonObject, "openalex") : null);
  r.openalexId = entity && entity.kind === "work" ? entity.id : null;
  const title = text(pick(work, "title", "display_name"));
  r.title = displayText(title);
  readAuthorships(work, r, ctx);

  const ids = isObject(field(work, "ids")) ? (field(work, "ids") as JsonObject) : {};
  r.doi = normalizeDoi(text(field(work, "doi")) ?? text(field(ids, "doi")));
  r.pmid = normalizePmid(text(field(ids, "pmid")));
  r.arxivId = arxivIdOf(work, r.doi);
  r.date = parseIsoDate(text(field(work, "publication_date")) ?? "") ?? dateFromText(text(field(work, "publication_date")))
    ?? dateFromParts(field(work, "publication_year"));

  const primary = field(work, "primary_location");
  const source = isObject(primary) && isObject(field(primary, "source")) ? (field(primary, "source") as JsonObject) : null;
  const hostVenue = isObject(field(work, "host_venue")) ? (field(work, "host_venue") as JsonObject) : null;
  r.venue = displayText(text(source ? field(source, "display_name") : undefined) ?? text(hostVenue ? field(hostVenue, "display_name") : undefined));
  const biblio = isObject(field(work, "biblio")) ? (field(work, "biblio") as JsonObject) : {};
  r.volume = text(field(biblio, "volume"));
  r.issue = text(field(biblio, "issue"));
  r.pages = pageRange(biblio);
  r.publicationType = text(field(work, "type"));

  const topics = list(field(work, "topics")).length > 0 ? displayNames(field(work, "topics")) : displayNames([field(work, "primary_topic")]);
  const keywords = objects(field(work, "keywords")).map((k) => text(pick(k, "display_name", "keyword")));
  r.indexKeywords = uniqueStrings([...topics, ...keywords, ...displayNames(field(work, "concepts"))]);
  r.meshTerms = uniqueStrings(objects(field(work, "mesh")).map((m) => {
    const d = text(field(m, "descriptor_name"));
    const q = text(field(m, "qualifier_name"));
    return d ? (q ? `${d}/${q}` : d) : null;
  }));

  const abstract = invertedIndexText(field(work, "abstract_inverted_index")) ?? text(field(work, "abstract"));
  r.abstract = displayText(abstract);
  r.citationCount = count(field(work, "cited_by_count"));
  r.references = list(field(work, "referenced_works")).flatMap((w) => {
    const e = openalexEntity(w);
    return e && e.kind === "work" ? [`openalex:${e.id}`] : [];
  });

  if (!r.title && r.authors.length === 0 && r.groupAuthors.length === 0 && !r.abstract) {
    ctx.diags.warn(ctx.line, `an OpenAlex work${r.openalexId ? ` (${r.openalexId})` : ""} with no title, authors or abstract: nothing to read, skipped (was it fetched with select= leaving them out?)`);
    return null;
  }
  return r;
}

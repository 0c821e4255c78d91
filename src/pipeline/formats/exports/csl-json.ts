/**
 * CSL-JSON items (Zotero, citation.js, Mendeley, Better BibTeX, pandoc) to records; Crossref's work objects
 * (`/works` API and DOI content negotiation) are a superset of CSL-JSON and read here too.
 *
 * Variations handled: names as `family`/`given`/`suffix` with `non-dropping-particle` ("van") and
 * `dropping-particle` ("de"), or one `literal` (Crossref: `name`) that is an organisation (a group author) or a person;
 * `"others"` as the last author (a cut byline); `issued` as `date-parts` of numbers or strings (`[["2019","5"]]`),
 * seasons, ranges (the first date is taken), `raw`, `literal` or `edtf` text; titles and container titles as strings
 * or Crossref arrays; abstracts with JATS or HTML markup; `keyword` as one comma/semicolon string or a list.
 */
import type { AuthorInfo, PaperRecord } from "../../records";
import { emptyRecord } from "../record";
import { cleanName } from "../text";
import { normalizeArxivId, normalizeDoi, normalizeOrcid, normalizePmid } from "./ids";
import { isEtAl, isOrganisationName } from "../organisations";
import { count, displayText, field, firstText, isObject, list, objects, pick, repairC1, text, uniqueStrings, type ItemContext, type JsonObject } from "./json-values";
import { invertedName, joinName } from "./names";
import { dateFromParts, dateFromText } from "./partial-dates";

/** Keys that mark an object as a CSL-JSON item (or a Crossref work). */
const CSL_KEYS = ["issued", "container-title", "author", "editor", "DOI", "page", "volume", "URL", "title", "abstract", "keyword", "published", "published-print"];

/** CSL 1.0.2 item types, and Crossref's work types (its works are CSL-JSON with their own type names). */
const ITEM_TYPES = new Set([
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter", "classic",
  "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic",
  "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture", "musical_score", "pamphlet",
  "paper-conference", "patent", "performance", "periodical", "personal_communication", "post", "post-weblog",
  "regulation", "report", "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
  "journal-article", "book-chapter", "book-section", "book-part", "book-track", "book-series", "book-set", "edited-book",
  "monograph", "reference-book", "reference-entry", "proceedings", "proceedings-article", "proceedings-series",
  "posted-content", "dissertation", "report-series", "report-component", "peer-review", "component", "journal",
  "journal-issue", "journal-volume", "standard-series", "database", "grant", "other",
]);

/**
 * True when an object reads as a CSL-JSON item or a Crossref work: a known item type and one bibliographic member,
 * or, with no type or another one (`{"type": "object", "title": …}` is a JSON Schema), two members and CSL-shaped
 * names, dates or a DOI.
 */
export function looksLikeCsl(o: JsonObject): boolean {
  const type = field(o, "type");
  const hits = CSL_KEYS.filter((k) => field(o, k) !== undefined).length;
  if (typeof type === "string" && ITEM_TYPES.has(type.toLowerCase()) && hits >= 1) return true;
  const names = list(field(o, "author")).some((a) => isObject(a) && (field(a, "family") !== undefined || field(a, "literal") !== undefined));
  const dated = isObject(field(o, "issued"));
  return hits >= 2 && (names || dated || field(o, "DOI") !== undefined);
}

/**
 * A DOI, or a short DOI ("10/abcd", which resolves at doi.org) kept as given in lower case; null when neither.
 */
export function cslDoi(raw: string | null): string | null {
  if (!raw) return null;
  const full = normalizeDoi(raw);
  if (full) return full;
  const short = /^(?:(?:https?:\/\/)?(?:dx\.)?doi\.org\/|doi:\s*)?(10\/[a-z0-9]+)$/i.exec(raw.trim());
  return short && short[1] ? short[1].toLowerCase() : null;
}

/** arXiv's own DOIs (DataCite, "10.48550/arXiv.2301.00001") carry the arXiv id. */
export function arxivIdFromDoi(doi: string | null): string | null {
  if (!doi) return null;
  const m = /^10\.48550\/arxiv\.(.+)$/i.exec(doi);
  return m && m[1] ? normalizeArxivId(m[1]) : null;
}

interface ReadName {
  name: string | null;
  group: string | null;
  cut: boolean;
  info: AuthorInfo;
}

function emptyInfo(): AuthorInfo {
  return { orcid: null, ids: [], affiliations: [], alternateNames: [] };
}

/** One CSL name object (or a bare string some tools write) to a display name, a group author or an "others" mark. */
function readName(raw: unknown): ReadName {
  const info = emptyInfo();
  if (typeof raw === "string") {
    const s = raw.trim();
    if (isEtAl(s)) return { name: null, group: null, cut: true, info };
    if (isOrganisationName(s)) return { name: null, group: cleanName(s), cut: false, info };
    return { name: s ? invertedName(s) : null, group: null, cut: false, info };
  }
  if (!isObject(raw)) return { name: null, group: null, cut: false, info };
  info.orcid = normalizeOrcid(text(field(raw, "ORCID")) ?? text(field(raw, "orcid")));
  info.affiliations = uniqueStrings(list(field(raw, "affiliation")).map((a) => (isObject(a) ? text(field(a, "name")) : text(a))));
  const part = (key: string) => {
    const v = text(field(raw, key));
    return v ? repairC1(v) : null;
  };
  const family = part("family");
  const given = part("given");
  const literal = part("literal") ?? part("name");
  if (!family && !given) {
    if (!literal) return { name: null, group: null, cut: false, info };
    if (isEtAl(literal)) return { name: null, group: null, cut: true, info };
    // A literal is printed as is: a person ("Jane Doe") stays an author, an organisation becomes a group author.
    if (isOrganisationName(literal)) return { name: null, group: cleanName(literal), cut: false, info };
    return { name: cleanName(literal), group: null, cut: false, info };
  }
  // Some tools put an organisation in `family` with no given name.
  if (family && !given && isOrganisationName(family)) return { name: null, group: cleanName(family), cut: false, info };
  const surname = [part("dropping-particle"), part("non-dropping-particle"), family].filter(Boolean).join(" ");
  const name = joinName(given, surname || null, part("suffix"));
  return { name: name || null, group: null, cut: false, info };
}

/** The first date of a CSL date object (or of CSL-YAML's plain string form). */
export function cslDate(raw: unknown): string | null {
  if (typeof raw === "string" || typeof raw === "number") return dateFromText(String(raw));
  if (!isObject(raw)) return null;
  const parts = field(raw, "date-parts");
  if (Array.isArray(parts)) {
    // A range has two dates: the first is when it was published.
    const first = parts[0];
    if (Array.isArray(first)) {
      const date = dateFromParts(first[0], first[1], first[2]);
      if (date) return date;
    } else if (first !== undefined) {
      // A flat list ([2019, 5]) written by some tools.
      const date = dateFromParts(parts[0], parts[1], parts[2]);
      if (date) return date;
    }
  }
  for (const key of ["raw", "literal", "edtf"]) {
    const date = dateFromText(text(field(raw, key)));
    if (date) return date;
  }
  // A `year` member (older citeproc-js input).
  return dateFromParts(field(raw, "year"), field(raw, "month"), field(raw, "day"));
}

function splitKeywords(raw: unknown): string[] {
  if (Array.isArray(raw)) return uniqueStrings(raw.map((k) => text(k)));
  const s = text(raw);
  return s ? uniqueStrings(s.split(/[;,]/)) : [];
}

/** Crossref's `reference` list: a DOI where it gives one, else the printed reference. */
function references(raw: unknown): string[] {
  const out: string[] = [];
  for (const ref of objects(raw)) {
    const doi = normalizeDoi(text(field(ref, "DOI")));
    if (doi) out.push(`doi:${doi}`);
    else {
      const printed = text(field(ref, "unstructured")) ?? text(field(ref, "article-title"));
      const shown = displayText(printed);
      if (shown) out.push(shown);
    }
  }
  return out;
}

/** One CSL-JSON item to a record, or null (with a diagnostic) when it holds nothing to read. */
export function readCslItem(item: JsonObject, ctx: ItemContext): PaperRecord | null {
  const r = emptyRecord(ctx.file, ctx.line, "csl-json");
  const title = firstText(field(item, "title"));
  r.title = displayText(title);

  const names = list(field(item, "author"));
  const people = names.length > 0 ? names : list(field(item, "editor"));
  const infos: AuthorInfo[] = [];
  let cut = false;
  for (const raw of people) {
    const n = readName(raw);
    if (n.cut) cut = true;
    else if (n.group) r.groupAuthors.push(n.group);
    else if (n.name) {
      r.authors.push(n.name);
      infos.push(n.info);
    }
  }
  r.groupAuthors = uniqueStrings(r.groupAuthors);
  r.authorsComplete = !cut && (r.authors.length > 0 || r.groupAuthors.length > 0);
  if (infos.some((i) => i.orcid || i.affiliations.length > 0)) r.authorInfo = infos;

  r.date = cslDate(field(item, "issued")) ?? cslDate(field(item, "published")) ?? cslDate(field(item, "published-print"))
    ?? cslDate(field(item, "published-online"));

  r.doi = cslDoi(text(field(item, "DOI")));
  r.pmid = normalizePmid(text(field(item, "PMID")));
  const url = text(field(item, "URL"));
  const number = text(field(item, "number"));
  r.arxivId = arxivIdFromDoi(r.doi)
    ?? (url && /arxiv\.org\//i.test(url) ? normalizeArxivId(url) : null)
    ?? (number && /arxiv/i.test(number) ? normalizeArxivId(number) : null);

  const venue = firstText(pick(item, "container-title", "event-title", "event"));
  r.venue = displayText(venue);
  r.volume = text(field(item, "volume"));
  r.issue = text(field(item, "issue"));
  r.pages = text(pick(item, "page", "article-number"));
  r.publicationType = text(field(item, "type"));
  r.keywords = splitKeywords(field(item, "keyword"));
  r.indexKeywords = uniqueStrings(list(field(item, "subject")).map((s) => text(s)));
  const abstract = text(field(item, "abstract"));
  r.abstract = displayText(abstract);
  r.citationCount = count(field(item, "is-referenced-by-count"));
  r.references = references(field(item, "reference"));

  if (!r.title && r.authors.length === 0 && r.groupAuthors.length === 0 && !r.abstract) {
    const id = text(field(item, "id")) ?? r.doi;
    ctx.diags.warn(ctx.line, `a CSL-JSON item${id ? ` (id ${id})` : ""} with no title, authors or abstract: nothing to read, skipped`);
    return null;
  }
  return r;
}

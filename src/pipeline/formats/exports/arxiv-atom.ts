/**
 * arXiv API Atom responses (export.arxiv.org/api/query) to records, one per `<entry>`.
 *
 * Two layouts are in the wild and both are read: the classic one (until November 2025: only the Atom namespace on
 * `<feed>`, `xmlns:arxiv` and `xmlns:opensearch` declared again on every extension element, `<title type="html">`,
 * hard-wrapped titles and summaries, `http://` links) and the current one (all namespaces declared once on `<feed>`,
 * elements in another order, `https://` feed ids, links without `rel`). Elements are matched by local name, so any
 * prefix bound to the arXiv or Atom namespace works (`arxiv:`, `ns0:`, `atom:`). The daily announcement feed
 * (rss.arxiv.org/atom/<category>) is read too: `oai:arXiv.org:` ids, authors in one comma-separated `<dc:creator>`,
 * `arxiv:journal_reference` and `arxiv:DOI`, an "Announce Type" prefix on the summary, and `<published>` meaning the
 * day of the announcement.
 *
 * Each entry is found by scanning (xml-chunks.ts) and parsed on its own, so its line is right and a malformed entry is
 * a diagnostic that costs only itself. The API's answers that are not papers are diagnostics too: an error entry
 * (`<title>Error</title>`, id `…/api/errors#…`), the empty placeholder entries the classic API returned for ids it
 * did not find, and a feed with no entries.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { AuthorInfo, PaperRecord } from "../../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "../record";
import { cleanName, cleanText, excerpt } from "../text";
import { isOrganisationName } from "../organisations";
import { normalizeArxivId, normalizeDoi } from "./ids";
import { dateFromText } from "./partial-dates";
import type { ExportReader } from "./types";
import { LineCounter, splitXmlElements, type XmlElementChunk } from "./xml-chunks";

type Node = Record<string, unknown>;

const ARRAY_ELEMENTS = new Set(["entry", "author", "category", "link", "affiliation", "doi", "DOI", "primary_category", "creator"]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  isArray: (name) => ARRAY_ELEMENTS.has(name),
});

/** arXiv subject classes ("cs.CL", "hep-th", "physics.acc-ph", "q-bio.NC"); ACM and MSC classes ("I.2.7", "68T05") are not. */
const ARXIV_CATEGORY = /^[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?$/;

function nodeText(v: unknown): string | null {
  if (typeof v === "string") return v.trim() || null;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) return nodeText(v[0]);
  if (v && typeof v === "object") return nodeText((v as Node)["#text"]);
  return null;
}

function nodes(v: unknown): Node[] {
  const arr = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return arr.map((x) => (x && typeof x === "object" ? (x as Node) : { "#text": x }));
}

function own(n: Node, key: string): unknown {
  return Object.hasOwn(n, key) ? n[key] : undefined;
}

function attr(n: Node, name: string): string | null {
  const v = own(n, `@_${name}`);
  return typeof v === "string" ? v.trim() || null : null;
}

/** True when the start of a text is an Atom feed (or a lone entry) from the arXiv API. */
export function isArxivAtom(head: string): boolean {
  const body = head.replace(/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*/, "");
  if (!/^<(?:[\w.-]+:)?(?:feed|entry)[\s>]/.test(body)) return false;
  return /(?:https?:\/\/)?(?:export\.)?arxiv\.org\/(?:schemas\/atom|abs\/|api\/)/i.test(head);
}

function readAuthors(entry: Node, r: PaperRecord): void {
  const infos: AuthorInfo[] = [];
  for (const a of nodes(own(entry, "author"))) {
    const raw = nodeText(own(a, "name"));
    if (!raw) continue;
    const name = cleanName(raw);
    if (isOrganisationName(name)) {
      r.groupAuthors.push(name);
      continue;
    }
    const affiliations = nodes(own(a, "affiliation")).map(nodeText).filter((s): s is string => !!s).map((s) => cleanText(s));
    infos.push({ orcid: null, ids: [], affiliations: [...new Set(affiliations)], alternateNames: [] });
    r.authors.push(name);
  }
  // The announcement feed (rss.arxiv.org/atom) has no <author> elements: one <dc:creator> lists the names, comma-separated.
  if (infos.length === 0 && r.groupAuthors.length === 0) {
    for (const creator of nodes(own(entry, "creator"))) {
      for (const raw of (nodeText(creator) ?? "").split(/\s*,\s*|\s+and\s+/)) {
        const name = cleanName(raw);
        if (!name) continue;
        if (isOrganisationName(name)) r.groupAuthors.push(name);
        else r.authors.push(name);
      }
    }
  }
  r.authorsComplete = r.authors.length > 0 || r.groupAuthors.length > 0;
  if (infos.some((i) => i.affiliations.length > 0)) r.authorInfo = infos;
}

function readCategories(entry: Node, r: PaperRecord): void {
  const terms = [...nodes(own(entry, "primary_category")), ...nodes(own(entry, "category"))]
    .map((c) => attr(c, "term"))
    .filter((t): t is string => !!t);
  const categories: string[] = [];
  const other: string[] = [];
  for (const term of terms) {
    // One category element can list several ACM/MSC classes ("F.2.2; G.2.1").
    for (const t of ARXIV_CATEGORY.test(term) ? [term] : term.split(/\s*[;,]\s*/)) {
      const bucket = ARXIV_CATEGORY.test(t) ? categories : other;
      if (t && !bucket.includes(t)) bucket.push(t);
    }
  }
  r.categories = categories;
  r.indexKeywords = other;
}

/** The submission month a new-style arXiv id encodes ("2203.01250" -> "2022-03"); null for old-style ids. */
function monthOfArxivId(id: string | null): string | null {
  const m = id ? /^(\d{2})(\d{2})\.\d{4,5}$/.exec(id) : null;
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `20${m[1]}-${m[2]}` : null;
}

/** One parsed `<entry>` to a record, or null with a diagnostic when it is an error or a placeholder. */
function readEntry(entry: Node, file: string, line: number, diags: Diagnostics): PaperRecord | null {
  const id = nodeText(own(entry, "id"));
  const title = nodeText(own(entry, "title"));
  const summary = nodeText(own(entry, "summary"));
  if ((id && /arxiv\.org\/api\/errors/i.test(id)) || (title === "Error" && !normalizeArxivId(id))) {
    diags.error(line, `the arXiv API answered with an error, not a paper: "${excerpt(cleanText(summary ?? id ?? "no message"), 200)}"`);
    return null;
  }
  if (!id && !title && !summary) {
    diags.warn(line, "an empty entry (the classic arXiv API returned one for each requested id it could not find): nothing to read, skipped");
    return null;
  }
  const r = emptyRecord(file, line, "arxiv-atom");
  r.arxivId = normalizeArxivId(id);
  if (!r.arxivId) diags.warn(line, `entry id ${id ? `"${excerpt(id)}"` : "(none)"} holds no arXiv identifier; the record is kept without one`);
  r.title = title ? cleanText(title) || null : null;
  readAuthors(entry, r);
  const published = nodeText(own(entry, "published"));
  const publishedDate = dateFromText(published);
  if (published && !publishedDate) diags.warn(line, `"${excerpt(published)}" is not a date (expected YYYY-MM-DDThh:mm:ssZ); the record is kept without a date`);
  // The announcement feed's <published> is the day of this announcement; for a replacement that is the update, and
  // the paper's own month is the one its new-style id encodes (2203.01250 -> 2022-03).
  const announce = nodeText(own(entry, "announce_type"));
  if (announce && /^replace/i.test(announce)) {
    r.date = monthOfArxivId(r.arxivId);
    r.updated = publishedDate;
  } else {
    r.date = publishedDate;
    r.updated = announce ? null : dateFromText(nodeText(own(entry, "updated")));
  }
  readCategories(entry, r);
  r.doi = normalizeDoi(nodeText(own(entry, "doi")) ?? nodeText(own(entry, "DOI")));
  const journal = nodeText(own(entry, "journal_ref")) ?? nodeText(own(entry, "journal_reference"));
  r.venue = journal ? cleanText(journal) || null : null;
  const comment = nodeText(own(entry, "comment"));
  r.comment = comment ? cleanText(comment) || null : null;
  // The announcement feed prefixes the abstract with "arXiv:2203.01250v3 Announce Type: replace-cross Abstract:".
  const abstract = summary?.replace(/^\s*arXiv:\S+\s+Announce Type:\s*\S+\s*Abstract:\s*/i, "");
  r.abstract = abstract ? cleanText(abstract) || null : null;
  return r;
}

/** Entries parsed per parser call: one call per entry would spend most of the time setting the parser up. */
const BATCH = 100;

/** Parses one entry on its own, with a diagnostic at its line when it is malformed. */
function parseOne(xml: string, line: number, diags: Diagnostics): Node | null {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const at = line + Math.max(0, (valid.err.line ?? 1) - 1);
    diags.error(at, `malformed XML in the entry that starts at line ${line} (line ${at}, column ${valid.err.col}): ${valid.err.msg}; the entry is skipped`);
    return null;
  }
  try {
    const entry = own(parser.parse(xml) as Node, "entry");
    return Array.isArray(entry) && entry[0] && typeof entry[0] === "object" ? (entry[0] as Node) : {};
  } catch (err) {
    diags.error(line, `malformed XML in this entry: ${err instanceof Error ? err.message : String(err)}; the entry is skipped`);
    return null;
  }
}

/**
 * Parses a run of entries in one call, wrapped in a neutral root; when the run is not well-formed, or does not
 * parse into as many entries as it holds, each entry is parsed on its own so only the broken one is lost.
 */
function parseBatch(xmls: readonly string[], lines: readonly number[], diags: Diagnostics): (Node | null)[] {
  const joined = `<batch>${xmls.join("")}</batch>`;
  if (XMLValidator.validate(joined) === true) {
    try {
      const batch = own(parser.parse(joined) as Node, "batch");
      const entries = batch && typeof batch === "object" ? own(batch as Node, "entry") : undefined;
      if (Array.isArray(entries) && entries.length === xmls.length) {
        return entries.map((e) => (e && typeof e === "object" ? (e as Node) : {}));
      }
    } catch {
      // fall through to one entry at a time
    }
  }
  return xmls.map((xml, i) => parseOne(xml, lines[i]!, diags));
}

/** What may stand between and after entries: space, comments, the feed's closing tag. */
const BETWEEN_ENTRIES = /^(?:\s+|<!--[\s\S]*?-->|<\/(?:[A-Za-z_][\w.-]*:)?feed\s*>)*$/;
/**
 * Signs of an entry in the feed's header: an entry's own id (the feed's id is an API or RSS URL, an entry's is an
 * abstract page or an OAI identifier), or a closing </entry>.
 */
const ENTRY_IN_HEADER = /<(?:[A-Za-z_][\w.-]*:)?id>\s*(?:https?:\/\/arxiv\.org\/abs\/|oai:arXiv\.org:)|<\/(?:[A-Za-z_][\w.-]*:)?entry\s*>/;

/**
 * Text after the first entry that is in no entry (an entry whose tags were both damaged, "<e{try>" ... "", is not
 * found by the splitter), and an entry's id in the feed's header, are named with their lines: nothing is lost silently.
 */
function reportTextOutsideEntries(text: string, chunks: readonly XmlElementChunk[], diags: Diagnostics): void {
  const lines = new LineCounter(text);
  const report = (from: number, to: number, what: string) => {
    let a = from;
    while (a < to && /\s/.test(text[a]!)) a++;
    let b = to;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    const first = lines.lineAt(a);
    const last = lines.lineAt(b);
    diags.error(first, `${first < last ? `lines ${first}-${last}` : `line ${first}`}: ${what}, not read (an <entry> tag may be damaged)`);
  };
  const headerEnd = chunks.length > 0 ? chunks[0]!.start : text.length;
  const sign = ENTRY_IN_HEADER.exec(text.slice(0, headerEnd));
  if (sign) {
    // Up to the first entry, or to the last closing </entry> when there is no entry at all.
    const to = chunks.length > 0 ? headerEnd : Math.max(sign.index + sign[0].length, text.lastIndexOf("entry>") + 6);
    report(sign.index, to, "an entry's fields in the feed's header");
  }
  for (let i = 0; i < chunks.length; i++) {
    const from = chunks[i]!.end;
    const to = i + 1 < chunks.length ? chunks[i + 1]!.start : text.length;
    // Slices are disjoint, so all gaps together cost one pass over the text.
    if (to > from && !BETWEEN_ENTRIES.test(text.slice(from, to))) report(from, to, "text between entries that is in no entry");
  }
}

function readArxivAtom(text: string, file: string): ReaderResult {
  const diags = new Diagnostics(file);
  const records: PaperRecord[] = [];
  const { chunks } = splitXmlElements(text, ["entry"], { anyPrefix: true });
  // Also covers a closing </entry> whose opening tag was damaged: it stands in such text.
  reportTextOutsideEntries(text, chunks, diags);
  // A lone <entry> document is its own chunk; a feed's own <id>/<title> are outside every chunk.
  if (chunks.length === 0) {
    const total = /<(?:[\w.-]+:)?totalResults[^>]*>\s*(\d+)\s*</.exec(text);
    diags.warn(1, total && total[1] === "0"
      ? "the arXiv API found nothing for this query (totalResults 0): the feed has no entries"
      : "the feed has no entries: nothing to read");
  }
  const complete = chunks.filter((chunk) => {
    if (!chunk.complete) diags.error(chunk.line, "this entry is not closed (the file is cut off, or the entry lacks its closing tag); the entry is skipped");
    return chunk.complete;
  });
  for (let from = 0; from < complete.length; from += BATCH) {
    const run = complete.slice(from, from + BATCH);
    // Entries are parsed under their local name, so a prefixed <atom:entry> is renamed "entry" with the prefix removed.
    const parsed = parseBatch(run.map((c) => text.slice(c.start, c.end)), run.map((c) => c.line), diags);
    parsed.forEach((entry, i) => {
      if (!entry) return;
      const record = readEntry(entry, file, run[i]!.line, diags);
      if (record) records.push(record);
    });
  }
  return { records, diagnostics: diags.list.sort((a, b) => a.line - b.line), profile: null, listingDate: null };
}

export const arxivAtomReader: ExportReader = {
  format: "arxiv-atom",
  description: "an arXiv API Atom feed",
  sniff: isArxivAtom,
  read: readArxivAtom,
};

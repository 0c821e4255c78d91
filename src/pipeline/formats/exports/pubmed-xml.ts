/**
 * PubMed XML (efetch retmode=xml, "Save > XML" isn't offered but E-utilities and the baseline files give it):
 * <PubmedArticleSet> of <PubmedArticle> (MedlineCitation + PubmedData) and <PubmedBookArticle> (BookDocument +
 * PubmedBookData). Element reference: https://www.nlm.nih.gov/bsd/licensee/elements_descriptions.html
 *
 * Each article is found by a linear scan (xml-chunks.ts) and parsed on its own, so a malformed article is one
 * diagnostic at its line and the others are still read. Titles and abstracts may hold inline markup (<i>, <sup>,
 * <sub>, MathML); it is flattened to its text.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { AuthorInfo, PaperRecord } from "../../records";
import { Diagnostics, emptyRecord, type ReaderResult } from "../record";
import { excerpt } from "../text";
import { normalizeDoi, normalizeOrcid } from "./ids";
import { joinName } from "./names";
import { combineDates, isPlaceholderTitle, parsePubmedDate, plainText, pubmedGivenName, pubmedId, pubmedMonth } from "./pubmed-common";
import type { ExportReader } from "./types";
import { LineCounter, splitXmlElements, type XmlElementChunk } from "./xml-chunks";

// ---------------------------------------------------------------------------------------------------------------
// The ordered tree fast-xml-parser builds with preserveOrder: each node is { Name: children[], ":@"?: attributes },
// text is { "#text": "..." }. Order matters here: inline markup inside a title must keep its place in the text.

type XNode = Record<string, unknown>;

const ATTRS = ":@";
const TEXT = "#text";

function nameOf(node: XNode): string {
  for (const key in node) if (key !== ATTRS) return key;
  return "";
}

function kidsOf(node: XNode | undefined): XNode[] {
  if (!node) return [];
  const v = node[nameOf(node)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

function attr(node: XNode | undefined, name: string): string | undefined {
  const a = node?.[ATTRS] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === "string" ? v : undefined;
}

function child(node: XNode | undefined, name: string): XNode | undefined {
  for (const k of kidsOf(node)) if (name in k) return k;
  return undefined;
}

function children(node: XNode | undefined, name: string): XNode[] {
  return kidsOf(node).filter((k) => name in k);
}

function path(node: XNode | undefined, ...names: string[]): XNode | undefined {
  let n = node;
  for (const name of names) n = child(n, name);
  return n;
}

/** MathML in an abstract is laid out for display; its whitespace-only text nodes are indentation, not spaces. */
function isMath(name: string): boolean {
  return name === "math" || name.startsWith("mml:");
}

function collectText(node: XNode, out: string[], inMath: boolean): void {
  const name = nameOf(node);
  if (name === TEXT) {
    const t = String(node[TEXT] ?? "");
    if (!(inMath && t.trim() === "")) out.push(inMath ? t.trim() : t);
    return;
  }
  const math = inMath || isMath(name);
  for (const k of kidsOf(node)) collectText(k, out, math);
}

/** The text of an element with its inline markup flattened ("at the <i>TERT</i> gene" -> "at the TERT gene"). */
function textOf(node: XNode | undefined): string {
  if (!node) return "";
  const out: string[] = [];
  collectText(node, out, false);
  return plainText(out.join(""));
}

function textOrNull(node: XNode | undefined): string | null {
  const t = textOf(node);
  return t === "" ? null : t;
}

// ---------------------------------------------------------------------------------------------------------------

const parser = new XMLParser({
  preserveOrder: true,
  trimValues: false, // spaces around inline markup are part of the text
  ignoreAttributes: false,
  attributeNamePrefix: "",
  parseTagValue: false, // ids such as "0123" stay strings
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  jPath: false, // no path strings built per node: a fifth faster, and no callback here needs them
});

/** YYYY[-MM[-DD]] from an element with Year / Month / Day (/ Season) children, or its MedlineDate. */
function dateOf(node: XNode | undefined): string | null {
  if (!node) return null;
  const medline = textOrNull(child(node, "MedlineDate"));
  if (medline) return parsePubmedDate(medline);
  const year = textOf(child(node, "Year"));
  if (!/^\d{4}$/.test(year)) return null;
  const month = pubmedMonth(textOf(child(node, "Month")));
  const day = textOf(child(node, "Day"));
  let s = year;
  if (month !== null) {
    s += ` ${String(month)}`;
    if (/^\d{1,2}$/.test(day)) s += ` ${day}`;
  }
  return parsePubmedDate(s);
}

interface AuthorsRead {
  names: string[];
  info: AuthorInfo[];
  groups: string[];
  complete: boolean;
}

function readAuthor(author: XNode, out: AuthorsRead, diags: Diagnostics, line: number): void {
  const collective = textOrNull(child(author, "CollectiveName"));
  const last = textOrNull(child(author, "LastName"));
  if (!last) {
    if (collective) out.groups.push(collective);
    else diags.warn(line, "an author with neither LastName nor CollectiveName; left out of the byline");
    return;
  }
  if (attr(author, "ValidYN") === "N") {
    // PubMed keeps a misspelt name with ValidYN="N" beside the corrected one: only the valid one is an author.
    return;
  }
  const fore = textOrNull(child(author, "ForeName"));
  const initials = textOrNull(child(author, "Initials"));
  const suffix = textOrNull(child(author, "Suffix"));
  const name = joinName(fore ? pubmedGivenName(fore) : initials, last, suffix);
  const info: AuthorInfo = { orcid: null, ids: [], affiliations: [], alternateNames: [] };
  const short = initials ? joinName(initials, last, suffix) : null;
  if (short && short !== name) info.alternateNames.push(short);
  for (const id of children(author, "Identifier")) {
    const source = (attr(id, "Source") ?? "").trim();
    const value = textOf(id);
    if (!value) continue;
    if (source.toUpperCase() === "ORCID") {
      const orcid = normalizeOrcid(value);
      if (orcid) info.orcid ??= orcid;
      else diags.warn(line, `ORCID "${excerpt(value, 40)}" of ${name} is not a valid ORCID iD (wrong length or checksum); not kept`);
    } else if (source) {
      info.ids.push(`${source.toLowerCase()}:${value}`);
    }
  }
  for (const ai of children(author, "AffiliationInfo")) {
    const aff = textOrNull(child(ai, "Affiliation"));
    if (aff) info.affiliations.push(aff);
  }
  out.names.push(name);
  out.info.push(info);
}

/** The authors of an AuthorList (editors' lists, Type="editors", are not passed here). */
function readAuthorList(list: XNode | undefined, diags: Diagnostics, line: number): AuthorsRead {
  const out: AuthorsRead = { names: [], info: [], groups: [], complete: true };
  if (!list) return out;
  if (attr(list, "CompleteYN") === "N") out.complete = false;
  for (const author of children(list, "Author")) readAuthor(author, out, diags, line);
  return out;
}

/** Structured abstracts: "LABEL: text" per section, joined. CopyrightInformation is not abstract text. */
function readAbstract(abstract: XNode | undefined): string | null {
  if (!abstract) return null;
  const parts: string[] = [];
  for (const section of children(abstract, "AbstractText")) {
    const text = textOf(section);
    if (!text) continue;
    const label = plainText(attr(section, "Label") ?? "");
    parts.push(label ? `${label}: ${text}` : text);
  }
  return parts.length ? parts.join(" ") : null;
}

function idsOf(list: XNode | undefined): Map<string, string> {
  const ids = new Map<string, string>();
  for (const id of children(list, "ArticleId")) {
    const type = (attr(id, "IdType") ?? "").toLowerCase();
    const value = textOf(id);
    if (type && value && !ids.has(type)) ids.set(type, value);
  }
  return ids;
}

function validDoiOfELocations(node: XNode | undefined): string | null {
  for (const loc of children(node, "ELocationID")) {
    if ((attr(loc, "EIdType") ?? "").toLowerCase() === "doi" && attr(loc, "ValidYN") !== "N") {
      const doi = normalizeDoi(textOf(loc));
      if (doi) return doi;
    }
  }
  return null;
}

function readMesh(list: XNode | undefined): string[] {
  const terms: string[] = [];
  for (const heading of children(list, "MeshHeading")) {
    const descriptor = textOf(child(heading, "DescriptorName"));
    if (!descriptor) continue;
    const qualifiers = children(heading, "QualifierName").map(textOf).filter(Boolean);
    terms.push([descriptor, ...qualifiers].join("/"));
  }
  return terms;
}

function readKeywords(parent: XNode | undefined): string[] {
  const out: string[] = [];
  for (const list of children(parent, "KeywordList")) {
    for (const kw of children(list, "Keyword")) {
      const t = textOf(kw);
      if (t) out.push(t);
    }
  }
  return out;
}

/** One id per cited work ("pmid:…", else "doi:…", else "pmc:…"), else the printed citation. */
function referenceId(ids: Map<string, string>, citation: string | null): string | null {
  const pmid = pubmedId(ids.get("pubmed"));
  if (pmid) return `pmid:${pmid}`;
  const doi = normalizeDoi(ids.get("doi"));
  if (doi) return `doi:${doi}`;
  const pmc = ids.get("pmc");
  if (pmc) return `pmc:${pmc.toUpperCase()}`;
  return citation;
}

/** ReferenceList (nested lists included) and the older CommentsCorrections RefType="Cites". */
function readReferences(parents: (XNode | undefined)[], commentsCorrections: XNode | undefined): string[] {
  const refs = new Set<string>();
  const walk = (list: XNode | undefined) => {
    for (const k of kidsOf(list)) {
      if ("Reference" in k) {
        const ref = referenceId(idsOf(child(k, "ArticleIdList")), textOrNull(child(k, "Citation")));
        if (ref) refs.add(ref);
      } else if ("ReferenceList" in k) {
        walk(k);
      }
    }
  };
  for (const p of parents) for (const list of children(p, "ReferenceList")) walk(list);
  for (const cc of children(commentsCorrections, "CommentsCorrections")) {
    if (attr(cc, "RefType") !== "Cites") continue;
    const pmid = pubmedId(textOf(child(cc, "PMID")));
    const ref = pmid ? `pmid:${pmid}` : textOrNull(child(cc, "RefSource"));
    if (ref) refs.add(ref);
  }
  return [...refs];
}

function firstPublicationType(node: XNode | undefined): string | null {
  const direct = textOrNull(child(node, "PublicationType"));
  if (direct) return direct;
  return textOrNull(path(node, "PublicationTypeList", "PublicationType"));
}

function titleOf(node: XNode | undefined): string | null {
  const title = textOrNull(child(node, "ArticleTitle"));
  if (title && !isPlaceholderTitle(title)) return title;
  return textOrNull(child(node, "VernacularTitle"));
}

function applyAuthors(rec: PaperRecord, authors: AuthorsRead): void {
  rec.authors = authors.names;
  rec.groupAuthors = authors.groups;
  rec.authorsComplete = authors.complete;
  const hasInfo = authors.info.some((i) => i.orcid || i.ids.length || i.affiliations.length || i.alternateNames.length);
  rec.authorInfo = hasInfo ? authors.info : [];
}

function readJournalArticle(root: XNode, rec: PaperRecord, diags: Diagnostics, line: number): void {
  const citation = child(root, "MedlineCitation");
  const article = child(citation, "Article");
  const data = child(root, "PubmedData");
  const ids = idsOf(child(data, "ArticleIdList"));
  rec.pmid = pubmedId(textOf(child(citation, "PMID"))) ?? pubmedId(ids.get("pubmed"));
  rec.doi = validDoiOfELocations(article) ?? normalizeDoi(ids.get("doi"));
  rec.title = titleOf(article);
  rec.abstract = readAbstract(child(article, "Abstract"));
  applyAuthors(rec, readAuthorList(child(article, "AuthorList"), diags, line));
  const journal = child(article, "Journal");
  const issue = child(journal, "JournalIssue");
  rec.venue = textOrNull(child(journal, "Title")) ?? textOrNull(child(journal, "ISOAbbreviation")) ?? textOrNull(path(citation, "MedlineJournalInfo", "MedlineTA"));
  rec.volume = textOrNull(child(issue, "Volume"));
  rec.issue = textOrNull(child(issue, "Issue"));
  const pagination = child(article, "Pagination");
  const start = textOrNull(child(pagination, "StartPage"));
  const end = textOrNull(child(pagination, "EndPage"));
  rec.pages = textOrNull(child(pagination, "MedlinePgn")) ?? (start ? (end ? `${start}-${end}` : start) : null);
  rec.date = combineDates(dateOf(child(issue, "PubDate")), dateOf(child(article, "ArticleDate")));
  rec.publicationType = firstPublicationType(article);
  rec.meshTerms = readMesh(child(citation, "MeshHeadingList"));
  rec.keywords = readKeywords(citation);
  rec.references = readReferences([data], child(citation, "CommentsCorrectionsList"));
}

function readBookArticle(root: XNode, rec: PaperRecord, diags: Diagnostics, line: number): void {
  const doc = child(root, "BookDocument");
  const book = child(doc, "Book");
  const data = child(root, "PubmedBookData");
  const docIds = idsOf(child(doc, "ArticleIdList"));
  const dataIds = idsOf(child(data, "ArticleIdList"));
  rec.pmid = pubmedId(textOf(child(doc, "PMID"))) ?? pubmedId(dataIds.get("pubmed"));
  rec.doi = validDoiOfELocations(doc) ?? normalizeDoi(docIds.get("doi")) ?? normalizeDoi(dataIds.get("doi"));
  const bookTitle = textOrNull(child(book, "BookTitle"));
  const chapter = titleOf(doc);
  // A chapter's venue is its book; a record for the whole book has the book's title as its own.
  rec.title = chapter ?? bookTitle;
  rec.venue = chapter ? bookTitle : null;
  rec.abstract = readAbstract(child(doc, "Abstract"));
  // The chapter's own authors first; a record for a whole book lists its authors inside <Book>. Editors are not authors.
  const lists = [...children(doc, "AuthorList"), ...children(book, "AuthorList")].filter((l) => (attr(l, "Type") ?? "authors") !== "editors");
  applyAuthors(rec, readAuthorList(lists[0], diags, line));
  rec.volume = textOrNull(child(book, "Volume"));
  const pagination = child(doc, "Pagination");
  rec.pages = textOrNull(child(pagination, "MedlinePgn"));
  rec.date = dateOf(child(book, "PubDate")) ?? dateOf(child(doc, "ContributionDate"));
  rec.publicationType = firstPublicationType(doc);
  rec.meshTerms = readMesh(child(doc, "MeshHeadingList"));
  rec.keywords = readKeywords(doc);
  rec.references = readReferences([doc, data], undefined);
}

function readChunk(chunk: XmlElementChunk, text: string, file: string, diags: Diagnostics): PaperRecord | null {
  const kind = chunk.name === "PubmedBookArticle" ? "book article" : "article";
  if (!chunk.complete) {
    diags.error(chunk.line, `PubMed ${kind} has no closing </${chunk.name}> before ${chunk.end >= text.length ? "the end of the file (the file may be cut off)" : "the next article"}; skipped`);
    return null;
  }
  const xml = text.slice(chunk.start, chunk.end);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: true });
  if (valid !== true) {
    const at = chunk.line + Math.max(0, (valid.err.line ?? 1) - 1);
    diags.error(at, `PubMed ${kind} starting at line ${chunk.line} is not well-formed XML (${valid.err.msg}); skipped, the other articles are read`);
    return null;
  }
  const tree = parser.parse(xml) as XNode[];
  const root = tree.find((n) => chunk.name in n);
  if (!root) {
    diags.error(chunk.line, `PubMed ${kind} could not be read; skipped`);
    return null;
  }
  const rec = emptyRecord(file, chunk.line, "pubmed-xml");
  if (chunk.name === "PubmedBookArticle") {
    if (!child(root, "BookDocument")) {
      diags.error(chunk.line, "PubMed book article without <BookDocument>: nothing to read; skipped");
      return null;
    }
    readBookArticle(root, rec, diags, chunk.line);
  } else {
    if (!child(root, "MedlineCitation")) {
      diags.error(chunk.line, "PubMed article without <MedlineCitation>: nothing to read; skipped");
      return null;
    }
    readJournalArticle(root, rec, diags, chunk.line);
  }
  if (!rec.pmid) diags.warn(chunk.line, `PubMed ${kind} has no PMID: it is read, but cannot be matched to other sources by its PubMed id`);
  return rec;
}

/** What may sit between articles: the prolog, the set's own tags, comments and whitespace. */
const FRAME = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>|<\/?PubmedArticleSet\b[^>]*>|<\/?PubmedBookArticleSet\b[^>]*>)/i;

/** Reports anything between articles that is not the document's frame (a DeleteCitation list, stray text). */
function checkGap(text: string, from: number, to: number, lines: LineCounter, diags: Diagnostics): void {
  if (from >= to) return;
  // One slice per gap; every search below stays inside it, so the gaps together cost one pass over the text.
  const gap = text.slice(from, to);
  let i = 0;
  while (i < gap.length) {
    const m = FRAME.exec(gap.slice(i, i + 4096));
    if (m && m[0].length > 0) {
      i += m[0].length;
      continue;
    }
    const line = lines.lineAt(from + i);
    if (gap.startsWith("<DeleteCitation", i)) {
      const close = gap.indexOf("</DeleteCitation>", i);
      const end = close < 0 ? gap.length : close + "</DeleteCitation>".length;
      const count = (gap.slice(i, end).match(/<PMID\b/g) ?? []).length;
      diags.warn(line, `<DeleteCitation> lists ${count} PMID(s) to delete from an earlier baseline; these are not articles and are not read`);
      i = end;
      continue;
    }
    // Stray text: reported once, up to the next DeleteCitation (if any) in this gap.
    const next = gap.indexOf("<DeleteCitation", i + 1);
    const end = next < 0 ? gap.length : next;
    diags.warn(line, `text outside any PubMed article was not read: "${excerpt(plainText(gap.slice(i, Math.min(end, i + 200))), 60)}"`);
    i = end;
  }
}

export function readPubmedXml(text: string, file: string): ReaderResult {
  const diags = new Diagnostics(file);
  const records: PaperRecord[] = [];
  const { chunks, strayCloses } = splitXmlElements(text, ["PubmedArticle", "PubmedBookArticle"]);
  const lines = new LineCounter(text);
  let previousEnd = 0;
  for (const chunk of chunks) {
    checkGap(text, previousEnd, chunk.start, lines, diags);
    const rec = readChunk(chunk, text, file, diags);
    if (rec) records.push(rec);
    previousEnd = chunk.end;
  }
  checkGap(text, previousEnd, text.length, lines, diags);
  for (const stray of strayCloses) diags.warn(stray.line, `closing </${stray.name}> without its opening tag; ignored`);
  if (chunks.length === 0) diags.warn(1, "no <PubmedArticle> or <PubmedBookArticle> in this PubMed XML file: nothing to read");
  diags.list.sort((a, b) => a.line - b.line);
  return { records, diagnostics: diags.list, profile: null, listingDate: null };
}

/** The root element (or DOCTYPE) in the head names a PubMed article set, or a lone article. */
function sniffPubmedXml(head: string): boolean {
  let s = head;
  for (;;) {
    const m = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)/.exec(s);
    if (!m || m[0].length === 0) break;
    s = s.slice(m[0].length);
  }
  return /^<!DOCTYPE\s+(?:PubmedArticleSet|PubmedBookArticleSet|PubmedArticle)\b/.test(s)
    || /^<(?:PubmedArticleSet|PubmedBookArticleSet|PubmedArticle|PubmedBookArticle)[\s>]/.test(s);
}

export const pubmedXmlReader: ExportReader = {
  format: "pubmed-xml",
  description: "a PubMed XML file",
  sniff: sniffPubmedXml,
  read: readPubmedXml,
};

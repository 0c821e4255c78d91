/**
 * Type-guarded access to parsed JSON: exports hold numbers where strings belong, arrays where one value belongs
 * (Crossref's `"title": ["..."]`), nulls everywhere. Every reader goes through these so no shape of input can throw.
 */
import type { Diagnostics } from "../record";
import { cleanText } from "../text";

export type JsonObject = Record<string, unknown>;

/** Where an item was found, for its record and its diagnostics. */
export interface ItemContext {
  file: string;
  /** 1-based line of the item's first character. */
  line: number;
  diags: Diagnostics;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** An own member only: a key such as "constructor" in the data must not reach Object.prototype. */
export function field(o: JsonObject, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** The first member present (not undefined or null) among `keys`. */
export function pick(o: JsonObject, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = field(o, k);
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

/** A non-empty trimmed string (a finite number is written out), else null. */
export function text(v: unknown): string | null {
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/** `text`, or the first usable element of an array (Crossref wraps titles and container titles in arrays). */
export function firstText(v: unknown): string | null {
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = text(x);
      if (t !== null) return t;
    }
    return null;
  }
  return text(v);
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function objects(v: unknown): JsonObject[] {
  return list(v).filter(isObject);
}

/** A whole, non-negative count (a number or digits), else null. */
export function count(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === "string" && /^\s*\d{1,15}\s*$/.test(v)) return Number(v);
  return null;
}

/** Trimmed, non-empty, first spelling kept where two differ only in case, in order. */
export function uniqueStrings(values: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v?.replace(/\s+/g, " ").trim();
    if (!t) continue;
    const key = t.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** The member names of an object for messages: the first few, quoted, in order. */
export function describeKeys(keys: readonly string[], max = 8): string {
  if (keys.length === 0) return "no keys";
  const shown = keys.slice(0, max).map((k) => `"${k}"`).join(", ");
  return keys.length > max ? `${shown}, … (${keys.length} in all)` : shown;
}

/** What a JSON value is, in words, for messages. */
export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return "a text value";
  if (typeof v === "number") return "a number";
  return `a ${typeof v} value`;
}

const TAG = /<\/?[A-Za-z][\w.:-]*(?:\s[^<>]*)?\/?>/g;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decodes the XML entities markup-bearing text escapes its characters with. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (all, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : all;
    }
    const lower = name.toLowerCase();
    return Object.hasOwn(ENTITIES, lower) ? ENTITIES[lower]! : all;
  });
}

/**
 * Inline markup to plain text: JATS (`<jats:p>`, `<jats:italic>`), HTML (`<i>`, `<sup>`) and MathML tags removed, with
 * a space where a paragraph or section title ended, and the entities such text escapes decoded. A lone "<" in prose
 * ("p < 0.05") is not a tag and stays. A leading section title "Abstract" is dropped: it names the field, not content.
 */
export function stripMarkup(raw: string): string {
  if (!/<[A-Za-z/]/.test(raw)) return raw;
  let s = raw.replace(/<(jats:)?title[^>]*>\s*(abstract|summary)\s*<\/(jats:)?title>/gi, " ");
  s = s.replace(/<\/(?:jats:)?(?:p|title|sec|list-item|div|li|br)\s*>|<br\s*\/?>/gi, " ");
  s = s.replace(TAG, "");
  return decodeEntities(s);
}

// Windows-1252 characters for the C1 control codes U+0080–U+009F. Text decoded as Latin-1 somewhere upstream carries
// its curly quotes and dashes as these controls (a real Semantic Scholar title: "\u0093Micro…nance\u0092s \u0091iron
// law\u0092"); no real text contains C1 controls, so they are read as the characters they stood for.
const CP1252: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š",
  0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

export function repairC1(s: string): string {
  if (!/[\u0080-\u009f]/.test(s)) return s;
  return s.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0)] ?? "");
}

/** Title, abstract and venue display form for the JSON exports: C1 controls repaired, markup removed, cleaned. */
export function displayText(raw: string | null): string | null {
  if (!raw) return null;
  return cleanText(stripMarkup(repairC1(raw))) || null;
}

/**
 * BibTeX field values to display text, and BibTeX name lists to names. The LaTeX accents, symbols and simple math are
 * `cleanText`'s (shared with the listing readers); this adds what only .bib files carry: case-protecting braces,
 * `~` ties, `--` dashes, font switches (`{\em ...}`) and formatting commands with nested arguments.
 */
import { cleanText, collapse } from "../text";
import { joinName } from "./names";

// Escaped braces and dollars survive brace stripping and math detection as private-use characters.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const DOLLAR = "\uE002";

const TEXT_MACROS: Record<string, string> = {
  textendash: "–", textemdash: "—", textquoteright: "’", textquoteleft: "‘", textquotedblleft: "“",
  textquotedblright: "”", textregistered: "®", texttrademark: "™", textcopyright: "©", textbullet: "•",
  textdegree: "°", textperiodcentered: "·", textellipsis: "…", LaTeX: "LaTeX", TeX: "TeX", BibTeX: "BibTeX",
  textbackslash: "\\", textasciicircum: "^", textunderscore: "_", textbar: "|", textless: "<", textgreater: ">",
};

/** Title, abstract, venue or keyword display form. `dashes`: `--` and `---` to en and em dashes (not in names). */
export function bibText(raw: string, dashes = true): string {
  let t = raw;
  if (t.includes("\\")) {
    if (/\\[{}$]/.test(t)) t = t.replace(/\\\{/g, OPEN).replace(/\\\}/g, CLOSE).replace(/\\\$/g, DOLLAR);
    if (t.includes("{\\")) t = t.replace(/\{\\(?:em|bf|it|sc|tt|rm|sl|sf|itshape|bfseries|scshape|upshape|mdseries|normalfont|slshape|sffamily|ttfamily|rmfamily)(?![A-Za-z])\s*/g, "{");
    if (/\\[A-Za-z]/.test(t)) t = t.replace(/\\([A-Za-z]+)(?![A-Za-z])(?:\{\})?/g, (all, name: string) => (Object.hasOwn(TEXT_MACROS, name) ? TEXT_MACROS[name]! : all));
    // The escapes most abstracts carry (95\%, R\&D); without other backslashes cleanText then takes its fast path.
    if (!t.includes("$")) t = t.replace(/\\([%&_#])/g, "$1");
  }
  // A tie is a space; `\~` is an accent and stays for cleanText.
  if (t.includes("~")) t = t.replace(/(?<!\\)~/g, " ");
  t = cleanText(t);
  let changed = false;
  if (/[{}\\]/.test(t)) {
    t = stripBraces(t);
    changed = true;
  }
  if (dashes && t.includes("--")) t = t.replace(/---/g, "—").replace(/--/g, "–");
  if (/[\uE000-\uE002]/.test(t)) t = t.replace(/\uE000/g, "{").replace(/\uE001/g, "}").replace(/\uE002/g, "$");
  return changed ? collapse(t) : t;
}

/**
 * Removes grouping braces and the names of formatting commands that take a braced argument (`\textbf{A {GPU}}` ->
 * "A GPU"), outside `$...$` math, which cleanText keeps verbatim when it does not understand it.
 */
function stripBraces(s: string): string {
  let out = "";
  let math = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "$") {
      math = !math;
      out += ch;
    } else if (math) {
      out += ch;
    } else if (ch === "{" || ch === "}") {
      // dropped
    } else if (ch === "\\") {
      const m = /^\\[A-Za-z]+\*?\s*(?=\{)/.exec(s.slice(i, i + 40));
      if (m) i += m[0].length - 1;
      else out += ch;
    } else {
      out += ch;
    }
  }
  return out;
}

/** URL, DOI, eprint: braces and TeX escapes removed (`10.1000/a\_b` -> "10.1000/a_b"), nothing else touched. */
export function bibVerbatim(raw: string): string {
  return raw.replace(/\\([_%&#$~])/g, "$1").replace(/[{}]/g, "").replace(/\s+/g, " ").trim();
}

/** Splits on `,` at brace depth 0. */
export function splitTopLevel(raw: string, separator = ","): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (ch === separator && depth === 0) {
      parts.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(raw.slice(start));
  return parts.map((p) => p.trim());
}

/** The names of a name list, split on " and " at brace depth 0 (any case, any white space around it). */
export function splitNameList(raw: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  const and = /\s+and\s+/iy;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch) && (i === 0 || !/\s/.test(raw[i - 1]!))) {
      // Tried once per run of white space: a try at every blank of a long run would be quadratic.
      and.lastIndex = i;
      const m = and.exec(raw);
      if (m) {
        names.push(raw.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  names.push(raw.slice(start));
  return names.map((n) => n.trim()).filter((n) => n !== "");
}

/** True when the whole name is one braced group: `{World Health Organization}` (an organisation, not a person). */
export function isWholeBraced(name: string): boolean {
  if (!name.startsWith("{") || !name.endsWith("}")) return false;
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "{") depth++;
    else if (name[i] === "}") {
      depth--;
      if (depth === 0 && i < name.length - 1) return false;
    }
  }
  return depth === 0;
}

const SUFFIX = /^(jr|sr|ii|iii|iv|v|2nd|3rd)\.?$/i;

/** A cut byline: `and others` (BibTeX's own) or `and et al.`. */
export function isOthers(name: string): boolean {
  return /^\{?\s*(?:others|et\s*al\.?)\s*\}?$/i.test(name);
}

export interface PersonName {
  /** "Given Surname Jr." */
  display: string;
  /** Surname and given name, cleaned, for matching the name lists of ORCID fields; given is "" when unknown. */
  family: string;
  given: string;
}

/**
 * One BibTeX person name to its display form. `Last, First`, `von Last, First`, `von Last, Jr, First` (and the
 * `Last, First, Jr.` of some exporters) are turned around; `First von Last` is kept as printed.
 */
export function personName(raw: string): PersonName {
  const parts = splitTopLevel(raw).filter((p) => p !== "");
  if (parts.length <= 1) {
    const display = bibText(parts[0] ?? raw, false);
    const words = display.split(" ");
    return { display, family: words[words.length - 1] ?? display, given: words.slice(0, -1).join(" ") };
  }
  const family = bibText(parts[0]!, false);
  let given: string;
  let suffix = "";
  if (parts.length === 2) {
    given = bibText(parts[1]!, false);
  } else if (!SUFFIX.test(parts[1]!) && SUFFIX.test(parts[parts.length - 1]!)) {
    given = bibText(parts.slice(1, -1).join(" "), false);
    suffix = bibText(parts[parts.length - 1]!, false);
  } else {
    suffix = bibText(parts[1]!, false);
    given = bibText(parts.slice(2).join(" "), false);
  }
  if (!family) return { display: given, family: given, given: "" };
  return { display: joinName(given, family, suffix), family, given };
}

/**
 * `author = {Hui Wang, Siqi Zheng, Yafeng Chen}`: names separated by commas instead of "and" (a common hand-written
 * mistake). Only when BibTeX's own reading is impossible or absurd: four or more comma parts, or three that are all
 * "First Last" shaped with no suffix among them.
 */
export function looksLikeCommaList(raw: string): boolean {
  const parts = splitTopLevel(raw);
  if (parts.length < 3 || parts.some((p) => p === "")) return false;
  const multiword = parts.every((p) => /\S\s+\S/.test(p));
  if (parts.length >= 4) return multiword || parts.every((p) => !/\s/.test(p));
  return multiword && !parts.some((p) => SUFFIX.test(p));
}

/**
 * Display cleanup for titles, abstracts and names: NFC, LaTeX escapes and simple inline math turned into the
 * characters they stand for, whitespace collapsed. Only unambiguous constructs are rewritten; anything else is kept
 * as read so no information is lost.
 */

const SYMBOLS: Record<string, string> = {
  pm: "±", mp: "∓", times: "×", cdot: "·", sim: "~", approx: "≈", simeq: "≃", neq: "≠", ne: "≠",
  leq: "≤", le: "≤", geq: "≥", ge: "≥", ll: "≪", gg: "≫", infty: "∞", circ: "°", degree: "°",
  rightarrow: "→", to: "→", leftarrow: "←", Rightarrow: "⇒", leftrightarrow: "↔", uparrow: "↑", downarrow: "↓",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ", phi: "φ",
  varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Sigma: "Σ",
  Phi: "Φ", Psi: "Ψ", Omega: "Ω", ldots: "…", dots: "…", cdots: "⋯", textasciitilde: "~",
};

const SUPERSCRIPT: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "+": "⁺", "-": "⁻",
};
const SUBSCRIPT: Record<string, string> = {
  "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉", "+": "₊", "-": "₋",
};

// Accent macros (\"o, \'{e}, {\`a}, \c{c}, \v s) become a combining mark; NFC then composes the letter.
const COMBINING: Record<string, string> = {
  '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
  c: "\u0327", v: "\u030C", u: "\u0306", H: "\u030B", k: "\u0328", r: "\u030A",
};
const LETTER_MACROS: Record<string, string> = {
  ss: "ß", o: "ø", O: "Ø", l: "ł", L: "Ł", aa: "å", AA: "Å", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", i: "ı",
};

function mapChars(s: string, table: Record<string, string>): string | null {
  let out = "";
  for (const ch of s) {
    const m = table[ch];
    if (m === undefined) return null;
    out += m;
  }
  return out;
}

function replaceSymbols(s: string): string {
  // A known macro name not followed by another letter (\pm0.04 -> ±0.04, but \pmb stays as read).
  return s.replace(/\\([A-Za-z]+)(?![A-Za-z])/g, (all, name: string) => (Object.hasOwn(SYMBOLS, name) ? SYMBOLS[name]! : all));
}

/** Inline math `$...$`: rewritten only when every construct inside is understood; otherwise kept verbatim. */
function replaceMath(s: string): string {
  return s.replace(/\$([^$\n]{1,120})\$/g, (all, inner: string) => {
    let t = replaceSymbols(inner);
    t = t.replace(/\\(?:mathrm|text|mathbf|mathit|textrm|operatorname)\{([^{}]*)\}/g, "$1");
    t = t.replace(/\^\{([^{}]*)\}|\^([0-9+-])/g, (m, a: string | undefined, b: string | undefined) => mapChars(a ?? b ?? "", SUPERSCRIPT) ?? m);
    t = t.replace(/_\{([^{}]*)\}|_([0-9+-])/g, (m, a: string | undefined, b: string | undefined) => mapChars(a ?? b ?? "", SUBSCRIPT) ?? m);
    t = t.replace(/\\([%&_#$])/g, "$1");
    if (/[\\{}^_]/.test(t)) return all;
    return t;
  });
}

function replaceAccents(s: string): string {
  // An accent on a dotless i or j (\'{\i}, \'\i, \"{\i}) is the plain letter with the mark: rewrite it as \'{i} first (a control word swallows the one space after it).
  let t = s.replace(/\\(["'`^~=.uvHc])\s*(?:\{\\([ij])\}|\\([ij])(?![A-Za-z]) ?)/g, (_m, acc: string, a: string | undefined, b: string | undefined) => `\\${acc}{${a ?? b ?? ""}}`);
  t = t.replace(/\{?\\(["'`^~=.])\s*\{?([A-Za-z])\}?\}?/g, (_m, acc: string, letter: string) => letter + (Object.hasOwn(COMBINING, acc) ? COMBINING[acc]! : ""));
  t = t.replace(/\{?\\([cvuHkr])(?:\{([A-Za-z])\}|\s+([A-Za-z]))\}?/g, (m, acc: string, a: string | undefined, b: string | undefined) => {
    const mark = Object.hasOwn(COMBINING, acc) ? COMBINING[acc] : undefined;
    return mark === undefined ? m : (a ?? b ?? "") + mark;
  });
  // A control word swallows the one space after it ("P\l otka" is "Płotka").
  t = t.replace(/\{\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)\}|\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)(?![A-Za-z]) ?/g,
    (_m, a: string | undefined, b: string | undefined) => {
      const name = a ?? b ?? "";
      return Object.hasOwn(LETTER_MACROS, name) ? LETTER_MACROS[name]! : _m;
    });
  return t;
}

/** Title / abstract / comment display form. */
export function cleanText(raw: string): string {
  let t = raw.normalize("NFC");
  // Every rewrite below needs a backslash, a dollar or a backquote; most abstracts have none, and skipping a dozen
  // regex passes over them is a large share of the read phase. (NFC is idempotent: no second normalize needed.)
  if (!/[\\$`]/.test(t)) return collapse(t);
  t = t.replace(/\\href\{[^{}]*\}\{([^{}]*)\}/g, "$1");
  t = t.replace(/\\footnote\{([^{}]*)\}/g, " ($1)");
  t = t.replace(/\\(?:textit|textbf|emph|texttt|textrm|textsc|url|underline|mbox)\{([^{}]*)\}/g, "$1");
  t = replaceMath(t);
  t = replaceAccents(t);
  t = replaceSymbols(t);
  t = t.replace(/``([^`'\n]*?)''/g, "“$1”");
  t = t.replace(/(^|[\s(])`([^`'\n]*?)'(?![\p{L}])/gu, "$1‘$2’");
  t = t.replace(/\\([%&_#$])/g, "$1");
  t = t.replace(/\\([{}])/g, "$1");
  t = t.replace(/~(?=\\cite)/g, " ");
  return collapse(t.normalize("NFC"));
}

/** Names: NFC, accent macros resolved, whitespace collapsed; spelling otherwise kept exactly. */
export function cleanName(raw: string): string {
  const t = raw.normalize("NFC");
  // Every accent macro starts with a backslash: most names have none, and their regex passes are costly at scale.
  return collapse(t.includes("\\") ? replaceAccents(t).normalize("NFC") : t);
}

export function collapse(s: string): string {
  // Only runs of two or more, or a single blank that is not a space, need rewriting: most text has neither, and
  // rewriting every single space was a large share of reading long abstracts.
  return s.replace(/\s{2,}|[^\S ]/g, " ").trim();
}

/** First `n` characters of a line for messages, with an ellipsis when cut. */
export function excerpt(s: string, n = 60): string {
  const chars = [...s];
  return chars.length <= n ? s : chars.slice(0, n).join("") + "…";
}

/**
 * Where a text looks binary: the 1-based line of the first NUL, or of the first replacement character when they are
 * many (at least 8 and at least 1% of the characters: a file that is not UTF-8), else null.
 */
export function binaryLine(text: string): number | null {
  const lineOf = (index: number) => text.slice(0, index).split(/\r\n|\r|\n/).length;
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return lineOf(nul);
  let count = 0;
  let first = -1;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      count++;
      if (first < 0) first = i;
    } else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) {
      controls++;
      if (first < 0) first = i;
    }
  }
  if (count + controls >= 8 && count + controls >= text.length / 100) return lineOf(first);
  return null;
}

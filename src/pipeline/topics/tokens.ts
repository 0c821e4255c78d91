/**
 * Lexing titles and abstracts into chunks of word tokens, and finding acronym definitions.
 *
 * A chunk is a run of words with no punctuation inside: terms never cross a comma, a parenthesis or a sentence end.
 * Numbers-only tokens ("2023", "95.15") also end a chunk, so no term contains one. URLs and e-mail addresses are cut out.
 * Acronyms are found the way Schwartz & Hearst (2003) do: "federated learning (FL)" defines FL when the letters of the
 * short form occur in order in the words before the parenthesis, the first one starting a word.
 */
import tokenizers from "natural/lib/natural/tokenizers/regexp_tokenizer.js";

export interface WordToken {
  /** As written, NFKC, curly apostrophes straightened, possessive "'s" removed. */
  surface: string;
  lower: string;
  /** First word of a sentence (its capital says nothing about the word). */
  sentenceStart: boolean;
  /** Set on the "FL" of "federated learning (FL)": the definition itself, counted once through its long form. */
  definition?: boolean;
  /** A number (not a year) comes right before it: "51 countries", "104 structures". */
  afterNumber?: boolean;
  /** A number (not a year) follows it, at most through "of", "=", ":" or "(": "AUC of 0.91", "Dice = 0.87". */
  beforeNumber?: boolean;
}

export type Chunk = WordToken[];

export interface AcronymDefinition {
  /** Short form without a plural "s": "DNN" for "(DNNs)". */
  short: string;
  /** Long form words, lower case: ["deep", "neural", "networks"]. */
  long: string[];
}

export interface LexedField {
  chunks: Chunk[];
  definitions: AcronymDefinition[];
  /** Words longer than MAX_TOKEN_LENGTH, skipped (each ends the chunk it was in). */
  skippedLongTokens: number;
}

/**
 * Longest word that reaches the stemmer and the term statistics. natural's Porter stemmer is quadratic in the word's
 * length (a 40,000-letter "bbb…ed" took 18 s); no word of a title or abstract is this long (chemical names are split
 * at their brackets and commas), so longer runs are glued text or binary junk and are skipped, and counted.
 */
export const MAX_TOKEN_LENGTH = 100;

const WORD = String.raw`[\p{L}\p{N}]+(?:['\-][\p{L}\p{N}]+)*`;
const PUNCT = String.raw`[.,;:!?()\[\]{}"“”«»…|/\\–—=<>+*&%#@~^_]|-{2,}|(?<=\s)-(?=\s)`;
const lexer = new tokenizers.RegexpTokenizer({ pattern: new RegExp(`${WORD}|${PUNCT}`, "gu"), gaps: false });

const SENTENCE_END = new Set([".", "!", "?", ":"]);
const HAS_LETTER = /\p{L}/u;
/** A year names an edition ("BraTS 2021", "MICCAI 2023"), not a count or a measurement. */
const YEAR = /^(?:19|20)\d\d$/;
/** What may stand between a measure and its value: "AUC of 0.91", "Dice = 0.87", "accuracy: 95%", "DSC (0.9)". */
const VALUE_LINK = new Set(["of", "=", ":", "(", "was", "is", "were", "are", "reached", "≈", "~", "~=", ">", "<", "≥", "≤"]);

/** "DNNs" -> "DNN"; null when the token does not look like an acronym (needs two capitals). */
export function acronymShortForm(surface: string): string | null {
  if (surface.length < 2 || surface.length > 12 || !/\p{Lu}.*\p{Lu}/u.test(surface)) return null;
  if (!/^[\p{L}\p{N}-]+$/u.test(surface)) return null;
  const base = /\p{Lu}s$/u.test(surface) ? surface.slice(0, -1) : surface;
  const capitals = base.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals < 2 || (base.match(/\p{L}/gu)?.length ?? 0) < 2) return null;
  return base;
}

/**
 * Schwartz & Hearst's long-form search: walk the short form's letters backwards through the candidate text; the first
 * letter must start a word. Returns the long form's words, or null when the letters do not fit.
 */
export function matchLongForm(short: string, candidateWords: string[]): string[] | null {
  const s = short.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const text = candidateWords.join(" ").toLowerCase();
  let si = s.length - 1;
  let li = text.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    while (li >= 0 && (text[li] !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(text[li - 1]!)))) li--;
    if (li < 0) return null;
    li--;
    si--;
  }
  const start = text.lastIndexOf(" ", li) + 1;
  const words = text.slice(start).split(" ");
  return words.length > 0 && text.slice(start).length > s.length ? words : null;
}

function cleanText(text: string): string {
  const t = text
    .normalize("NFKC")
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/\b(?:https?:\/\/|www\.)\S+/gi, " , ")
    // Boilerplate that would leave "state" and "art" behind as terms.
    .replace(/\bstate[- ]of[- ]the[- ]art\b/gi, " , ");
  // Only texts with an "@" can hold an address. Each part is bounded (RFC 5321 lengths): the unbounded \S+@\S+\.\S+
  // backtracked quadratically over a long run of non-spaces (6 s on one 40,000-character "word").
  return t.includes("@") ? t.replace(/[^\s@]{1,64}@[^\s@]{1,253}\.[^\s@]{1,63}/g, " , ") : t;
}

function wordToken(raw: string, sentenceStart: boolean): WordToken {
  // Most tokens have no apostrophe: skip the two regexes for them (millions of tokens at 10,000 papers).
  const surface = raw.includes("'") ? raw.replace(/'s$/i, "").replace(/'$/, "") : raw;
  return { surface, lower: surface.toLowerCase(), sentenceStart };
}

/** Lex one field into chunks and collect the acronyms it defines. */
export function lexField(text: string | null, isTitle: boolean, isStopWord: (lower: string) => boolean): LexedField {
  const chunks: Chunk[] = [];
  const definitions: AcronymDefinition[] = [];
  let skippedLongTokens = 0;
  if (!text) return { chunks, definitions, skippedLongTokens };
  const raw = lexer.tokenize(cleanText(text)) ?? [];
  let chunk: Chunk = [];
  let sentenceStart = true;
  // Number context: the last word token and how far back it is, only through VALUE_LINK tokens.
  let lastWord: WordToken | null = null;
  let linked = true;
  let afterNumber = false;
  const flush = () => {
    if (chunk.length) chunks.push(chunk);
    chunk = [];
  };
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t.length > MAX_TOKEN_LENGTH) {
      skippedLongTokens++;
      flush();
      linked = false;
      afterNumber = false;
      continue;
    }
    if (!HAS_LETTER.test(t)) {
      const isNumber = /\d/.test(t) && !YEAR.test(t);
      if (isNumber && lastWord && linked) lastWord.beforeNumber = true;
      // "95% confidence interval": the percent sign keeps the number's place.
      afterNumber = isNumber || (afterNumber && t === "%");
      if (!VALUE_LINK.has(t)) linked = false;
      // Punctuation or a numbers-only token: both end the chunk.
      flush();
      if (SENTENCE_END.has(t)) sentenceStart = true;
      if (t === "(" && raw[i + 2] === ")" && HAS_LETTER.test(raw[i + 1] ?? "")) {
        const def = defineAcronym(raw[i + 1]!, chunks[chunks.length - 1] ?? [], raw[i - 1] ?? "", isStopWord);
        if (def) {
          definitions.push(def);
          const token = wordToken(raw[i + 1]!, false);
          token.definition = true;
          chunks.push([token]);
          i += 2;
        }
      }
      continue;
    }
    const token = wordToken(t, sentenceStart && !isTitle);
    if (afterNumber) token.afterNumber = true;
    afterNumber = false;
    // "of"/"was" keep the link to the word before them ("AUC of 0.91"); any other word takes its place.
    if (!(lastWord && linked && VALUE_LINK.has(token.lower))) {
      lastWord = token;
      linked = true;
    }
    chunk.push(token);
    sentenceStart = false;
  }
  flush();
  return { chunks, definitions, skippedLongTokens };
}

function defineAcronym(
  candidate: string,
  before: Chunk,
  previousRaw: string,
  isStopWord: (lower: string) => boolean,
): AcronymDefinition | null {
  const short = acronymShortForm(candidate);
  // The long form must end right before the parenthesis, inside the same chunk.
  if (!short || before.length === 0 || !HAS_LETTER.test(previousRaw)) return null;
  const letters = short.replace(/[^\p{L}\p{N}]/gu, "").length;
  const maxWords = Math.min(letters + 5, letters * 2);
  const window = before.slice(-maxWords).map((t) => t.lower);
  const long = matchLongForm(short, window);
  if (!long || long.length > 6) return null;
  if (isStopWord(long[0]!) || isStopWord(long[long.length - 1]!)) return null;
  if (long.some((w) => w === short.toLowerCase())) return null;
  return { short, long };
}

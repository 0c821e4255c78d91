/**
 * Build options: defaults -> validate -> resolve (the pattern of sigma's settings.ts). Every error names the option,
 * what was expected and what was given, so a CLI flag or config-file typo gets a message that says how to fix it.
 */

export interface PipelineOptions {
  /** Seed for every random choice (Louvain, layout start, sampling). */
  seed: number;
  /** Louvain resolution for co-author communities (higher: more, smaller communities). */
  resolution: number;
  /** Resolution for research (topic) clusters. */
  clusterResolution: number;
  /** Maximum number of topic nodes kept. */
  maxTopics: number;
  /** Topics linked to each paper at most. */
  topicsPerPaper: number;
  /**
   * Papers with more authors than this make no co-author edges (0: no limit). VOSviewer's "ignore documents with a large
   * number of authors" (default 25): a 130-name challenge paper would otherwise add 8,000 edges of weak ties and swamp
   * the co-author network, its communities and its layout. Such papers keep their `authored` edges and bylines.
   */
  coauthorMaxAuthors: number;
  /** ForceAtlas2 iterations, or 0 for "scaled to the graph size". */
  layoutIterations: number;
  /** Above this many nodes, betweenness is estimated from a sample of source nodes. */
  betweennessExactMaxNodes: number;
  /** Number of sampled source nodes for the estimate. */
  betweennessSamples: number;
}

export const DEFAULT_OPTIONS: Readonly<PipelineOptions> = Object.freeze({
  seed: 42,
  resolution: 1,
  clusterResolution: 1,
  maxTopics: 150,
  topicsPerPaper: 6,
  coauthorMaxAuthors: 25,
  layoutIterations: 0,
  betweennessExactMaxNodes: 3000,
  // 400 sources: top-100 overlap with exact betweenness 89-95% (mean 91%) on the 10,000-paper field corpus in 1.98 s
  // of CPU, against 77-85% in 2.12 s for the 300 uniform sources before (npm run bench:betweenness).
  betweennessSamples: 400,
});

interface Rule {
  integer: boolean;
  min: number;
  max: number;
  help: string;
}

const RULES: Record<keyof PipelineOptions, Rule> = {
  seed: { integer: true, min: -(2 ** 31), max: 2 ** 31 - 1, help: "any whole number, e.g. 42" },
  resolution: { integer: false, min: 0.01, max: 100, help: "a positive number around 1 (higher gives more, smaller communities)" },
  clusterResolution: { integer: false, min: 0.01, max: 100, help: "a positive number around 1" },
  maxTopics: { integer: true, min: 1, max: 100_000, help: "a whole number such as 150" },
  topicsPerPaper: { integer: true, min: 1, max: 50, help: "a whole number such as 6" },
  coauthorMaxAuthors: { integer: true, min: 0, max: 100_000, help: "a whole number of authors such as 25; 0 for no limit" },
  layoutIterations: { integer: true, min: 0, max: 100_000, help: "a whole number; 0 scales iterations to the graph size" },
  betweennessExactMaxNodes: { integer: true, min: 0, max: 10_000_000, help: "a whole number of nodes" },
  betweennessSamples: { integer: true, min: 1, max: 1_000_000, help: "a whole number of source nodes" },
};

// A number as a person writes it: optional sign, digits, optional decimals and exponent. Not JavaScript's Number()
// grammar, which also takes "0x10" (16), "0b11" (3), "Infinity" and "" (0).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a decimal text stands for, or null ("0x10", "5abc", "", "Infinity" are not numbers here). */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!DECIMAL.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Why a text is not a decimal number, for messages. */
function notDecimalHint(text: string): string {
  if (/^\s*[+-]?0[xob]/i.test(text)) return " (write it in decimal digits; hexadecimal, octal and binary are not read)";
  if (/^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)/.test(text)) return " (only digits, a sign, a decimal point and an exponent; remove the text after the number)";
  return "";
}

export class OptionsError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "OptionsError";
  }
}

/** Option names in kebab case, as CLI flags spell them. */
export function flagName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}

function closest(name: string, candidates: string[]): string | null {
  const n = name.toLowerCase().replace(/[-_]/g, "");
  for (const c of candidates) if (c.toLowerCase() === n) return c;
  for (const c of candidates) if (c.toLowerCase().startsWith(n.slice(0, 4))) return c;
  return null;
}

/**
 * Validate a partial options object (from a config file or CLI flags; values may be strings) and resolve it over the
 * defaults. Throws OptionsError listing every problem at once.
 */
export function resolveOptions(input: Record<string, unknown> = {}, origin = "options"): PipelineOptions {
  const out: PipelineOptions = { ...DEFAULT_OPTIONS };
  const problems: string[] = [];
  const keys = Object.keys(RULES) as (keyof PipelineOptions)[];
  for (const [rawKey, rawValue] of Object.entries(input)) {
    if (rawValue === undefined) continue;
    const key = keys.find((k) => k === rawKey || flagName(k) === rawKey);
    if (!key) {
      const guess = closest(rawKey, keys);
      problems.push(`${origin}: unknown option "${rawKey}"${guess ? ` (did you mean "${flagName(guess)}"?)` : ""}; known: ${keys.map(flagName).join(", ")}`);
      continue;
    }
    const rule = RULES[key];
    const value = typeof rawValue === "string" ? parseDecimal(rawValue) : rawValue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const hint = typeof rawValue === "string" ? notDecimalHint(rawValue) : "";
      problems.push(`${origin}: "${flagName(key)}" must be ${rule.help}; got ${JSON.stringify(rawValue)}${hint}`);
      continue;
    }
    if (rule.integer && !Number.isInteger(value)) {
      problems.push(`${origin}: "${flagName(key)}" must be a whole number (${rule.help}); got ${value}`);
      continue;
    }
    if (value < rule.min || value > rule.max) {
      problems.push(`${origin}: "${flagName(key)}" must be between ${rule.min} and ${rule.max} (${rule.help}); got ${value}`);
      continue;
    }
    out[key] = value;
  }
  if (problems.length) throw new OptionsError(problems);
  return out;
}

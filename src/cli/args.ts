/**
 * Command-line flags, as node:util's parseArgs reads them, with two things a person expects:
 *   - a mistyped flag gets a "did you mean" (`--sede` -> `--seed`), as a config-file typo already does;
 *   - a negative number is a flag's value (`--seed -5`), where parseArgs would call it "ambiguous" and ask for `--seed=-5`.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

// A value that is a negative number, as a person types it ("-5", "-0.5", "-1e3"); anything else starting with "-" is a flag.
const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/** `--name -5` -> `--name=-5` for string options; stops at "--" (what follows is positional). */
export function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : null;
    if (name !== null && options[name]?.type === "string" && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Edit distance counting a swap of two neighbours as one edit ("sede" -> "seed"): optimal string alignment. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known flag closest to `given` (without dashes), when it is close enough to be a typo; else null. */
export function suggestFlag(given: string, known: readonly string[]): string | null {
  const g = given.replace(/^-+/, "").toLowerCase();
  let best: { name: string; d: number } | null = null;
  for (const name of known) {
    const d = distance(g, name.toLowerCase());
    if (!best || d < best.d) best = { name, d };
  }
  if (best && best.d <= Math.max(1, Math.floor(best.name.length / 3))) return best.name;
  // A prefix of one flag only ("--merge" for "--merge-report").
  const prefixed = known.filter((k) => g.length >= 3 && k.startsWith(g));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

/**
 * parseArgs with the two additions above, same signature: negative numbers joined to their flags before parsing, and
 * an unknown flag's error rewritten with the closest known flag. Errors are thrown as parseArgs throws them.
 */
export function parseFlags<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const options = config.options ?? {};
  try {
    return parseArgs({ ...config, args: joinNegativeValues(config.args ?? [], options) }) as ReturnType<typeof parseArgs<T>>;
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /^Unknown option '(--?[^']+)'/.exec(err.message);
    if (err.code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION" || !unknown?.[1]) throw e;
    const guess = suggestFlag(unknown[1], Object.keys(options));
    // parseArgs's own hint ("To specify a positional argument starting with a '-' ...") rarely helps here.
    throw Object.assign(new Error(`Unknown option '${unknown[1]}'${guess ? ` (did you mean --${guess}?)` : ""}`), { code: err.code });
  }
}

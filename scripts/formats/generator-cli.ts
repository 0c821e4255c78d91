/** The command line the export generators share: `--records N --seed S --out FILE`, written with a line on stderr. */
import { writeFileSync } from "node:fs";

/** The value after `--name`, or the fallback. */
export function flag(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

/** Reads --records, --seed and --out, writes `generate`'s text to the file; exit code 2 with `usage` on bad arguments. */
export function runGenerator(args: string[], usage: string, generate: (records: number, seed: number) => string): number {
  const records = Number(flag(args, "records", "10000"));
  const seed = Number(flag(args, "seed", "1"));
  const out = flag(args, "out", "");
  if (!Number.isInteger(records) || records < 1 || !Number.isInteger(seed) || out === "") {
    process.stderr.write(`usage: ${usage}\n`);
    return 2;
  }
  writeFileSync(out, generate(records, seed));
  process.stderr.write(`wrote ${records} records (seed ${seed}) to ${out}\n`);
  return 0;
}

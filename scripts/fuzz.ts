/**
 * The long, seeded fuzzing run (`npm run fuzz -- --runs 10000 [--seed 20260112] [--only arxiv]`): the properties of
 * test/fuzz/properties.ts (the same ones `npm test` runs briefly) over `runs` inputs per listing and export reader (the
 * whole pipeline gets 2% of them: a build takes a second), printing per target the inputs, records and diagnostics
 * seen, the characters read and the slowest large input in µs per character. Exit 1 on the first broken invariant,
 * with fast-check's report (the counterexample and the seed and path to replay it).
 */
import { allTargets, runTarget, type RunCounts } from "../test/fuzz/properties";

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): number {
  const runs = Number(flag(args, "runs") ?? "1000");
  const seed = Number(flag(args, "seed") ?? "20260112");
  const only = flag(args, "only");
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    process.stderr.write("usage: npm run fuzz -- [--runs N] [--seed S] [--only NAME[,NAME...]]\n");
    return 2;
  }
  const rows: RunCounts[] = [];
  process.stdout.write(`fuzz: ${runs} inputs per reader, seed ${seed}\n`);
  // --only takes one or more comma-separated parts of target names ("arxiv", "(export,pipeline").
  const wanted = only ? only.split(",").filter((o) => o !== "") : [];
  for (const target of allTargets().filter((t) => wanted.length === 0 || wanted.some((o) => t.name.includes(o)))) {
    try {
      const c = runTarget(target, runs, seed);
      rows.push(c);
      process.stdout.write(
        `${c.name.padEnd(34)} ${String(c.inputs).padStart(7)} inputs ${String(c.records).padStart(9)} records ${String(c.diagnostics).padStart(8)} diagnostics ` +
          `${(c.chars / 1e6).toFixed(1).padStart(7)} M chars  slowest ${c.maxUsPerChar.toFixed(2)} µs/char  ${(c.ms / 1000).toFixed(0)} s\n`,
      );
    } catch (e) {
      process.stdout.write(`${target.name}: FAILED\n${(e as Error).message}\n`);
      return 1;
    }
  }
  const total = rows.reduce((n, r) => n + r.inputs, 0);
  process.stdout.write(`all invariants held for ${total} inputs\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

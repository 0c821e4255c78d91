/**
 * Writes a synthetic corpus (bench/synthetic) to a folder, for trying the CLI or the app at scale:
 *   npx tsx scripts/synthetic-corpus.ts --papers 10000 --seed 1 --out tmp/synthetic-10k
 * Then: npx papergraph graph tmp/synthetic-10k --out tmp/synthetic-10k-graph (progress for every phase on stderr),
 * or npx papergraph open tmp/synthetic-10k to see it in the explorer.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generateCorpus } from "../bench/synthetic";

export { generateCorpus };

function flag(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
}

function main(args: string[]): number {
  const papers = Number(flag(args, "papers", "1000"));
  const seed = Number(flag(args, "seed", "1"));
  const out = flag(args, "out", "");
  if (!Number.isInteger(papers) || papers < 1 || !Number.isInteger(seed) || out === "") {
    process.stderr.write("usage: tsx scripts/synthetic-corpus.ts --papers N --seed S --out FOLDER\n");
    return 2;
  }
  const documents = generateCorpus({ papers, seed });
  for (const d of documents) {
    const path = join(out, d.file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, d.text);
  }
  process.stderr.write(`wrote ${documents.length} profile pages (${papers} papers, seed ${seed}) under ${out}\n`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

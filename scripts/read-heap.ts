/**
 * Heap the read phase needs per byte of input (what src/cli/memory.ts's up-front check is sized from):
 *
 *   node --expose-gc --import tsx scripts/read-heap.ts dir tmp/bench/field-10000-s1   files of a folder (any format)
 *   node --expose-gc --import tsx scripts/read-heap.ts profile 10000                  the profile-page corpus, generated
 *
 * Prints the largest heap in use above the texts while reading (sampled after each file: a lower bound) and the live
 * heap the records hold after a full GC, each also per byte of input.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readDocument } from "../src/pipeline/formats";
import type { InputDocument } from "../src/pipeline/records";
import { generateCorpus } from "../bench/synthetic";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const heap = () => process.memoryUsage().heapUsed;
const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;

function measure(label: string, docs: InputDocument[]): void {
  gc!();
  gc!();
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
  const base = heap();
  let peak = base;
  const parsed = docs.map((d) => {
    const p = readDocument(d);
    peak = Math.max(peak, heap());
    return p;
  });
  gc!();
  gc!();
  const live = heap() - base;
  const records = parsed.reduce((n, p) => n + p.records.length, 0);
  console.log(
    `${label}: ${(bytes / 1e6).toFixed(1)} MB, ${records.toLocaleString("en-US")} records; largest heap above the texts ${mb(peak - base)} ` +
      `(${((peak - base) / bytes).toFixed(1)} B/B), held by the records ${mb(live)} (${(live / bytes).toFixed(1)} B/B)`,
  );
}

const [kind, arg] = process.argv.slice(2);
if (kind === "dir" && arg) measure(arg, walk(arg).sort().map((f) => ({ file: f, text: readFileSync(f, "utf8") })));
else if (kind === "profile" && arg) measure(`profile pages, ${arg} papers`, generateCorpus({ papers: Number(arg), seed: 1 }));
else throw new Error("usage: read-heap.ts dir FOLDER | profile PAPERS");

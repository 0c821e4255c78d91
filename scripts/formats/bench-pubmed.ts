/**
 * Read speed of the PubMed readers: generates 10,000 records (or `npx tsx scripts/formats/bench-pubmed.ts N`) of
 * MEDLINE text and of PubMed XML, reads each through readDocument (detection included) and prints records per second
 * and the process's peak resident memory.
 */
import { readDocument } from "../../src/pipeline/formats";
import { generateMedline, generatePubmedXml } from "./generate-pubmed";

const n = Number(process.argv[2] ?? 10000);
const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

for (const [name, make] of [["medline", generateMedline], ["pubmed-xml", generatePubmedXml]] as const) {
  const text = make(n, 1);
  const t0 = performance.now();
  const doc = readDocument({ file: `bench.${name}`, text });
  const seconds = (performance.now() - t0) / 1000;
  if (doc.format !== name || doc.records.length !== n) throw new Error(`${name}: read ${doc.records.length} of ${n} records as ${doc.format}`);
  console.log(`${name.padEnd(10)} ${n} records, ${(text.length / 1048576).toFixed(1)} MiB, ${doc.diagnostics.length} diagnostics: ` +
    `${seconds.toFixed(2)} s, ${Math.round(n / seconds)} records/s, peak RSS ${peakMiB()} MiB`);
}

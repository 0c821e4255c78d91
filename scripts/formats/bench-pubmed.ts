/**
 * Read speed of the PubMed readers: generates N records (default 10,000) of MEDLINE text and of PubMed XML, reads each
 * through readDocument (detection included) and prints records per second (wall clock, and CPU time, which a busy
 * machine disturbs less) and the process's peak resident memory so far.
 *   npx tsx scripts/formats/bench-pubmed.ts [N] [medline|pubmed-xml]
 */
import { readDocument } from "../../src/pipeline/formats";
import { generateMedline, generatePubmedXml } from "./generate-pubmed";

const n = Number(process.argv[2] ?? 10000);
const only = process.argv[3];
const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

for (const [name, make] of [["medline", generateMedline], ["pubmed-xml", generatePubmedXml]] as const) {
  if (only && only !== name) continue;
  const text = make(n, 1);
  const before = peakMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = readDocument({ file: `bench.${name}`, text });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (doc.format !== name || doc.records.length !== n) throw new Error(`${name}: read ${doc.records.length} of ${n} records as ${doc.format}`);
  console.log(`${name.padEnd(10)} ${n} records, ${(text.length / 1048576).toFixed(1)} MiB, ${doc.diagnostics.length} diagnostics: ` +
    `${seconds.toFixed(2)} s wall (${Math.round(n / seconds)} records/s), ${cpuSeconds.toFixed(2)} s CPU (${Math.round(n / cpuSeconds)} records/s), ` +
    `peak RSS ${before} MiB after generating, ${peakMiB()} MiB after reading`);
}

/**
 * Read speed of the WoS and Scopus readers on generated exports (10,000 records unless told otherwise):
 *   npx tsx scripts/formats/bench-exports.ts wos|wos-tab|scopus [records] [seed]
 *   npx tsx scripts/formats/bench-exports.ts --file tmp/savedrecs.txt     (a file written by generate-*.ts, or a real one)
 * Generates the export in memory (or reads and decodes the file, so that the peak memory is the reader's own), then
 * times readDocument over it (detection, decoding checks and reading, as the CLI
 * runs it) and prints records/s, the input size and the process's peak resident memory (kernel high-water mark, so it
 * includes the generated text). One format per run so that each peak is its own. On a shared machine wall time mostly
 * measures the neighbours' load, so CPU time (user + system of this process) and records per CPU second are given too.
 */
import { readFileSync } from "node:fs";
import { readDocument } from "../../src/pipeline/formats";
import { decodeInput } from "../../src/pipeline/formats/decode";
import { generateScopus } from "./generate-scopus";
import { generateWos, generateWosTab } from "./generate-wos";
import { peakRssMiB } from "./synthetic-records";

const GENERATORS: Record<string, (n: number, seed: number) => string> = { wos: generateWos, "wos-tab": generateWosTab, scopus: generateScopus };

function main(args: string[]): number {
  const fileArg = args[0] === "--file" ? args[1] : undefined;
  const [format = "wos", recordsArg = "10000", seedArg = "1"] = fileArg ? [] : args;
  const generate = GENERATORS[format];
  const records = Number(recordsArg);
  const seed = Number(seedArg);
  if ((!fileArg && !generate) || !Number.isInteger(records) || records < 1 || !Number.isInteger(seed)) {
    process.stderr.write("usage: tsx scripts/formats/bench-exports.ts wos|wos-tab|scopus [records] [seed] | --file PATH\n");
    return 2;
  }
  const text = fileArg ? decodeInput(new Uint8Array(readFileSync(fileArg))) : generate!(records, seed);
  const beforeRead = peakRssMiB();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const doc = readDocument({ file: `synthetic.${format}`, text });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const out = {
    format: doc.format,
    records: doc.records.length,
    diagnostics: doc.diagnostics.length,
    inputMiB: Number((text.length / 1024 / 1024).toFixed(1)),
    readMs: Math.round(ms),
    recordsPerSecond: Math.round(doc.records.length / (ms / 1000)),
    cpuMs: Math.round(cpuMs),
    recordsPerCpuSecond: Math.round(doc.records.length / (cpuMs / 1000)),
    peakRssMiBBeforeRead: Math.round(beforeRead),
    peakRssMiB: Math.round(peakRssMiB()),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  return (fileArg || doc.records.length === records) && doc.diagnostics.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

/**
 * A seeded, realistic .bib file for speed checks of the BibTeX reader: entries as Zotero, JabRef, dblp and Google
 * Scholar write them (about six authors in "Last, First" or "First Last" form, TeX accents, case-protected title
 * words, abstracts of a few hundred words, keywords, DOIs, arXiv eprints, month macros, @string journals).
 *
 *   npx tsx scripts/formats/generate-bibtex.ts [entries=10000] [seed=1]
 * reads the generated text with the reader and prints records/s and peak RSS (run it under `/usr/bin/time -v` for the
 * process-wide figure).
 */
import seedrandom from "seedrandom";
import { readBibtex } from "../../src/pipeline/formats/exports/bibtex";

const GIVEN = ["Ada", "Bo", "Chiara", "Dmitri", "Eun-ji", "Fran\\c{c}ois", "Gr\\'{e}goire", "Hiroshi", "In\\^{e}s", "J\\\"{u}rgen", "Kwame", "Lars", "Mar\\'{\\i}a", "Nadia", "Olu", "Priya", "Qiang", "Ren\\'{e}", "S{\\o}ren", "Tom\\'{a}\\v{s}", "Ulla", "V\\'{\\i}ctor", "Wei", "Xin", "Yara", "Zo\\\"{e}", "J. A.", "M.-L."];
const FAMILY = ["Andersson", "Bj{\\\"o}rk", "Chen", "D{\\'\\i}az", "Ekstr{\\\"o}m", "Fischer", "Garc{\\'\\i}a", "Hoffmann", "Ivanova", "Jaramillo", "Kowalski", "Li", "M{\\\"u}ller", "Nakamura", "O'Brien", "Petrov", "Quispe", "Rossi", "S{\\o}rensen", "Tanaka", "Ujiie", "van der Berg", "Wang", "Xu", "Yilmaz", "Zhang", "de la Cruz", "{\\L}ukasiewicz"];
const GROUPS = ["{The ATLAS Collaboration}", "{World Health Organization}", "{GBD 2019 Collaborators}"];
const WORDS = ("graph neural network attention transformer segmentation protein folding diffusion model sparse " +
  "retrieval benchmark causal inference federated privacy robust estimation spectral clustering reinforcement " +
  "learning policy gradient uncertainty calibration imaging cohort survival genomic variant single-cell atlas " +
  "climate ensemble forecasting molecular dynamics catalysis lattice quantum error correction").split(" ");
const JOURNALS = ["nature", "pami", "{Journal of Machine Learning Research}", "{Physical Review Letters}", "{PLOS ONE}", "{The Lancet}", "{Bioinformatics}"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function generateBibtex(n: number, seed: number): string {
  const rng = seedrandom(String(seed));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const words = (k: number) => Array.from({ length: k }, () => pick(WORDS)).join(" ");
  const out: string[] = [
    "% This file was created with JabRef 5.9.",
    "% Encoding: UTF-8",
    "",
    "@string{nature = {Nature}}",
    "@string{pami = {{IEEE} Transactions on Pattern Analysis and Machine Intelligence}}",
    "",
  ];
  for (let i = 0; i < n; i++) {
    const authorCount = Math.max(1, Math.round(6 + (rng() - 0.5) * 8));
    const names: string[] = [];
    for (let a = 0; a < authorCount; a++) {
      if (rng() < 0.02) names.push(pick(GROUPS));
      else if (rng() < 0.7) names.push(`${pick(FAMILY)}, ${pick(GIVEN)}`);
      else names.push(`${pick(GIVEN)} ${pick(FAMILY)}`);
    }
    if (rng() < 0.05) names.push("others");
    const year = int(1995, 2025);
    const title = `${words(int(3, 6))} for {${pick(WORDS).toUpperCase()}} ${words(int(2, 5))}`;
    const sentences = Array.from({ length: int(6, 12) }, () => `We study ${words(int(8, 20))} with $p<0.05$ and 95\\% confidence.`);
    const type = rng() < 0.7 ? "article" : rng() < 0.8 ? "inproceedings" : "misc";
    const fields = [
      `  author = {${names.join(" and\n            ")}}`,
      `  title = {${title.charAt(0).toUpperCase()}${title.slice(1)}}`,
      type === "article" ? `  journal = ${pick(JOURNALS)}` : `  booktitle = {Proceedings of the ${int(1, 40)}th Conference on ${words(2)}}`,
      rng() < 0.5 ? `  year = {${year}},\n  month = ${pick(MONTHS)}` : `  date = {${year}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}}`,
      `  volume = {${int(1, 120)}}`,
      `  number = {${int(1, 12)}}`,
      `  pages = {${int(1, 900)}--${int(901, 1800)}}`,
      `  doi = {10.${int(1000, 9999)}/${words(1).replace(/\s/g, "")}.${year}.${i}}`,
      `  keywords = {${Array.from({ length: int(3, 7) }, () => words(int(1, 3))).join(", ")}}`,
      `  abstract = {${sentences.join(" ")}}`,
    ];
    if (rng() < 0.3) fields.push(`  eprint = {${String(year % 100).padStart(2, "0")}${String(int(1, 12)).padStart(2, "0")}.${String(int(1, 99999)).padStart(5, "0")}},\n  archivePrefix = {arXiv}`);
    out.push(`@${type}{key${i}_${year},\n${fields.join(",\n")}\n}\n`);
  }
  return out.join("\n");
}

function main(args: string[]): number {
  const n = Number(args[0] ?? 10000);
  const seed = Number(args[1] ?? 1);
  const text = generateBibtex(n, seed);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = readBibtex(text, "generated.bib");
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  // CPU seconds as well: on a shared machine the wall clock measures the neighbours too.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${result.records.length} records (${errors} errors, ${result.diagnostics.length} diagnostics) from ${(text.length / 1e6).toFixed(1)} MB ` +
    `in ${seconds.toFixed(2)} s (${cpuSeconds.toFixed(2)} s CPU): ${Math.round(result.records.length / seconds)} records/s ` +
    `(${Math.round(result.records.length / cpuSeconds)} per CPU second); peak RSS ${peakMiB.toFixed(0)} MiB\n`,
  );
  return result.records.length === n ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

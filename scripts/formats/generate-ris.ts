/**
 * A seeded synthetic RIS export for speed tests, and a runner that reads it:
 *   npx tsx scripts/formats/generate-ris.ts [--records 10000] [--seed 1] [--out file.ris]
 *   npx tsx scripts/formats/generate-ris.ts --in file.ris      (reads a file instead: peak memory without the generator's)
 * prints records/s, MB/s and peak memory of reading it (risReader through readDocument, sniffing included).
 *
 * Records mix the dialects the reader meets (Scopus, Web of Science, Ovid, EndNote, IEEE Xplore), with about six
 * authors (1 to 30), an abstract of 120 to 260 words, 3 to 10 keywords, affiliations, DOIs and accession numbers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { readDocument } from "../../src/pipeline/formats";
import { flag } from "./generator-cli";
import { AFFILIATIONS, FIELDS, FIRST_NAMES, SHARED_TERMS, SURNAMES } from "../../bench/synthetic/vocabulary";

type Rng = () => number;
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const IEEE_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const FILLER = ["we", "propose", "a", "novel", "method", "for", "the", "analysis", "of", "results", "show", "that", "our", "approach",
  "improves", "on", "existing", "baselines", "across", "three", "public", "datasets", "and", "in", "clinical", "practice", "with",
  "robust", "performance", "under", "distribution", "shift", "evaluation", "study", "cohort", "patients", "model", "data"];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

interface Paper {
  type: string;
  title: string;
  authors: { given: string; family: string }[];
  year: number;
  month: number;
  day: number;
  venue: string;
  volume: number;
  issue: number;
  start: number;
  pages: number;
  doi: string;
  abstract: string;
  keywords: string[];
  affiliations: string[];
  pmid: number;
  cited: number;
}

function paper(rng: Rng, i: number): Paper {
  const field = pick(rng, FIELDS);
  const term = () => (rng() < 0.15 ? pick(rng, SHARED_TERMS) : pick(rng, field.terms));
  const nAuthors = Math.min(30, Math.max(1, Math.round(-Math.log(1 - rng()) * 5.5)));
  const words: string[] = [];
  const nWords = int(rng, 120, 260);
  while (words.length < nWords) words.push(rng() < 0.12 ? term() : pick(rng, FILLER));
  const abstract = words.join(" ").replace(/^./, (c) => c.toUpperCase()).replace(/(.{60,140}?) (?=\S)/g, (m, s: string) => (rng() < 0.25 ? `${s}. ` : m)) + ".";
  const t1 = term();
  return {
    type: rng() < 0.8 ? "JOUR" : "CONF",
    title: `${t1[0]!.toUpperCase()}${t1.slice(1)} for ${term()}: ${pick(rng, ["a multi-centre study", "a benchmark", "methods and pitfalls", "towards clinical use", "a systematic review"])}`,
    authors: Array.from({ length: nAuthors }, () => ({ given: pick(rng, FIRST_NAMES), family: pick(rng, SURNAMES) })),
    year: int(rng, 1995, 2025),
    month: int(rng, 1, 12),
    day: int(rng, 1, 28),
    venue: pick(rng, ["Medical Image Analysis", "Nature Communications", "IEEE Transactions on Medical Imaging", "Radiology: Artificial Intelligence", "PLoS ONE", "Scientific Reports", "The Lancet Digital Health"]),
    volume: int(rng, 1, 400),
    issue: int(rng, 1, 12),
    start: int(rng, 1, 9000),
    pages: int(rng, 4, 20),
    doi: `10.${int(rng, 1000, 9999)}/synth.${i}.${int(rng, 100, 999)}`,
    abstract,
    keywords: Array.from({ length: int(rng, 3, 10) }, term),
    affiliations: Array.from({ length: int(rng, 1, 4) }, () => pick(rng, AFFILIATIONS)),
    pmid: 10_000_000 + i,
    cited: int(rng, 0, 300),
  };
}

const initials = (given: string) => given.split(/[\s-]+/).map((g) => `${g[0]}.`).join("");

/** Scopus: "Surname, I.", T2, C2 PubMed id, an N1 with the citation count, a BOM-less LF file. */
function scopus(p: Paper): string[] {
  return ["TY  - " + p.type, ...p.authors.map((a) => `AU  - ${a.family}, ${initials(a.given)}`), `TI  - ${p.title}`, `PY  - ${p.year}`,
    `T2  - ${p.venue}`, `VL  - ${p.volume}`, `IS  - ${p.issue}`, `SP  - ${p.start}`, `EP  - ${p.start + p.pages}`, `DO  - ${p.doi}`,
    `UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-${85_000_000_000 + p.pmid}&doi=${encodeURIComponent(p.doi)}&partnerID=40`,
    ...p.affiliations.map((a) => `AD  - ${a}`), `AB  - ${p.abstract}`, ...p.keywords.map((k) => `KW  - ${k}`), `C2  - ${p.pmid}`,
    "LA  - English", "DB  - Scopus", `N1  - Export Date: 05 August 2024; Cited By: ${p.cited}`, "ER  -", ""];
}

/** Web of Science: "Surname, IN", DA "MON D", the abstract wrapped on lines indented by three spaces. */
function wos(p: Paper): string[] {
  const wrapped = p.abstract.match(/.{1,100}(?:\s|$)/g) ?? [p.abstract];
  return ["TY  - " + p.type, ...p.authors.map((a) => `AU  - ${a.family}, ${initials(a.given).replace(/\./g, "")}`), `TI  - ${p.title}`,
    `T2  - ${p.venue.toUpperCase()}`, ...p.keywords.map((k) => `KW  - ${k.toUpperCase()}`), `AB  - ${wrapped[0]!.trim()}`,
    ...wrapped.slice(1).map((l) => `   ${l.trim()}`), ...p.affiliations.map((a) => `AD  - ${a}`), `DA  - ${MONTHS[p.month - 1]} ${p.day}`,
    `PY  - ${p.year}`, `VL  - ${p.volume}`, `IS  - ${p.issue}`, `SP  - ${p.start}`, `EP  - ${p.start + p.pages}`, `DO  - ${p.doi}`,
    `AN  - WOS:${String(p.pmid).padStart(15, "0")}`, `N1  - Times Cited in Web of Science Core Collection:  ${p.cited}`,
    `Total Times Cited:  ${p.cited}`, "ER  -", ""];
}

/** Ovid: a number line, A1/T1/N2/JF, Y1 "YYYY//", DOI as a link, ER with trailing spaces. */
function ovid(p: Paper, n: number): string[] {
  return [`${n}. `, "TY  - JOUR", "DB  - Ovid MEDLINE(R) <1946 to Present>", `ID  - ${p.pmid}`, `T1  - ${p.title}.`,
    ...p.authors.map((a) => `A1  - ${a.family}, ${a.given}`), `Y1  - ${p.year}//`, `N2  - ${p.abstract}`,
    ...p.keywords.map((k, i) => `KW  - ${i < 2 ? "*" : ""}${k}`), `JF  - ${p.venue}`, `VL  - ${p.volume}`, `IS  - ${p.issue}`,
    `SP  - ${p.start}`, `EP  - ${p.start + p.pages}`, `DO  - https://dx.doi.org/${p.doi}`, "ER  -  ", "", " ", ""];
}

/** EndNote: alphabetical tags, keywords on unindented continuation lines. */
function endnote(p: Paper): string[] {
  return ["TY  - JOUR", `AB  - ${p.abstract}`, `AD  - ${p.affiliations[0]}`, ...p.authors.map((a) => `AU  - ${a.family}, ${a.given}`),
    "DB  - Embase", "Medline", `DO  - ${p.doi}`, `IS  - ${p.issue}`, `KW  - ${p.keywords[0]}`, ...p.keywords.slice(1),
    "LA  - English", `PY  - ${p.year}`, `SP  - ${p.start}`, `T2  - ${p.venue}`, `TI  - ${p.title}`, `VL  - ${p.volume}`, `ID  - ${p.pmid % 1000}`, "ER  - ", ""];
}

/** IEEE Xplore: display-order names, free-text Y1. */
function ieee(p: Paper): string[] {
  return ["TY  - " + p.type, `TI  - ${p.title}`, `T2  - ${p.venue}`, `SP  - ${p.start}`, `EP  - ${p.start + p.pages}`,
    ...p.authors.map((a) => `AU  - ${initials(a.given).replace(/\./g, ". ").trim()} ${a.family}`), `PY  - ${p.year}`,
    ...p.keywords.map((k) => `KW  - ${k}`), `DO  - ${p.doi}`, `JO  - ${p.venue}`, `IS  - ${p.issue}`, `VL  - ${p.volume}`,
    `Y1  - ${p.day}-${p.day + 2} ${IEEE_MONTHS[p.month - 1]} ${p.year}`, `AB  - ${p.abstract}`, "ER  - ", ""];
}

/** `n` records, the same for the same seed. */
export function generateRis(n: number, seed: number): string {
  const rng = seedrandom(String(seed));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = paper(rng, i);
    const dialect = rng();
    out.push(...(dialect < 0.3 ? scopus(p) : dialect < 0.55 ? wos(p) : dialect < 0.7 ? ovid(p, i + 1) : dialect < 0.85 ? endnote(p) : ieee(p)));
  }
  return out.join("\n");
}

function main(args: string[]): number {
  const n = Number(flag(args, "records", "10000"));
  const seed = Number(flag(args, "seed", "1"));
  const out = flag(args, "out", "");
  const input = flag(args, "in", "");
  const text = input ? readFileSync(input, "utf8") : generateRis(n, seed);
  if (out) writeFileSync(out, text);
  const rssBefore = process.resourceUsage().maxRSS / 1024;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const doc = readDocument({ file: "generated.ris", text });
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  // CPU time too: on a shared machine the wall clock also counts other processes' turns.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = Buffer.byteLength(text) / 1e6;
  const rssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${doc.records.length} records (${doc.format}), ${doc.diagnostics.length} diagnostics, ${mb.toFixed(1)} MB\n` +
    `wall ${wall.toFixed(2)} s: ${Math.round(doc.records.length / wall)} records/s, ${(mb / wall).toFixed(1)} MB/s\n` +
    `cpu  ${cpuSeconds.toFixed(2)} s: ${Math.round(doc.records.length / cpuSeconds)} records/s\n` +
    `peak RSS ${rssMb.toFixed(0)} MB (${rssBefore.toFixed(0)} MB with the text in memory, before reading)\n`,
  );
  return (input || doc.records.length === n) && doc.diagnostics.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

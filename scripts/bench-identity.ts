/**
 * Identity resolution at scale: a seeded synthetic corpus of ~100,000 author names (shared surnames, middle initials
 * dropped, diacritics lost, hyphens spaced, rare lost letters and typos), resolved once; prints time, peak memory and
 * pairwise precision/recall against the generator's truth. Run: npx tsx scripts/bench-identity.ts [occurrences] [seed]
 */
import os from "node:os";
import seedrandom from "seedrandom";
import { resolveIdentity } from "../src/pipeline/identity";
import { emptyRecord } from "../src/pipeline/formats/record";
import type { PaperRecord, ParsedDocument } from "../src/pipeline/records";

const target = Number(process.argv[2] ?? 100_000);
const rng = seedrandom(String(process.argv[3] ?? 7));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
/** Zipf-like pick: early entries are much more frequent (a few surnames are carried by many people). */
const zipf = <T>(xs: readonly T[]): T => xs[Math.min(xs.length - 1, Math.floor(xs.length * rng() ** 2.2))]!;

const SYL = ["ka", "lo", "ren", "mi", "sa", "tor", "vel", "an", "de", "ri", "bu", "nes", "ho", "lin", "gar", "zu", "pe", "mar", "ti", "os", "ul", "fen", "dra", "ko", "sim", "ve", "ja", "rol", "ne", "quin"];
function syllables(n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += pick(SYL);
  return s[0]!.toUpperCase() + s.slice(1);
}
const SURNAMES = [
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Kim", "Lee", "Park", "Nguyen", "Singh", "Kumar", "Smith", "Müller", "García",
  "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Choi", "Tran", "Patel", "Shah", "Martínez", "López",
  "Schmidt", "Schneider", "Fischer", "Weber", "Rossi", "Russo", "Ferrari", "Dubois", "Lefèvre", "Sørensen", "Nowak", "Kowalski",
  "Puyol-Antón", "Maier-Hein", "Sendra-Balcells", "Mariscal-Harana", "Torrents-Barrena", "Oksuz", "Clough", "Byrne", "Ruijsink",
  "Kushibar", "Campello", "Garrucho", "Lekadir", "Osuala", "Reinke", "Eisenmann", "Kofler", "Bakas", "Baid", "Thakur", "Pati",
  "Tizabi", "Isensee", "Ezhov", "Menze", "Wiestler", "Kirschke", "Heller", "Andrearczyk", "Depeursinge", "Egger", "Kleesiek",
  "Çelik", "Yılmaz", "Öztürk", "Šimić", "Dvořák", "Novák", "Håkansson", "Ødegård", "Ibáñez", "Peña", "Gonçalves", "Conceição",
  ...Array.from({ length: 6000 }, () => syllables(2 + Math.floor(rng() * 2))),
];
const GIVEN = [
  "Wei", "Jing", "Hongwei", "Xin", "Yang", "Lei", "Chen", "Ming", "Jun", "Hao", "Min-Jun", "Seo-yeon", "Ji-ho", "Anh", "Minh",
  "Arjun", "Priya", "Rahul", "James", "John", "Jane", "Mary", "Michael", "David", "Anna", "Maria", "Mario", "Lena", "Klaus",
  "Esther", "Víctor", "Inês", "José", "Zoë", "Thomas", "Andrew", "Karim", "Ilkay", "Nicholas", "Florian", "Spyridon", "Ujjwal",
  "Sarthak", "Annika", "Matthias", "Lidia", "Richard", "Kaisar", "Bram", "Björn", "Søren", "Łukasz", "Małgorzata", "Ángel",
  ...Array.from({ length: 800 }, () => syllables(2)),
];
const INITIALS = "ABCDEFGHJKLMNPRSTW";

const stripMarks = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

interface Person {
  given: string;
  middle: string | null;
  surname: string;
  lab: number;
}
const LAB_SIZE = 12;
const labs = Math.ceil(target / 25 / LAB_SIZE) * 5;
const persons: Person[] = [];
// Every person has a distinct given name + surname: homonyms are a separate problem no name matcher can solve,
// and counting them would measure the generator, not the matcher.
const taken = new Set<string>();
for (let l = 0; l < labs; l++) {
  for (let k = 0; k < LAB_SIZE; k++) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const p = { given: zipf(GIVEN), middle: rng() < 0.3 ? pick([...INITIALS]) : null, surname: zipf(SURNAMES), lab: l };
      const id = `${stripMarks(p.given)} ${stripMarks(p.surname)}`.toLowerCase();
      if (taken.has(id)) continue;
      taken.add(id);
      persons.push(p);
      break;
    }
  }
}

function spell(p: Person): string {
  let given = p.given;
  let surname = p.surname;
  const middle = p.middle && rng() > 0.2 ? ` ${p.middle}.` : "";
  if (rng() < 0.1) {
    given = stripMarks(given);
    surname = stripMarks(surname);
  }
  if (surname.includes("-") && rng() < 0.1) surname = surname.replace("-", " ");
  let name = `${given}${middle} ${surname}`;
  if (rng() < 0.002) name = name.slice(1); // a lost first letter
  if (rng() < 0.003 && surname.length > 6) name = name.slice(0, -2) + name.slice(-1); // a dropped letter
  return name;
}

// Records: a lab's people write together; now and then a guest from another lab.
const records: PaperRecord[] = [];
const truth: number[][] = [];
let names = 0;
for (let r = 0; names < target; r++) {
  const lab = Math.floor(rng() * labs);
  const size = 2 + Math.floor(rng() * 7);
  const ids = new Set<number>();
  while (ids.size < size) ids.add(rng() < 0.9 ? lab * LAB_SIZE + Math.floor(rng() * LAB_SIZE) : Math.floor(rng() * persons.length));
  const people = [...ids];
  truth.push(people);
  names += people.length;
  records.push({
    ...emptyRecord(`listing-${r % 200}.txt`, 1 + 10 * Math.floor(r / 200), "arxiv-listing"),
    title: `Synthetic study number ${r} on topic ${Math.floor(rng() * 500)}`,
    authors: people.map((i) => spell(persons[i]!)),
    authorsComplete: true,
  });
}
const docs: ParsedDocument[] = Array.from({ length: 200 }, (_, d) => ({
  file: `listing-${d}.txt`,
  format: "arxiv-listing",
  records: records.filter((_, r) => r % 200 === d),
  diagnostics: [],
  profile: null,
  listingDate: null,
}));

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const result = resolveIdentity(docs, {});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);

// Pairwise precision / recall over name occurrences (contingency counts, no pair enumeration).
const paperByTitle = new Map(result.papers.map((p) => [p.title!, p]));
const cell = new Map<string, number>();
const perTruth = new Map<number, number>();
const perPred = new Map<string, number>();
records.forEach((rec, r) => {
  const keys = paperByTitle.get(rec.title!)!.authors;
  truth[r]!.forEach((person, i) => {
    const key = keys[i] ?? "missing";
    cell.set(`${person}\t${key}`, (cell.get(`${person}\t${key}`) ?? 0) + 1);
    perTruth.set(person, (perTruth.get(person) ?? 0) + 1);
    perPred.set(key, (perPred.get(key) ?? 0) + 1);
  });
});
const pairs = (n: number) => (n * (n - 1)) / 2;
const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
const both = sum(cell);
const precision = both / sum(perPred);
const recall = both / sum(perTruth);
console.log(
  [
    `names read: ${names.toLocaleString("en")} in ${records.length.toLocaleString("en")} records, ${persons.length.toLocaleString("en")} true people`,
    `resolved: ${result.authors.length.toLocaleString("en")} authors, ${result.merges.length.toLocaleString("en")} merge events, ${result.keptApart.length.toLocaleString("en")} kept apart`,
    // CPU time is the steadier figure on a shared machine; wall time grows with the load average.
    `time: ${(ms / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU (load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)   peak RSS: ${(peak / 2 ** 20).toFixed(0)} MiB`,
    `pairwise precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)} over name occurrences`,
  ].join("\n"),
);

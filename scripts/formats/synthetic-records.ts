/**
 * Seeded synthetic bibliographic records for the export generators (generate-wos.ts, generate-scopus.ts): people with
 * stable ids who publish many papers each, institutions, venues, titles and abstracts from the synthetic vocabulary,
 * cited references, keywords. Same (n, seed), same records.
 */
import seedrandom from "seedrandom";
import { FIELDS, FIRST_NAMES, SHARED_TERMS, SURNAMES } from "../../bench/synthetic/vocabulary";

export type Rng = () => number;

export interface Person {
  given: string;
  /** Middle initial or "" */
  middle: string;
  surname: string;
  orcid: string | null;
  researcherId: string | null;
  scopusId: string;
  affiliation: string;
}

export interface SyntheticRecord {
  authors: Person[];
  group: string | null;
  title: string;
  abstract: string;
  venue: string;
  year: number;
  month: number;
  day: number | null;
  volume: string;
  issue: string;
  pageStart: number;
  pageEnd: number;
  doi: string;
  keywords: string[];
  indexKeywords: string[];
  references: { author: string; year: number; source: string; volume: number; page: number; doi: string | null }[];
  citations: number;
  type: string;
  pmid: string | null;
  serial: number;
}

const CITIES = ["Boston, MA 02115 USA", "Zurich, Switzerland", "Munich, Germany", "London, England", "Toronto, ON M5S 1A1, Canada",
  "Paris, France", "Tokyo 1138654, Japan", "Beijing 100084, Peoples R China", "Sao Paulo, Brazil", "Naples, Italy",
  "Krakow, Poland", "Accra, Ghana", "Istanbul, Turkey", "Madrid, Spain", "Seoul, South Korea", "Sydney, NSW, Australia"];
const DEPTS = ["Dept Radiol", "Dept Comp Sci", "Dept Biomed Engn", "Sch Med", "Inst Informat", "Dept Econ & Stat", "Dept Phys",
  "Ctr Med Image Comp", "Dept Neurol", "Fac Engn"];
const UNIVERSITIES = ["Univ Aurora", "Tech Univ Borealis", "Univ Coll Cedar", "State Univ Delta", "Inst Estuary", "Univ Fjord",
  "Natl Univ Granite", "Univ Harbour", "Polytech Inst Iris", "Univ Juniper", "Kings Coll Kestrel", "Univ Lagoon"];
const VENUES = ["MEDICAL IMAGE ANALYSIS", "IEEE TRANSACTIONS ON MEDICAL IMAGING", "NATURE COMMUNICATIONS", "SCIENTIFIC REPORTS",
  "JOURNAL OF INFORMETRICS", "PLOS ONE", "RADIOLOGY", "NEUROIMAGE", "PATTERN RECOGNITION", "LANCET DIGITAL HEALTH",
  "COMPUTERIZED MEDICAL IMAGING AND GRAPHICS", "FRONTIERS IN NEUROSCIENCE"];
const TYPES = ["Article", "Article", "Article", "Article", "Review", "Proceedings Paper", "Editorial Material", "Article; Early Access"];
const FILLER = ["we", "propose", "a", "method", "for", "the", "analysis", "of", "results", "show", "that", "our", "approach",
  "improves", "on", "baseline", "models", "across", "datasets", "with", "and", "in", "patients", "images", "clinical", "data",
  "performance", "evaluation", "robust", "significantly", "framework", "study", "using", "large", "cohort"];

export function rngFor(seed: number): Rng {
  return seedrandom(`papergraph-exports-${seed}`);
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** A valid ORCID (ISO 7064 11,2 check digit) from 15 random digits. */
function orcid(rng: Rng): string {
  let digits = "000";
  for (let i = 0; i < 12; i++) digits += String(int(rng, 0, 9));
  let total = 0;
  for (const ch of digits) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? "X" : String(check));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

function person(rng: Rng, i: number): Person {
  const letters = "ABCDEFGHJKLMNPRSTW";
  return {
    given: pick(rng, FIRST_NAMES),
    middle: rng() < 0.4 ? letters[int(rng, 0, letters.length - 1)]! : "",
    surname: pick(rng, SURNAMES),
    orcid: rng() < 0.35 ? orcid(rng) : null,
    researcherId: rng() < 0.25 ? `${letters[int(rng, 0, 17)]}${rng() < 0.5 ? letters[int(rng, 0, 17)]! + letters[int(rng, 0, 17)]! : ""}-${String(int(rng, 1000, 9999))}-${int(rng, 2008, 2024)}` : null,
    scopusId: String(57000000000 + i * 7919),
    affiliation: `${pick(rng, UNIVERSITIES)}, ${pick(rng, DEPTS)}, ${pick(rng, CITIES)}`,
  };
}

function words(rng: Rng, n: number): string {
  const out: string[] = [];
  const field = pick(rng, FIELDS);
  while (out.length < n) {
    const r = rng();
    if (r < 0.25) out.push(pick(rng, field.terms));
    else if (r < 0.3) out.push(pick(rng, SHARED_TERMS));
    else out.push(pick(rng, FILLER));
  }
  return out.join(" ");
}

function sentence(rng: Rng, n: number): string {
  const s = words(rng, n);
  return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}

export function generateRecords(n: number, seed: number): SyntheticRecord[] {
  const rng = rngFor(seed);
  const people = Array.from({ length: Math.max(20, Math.floor(n / 2)) }, (_, i) => person(rng, i));
  const records: SyntheticRecord[] = [];
  for (let k = 0; k < n; k++) {
    const count = Math.min(40, 1 + Math.floor(-Math.log(1 - rng()) * 4));
    const authors: Person[] = [];
    while (authors.length < count) {
      const p = people[Math.floor(Math.pow(rng(), 1.5) * people.length)]!;
      if (!authors.includes(p)) authors.push(p);
    }
    const field = pick(rng, FIELDS);
    const title = `${pick(rng, field.terms).replace(/^./, (c) => c.toUpperCase())} ${words(rng, int(rng, 4, 10))}`;
    const abstract = Array.from({ length: int(rng, 5, 10) }, () => sentence(rng, int(rng, 12, 28))).join(" ");
    const year = int(rng, 1998, 2025);
    const pageStart = int(rng, 1, 3000);
    const refs = Array.from({ length: int(rng, 10, 60) }, () => {
      const p = pick(rng, people);
      return {
        author: `${p.surname} ${p.given[0]}${p.middle}`,
        year: int(rng, 1970, year),
        source: pick(rng, VENUES).replace(/(\w{4})\w+/g, "$1").slice(0, 20),
        volume: int(rng, 1, 400),
        page: int(rng, 1, 3000),
        doi: rng() < 0.7 ? `10.${int(rng, 1000, 9999)}/j.${int(rng, 1000, 99999)}.${int(rng, 10, 99)}` : null,
      };
    });
    records.push({
      authors,
      group: rng() < 0.04 ? `${pick(rng, ["BraTS", "UK Biobank", "ADNI", "TCGA", "CORONARY"])} ${pick(rng, ["Consortium", "Study Grp", "Investigators"])}` : null,
      title,
      abstract,
      venue: pick(rng, VENUES),
      year,
      month: int(rng, 1, 12),
      day: rng() < 0.4 ? int(rng, 1, 28) : null,
      volume: String(int(rng, 1, 300)),
      issue: String(int(rng, 1, 24)),
      pageStart,
      pageEnd: pageStart + int(rng, 3, 25),
      doi: `10.${int(rng, 1000, 9999)}/${field.category.toLowerCase()}.${year}.${k}`,
      keywords: Array.from({ length: int(rng, 3, 7) }, () => pick(rng, field.terms)),
      indexKeywords: Array.from({ length: int(rng, 4, 10) }, () => pick(rng, field.terms).toUpperCase()),
      references: refs,
      citations: Math.floor(-Math.log(1 - rng()) * 30),
      type: pick(rng, TYPES),
      pmid: rng() < 0.3 ? String(int(rng, 10000000, 39999999)) : null,
      serial: k,
    });
  }
  return records;
}

/** Short WoS form of a name: "Maier-Hein, LK". */
export function shortName(p: Person): string {
  return `${p.surname}, ${p.given[0]}${p.middle}`;
}

/** Full inverted form: "Maier-Hein, Lena K." */
export function fullName(p: Person): string {
  return `${p.surname}, ${p.given}${p.middle ? ` ${p.middle}.` : ""}`;
}

/** Peak resident memory of this process so far, in MiB (the kernel's high-water mark). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Seeded synthetic field download: N papers with COMPLETE bylines, written as Web of Science plain-text exports
 * (savedrecs.txt, 500 records a file, as the "Export -> Plain text file" dialog allows per batch), so the WoS reader,
 * identity resolution, topics and the graph stage all run on the shape of a real 10,000-100,000-record field export:
 *
 * - research groups of heavy-tailed size: a group's share of the papers follows a Pareto law (alpha 1.3), and members
 *   join a group as it publishes, so a few groups have hundreds of members and most have a handful;
 * - bylines of heavy-tailed length (log-normal, median about 5, mean about 6, tail to 60): a junior first author (often
 *   new), group members in the middle, a senior last; a partner group's members on about a third of papers and a
 *   stranger now and then (the cross-group ties that make communities overlap);
 * - about 1.3 distinct people per paper (most slots reuse people already on earlier papers);
 * - a few consortium papers (0.1%) with 50-300 names drawn from many groups and a group author (CA);
 * - names: given names from the vocabulary plus pinyin-like ones, surnames Zipf-distributed over the vocabulary (so
 *   "Wang", "Li", "Zhang" blocks are large, as in real exports) with a long tail of generated surnames; a person's
 *   (given, surname) pair is unique so the ground truth is unambiguous; 30% of people have an ORCID, printed on most
 *   of their papers; AU short forms beside AF full names;
 * - titles and abstracts from the same field vocabulary as the profile-page corpus, abstracts lengthened by sentences
 *   of a 5,000-word Zipf-distributed pseudo-vocabulary (about 1,300 characters in all); author keywords (DE) and Keywords
 *   Plus (ID); 0-12 cited references; DOI and accession number (UT) on every record;
 * - about 2% of papers are exported twice (two overlapping queries concatenated), as real downloads are.
 *
 * Memory: records are produced one file at a time (fieldCorpusFiles), so a writer can stream a million papers to disk.
 */
import seedrandom from "seedrandom";
import type { Rng } from "../../src/pipeline/graph/types";
import type { InputDocument } from "../../src/pipeline/records";
import { abstractText, Prose, titleText } from "./paper-text";
import { FIELDS, FIRST_NAMES, SHARED_TERMS, SURNAMES } from "./vocabulary";
import { ZipfSampler } from "./zipf";

export interface FieldCorpusOptions {
  papers: number;
  seed: number;
  /** Records per export file (default 500). */
  recordsPerFile?: number;
  /** Share of papers exported twice (default 0.02). */
  duplicates?: number;
}

interface Person {
  given: string;
  middle: string;
  surname: string;
  orcid: string | null;
  group: number;
}

interface Group {
  fields: [number, number];
  /** Member ids, in order of joining (seniors first). */
  members: number[];
  seniors: number;
  partners: number[];
  institution: string;
  city: string;
}

/** A paper as generated; its abstract, keywords and references are written from its own seeded stream when exported. */
export interface FieldPaper {
  title: string;
  /** The subject terms in the title: main, then two more. */
  main: string;
  a: string;
  b: string;
  field: number;
  /** Person ids in byline order. */
  authors: number[];
  consortium: string | null;
  year: number;
  month: number;
  serial: number;
  /** People existing when the paper was written (its references cite them). */
  peopleSoFar: number;
}

/** What only the export needs, rebuilt per paper (so a million abstracts are never all in memory). */
interface PaperDetails {
  abstract: string;
  keywords: string[];
  indexKeywords: string[];
  references: string[];
}

const PINYIN = ["xiao", "ming", "hong", "wei", "jun", "li", "yan", "hui", "jing", "lin", "hao", "yu", "qing", "xin", "jia",
  "zhi", "feng", "lei", "tao", "yong", "bo", "chen", "dong", "fang", "gang", "hua", "jian", "kai", "long", "mei", "ning",
  "peng", "rui", "shan", "ting", "wen", "xue", "yang", "zhen", "zi"];
const SYLLABLES = ["ka", "ro", "vi", "len", "mar", "to", "sen", "bra", "dal", "ne", "gor", "fi", "lu", "sha", "tan", "ber",
  "ko", "mi", "vas", "ri", "del", "sto", "ga", "hol", "ni", "pe", "quist", "ra", "wen", "zel"];
const ENDINGS = ["", "", "son", "ski", "enko", "ov", "ez", "elli", "berg", "mann", "ides", "escu", "ovic", "ani", "sen"];
const INSTITUTIONS = ["Univ Aurora", "Tech Univ Borealis", "Univ Coll Cedar", "State Univ Delta", "Inst Estuary", "Univ Fjord",
  "Natl Univ Granite", "Univ Harbour", "Polytech Inst Iris", "Univ Juniper", "Kings Coll Kestrel", "Univ Lagoon", "Univ Meridian",
  "Inst Nimbus", "Univ Orchard", "Acad Sci Prairie"];
const CITIES = ["Boston, MA 02115 USA", "Zurich, Switzerland", "Munich, Germany", "London, England", "Toronto, ON, Canada",
  "Paris, France", "Tokyo, Japan", "Beijing, Peoples R China", "Shanghai, Peoples R China", "Sao Paulo, Brazil", "Naples, Italy",
  "Krakow, Poland", "Accra, Ghana", "Istanbul, Turkey", "Madrid, Spain", "Seoul, South Korea", "Sydney, NSW, Australia"];
const DEPTS = ["Dept Radiol", "Dept Comp Sci", "Dept Biomed Engn", "Sch Med", "Inst Informat", "Dept Phys", "Ctr Med Image Comp", "Dept Neurol"];
const VENUES = ["MEDICAL IMAGE ANALYSIS", "IEEE TRANSACTIONS ON MEDICAL IMAGING", "NATURE COMMUNICATIONS", "SCIENTIFIC REPORTS",
  "RADIOLOGY", "NEUROIMAGE", "PATTERN RECOGNITION", "LANCET DIGITAL HEALTH", "FRONTIERS IN NEUROSCIENCE", "PLOS ONE"];
const CONSORTIA = ["BraTS", "UK Biobank", "ADNI", "TCGA", "ENIGMA", "CHAOS", "KiTS", "FeTS"];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const CHINESE_SURNAMES = new Set(["Wang", "Li", "Zhang", "Chen", "Liu", "Huang", "Zhao", "Jiang", "Bai"]);

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Pareto(alpha) draw >= 1. */
const pareto = (rng: Rng, alpha: number) => Math.pow(1 - rng(), -1 / alpha);

/** Standard normal draw (Box-Muller, one of the pair). */
function normal(rng: Rng): number {
  const u = 1 - rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A valid ORCID (ISO 7064 11,2 check digit). */
function orcid(rng: Rng): string {
  let digits = "000";
  for (let i = 0; i < 12; i++) digits += String(Math.floor(rng() * 10));
  let total = 0;
  for (const ch of digits) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? "X" : String(check));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

class People {
  readonly list: Person[] = [];
  private readonly used = new Set<string>();
  private readonly surnamePick = new ZipfSampler(SURNAMES.length, 1.0);
  constructor(private readonly rng: Rng) {}

  private generatedSurname(): string {
    const n = 2 + Math.floor(this.rng() * 2);
    let s = "";
    for (let i = 0; i < n; i++) s += pick(this.rng, SYLLABLES);
    return capitalise(s + pick(this.rng, ENDINGS));
  }

  private given(surname: string): string {
    if (CHINESE_SURNAMES.has(surname) && this.rng() < 0.7) {
      return capitalise(pick(this.rng, PINYIN) + (this.rng() < 0.7 ? pick(this.rng, PINYIN) : ""));
    }
    return pick(this.rng, FIRST_NAMES);
  }

  /** A (given, surname) pair not used before: the vocabulary's surnames first (Zipf: large common-surname blocks), a generated one when the pair is taken. */
  private freshName(): { given: string; surname: string } {
    for (let attempt = 0; ; attempt++) {
      const surname = attempt < 3 ? SURNAMES[this.surnamePick.sample(this.rng)]! : this.generatedSurname();
      const given = this.given(surname);
      // Unique on given name + surname: identity resolution rightly merges "Wei Zhang" and "Wei A. Zhang".
      if (!this.used.has(`${given} ${surname}`)) {
        this.used.add(`${given} ${surname}`);
        return { given, surname };
      }
    }
  }

  add(group: number): number {
    const rng = this.rng;
    const { given, surname } = this.freshName();
    const middle = rng() < 0.2 ? "ABCDEFGHJKLMNPRSTW"[Math.floor(rng() * 18)]! : "";
    return this.list.push({ given, middle, surname, orcid: rng() < 0.3 ? orcid(rng) : null, group }) - 1;
  }
}

/** WoS AF form: "Maier-Hein, Lena K." */
function fullName(p: Person): string {
  return `${p.surname}, ${p.given}${p.middle ? ` ${p.middle}.` : ""}`;
}

/** WoS AU form: "Maier-Hein, LK" (hyphenated given names give both initials). */
function shortName(p: Person): string {
  const initials = p.given.split(/[\s-]+/).map((w) => w[0]!.toUpperCase()).join("");
  return `${p.surname}, ${initials}${p.middle}`;
}

function bylineLength(rng: Rng): number {
  // Log-normal, median about 6 (fewer once people met twice are dropped): most bylines 2-14 names, a tail to 60.
  return Math.max(1, Math.min(60, Math.round(Math.exp(Math.log(5.8) + 0.7 * normal(rng)))));
}

/** Generates the papers (people and groups in memory; texts are built per file by fieldCorpusFiles). */
export function generateFieldPapers(options: FieldCorpusOptions): { people: Person[]; groups: Group[]; papers: FieldPaper[] } {
  const rng = seedrandom(`field:${options.seed}`);
  const people = new People(rng);
  const fieldPick = new ZipfSampler(FIELDS.length, 0.6);
  const groupCount = Math.max(2, Math.round(options.papers / 25));
  const groups: Group[] = [];
  const weights = new Float64Array(groupCount);
  let total = 0;
  for (let g = 0; g < groupCount; g++) {
    const f1 = fieldPick.sample(rng);
    let f2 = fieldPick.sample(rng);
    if (f2 === f1) f2 = (f1 + 1 + Math.floor(rng() * (FIELDS.length - 1))) % FIELDS.length;
    const seniors = 1 + Math.floor(rng() * 3);
    const group: Group = { fields: [f1, f2], members: [], seniors, partners: [], institution: pick(rng, INSTITUTIONS), city: pick(rng, CITIES) };
    for (let s = 0; s < seniors; s++) group.members.push(people.add(g));
    groups.push(group);
    // Heavy-tailed productivity, capped so that no single group writes more than ~2% of a small corpus.
    weights[g] = Math.min(pareto(rng, 1.3), 200);
    total += weights[g]!;
  }
  // Partners: a few groups, mostly in the same main field (collaboration follows subject).
  const byField = FIELDS.map(() => [] as number[]);
  groups.forEach((g, i) => byField[g.fields[0]]!.push(i));
  groups.forEach((g, i) => {
    const count = 1 + Math.floor(rng() * 4);
    for (let k = 0; k < count; k++) {
      const pool = rng() < 0.7 ? byField[g.fields[0]]! : byField[g.fields[1]]!.length ? byField[g.fields[1]]! : byField[g.fields[0]]!;
      const other = pool.length > 1 ? pool[Math.floor(rng() * pool.length)]! : Math.floor(rng() * groupCount);
      if (other !== i && !g.partners.includes(other)) g.partners.push(other);
    }
  });
  const cumulative = new Float64Array(groupCount);
  let acc = 0;
  for (let g = 0; g < groupCount; g++) cumulative[g] = acc += weights[g]! / total;
  const drawGroup = () => {
    const t = rng();
    let lo = 0;
    let hi = groupCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // A member: recent members more often (students come and go), seniors now and then.
  const memberOf = (g: Group) => {
    const m = g.members;
    if (m.length <= g.seniors || rng() < 0.15) return m[Math.floor(rng() * Math.min(g.seniors, m.length))]!;
    const window = Math.min(m.length - g.seniors, 25);
    return m[m.length - 1 - Math.floor(Math.pow(rng(), 1.5) * window)]!;
  };
  const { termPick, sharedPick } = samplers();
  const usedTitles = new Set<string>();

  const papers: FieldPaper[] = [];
  for (let p = 0; p < options.papers; p++) {
    const gi = drawGroup();
    const group = groups[gi]!;
    const byline: number[] = [];
    const seen = new Set<number>();
    const add = (a: number) => {
      if (!seen.has(a)) {
        seen.add(a);
        byline.push(a);
      }
    };
    let consortium: string | null = null;
    if (rng() < 0.001 && groupCount > 20) {
      consortium = `${pick(rng, CONSORTIA)} ${pick(rng, ["Consortium", "Study Grp", "Investigators", "Challenge Participants"])}`;
      const size = Math.round(50 * Math.pow(6, rng()));
      for (let tries = 0; byline.length < size && tries < size * 4; tries++) add(memberOf(groups[drawGroup()]!));
    } else {
      const size = bylineLength(rng);
      // First author: a junior, new to the group most of the time.
      if (rng() < 0.6 || group.members.length <= group.seniors) {
        const a = people.add(gi);
        group.members.push(a);
        add(a);
      } else add(memberOf(group));
      const partner = group.partners.length && rng() < 0.35 ? groups[pick(rng, group.partners)]! : null;
      const fromPartner = partner ? 1 + Math.floor(rng() * Math.min(3, size)) : 0;
      const stranger = rng() < 0.06 ? 1 : 0;
      const middle = Math.max(0, size - 2 - fromPartner - stranger);
      for (let k = 0; k < middle; k++) {
        if (rng() < 0.12) {
          const a = people.add(gi);
          group.members.push(a);
          add(a);
        } else add(memberOf(group));
      }
      for (let k = 0; k < fromPartner; k++) add(memberOf(partner!));
      if (stranger) add(memberOf(groups[Math.floor(rng() * groupCount)]!));
      if (size > 1) add(group.members[Math.floor(rng() * group.seniors)]!);
    }

    const field = rng() < 0.7 ? group.fields[0] : group.fields[1];
    const other = field === group.fields[0] ? group.fields[1] : group.fields[0];
    const terms = subjectTerms(rng, field, other, termPick, sharedPick);
    papers.push({
      ...terms,
      title: titleText(rng, terms.main, terms.a, terms.b, usedTitles, p),
      field,
      authors: byline,
      consortium,
      year: 2025 - Math.min(14, Math.floor(-Math.log(1 - rng()) * 4)),
      month: Math.floor(rng() * 12),
      serial: p,
      peopleSoFar: people.list.length,
    });
  }
  return { people: people.list, groups, papers };
}

function samplers() {
  return { termPick: FIELDS.map((f) => new ZipfSampler(f.terms.length, 1.1)), sharedPick: new ZipfSampler(SHARED_TERMS.length, 1) };
}

/** The paper's main subject term from its field, then two more (the field's, the other field's or shared ones). */
function subjectTerms(rng: Rng, field: number, other: number, termPick: ZipfSampler[], sharedPick: ZipfSampler): { main: string; a: string; b: string } {
  const terms = FIELDS[field]!.terms;
  const draw = () => {
    const r = rng();
    if (r < 0.2) return SHARED_TERMS[sharedPick.sample(rng)]!;
    if (r < 0.3) return FIELDS[other]!.terms[termPick[other]!.sample(rng)]!;
    return terms[termPick[field]!.sample(rng)]!;
  };
  const main = terms[termPick[field]!.sample(rng)]!;
  let a = draw();
  while (a === main) a = draw();
  let b = draw();
  while (b === main || b === a) b = draw();
  return { main, a, b };
}

class DetailWriter {
  private readonly prose: Prose;
  private readonly termPick: ZipfSampler[];

  constructor(private readonly seed: number, private readonly people: Person[]) {
    this.prose = new Prose(seedrandom(`field-vocabulary:${seed}`), 5000, (size) => new ZipfSampler(size, 1.05));
    this.termPick = samplers().termPick;
  }

  details(p: FieldPaper): PaperDetails {
    const rng = seedrandom(`field-text:${this.seed}:${p.serial}`);
    let abstract = abstractText(rng, p.main, p.a, p.b);
    // Real abstracts say much more than their subject terms: 2-5 sentences of long-tailed vocabulary.
    const extra = 2 + Math.floor(rng() * 4);
    for (let k = 0; k < extra; k++) abstract += " " + this.prose.sentence(rng);
    const fieldTerm = () => FIELDS[p.field]!.terms[this.termPick[p.field]!.sample(rng)]!;
    const keywords = [...new Set([p.main, p.a, p.b, fieldTerm()])];
    const indexKeywords = [...new Set(Array.from({ length: 2 + Math.floor(rng() * 4) }, () => fieldTerm().toUpperCase()))];
    const references = Array.from({ length: Math.floor(rng() * 13) }, () => {
      const who = this.people[Math.floor(rng() * p.peopleSoFar)]!;
      const year = 1995 + Math.floor(rng() * 30);
      return `${who.surname} ${who.given[0]}${who.middle}, ${year}, ${pick(rng, VENUES).slice(0, 18)}, V${1 + Math.floor(rng() * 300)}, P${1 + Math.floor(rng() * 3000)}`;
    });
    return { abstract, keywords, indexKeywords, references };
  }
}

/** Wraps a value at about 70 columns with WoS's three-space continuation indent. */
export function wrapWosField(tag: string, value: string): string {
  const out: string[] = [];
  let line = "";
  for (const word of value.split(" ")) {
    if (line !== "" && line.length + word.length + 1 > 70) {
      out.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  out.push(line);
  return `${tag} ${out.join("\n   ")}`;
}

const list = (tag: string, items: string[]) => `${tag} ${items.join("\n   ")}`;

function recordText(paper: FieldPaper, details: PaperDetails, people: Person[], groups: Group[]): string {
  const authors = paper.authors.map((a) => people[a]!);
  const byAddress = new Map<string, string[]>();
  for (const p of authors) {
    const g = groups[p.group]!;
    const address = `${g.institution}, ${DEPTS[p.group % DEPTS.length]}, ${g.city}.`;
    const names = byAddress.get(address);
    if (names) names.push(fullName(p));
    else byAddress.set(address, [fullName(p)]);
  }
  // ORCIDs linked on most, not all, of a person's papers (as WoS prints them).
  const oi = authors.filter((p, i) => p.orcid && (paper.serial + i) % 5 !== 0).map((p) => `${fullName(p)}/${p.orcid}`);
  const out = [
    "PT J",
    list("AU", authors.map(shortName)),
    list("AF", authors.map(fullName)),
  ];
  if (paper.consortium) out.push(`CA ${paper.consortium}`);
  out.push(
    wrapWosField("TI", paper.title),
    `SO ${VENUES[paper.serial % VENUES.length]}`,
    "LA English",
    "DT Article",
    wrapWosField("DE", details.keywords.join("; ")),
    wrapWosField("ID", details.indexKeywords.join("; ")),
    wrapWosField("AB", details.abstract),
    list("C1", [...byAddress].map(([address, names]) => `[${names.join("; ")}] ${address}`)),
  );
  if (oi.length) out.push(wrapWosField("OI", oi.join("; ")));
  if (details.references.length) out.push(list("CR", details.references));
  out.push(
    `NR ${details.references.length}`,
    `TC ${paper.serial % 37}`,
    `PD ${MONTHS[paper.month]}`,
    `PY ${paper.year}`,
    `VL ${1 + (paper.serial % 60)}`,
    `BP ${1 + (paper.serial % 900)}`,
    `DI 10.5555/field.${paper.year}.${paper.serial}`,
    `UT WOS:${String(100000000000 + paper.serial * 7).padStart(15, "0")}`,
    "ER",
    "",
  );
  return out.join("\n");
}

/** The export files one by one (a writer can stream them; nothing but people and papers is kept in memory). */
export function* fieldCorpusFiles(options: FieldCorpusOptions): Generator<InputDocument> {
  const { people, groups, papers } = generateFieldPapers(options);
  const perFile = options.recordsPerFile ?? 500;
  const rng = seedrandom(`field-export:${options.seed}`);
  const writer = new DetailWriter(options.seed, people);
  const share = options.duplicates ?? 0.02;
  // Papers in a random order (a download is sorted by relevance or date, not by group), some of them twice.
  const order: number[] = papers.map((_, i) => i);
  const extra = Math.round(papers.length * share);
  for (let k = 0; k < extra; k++) order.push(Math.floor(rng() * papers.length));
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const files = Math.ceil(order.length / perFile);
  for (let f = 0; f < files; f++) {
    const parts = ["FN Clarivate Analytics Web of Science", "VR 1.0"];
    for (let i = f * perFile; i < Math.min(order.length, (f + 1) * perFile); i++) {
      const paper = papers[order[i]!]!;
      parts.push(recordText(paper, writer.details(paper), people, groups));
    }
    parts.push("EF", "");
    yield { file: `field/savedrecs-${String(f + 1).padStart(4, "0")}.txt`, text: parts.join("\n") };
  }
}

/** N papers of a field as Web of Science plain-text exports. */
export function generateFieldCorpus(options: FieldCorpusOptions): InputDocument[] {
  return [...fieldCorpusFiles(options)];
}

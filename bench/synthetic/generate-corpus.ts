/**
 * Seeded synthetic corpus for benchmarks and scale tests: N papers written as profile pages (the seeds' 000_/001_
 * format), so the real readers, identity resolution and topic extraction all run on it.
 *
 * Realism that matters for the pipeline's cost and output:
 * - research groups ("labs") of senior members with Zipf-distributed productivity plus a stream of juniors who appear on
 *   a few papers each, so author productivity is heavy-tailed (many one-paper authors, a few with hundreds);
 * - bylines of 1..10 names mostly from one lab, a co-author from another lab on a quarter of papers (bridges), and rare
 *   consortium papers with 20-60 names (printed cut to 3 names + "et al.", as listings do);
 * - subject terms from 12 fields of multi-word terms drawn with a Zipf law, plus field-independent generic terms, written
 *   into titles and abstracts by templates;
 * - one page per prolific author listing all their papers, so papers shared by two such authors appear on both pages
 *   (de-duplication work), and a few names printed without diacritics on some pages (identity work).
 */
import seedrandom from "seedrandom";
import type { InputDocument } from "../../src/pipeline/records";
import type { Rng } from "../../src/pipeline/graph/types";
import { AFFILIATIONS, FIELDS, FIRST_NAMES, MONTHS, SHARED_TERMS, SURNAMES } from "./vocabulary";
import { ZipfSampler } from "./zipf";
import { abstractText, titleText } from "./paper-text";

export interface CorpusOptions {
  papers: number;
  seed: number;
}

export interface SyntheticPaper {
  title: string;
  abstract: string;
  /** Author ids (indices into SyntheticCorpus.authors) in byline order. */
  authors: number[];
  year: number;
  month: number;
  day: number;
  category: string;
  hasCode: boolean;
  affiliation: string | null;
  /** Field index of the paper's main subject. */
  field: number;
}

export interface SyntheticCorpus {
  authors: string[];
  papers: SyntheticPaper[];
  documents: InputDocument[];
}

interface Lab {
  fields: [number, number];
  seniors: number[];
  juniors: number[];
  seniorPick: ZipfSampler;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function stripDiacritics(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
}

class NameFactory {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  next(): string {
    for (;;) {
      const first = pick(this.rng, FIRST_NAMES);
      let surname = pick(this.rng, SURNAMES);
      if (this.rng() < 0.25) surname = `${surname}-${pick(this.rng, SURNAMES).replace(/^(de la|van der|de) /, "")}`;
      // Uniqueness on given name + surname: identity resolution rightly merges "Wei Zhang" and "Wei A. Zhang".
      const key = `${first} ${surname}`;
      if (this.used.has(key)) continue;
      this.used.add(key);
      const middle = this.rng() < 0.15 ? ` ${String.fromCharCode(65 + Math.floor(this.rng() * 26))}.` : "";
      return `${first}${middle} ${surname}`;
    }
  }
}

export function generatePapers(options: CorpusOptions): { authors: string[]; papers: SyntheticPaper[] } {
  const rng = seedrandom(`synthetic:${options.seed}`);
  const names = new NameFactory(rng);
  const authors: string[] = [];
  const newAuthor = () => authors.push(names.next()) - 1;

  const labCount = Math.max(1, Math.round(options.papers / 30));
  const fieldPick = new ZipfSampler(FIELDS.length, 0.6);
  const labs: Lab[] = [];
  for (let i = 0; i < labCount; i++) {
    const f1 = fieldPick.sample(rng);
    let f2 = fieldPick.sample(rng);
    if (f2 === f1) f2 = (f1 + 1 + Math.floor(rng() * (FIELDS.length - 1))) % FIELDS.length;
    const seniors = Array.from({ length: 2 + Math.floor(rng() * 5) }, newAuthor);
    labs.push({ fields: [f1, f2], seniors, juniors: [], seniorPick: new ZipfSampler(seniors.length, 1.0) });
  }
  const labPick = new ZipfSampler(labCount, 0.6);
  const termPick = FIELDS.map((f) => new ZipfSampler(f.terms.length, 1.1));
  const sharedPick = new ZipfSampler(SHARED_TERMS.length, 1);
  const usedTitles = new Set<string>();

  const papers: SyntheticPaper[] = [];
  for (let p = 0; p < options.papers; p++) {
    const lab = labs[labPick.sample(rng)]!;
    const byline: number[] = [];
    const add = (a: number) => {
      if (!byline.includes(a)) byline.push(a);
    };

    const consortium = rng() < 0.005;
    if (consortium) {
      const size = 20 + Math.floor(rng() * 41);
      for (let tries = 0; byline.length < size && tries < size * 10; tries++) {
        const other = labs[Math.floor(rng() * labs.length)]!;
        add(other.seniors[other.seniorPick.sample(rng)]!);
      }
    } else {
      const size = rng() < 0.04 ? 1 : 2 + Math.min(8, Math.floor(-Math.log(1 - rng()) * 3));
      // Juniors lead the byline, seniors close it, as in the seeds' listings.
      const seniorsOnPaper = Math.min(size, 1 + (rng() < 0.4 ? 1 : 0));
      const juniorsOnPaper = size - seniorsOnPaper;
      for (let j = 0; j < juniorsOnPaper; j++) {
        const reuse = lab.juniors.length > 0 && rng() < 0.55;
        // Recent juniors are the likely co-authors: pick among the last dozen.
        if (reuse) add(lab.juniors[Math.max(0, lab.juniors.length - 1 - Math.floor(rng() * 12))]!);
        else {
          const a = newAuthor();
          lab.juniors.push(a);
          add(a);
        }
      }
      if (rng() < 0.25 && labs.length > 1) {
        const other = labs[labPick.sample(rng)]!;
        if (other !== lab) add(other.seniors[other.seniorPick.sample(rng)]!);
      }
      for (let s = 0; s < seniorsOnPaper; s++) add(lab.seniors[lab.seniorPick.sample(rng)]!);
    }

    const field = rng() < 0.7 ? lab.fields[0] : lab.fields[1];
    const terms = FIELDS[field]!.terms;
    const draw = () => {
      const r = rng();
      if (r < 0.2) return SHARED_TERMS[sharedPick.sample(rng)]!;
      if (r < 0.3) {
        const other = lab.fields[field === lab.fields[0] ? 1 : 0];
        return FIELDS[other]!.terms[termPick[other]!.sample(rng)]!;
      }
      return terms[termPick[field]!.sample(rng)]!;
    };
    const main = terms[termPick[field]!.sample(rng)]!;
    let a = draw();
    while (a === main) a = draw();
    let b = draw();
    while (b === main || b === a) b = draw();

    const title = titleText(rng, main, a, b, usedTitles, p);
    const abstract = abstractText(rng, main, a, b);

    const year = 2025 - Math.min(9, Math.floor(-Math.log(1 - rng()) * 3));
    papers.push({
      title,
      abstract,
      authors: byline,
      year,
      month: Math.floor(rng() * 12),
      day: 1 + Math.floor(rng() * 28),
      category: FIELDS[field]!.category,
      hasCode: rng() < 0.4,
      affiliation: rng() < 0.3 ? pick(rng, AFFILIATIONS) : null,
      field,
    });
  }
  return { authors, papers };
}

function bylineText(paper: SyntheticPaper, authors: string[], plain: Set<number>): string {
  const shown = paper.authors.length > 10 ? paper.authors.slice(0, 3) : paper.authors;
  const names = shown.map((a) => (plain.has(a) ? stripDiacritics(authors[a]!) : authors[a]!)).join(", ");
  const cut = paper.authors.length > 10 ? " et al." : "";
  return `${names}${cut}${paper.affiliation ? ` · ${paper.affiliation}` : ""}`;
}

const dateText = (p: SyntheticPaper) => `${MONTHS[p.month]} ${p.day}, ${p.year}`;

export function generateSyntheticCorpus(options: CorpusOptions): SyntheticCorpus {
  const { authors, papers } = generatePapers(options);
  const rng = seedrandom(`synthetic-pages:${options.seed}`);
  const paperCount = new Int32Array(authors.length);
  for (const p of papers) for (const a of p.authors) paperCount[a]! += 1;

  // A page for the most prolific author of each paper; the page lists every paper of that person.
  const owners = new Set<number>();
  for (const p of papers) {
    let best = p.authors[0]!;
    for (const a of p.authors) if (paperCount[a]! > paperCount[best]!) best = a;
    owners.add(best);
  }
  const byAuthor = new Map<number, number[]>();
  papers.forEach((p, i) => {
    for (const a of p.authors) {
      if (!owners.has(a)) continue;
      const list = byAuthor.get(a);
      if (list) list.push(i);
      else byAuthor.set(a, [i]);
    }
  });

  const documents: InputDocument[] = [];
  const sortedOwners = [...owners].sort((x, y) => x - y);
  sortedOwners.forEach((owner, pageIndex) => {
    const list = byAuthor.get(owner)!;
    list.sort((x, y) => {
      const px = papers[x]!;
      const py = papers[y]!;
      return py.year - px.year || py.month - px.month || py.day - px.day || x - y;
    });
    // On some pages, names with diacritics lose them (as 001_ prints "Puyol Anton").
    const plain = new Set<number>();
    if (rng() < 0.2) for (const i of list) for (const a of papers[i]!.authors) if (a !== owner && rng() < 0.3) plain.add(a);
    const name = authors[owner]!;
    const lines: string[] = [
      name, "", papers[list[0]!]!.category,
      `h-index${5 + Math.floor(rng() * 60)}`, `${list.length}papers`,
      `${(list.length * (10 + Math.floor(rng() * 90))).toLocaleString("en-US")}citations`,
      `Novelty${10 + Math.floor(rng() * 80)}%`, `AI Score${20 + Math.floor(rng() * 70)}`, "", `${list.length} Papers`, "",
    ];
    for (const i of list) {
      const p = papers[i]!;
      lines.push(`${p.category}${dateText(p)}${p.hasCode ? "Code" : ""}`, p.title, "", bylineText(p, authors, plain), "", p.abstract, "");
    }
    documents.push({ file: `synthetic/profile-${String(pageIndex + 1).padStart(5, "0")}.txt`, text: lines.join("\n") });
  });
  return { authors, papers, documents };
}

/** The benchmark's entry point: N synthetic papers as profile-page documents. */
export function generateCorpus(options: CorpusOptions): InputDocument[] {
  return generateSyntheticCorpus(options).documents;
}

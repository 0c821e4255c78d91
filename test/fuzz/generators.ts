/**
 * Generated listings for the property suite: documents built from a model (a list of entries), so a property knows
 * how many records each document holds and where each starts. Shapes follow the README's "Formats read" and the seeds
 * (seeds/000-004); vocabularies are small and include the hard cases the readers document (accents, inner capitals,
 * particles, initials, "et al.", affiliations, year-less dates).
 */
import fc from "fast-check";
import type { ListingFormatId } from "../../src/pipeline/records";

export interface Entry {
  /** The entry's lines, in order (blank lines included where the format has them). */
  lines: string[];
  /** Offset of the line that starts the record (its `source.line`), within `lines`. */
  start: number;
  title: string | null;
}

export interface GeneratedListing {
  format: ListingFormatId;
  header: string[];
  entries: Entry[];
  /** Line end used when joining ("\n", "\r\n"). */
  eol: string;
  bom: boolean;
  finalNewline: boolean;
}

const GIVEN = ["Lena", "Annika", "Dominic", "Esther", "Jianning", "Matthias", "Álvaro", "İbrahim", "Zoë", "Karim", "Aasa", "Nazanin", "Hamideh", "Tim", "Minu"];
const SURNAME = ["Maier-Hein", "Reinke", "LaBella", "García Faura", "Puyol-Antón", "Li", "Eisenmann", "van der Berg", "O'Hanlon", "Lekadir", "Feragen", "Maleki", "Kerdegari", "Adler", "Tizabi", "McDonald"];
const TITLE_HEAD = ["Federated", "Deep", "Uncertainty", "Metrics", "Towards", "Benchmarking", "Brain", "Cardiac", "Robust", "Explainable"];
const TITLE_WORDS = ["learning", "segmentation", "of", "for", "brain", "tumour", "images", "in", "the", "wild", "models", "medical", "analysis", "validation", "with", "quantification", "networks", "data", "trustworthy", "shapes"];
const SENTENCE_WORDS = ["we", "propose", "a", "method", "for", "segmentation", "of", "medical", "images", "that", "improves", "robustness", "across", "hospitals", "and", "scanners", "using", "federated", "learning", "results", "show", "gains", "on", "three", "datasets", "with", "uncertainty", "estimates"];
const CATEGORIES = ["CV", "LG", "CL", "IV", "CY", "MED-PH", "AI"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const AFFILIATIONS = ["utoronto", "eth-zurich", "dkfz", "tum", "imperial"];
const COMMENTS = ["20 pages", "accepted to CVPR 2023", "12 pages, 5 figures", "Preprint submitted to the journal"];
const ARXIV_CATEGORIES = ["cs.CV", "eess.IV", "cs.LG", "physics.med-ph"];

const name = fc.tuple(fc.constantFrom(...GIVEN), fc.constantFrom(...SURNAME)).map(([g, s]) => `${g} ${s}`);
const names = fc.uniqueArray(name, { minLength: 1, maxLength: 8 });

/** A title: a capitalised first word and lower-case words (no sentence end), numbered so titles differ. */
const title = (k: number) =>
  fc.tuple(fc.constantFrom(...TITLE_HEAD), fc.array(fc.constantFrom(...TITLE_WORDS), { minLength: 1, maxLength: 10 }))
    .map(([head, rest]) => `${head} ${rest.join(" ")} ${k + 1}`);

/** An abstract: sentences, at least 200 characters, ending in a full stop. */
const abstract = fc.array(fc.array(fc.constantFrom(...SENTENCE_WORDS), { minLength: 8, maxLength: 20 }), { minLength: 2, maxLength: 5 })
  .map((sentences) => sentences.map((s) => s.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".").join(" "))
  .map((a) => (a.length >= 200 ? a : a + " " + "We report results on brain tumour segmentation with uncertainty estimates across many hospitals and scanners."));

const byline = fc.tuple(names, fc.boolean(), fc.option(fc.constantFrom(...AFFILIATIONS), { nil: null }))
  .map(([ns, etAl, affiliation]) => ns.join(", ") + (etAl ? " et al." : "") + (affiliation ? ` · ${affiliation}` : ""));

const date = fc.tuple(fc.integer({ min: 2015, max: 2025 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }));
const head = fc.tuple(fc.constantFrom(...CATEGORIES), date, fc.boolean(), fc.boolean())
  .map(([cat, [y, m, d], code, yearless]) => `${cat}${MONTHS[m]} ${d}${yearless ? "" : `, ${y}`}${code ? "Code" : ""}`);

const framing = fc.record({ eol: fc.constantFrom("\n", "\n", "\r\n"), bom: fc.boolean(), finalNewline: fc.boolean() });

/** N entries, each from `entry(k)`, with titles numbered so no two are the same. */
function entries(entry: (k: number) => fc.Arbitrary<Entry>, max: number): fc.Arbitrary<Entry[]> {
  return fc.integer({ min: 1, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => entry(k))));
}

const profileEntry = (k: number) =>
  fc.tuple(head, title(k), byline, abstract).map(([h, t, b, a]): Entry => ({ lines: [h, t, "", b, "", a, ""], start: 0, title: t }));

const compactEntry = (k: number) =>
  fc.tuple(head, title(k), byline, fc.option(abstract, { nil: null })).map(([h, t, b, a]): Entry => ({ lines: [h, `${t}${b}`, ...(a ? [a] : [])], start: 0, title: t }));

const trendingEntry = (k: number) => fc.tuple(title(k), abstract).map(([t, a]): Entry => ({ lines: [t, "", a, ""], start: 0, title: t }));

const arxivEntry = (k: number) =>
  fc.tuple(
    fc.option(fc.tuple(title(k), names), { nil: null }),
    abstract,
    fc.option(fc.constantFrom(...COMMENTS), { nil: null }),
    fc.option(fc.constantFrom(...ARXIV_CATEGORIES), { nil: null }),
    date,
    fc.option(date, { nil: null }),
  ).map(([titled, a, comment, category, [y, m, d], updated]): Entry => {
    const id = `${String(y).slice(2)}${String(m + 1).padStart(2, "0")}.${String(10000 + k).slice(-5)}`;
    const iso = ([yy, mm, dd]: [number, number, number]) => `${yy}-${String(mm + 1).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
    const authors = titled ? (titled[1].length > 1 ? `${titled[1].slice(0, -1).join(", ")} and ${titled[1][titled[1].length - 1]}` : titled[1][0]!) : "";
    return {
      lines: [
        ...(titled ? [titled[0], authors, ""] : []),
        a, "",
        ...(comment ? [comment, ""] : []),
        `arXiv:${id}${category ? ` [${category}]` : ""}`,
        `Created: ${iso([y, m, d])}${updated ? ` Updated: ${iso(updated)}` : ""}`, "",
      ],
      start: 0,
      title: titled ? titled[0] : null,
    };
  });

const profileHeader = fc.tuple(name, fc.constantFrom(...CATEGORIES), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 500 }))
  .map(([n, cat, h, p]) => [n, "", cat, `h-index${h}`, `${p}papers`, `${(p * 37).toLocaleString("en-US")}citations`, `Novelty${h % 90}%`, `AI Score${(h * 3) % 100}`, "", `${p} Papers`, ""]);
const TRENDING_HEADER = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "byAK and the research community", "", "Mar 11", ""];

export const LISTING_GENERATORS: Record<ListingFormatId, fc.Arbitrary<GeneratedListing>> = {
  profile: fc.tuple(profileHeader, entries(profileEntry, 12), framing).map(([header, es, f]) => ({ format: "profile", header, entries: es, ...f })),
  "compact-profile": fc.tuple(entries(compactEntry, 12), framing).map(([es, f]) => ({ format: "compact-profile", header: [], entries: es, ...f })),
  trending: fc.tuple(entries(trendingEntry, 12), framing).map(([es, f]) => ({ format: "trending", header: TRENDING_HEADER, entries: es, ...f })),
  "arxiv-listing": fc.tuple(entries(arxivEntry, 12), framing).map(([es, f]) => ({ format: "arxiv-listing", header: [], entries: es, ...f })),
};

/** The document's text and the 1-based line where each entry's record starts. */
export function render(doc: GeneratedListing, skip: number | null = null): { text: string; starts: number[] } {
  const lines = [...doc.header];
  const starts: number[] = [];
  doc.entries.forEach((e, k) => {
    if (k === skip) return;
    starts.push(lines.length + e.start + 1);
    lines.push(...e.lines);
  });
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  const text = (doc.bom ? "\uFEFF" : "") + lines.join(doc.eol) + (doc.finalNewline ? doc.eol : "");
  return { text, starts };
}

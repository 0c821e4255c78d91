/**
 * Synthetic exports for the JSON-family and arXiv Atom readers, shaped like the real files in
 * test/fixtures/formats/ (same keys, nesting and sizes per record), seeded so the same (n, seed) gives the same text.
 *
 *   generateOpenalex(n, seed) -> { page, jsonl }   a /works page ({"meta", "results"}) and snapshot JSON Lines
 *   generateCsl(n, seed)                           a Zotero-style CSL-JSON list
 *   generateS2(n, seed)                            a Semantic Scholar batch response (a list of papers)
 *   generateArxivAtom(n, seed)                     an arXiv API Atom feed (current layout)
 *
 * Run `npx tsx scripts/formats/generate-json.ts [n]` (default 10,000) to write n records of each format to a temporary
 * file and read each file through readDocument in its own child process, as the CLI does: it prints records per second
 * (per CPU second, so a busy shared machine does not skew it; wall time beside it) and the peak resident memory (the
 * kernel's high-water mark, which includes the file's text).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import seedrandom from "seedrandom";
import { readDocument } from "../../src/pipeline/formats";

type Rng = () => number;

const WORDS = (
  "learning network segmentation model data analysis deep image brain tumor graph attention transformer protein " +
  "cell imaging clinical cohort survival gene expression quantum field theory black hole galaxy spectra plasma " +
  "optimization inference bayesian causal estimation robust sparse kernel temporal spatial multimodal benchmark " +
  "dataset evaluation challenge federated privacy language vision reinforcement policy control dynamics"
).split(" ");
const GIVEN = ["Ana", "Bo", "Chen", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemal", "Lena", "Maria", "Nikhil", "Olga", "Pedro", "Qian", "Rosa", "Sven", "Tomás"];
const FAMILY = ["Smith", "Wang", "Müller", "García", "Kim", "Nguyen", "Rossi", "Kowalski", "Silva", "Novak", "Ivanova", "Okafor", "Tanaka", "Dubois", "Jensen", "Haddad", "Larsen", "Moreau", "Costa", "Fischer"];
const VENUES = ["Nature", "Medical Image Analysis", "Physical Review Letters", "NeuroImage", "IEEE Transactions on Medical Imaging", "PLOS ONE", "arXiv (Cornell University)"];
const CATEGORIES = ["cs.CV", "cs.LG", "eess.IV", "physics.med-ph", "q-bio.NC", "stat.ML", "hep-th", "astro-ph.CO"];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const words = (rng: Rng, n: number) => Array.from({ length: n }, () => pick(rng, WORDS)).join(" ");
const title = (rng: Rng) => {
  const t = words(rng, int(rng, 6, 14));
  return t[0]!.toUpperCase() + t.slice(1);
};
const sentence = (rng: Rng) => `${title(rng)}.`;
const abstract = (rng: Rng) => Array.from({ length: int(rng, 6, 10) }, () => sentence(rng)).join(" ");
const person = (rng: Rng) => ({ given: pick(rng, GIVEN), family: pick(rng, FAMILY) });
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const date = (rng: Rng) => ({ y: int(rng, 1995, 2025), m: int(rng, 1, 12), d: int(rng, 1, 28) });
const isoDate = (d: { y: number; m: number; d: number }) => `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}`;

function invertedIndex(text: string): Record<string, number[]> {
  const index: Record<string, number[]> = {};
  text.split(" ").forEach((w, i) => {
    (Object.hasOwn(index, w) ? index[w]! : (index[w] = [])).push(i);
  });
  return index;
}

function openalexWork(rng: Rng, i: number): Record<string, unknown> {
  const d = date(rng);
  const t = title(rng);
  return {
    id: `https://openalex.org/W${1_000_000 + i}`,
    doi: `https://doi.org/10.1234/synthetic.${i}`,
    title: t,
    display_name: t,
    publication_year: d.y,
    publication_date: isoDate(d),
    ids: { openalex: `https://openalex.org/W${1_000_000 + i}`, doi: `https://doi.org/10.1234/synthetic.${i}`, pmid: `https://pubmed.ncbi.nlm.nih.gov/${30_000_000 + i}` },
    language: "en",
    primary_location: { is_oa: true, landing_page_url: `https://doi.org/10.1234/synthetic.${i}`, source: { id: `https://openalex.org/S${int(rng, 1, 9999)}`, display_name: pick(rng, VENUES), type: "journal" } },
    type: "article",
    authorships: Array.from({ length: int(rng, 2, 12) }, (_, k, p = person(rng)) => ({
      author_position: k === 0 ? "first" : "middle",
      author: { id: `https://openalex.org/A${5_000_000_000 + int(rng, 1, 500_000)}`, display_name: `${p.given} ${p.family}`, orcid: null },
      institutions: [{ id: `https://openalex.org/I${int(rng, 1, 999)}`, display_name: `University of ${pick(rng, FAMILY)}`, country_code: "US", type: "education" }],
      countries: ["US"],
      is_corresponding: false,
      raw_author_name: `${p.given} ${p.family}`,
      raw_affiliation_strings: [`Department of ${pick(rng, WORDS)}, University of ${pick(rng, FAMILY)}`],
    })),
    cited_by_count: int(rng, 0, 5000),
    biblio: { volume: String(int(rng, 1, 300)), issue: String(int(rng, 1, 12)), first_page: String(int(rng, 1, 900)), last_page: null },
    topics: Array.from({ length: 3 }, () => ({ id: `https://openalex.org/T${int(rng, 10000, 14000)}`, display_name: title(rng), score: rng() })),
    keywords: Array.from({ length: 4 }, () => ({ id: "https://openalex.org/keywords/x", display_name: words(rng, 2), score: rng() })),
    concepts: Array.from({ length: 6 }, () => ({ id: `https://openalex.org/C${int(rng, 1, 99999)}`, display_name: pick(rng, WORDS), level: int(rng, 0, 3), score: rng() })),
    referenced_works: Array.from({ length: int(rng, 5, 40) }, () => `https://openalex.org/W${int(rng, 1, 4_000_000_000)}`),
    abstract_inverted_index: invertedIndex(abstract(rng)),
  };
}

export function generateOpenalex(n: number, seed: number): { page: string; jsonl: string } {
  const rng = seedrandom(`openalex-${seed}`);
  const works = Array.from({ length: n }, (_, i) => openalexWork(rng, i));
  const page = JSON.stringify({ meta: { count: n, db_response_time_ms: 28, page: 1, per_page: n }, results: works, group_by: [] }, null, 2);
  const jsonl = works.map((w) => JSON.stringify(w)).join("\n") + "\n";
  return { page, jsonl };
}

export function generateCsl(n: number, seed: number): string {
  const rng = seedrandom(`csl-${seed}`);
  const items = Array.from({ length: n }, (_, i) => {
    const d = date(rng);
    return {
      id: `http://zotero.org/users/local/abc/items/${pad(i, 8)}`,
      type: pick(rng, ["article-journal", "paper-conference", "chapter", "article"]),
      title: title(rng),
      author: Array.from({ length: int(rng, 1, 10) }, () => person(rng)),
      "container-title": pick(rng, VENUES),
      volume: String(int(rng, 1, 300)),
      issue: String(int(rng, 1, 12)),
      page: `${int(rng, 1, 400)}-${int(rng, 401, 900)}`,
      issued: { "date-parts": [[String(d.y), d.m, d.d]] },
      DOI: `10.5678/csl.${i}`,
      URL: rng() < 0.2 ? `http://arxiv.org/abs/${int(rng, 15, 25)}${pad(int(rng, 1, 12), 2)}.${pad(int(rng, 1, 99999), 5)}` : `https://example.org/${i}`,
      abstract: abstract(rng),
      keyword: words(rng, 4).split(" ").join(", "),
      language: "en",
      accessed: { "date-parts": [["2024", 6, 13]] },
    };
  });
  return JSON.stringify(items, null, "\t");
}

export function generateS2(n: number, seed: number): string {
  const rng = seedrandom(`s2-${seed}`);
  const hex = () => Array.from({ length: 40 }, () => "0123456789abcdef"[int(rng, 0, 15)]).join("");
  const papers = Array.from({ length: n }, (_, i) => {
    const d = date(rng);
    return {
      paperId: hex(),
      externalIds: { DOI: `10.9999/s2.${i}`, CorpusId: 100_000 + i, MAG: String(2_000_000_000 + i), ...(rng() < 0.3 ? { ArXiv: `${int(rng, 15, 25)}${pad(int(rng, 1, 12), 2)}.${pad(int(rng, 1, 99999), 5)}` } : {}) },
      url: "https://www.semanticscholar.org/paper/x",
      title: title(rng),
      abstract: abstract(rng),
      venue: pick(rng, VENUES),
      year: d.y,
      referenceCount: int(rng, 0, 80),
      citationCount: int(rng, 0, 9000),
      fieldsOfStudy: ["Computer Science"],
      s2FieldsOfStudy: [{ category: "Computer Science", source: "external" }, { category: "Medicine", source: "s2-fos-model" }],
      publicationTypes: ["JournalArticle"],
      publicationDate: isoDate(d),
      journal: { name: pick(rng, VENUES), volume: String(int(rng, 1, 99)), pages: `${int(rng, 1, 99)}-${int(rng, 100, 200)}` },
      authors: Array.from({ length: int(rng, 1, 10) }, (_, __, p = person(rng)) => ({ authorId: String(int(rng, 1, 3_000_000_000)), name: `${p.given[0]}. ${p.family}` })),
    };
  });
  return JSON.stringify(papers, null, 2);
}

export function generateArxivAtom(n: number, seed: number): string {
  const rng = seedrandom(`arxiv-${seed}`);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out: string[] = [
    "<?xml version='1.0' encoding='UTF-8'?>",
    '<feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">',
    "  <id>https://arxiv.org/api/synthetic</id>",
    "  <title>arXiv Query: search_query=all:synthetic&amp;id_list=&amp;start=0&amp;max_results=" + n + "</title>",
    "  <updated>2025-11-11T18:29:40Z</updated>",
    `  <opensearch:itemsPerPage>${n}</opensearch:itemsPerPage>`,
    `  <opensearch:totalResults>${n}</opensearch:totalResults>`,
    "  <opensearch:startIndex>0</opensearch:startIndex>",
  ];
  for (let i = 0; i < n; i++) {
    const d = date(rng);
    const id = `${pad(d.y % 100, 2)}${pad(d.m, 2)}.${pad(i % 100_000, 5)}v${int(rng, 1, 3)}`;
    const cats = [pick(rng, CATEGORIES), pick(rng, CATEGORIES)];
    out.push(
      "  <entry>",
      `    <id>http://arxiv.org/abs/${id}</id>`,
      `    <title>${esc(title(rng))}</title>`,
      `    <updated>${isoDate(d)}T12:00:00Z</updated>`,
      `    <link href="https://arxiv.org/abs/${id}" rel="alternate" type="text/html"/>`,
      `    <link href="https://arxiv.org/pdf/${id}" rel="related" type="application/pdf" title="pdf"/>`,
      `    <summary>${esc(abstract(rng))}</summary>`,
      ...cats.map((c) => `    <category term="${c}" scheme="http://arxiv.org/schemas/atom"/>`),
      `    <published>${isoDate(d)}T09:30:00Z</published>`,
      `    <arxiv:comment>${int(rng, 4, 40)} pages, ${int(rng, 1, 12)} figures</arxiv:comment>`,
      `    <arxiv:primary_category term="${cats[0]}"/>`,
      ...Array.from({ length: int(rng, 1, 8) }, () => {
        const p = person(rng);
        return rng() < 0.3
          ? `    <author>\n      <name>${p.given} ${p.family}</name>\n      <arxiv:affiliation>University of ${pick(rng, FAMILY)}</arxiv:affiliation>\n    </author>`
          : `    <author>\n      <name>${p.given} ${p.family}</name>\n    </author>`;
      }),
      "  </entry>",
    );
  }
  out.push("</feed>", "");
  return out.join("\n");
}

/** Each generated file of a run: a name and the text. */
function generatedFiles(n: number): [string, () => string][] {
  return [
    ["openalex-page.json", () => generateOpenalex(n, 1).page],
    ["openalex-snapshot.jsonl", () => generateOpenalex(n, 1).jsonl],
    ["csl.json", () => generateCsl(n, 1)],
    ["semantic-scholar-batch.json", () => generateS2(n, 1)],
    ["arxiv-query.xml", () => generateArxivAtom(n, 1)],
  ];
}

/** Reads one file as the CLI does (UTF-8 text, then readDocument) and prints a JSON line of figures. */
function measure(path: string): void {
  const text = readFileSync(path, "utf8");
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const doc = readDocument({ file: path, text });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(JSON.stringify({
    format: doc.format, records: doc.records.length, diagnostics: doc.diagnostics.length, inputMB: +(text.length / 1e6).toFixed(1),
    ms: Math.round(ms), cpuMs: Math.round(cpuMs), recordsPerSecond: Math.round(doc.records.length / (cpuMs / 1000)),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }));
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === "--measure") {
    measure(args[1]!);
    return;
  }
  const n = Number(args[0] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), "papergraph-json-bench-"));
  const script = fileURLToPath(import.meta.url);
  console.log(`reading ${n.toLocaleString("en")} generated records of each format; each file is read by its own process (peak RSS: file text + reader)`);
  console.log("file                         format            records  diag  input MB  wall ms  cpu ms  records/s (cpu)  peak RSS MB");
  try {
    for (const [name, generate] of generatedFiles(n)) {
      const path = join(dir, name);
      writeFileSync(path, generate());
      const out = execFileSync(process.execPath, [...process.execArgv, script, "--measure", path], { encoding: "utf8" });
      const r = JSON.parse(out.trim().split("\n").pop()!) as { format: string; records: number; diagnostics: number; inputMB: number; ms: number; cpuMs: number; recordsPerSecond: number; peakRssMB: number };
      console.log(`${name.padEnd(28)} ${r.format.padEnd(16)} ${String(r.records).padStart(8)} ${String(r.diagnostics).padStart(5)} ${String(r.inputMB).padStart(9)} ${String(r.ms).padStart(8)} ${String(r.cpuMs).padStart(7)} ${String(r.recordsPerSecond).padStart(16)} ${String(r.peakRssMB).padStart(12)}`);
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

/**
 * Test-only reader of the five seed listings in seeds/ (verbatim copies of the pages the project ships with), so the
 * topic tests run on the real corpus without depending on the format readers (src/pipeline/formats, another stage).
 * It pulls title and abstract of every entry and de-duplicates papers listed on several pages by normalised title,
 * or by the opening of the abstract for entries without a title. Good enough for topic tests, not a format reader.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TopicInputPaper } from "../../../src/pipeline/topics/types";

export const SEEDS_DIR = fileURLToPath(new URL("../../../seeds", import.meta.url));

interface RawEntry {
  file: string;
  line: number;
  title: string | null;
  abstract: string | null;
}

/** "CYAug 11, 2023", "CVApr 14Code", "IVSep 28, 2022Code": category codes glued to a date (profile pages). */
const PROFILE_HEADER = /^[A-Z]+(?:-[A-Z]+)?[A-Z][a-z]{2} \d{1,2}(?:, \d{4})?(?:Code)?$/;

function nonEmpty(lines: string[]): { text: string; line: number }[] {
  return lines.map((text, i) => ({ text: text.trim(), line: i + 1 })).filter((l) => l.text !== "");
}

/** Profile pages (000, 001): header, title, byline, abstract; compact pages (004): header, title+byline glued, abstract. */
function readProfile(file: string, lines: string[], compact: boolean): RawEntry[] {
  const rows = nonEmpty(lines);
  const out: RawEntry[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!PROFILE_HEADER.test(rows[i]!.text)) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < rows.length && !PROFILE_HEADER.test(rows[j]!.text)) body.push(rows[j++]!.text);
    if (compact) {
      out.push({ file, line: rows[i]!.line, title: splitGluedTitle(body[0] ?? ""), abstract: body.slice(1).join(" ") || null });
    } else {
      out.push({ file, line: rows[i]!.line, title: body[0] ?? null, abstract: body.slice(2).join(" ") || null });
    }
    i = j - 1;
  }
  return out;
}

/**
 * "Metrics reloaded: ... validationLena Maier-Hein, Annika Reinke et al." -> the title. The first author's name is the
 * text before the first comma (or " et al."); it starts at the last place where a capital follows a non-space.
 */
function splitGluedTitle(line: string): string | null {
  const byline = line.replace(/ · \S+$/, "");
  const firstComma = byline.search(/,| et al\./);
  const head = firstComma < 0 ? byline : byline.slice(0, firstComma);
  for (let k = head.length - 1; k > 0; k--) {
    if (/[A-Z]/.test(head[k]!) && /\S/.test(head[k - 1]!) && !/[A-Z-]/.test(head[k - 1]!)) {
      const name = head.slice(k);
      if (/^[A-Z][\p{L}.'-]*(?: [\p{L}.'-]+){1,3}$/u.test(name)) return head.slice(0, k).trim() || null;
    }
  }
  return null;
}

/** Trending page (002): five header lines up to the listing date, then title / abstract alternating. */
function readTrending(file: string, lines: string[]): RawEntry[] {
  const rows = nonEmpty(lines);
  const start = rows.findIndex((r) => /^[A-Z][a-z]{2} \d{1,2}$/.test(r.text));
  const out: RawEntry[] = [];
  for (let i = start + 1; i + 1 < rows.length; i += 2) {
    out.push({ file, line: rows[i]!.line, title: rows[i]!.text, abstract: rows[i + 1]!.text });
  }
  return out;
}

/** arXiv listing (003): blocks end with "arXiv:ID" / "Created:"; optional title + author lines, abstract, comment. */
function readArxiv(file: string, lines: string[]): RawEntry[] {
  const rows = nonEmpty(lines);
  const out: RawEntry[] = [];
  let block: { text: string; line: number }[] = [];
  for (const r of rows) {
    if (/^arXiv:\S+$/.test(r.text)) {
      // The abstract is the longest line that is not a byline (the full author lists here can outrun an abstract).
      const isByline = (t: string) => t.split(", ").length >= 3 && t.split(", ").every((n) => n.split(" ").length <= 5);
      const abstractIdx = block.reduce(
        (best, l, k) => (!isByline(l.text) && (best < 0 || l.text.length > block[best]!.text.length) ? k : best),
        -1,
      );
      const abstract = abstractIdx >= 0 ? block[abstractIdx] : undefined;
      if (abstract) {
        const title = abstractIdx >= 2 ? block[abstractIdx - 2]!.text : null;
        out.push({ file, line: block[0]!.line, title, abstract: abstract.text });
      }
      block = [];
    } else if (!/^Created: /.test(r.text)) {
      block.push(r);
    }
  }
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "");

export interface SeedCorpus {
  papers: TopicInputPaper[];
  /** Entries read before de-duplication. */
  entries: number;
}

export function readSeedCorpus(): SeedCorpus {
  const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).sort();
  const entries: RawEntry[] = [];
  for (const f of files) {
    const lines = readFileSync(join(SEEDS_DIR, f), "utf8").split(/\r?\n/);
    const first = lines.find((l) => l.trim() !== "")?.trim() ?? "";
    if (first === "new") entries.push(...readTrending(f, lines));
    else if (PROFILE_HEADER.test(first)) entries.push(...readProfile(f, lines, true));
    else if (lines.some((l) => /^arXiv:\S+$/.test(l.trim()))) entries.push(...readArxiv(f, lines));
    else entries.push(...readProfile(f, lines, false));
  }
  const byTitle = new Map<string, TopicInputPaper>();
  const byAbstract = new Map<string, TopicInputPaper>();
  const papers: TopicInputPaper[] = [];
  for (const e of entries) {
    const tk = e.title ? norm(e.title) : null;
    const ak = e.abstract ? norm(e.abstract).slice(0, 120) : null;
    const seen = (tk && byTitle.get(tk)) || (ak && byAbstract.get(ak));
    if (seen) {
      if (!seen.title && e.title) seen.title = e.title;
      if (!seen.abstract && e.abstract) seen.abstract = e.abstract;
      if (tk) byTitle.set(tk, seen);
      continue;
    }
    const p: TopicInputPaper = { key: `p:${e.file}:${e.line}`, title: e.title, abstract: e.abstract };
    papers.push(p);
    if (tk) byTitle.set(tk, p);
    if (ak) byAbstract.set(ak, p);
  }
  return { papers, entries: entries.length };
}

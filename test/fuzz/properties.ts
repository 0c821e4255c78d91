/**
 * The fuzzing properties, shared by the short run in `npm test` (test/fuzz/fuzz.test.ts) and the long seeded run
 * (`npm run fuzz -- --runs N`, scripts/fuzz.ts). Each target is an input generator and a check that throws on a broken
 * invariant and otherwise returns what it saw (records, diagnostics, size, time), which the long run prints per target.
 *
 * Invariants:
 *   - no exception: readDocument / runPipeline return, and no reader reports an internal error;
 *   - nothing lost: every non-blank line is a record, part of one, or in a diagnostic (accounting.ts); for export
 *     readers, every record start of an undamaged sample is, after damage in place, still a record or in a diagnostic;
 *   - one entry, one record: a generated listing of N entries reads as N records starting where the entries start, and
 *     without entry k it reads as N - 1 records, the others unchanged;
 *   - same input, same bytes: reading twice (from a copy of the text) gives identical JSON; the pipeline's graph too;
 *   - linear time: each input is read within a budget linear in its size (generous: BUDGET_BASE_MS plus
 *     BUDGET_US_PER_CHAR per character; the readers run at about 0.1 µs per character, the quadratic cases this issue
 *     fixed took 2 to 50 µs per character).
 */
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validateGraphFile } from "../../src/model/validate";
import { readDocument } from "../../src/pipeline/formats";
import { detectExport, EXPORT_READERS, SNIFF_BYTES, type ExportReader } from "../../src/pipeline/formats/exports";
import { resolveOptions } from "../../src/pipeline/options";
import type { InputDocument, ListingFormatId, ParsedDocument } from "../../src/pipeline/records";
import { runPipeline } from "../../src/pipeline/run";
import { unaccountedLines } from "./accounting";
import { LISTING_GENERATORS, render, type GeneratedListing } from "./generators";
import { inPlaceMutation, mutateAll, mutations, type Mutation } from "./mutations";

export const BUDGET_BASE_MS = 250;
export const BUDGET_US_PER_CHAR = 2;
/** The whole build: layout and centrality have a fixed cost per build. */
export const PIPELINE_BUDGET_BASE_MS = 10_000;
export const PIPELINE_BUDGET_US_PER_CHAR = 50;
// import.meta.url, not __dirname: scripts/fuzz.ts runs this under tsx as an ES module.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface Seen {
  records: number;
  diagnostics: number;
  chars: number;
  ms: number;
}

export interface FuzzTarget<T = unknown> {
  name: string;
  /** Runs per `runs` asked for (the pipeline is slow: it gets a fraction). */
  share: number;
  arbitrary: fc.Arbitrary<T>;
  check(input: T): Seen;
}

class InvariantError extends Error {}

function fail(message: string): never {
  throw new InvariantError(message);
}

/** readDocument, timed, with the invariants every read must keep. */
/**
 * The fastest of up to three timings of `fn`: one slow run on a loaded machine (a GC pause, another process) is noise;
 * work that is really superlinear is slow every time.
 */
function withinBudget<T>(fn: () => T, budgetMs: number): { value: T; ms: number } {
  let best = Number.POSITIVE_INFINITY;
  let value!: T;
  for (let attempt = 0; attempt < 3 && best > budgetMs; attempt++) {
    const t0 = performance.now();
    value = fn();
    best = Math.min(best, performance.now() - t0);
  }
  return { value, ms: best };
}

function readChecked(file: string, text: string): { doc: ParsedDocument; ms: number } {
  const budget = BUDGET_BASE_MS + (BUDGET_US_PER_CHAR * text.length) / 1000;
  const { value: doc, ms } = withinBudget(() => readDocument({ file, text }), budget);
  if (ms > budget) fail(`read took ${ms.toFixed(0)} ms for ${text.length} characters (budget ${budget.toFixed(0)} ms)`);
  const internal = doc.diagnostics.find((d) => /internal error/.test(d.message));
  if (internal) fail(`reader bug: ${internal.message}`);
  // A copy of the text (another string object, same characters) reads to the same bytes.
  const again = readDocument({ file, text: (" " + text).slice(1) });
  if (JSON.stringify(again) !== JSON.stringify(doc)) fail("reading the same text twice gave different results");
  return { doc, ms };
}

function accounted(text: string, doc: ParsedDocument): void {
  if (doc.format === null) {
    if (doc.diagnostics.length === 0) fail("an unreadable document without a diagnostic");
    return; // the whole file is in its diagnostic (binary, empty, not a recognised format)
  }
  const missing = unaccountedLines(text, doc);
  if (missing.length) fail(`lines in no record and no diagnostic: ${missing.slice(0, 3).join(" | ")}`);
}

const seen = (doc: ParsedDocument, text: string, ms: number): Seen => ({ records: doc.records.length, diagnostics: doc.diagnostics.length, chars: text.length, ms });

/** Generated, undamaged listings: one entry, one record; removal; accounting; determinism; time. */
export function cleanListingTarget(format: ListingFormatId): FuzzTarget<{ doc: GeneratedListing; remove: number }> {
  return {
    name: `${format} (generated)`,
    share: 1,
    arbitrary: LISTING_GENERATORS[format].chain((doc) => fc.record({ doc: fc.constant(doc), remove: fc.nat({ max: doc.entries.length - 1 }) })),
    check: ({ doc, remove }) => {
      const { text, starts } = render(doc);
      const { doc: parsed, ms } = readChecked("generated.txt", text);
      if (parsed.format !== format) fail(`read as ${parsed.format}, generated as ${format}`);
      const got = parsed.records.map((r) => r.source.line);
      if (JSON.stringify(got) !== JSON.stringify(starts)) fail(`${doc.entries.length} entries starting at lines ${starts.join(",")} read as records at ${got.join(",")}`);
      doc.entries.forEach((e, k) => {
        if (e.title !== null && parsed.records[k]?.title !== e.title) fail(`entry ${k + 1}: title "${e.title}" read as "${parsed.records[k]?.title}"`);
      });
      accounted(text, parsed);
      if (doc.entries.length > 1) {
        const without = render(doc, remove);
        const less = readDocument({ file: "generated.txt", text: without.text });
        if (less.records.length !== parsed.records.length - 1) fail(`removing entry ${remove + 1} of ${doc.entries.length} left ${less.records.length} records`);
        const titles = (d: ParsedDocument) => d.records.map((r) => r.title);
        const expected = titles(parsed).filter((_, k) => k !== remove);
        if (JSON.stringify(titles(less)) !== JSON.stringify(expected)) fail(`removing entry ${remove + 1} changed other records`);
      }
      return seen(parsed, text, ms);
    },
  };
}

/** The seed listings, one per format, as damage starts from real files too. */
function seedTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(path.join(ROOT, "seeds")).filter((n) => n.endsWith(".txt")).sort()) {
    out[f] = readFileSync(path.join(ROOT, "seeds", f), "utf8");
  }
  return out;
}

/** Damaged listings (generated or seed files, 1-3 mutations): no exception, accounting, determinism, time. */
export function damagedListingTarget(format: ListingFormatId): FuzzTarget<{ text: string; ms: Mutation[] }> {
  const seeds = Object.entries(seedTexts()).filter(([, t]) => readDocument({ file: "s", text: t }).format === format).map(([, t]) => t);
  const base = fc.oneof(LISTING_GENERATORS[format].map((d) => render(d).text), ...(seeds.length ? [fc.constantFrom(...seeds)] : []));
  return {
    name: `${format} (damaged)`,
    share: 1,
    arbitrary: fc.record({ text: base, ms: mutations }),
    check: ({ text, ms }) => {
      const damaged = mutateAll(text, ms);
      const { doc, ms: t } = readChecked("damaged.txt", damaged);
      accounted(damaged, doc);
      return seen(doc, damaged, t);
    },
  };
}

/** Files under test/fixtures and seeds/ that a registered export reader recognises: the samples to damage. */
export function exportSamples(reader: ExportReader): { file: string; text: string }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (statSync(p).size < 2_000_000) files.push(p);
    }
  };
  for (const d of ["test/fixtures", "seeds"]) walk(path.join(ROOT, d));
  return files
    .map((f) => ({ file: path.relative(ROOT, f), text: readFileSync(f, "utf8") }))
    .filter((s) => detectExport(s.text.replace(/^\uFEFF/, "").slice(0, SNIFF_BYTES)) === reader);
}

/**
 * An export reader, through readDocument (so it is the registry that picks it): damage in place (the line count
 * stays), then every record start of the undamaged sample must still be a record, or a diagnostic must name a line (as its line, or in a "lines N-M" range of its message)
 * of that record (or the damaged line). Plus no exception, determinism, time.
 */
export function exportTarget(reader: ExportReader, samples: { file: string; text: string }[], read = (text: string, file: string) => readChecked(file, text)): FuzzTarget<{ sample: number; ms: Mutation[] }> {
  return {
    name: `${reader.format} (export, ${samples.length} samples)`,
    share: 1,
    arbitrary: fc.record({ sample: fc.nat({ max: Math.max(0, samples.length - 1) }), ms: fc.array(inPlaceMutation, { minLength: 1, maxLength: 2 }) }),
    check: ({ sample, ms }) => {
      const s = samples[sample]!;
      const original = read(s.text, s.file).doc;
      const damaged = mutateAll(s.text, ms);
      // Line ends as the readers count them (a CR inside a CRLF sample is a line end too): a mutation that adds or
      // removes one shifts every later line number, which is no loss; such inputs are discarded.
      const lines = damaged.split("\n").length;
      if (lines !== s.text.split("\n").length) fail("an in-place mutation changed the line count");
      fc.pre(damaged.split(/\r\n|\r|\n/).length === s.text.split(/\r\n|\r|\n/).length);
      const { doc, ms: t } = read(damaged, s.file);
      const starts = [...new Set(original.records.map((r) => r.source.line))].sort((a, b) => a - b);
      const damagedLines = new Set(ms.map((m) => ("at" in m ? (m.at % Math.max(1, lines)) + 1 : -1)));
      const recordStarts = new Set(doc.records.map((r) => r.source.line));
      starts.forEach((start, k) => {
        const end = starts[k + 1] ?? Number.MAX_SAFE_INTEGER;
        if (recordStarts.has(start)) return;
        // Damage to a record's first line(s) (its "PT J" or "TY  - " line erased) may move its start within the record.
        const hitHere = [...damagedLines].some((l) => l >= start && l < end);
        if (hitHere && doc.records.some((r) => r.source.line > start && r.source.line < end)) return;
        // An error earlier in the file with no record read between it and this record: the reader lost its place
        // there (a damaged JSON top level, an unclosed brace) and said so; the loss is that error's.
        const lastError = doc.diagnostics.filter((d) => d.severity === "error" && d.line <= start).reduce((m, d) => Math.max(m, d.line), 0);
        if (lastError > 0 && !doc.records.some((r) => r.source.line >= lastError && r.source.line < start)) return;
        if (doc.diagnostics.some((d) => (d.line >= start && d.line < end) || damagedLines.has(d.line))) return;
        // A diagnostic whose message names a range of lines ("(lines 58-66)") that overlaps the record.
        const ranges = doc.diagnostics.flatMap((d) => [...d.message.matchAll(/\blines (\d+)-(\d+)\b/g)].map((m) => [Number(m[1]), Number(m[2])] as const));
        if (ranges.some(([a, b]) => a < end && b >= start)) return;
        fail(`the record at line ${start} of ${s.file} vanished: no record starts there and no diagnostic names lines ${start}-${end === Number.MAX_SAFE_INTEGER ? "end" : end - 1}`);
      });
      return seen(doc, damaged, t);
    },
  };
}

/** The whole pipeline on a few small generated documents: no exception, a valid graph, the same bytes twice, time. */
export function pipelineTarget(): FuzzTarget<{ docs: InputDocument[] }> {
  const one = fc.tuple(fc.oneof(...Object.values(LISTING_GENERATORS)), fc.option(mutations, { nil: null }))
    .map(([g, ms]) => (ms ? mutateAll(render(g).text, ms) : render(g).text));
  const docs = fc.array(one, { minLength: 1, maxLength: 3 }).map((texts) => texts.map((text, i) => ({ file: `in/${i}.txt`, text })));
  return {
    name: "pipeline (whole build)",
    share: 0.02,
    arbitrary: fc.record({ docs }),
    check: ({ docs: input }) => {
      const options = resolveOptions({ layoutIterations: 20 });
      const chars = input.reduce((n, d) => n + d.text.length, 0);
      const budget = PIPELINE_BUDGET_BASE_MS + (PIPELINE_BUDGET_US_PER_CHAR * chars) / 1000;
      const { value: a, ms } = withinBudget(() => runPipeline({ documents: input }, options), budget);
      if (ms > budget) fail(`pipeline took ${ms.toFixed(0)} ms for ${chars} characters (budget ${budget.toFixed(0)} ms)`);
      const json = JSON.stringify(a.graph.export());
      const valid = validateGraphFile(JSON.parse(json));
      if (!valid.ok) fail(`invalid graph: ${valid.errors.slice(0, 3).join("; ")}`);
      const b = runPipeline({ documents: input.map((d) => ({ ...d, text: (" " + d.text).slice(1) })) }, options);
      if (JSON.stringify(b.graph.export()) !== json) fail("the same documents built two different graphs");
      return { records: a.summaries.reduce((n, s) => n + s.records, 0), diagnostics: a.summaries.reduce((n, s) => n + s.diagnostics.length, 0), chars, ms };
    },
  };
}

const LISTINGS: ListingFormatId[] = ["profile", "compact-profile", "trending", "arxiv-listing"];

/** Every target: each listing reader clean and damaged, each registered export reader, the pipeline. */
export function allTargets(): FuzzTarget<never>[] {
  const targets: FuzzTarget<never>[] = [];
  for (const f of LISTINGS) targets.push(cleanListingTarget(f) as FuzzTarget<never>, damagedListingTarget(f) as FuzzTarget<never>);
  for (const reader of EXPORT_READERS) targets.push(exportTarget(reader, exportSamples(reader)) as FuzzTarget<never>);
  targets.push(pipelineTarget() as FuzzTarget<never>);
  return targets;
}

export interface RunCounts {
  name: string;
  inputs: number;
  records: number;
  diagnostics: number;
  chars: number;
  maxUsPerChar: number;
  ms: number;
}

/** Runs one target `runs` times with a seed; throws fast-check's report (counterexample, seed, path) on a failure. */
export function runTarget<T>(target: FuzzTarget<T>, runs: number, seed: number): RunCounts {
  const counts: RunCounts = { name: target.name, inputs: 0, records: 0, diagnostics: 0, chars: 0, maxUsPerChar: 0, ms: 0 };
  const t0 = performance.now();
  const result = fc.check(
    fc.property(target.arbitrary, (input) => {
      const s = target.check(input);
      counts.inputs++;
      counts.records += s.records;
      counts.diagnostics += s.diagnostics;
      counts.chars += s.chars;
      if (s.chars > 100_000) counts.maxUsPerChar = Math.max(counts.maxUsPerChar, (s.ms * 1000) / s.chars);
    }),
    { numRuns: Math.max(1, Math.round(runs * target.share)), seed },
  );
  if (result.failed) {
    // The broken invariant first, then fast-check's report (shrunk counterexample, seed and path to replay it).
    const cause = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
    throw new Error(`${target.name}: ${cause}\n${fc.defaultReportMessage(result)}`);
  }
  counts.ms = performance.now() - t0;
  return counts;
}

/**
 * Synthetic corpora: benchmark and test support, never part of the product (src/ never imports bench/; lint checks).
 * - generateCorpus: N papers as profile-page listings with labs, Zipf productivity and Zipf terms, for the benchmarks
 *   (scripts/bench-*.ts, scripts/synthetic-corpus.ts) and the scale tests;
 * - fieldCorpusFiles / generateFieldCorpus: N papers of a field as Web of Science plain-text exports with complete
 *   bylines (heavy-tailed bylines and research groups, consortium papers, ~1.3 people per paper), the shape of a
 *   10,000-100,000-record field download, for `npm run bench` (the default corpus) and the scale figures;
 * - generateTopicsCorpus: 36 papers on three known subjects plus generic phrases, for the topic relevance and
 *   clustering tests (the subjects must come out as topics and clusters, the generic phrases must not).
 * Both are seeded: the same call gives the same corpus on every machine.
 */
export { generateCorpus, generatePapers, generateSyntheticCorpus } from "./generate-corpus";
export type { CorpusOptions, SyntheticCorpus, SyntheticPaper } from "./generate-corpus";
export { fieldCorpusFiles, generateFieldCorpus, generateFieldPapers } from "./field-corpus";
export type { FieldCorpusOptions, FieldPaper } from "./field-corpus";
export { GENERIC_SENTENCES, SUBJECTS, generateTopicsCorpus, type Subject } from "./topics-corpus";

export { generateCorpus, generatePapers, generateSyntheticCorpus } from "./generate-corpus";
export type { CorpusOptions, SyntheticCorpus, SyntheticPaper } from "./generate-corpus";
export { fieldCorpusFiles, generateFieldCorpus, generateFieldPapers } from "./field-corpus";
export type { FieldCorpusOptions, FieldPaper } from "./field-corpus";

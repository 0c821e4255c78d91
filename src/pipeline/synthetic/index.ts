export { generateCorpus, generatePapers, generateSyntheticCorpus } from "./generate-corpus";
export type { CorpusOptions, SyntheticCorpus, SyntheticPaper } from "./generate-corpus";

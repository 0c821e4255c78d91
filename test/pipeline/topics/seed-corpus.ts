/**
 * The real seed corpus as the topic stage sees it in a build: the five listings in seeds/ (copied verbatim from the
 * project brief) read by the format readers and de-duplicated by the identity stage, exactly as runPipeline does.
 */
import { readFileSync, readdirSync } from "node:fs";
import { readDocument } from "../../../src/pipeline/formats";
import { resolveIdentity } from "../../../src/pipeline/identity";
import type { TopicInputPaper } from "../../../src/pipeline/topics/types";

const SEEDS = new URL("../../../seeds/", import.meta.url);

export function readSeedCorpus(): { papers: TopicInputPaper[]; records: number } {
  const documents = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((name) => readDocument({ file: `seeds/${name}`, text: readFileSync(new URL(name, SEEDS), "utf8") }));
  const identity = resolveIdentity(documents, {});
  return {
    papers: identity.papers.map((p) => ({ key: p.key, title: p.title, abstract: p.abstract })),
    records: documents.reduce((n, d) => n + d.records.length, 0),
  };
}

/**
 * The whole build as one pure function: input documents in, analysed graph out. Runs in Node (the CLI) and in a
 * browser worker (files dropped on the explorer). No file system, no process, no clock in the output.
 */
import type Graph from "graphology";
import type { SourceSummary } from "../model/graph-file";
import { checkBuildSize, estimateBuildSize, type BuildSize } from "./build-size";
import { readDocument } from "./formats";
import { parseThesaurus, resolveIdentity } from "./identity";
import type { Thesaurus } from "./identity/thesaurus";
import type { IdentityResult } from "./identity/types";
import type { PipelineOptions } from "./options";
import { silentProgress, stepsOf, type BuildPhase, type ProgressListener } from "./progress";
import type { Diagnostic, InputDocument, ParsedDocument } from "./records";
import { analyseTopics, clusterTopics } from "./topics";
import type { TopicClusterResult, TopicInputPaper, TopicResult } from "./topics/types";
import { buildGraphView, type GraphView } from "./graph";
import { compareStrings } from "../model/compare";

export interface PipelineInput {
  documents: InputDocument[];
  /** Optional thesaurus file (force / forbid merges, rename). */
  thesaurus?: InputDocument | null;
}

export interface PipelineResult {
  /**
   * The analysed graph over the graph stage's arrays, read like graphology: what the CLI and the browser worker write
   * graph.json and the explorer's files from.
   */
  view: GraphView;
  /** The same graph as graphology, made on first use (the build itself never needs it; see graph/graph-view.ts). */
  readonly graph: Graph;
  identity: IdentityResult;
  topics: TopicResult;
  clusters: TopicClusterResult;
  summaries: SourceSummary[];
  /** Milliseconds per phase (reported on stderr by the CLI, never written into the graph). */
  timings: Record<string, number>;
  /** What the records read add up to, and the heap the build was estimated to need (build-size.ts). */
  size: BuildSize;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : 0);

export interface PipelineHooks {
  /** Called as each phase starts, advances and ends. */
  onProgress?: ProgressListener;
  /**
   * The JavaScript heap limit the build runs under, in bytes (the CLI passes V8's heap_size_limit). When given, a build
   * whose estimated need exceeds it stops right after reading with a BuildTooLargeError that says how much it needs and
   * how to raise the limit, instead of dying of heap exhaustion minutes later.
   */
  heapLimitBytes?: number;
  /**
   * The caller hands the input texts over: each document in `input.documents` is replaced by one with an empty text
   * once read, so the texts (234 MB of Web of Science export at 100,000 papers, twice that in memory) do not live
   * through the build. The CLI and the browser worker pass true; leave it off to build twice from the same input.
   */
  releaseInput?: boolean;
}

export { BuildTooLargeError } from "./build-size";

export function runPipeline(input: PipelineInput, options: PipelineOptions, hooks: PipelineHooks = {}): PipelineResult {
  const progress = hooks.onProgress ?? silentProgress;
  const timings: Record<string, number> = {};
  const time = <T>(phase: BuildPhase, fn: () => T, total: number | null = null, unit = "items"): T => {
    progress({ phase, done: 0, total, unit });
    const t0 = now();
    const result = fn();
    timings[phase] = now() - t0;
    progress({ phase, done: total ?? 1, total: total ?? 1, unit, finished: true });
    return result;
  };

  const inputs = input.documents;
  const order = inputs.map((_, i) => i).sort((a, b) => compareStrings(inputs[a]!.file, inputs[b]!.file));
  const textLength = inputs.reduce((n, d) => n + d.text.length, 0);
  let documents: ParsedDocument[] | null = time("read", () => order.map((at, i) => {
    const parsed = readDocument(inputs[at]!);
    // Records own their strings (readDocument), so a handed-over text can go as soon as it is read.
    if (hooks.releaseInput) inputs[at] = { file: inputs[at]!.file, text: "" };
    progress({ phase: "read", done: i + 1, total: order.length, unit: "files" });
    return parsed;
  }), order.length, "files");

  const size = estimateBuildSize(documents, textLength);
  checkBuildSize(size, hooks.heapLimitBytes);

  const thesaurusDiagnostics: Diagnostic[] = [];
  let thesaurus: Thesaurus | undefined;
  const identity = time("identity", () => {
    if (input.thesaurus) {
      const parsed = parseThesaurus(input.thesaurus.text, input.thesaurus.file);
      thesaurus = parsed.thesaurus;
      thesaurusDiagnostics.push(...parsed.diagnostics);
    }
    return resolveIdentity(documents!, { thesaurus, progress: stepsOf("identity", progress) });
  }, documents.reduce((n, d) => n + d.records.length, 0), "records");

  // The records are in papers and people now, and their summaries are all the rest of the build needs of them: they
  // go, so the topic and graph stages' full GCs do not mark them again (34 MB at 10,000 papers; most of what a record
  // holds, its title, abstract and names, lives on in its paper).
  const summaries: SourceSummary[] = documents.map((d) => ({
    file: d.file,
    format: d.format,
    records: d.records.length,
    diagnostics: d.diagnostics,
  }));
  documents = null;

  // Keywords where the source has them (author keywords, indexer terms, MeSH), titles and abstracts everywhere.
  const topicInput: TopicInputPaper[] = identity.papers.map((p) => ({
    key: p.key,
    title: p.title,
    abstract: p.abstract,
    keywords: p.keywords,
    indexKeywords: p.indexKeywords,
    meshTerms: p.meshTerms,
  }));
  const { topics, analysis } = time("topics", () =>
    analyseTopics(topicInput, {
      maxTopics: options.maxTopics,
      topicsPerPaper: options.topicsPerPaper,
      seed: options.seed,
      thesaurus: thesaurus?.topics ?? [],
      progress: stepsOf("topics", progress),
    }),
  topicInput.length, "papers");
  // Topic thesaurus lines that matched nothing are reported on the thesaurus file.
  thesaurusDiagnostics.push(...(topics.notes ?? []));
  const clusters = time("clusters", () =>
    clusterTopics(topicInput, topics, { seed: options.seed, resolution: options.clusterResolution, progress: stepsOf("clusters", progress), analysis }),
  topicInput.length, "papers");

  if (input.thesaurus) {
    summaries.push({ file: input.thesaurus.file, format: "thesaurus", records: 0, diagnostics: thesaurusDiagnostics });
  }
  const identityDiagnostics = identity.diagnostics;
  if (identityDiagnostics.length) {
    for (const d of identityDiagnostics) {
      const s = summaries.find((x) => x.file === d.file);
      if (s) s.diagnostics.push(d);
    }
  }

  const view = time("graph", () => buildGraphView({ identity, topics, clusters, sources: summaries }, options, stepsOf("graph", progress)),
    identity.authors.length + identity.papers.length + topics.topics.length, "nodes");
  let graph: Graph | undefined;
  return {
    view,
    get graph() {
      return (graph ??= view.toGraphology() as unknown as Graph);
    },
    identity, topics, clusters, summaries, timings, size,
  };
}

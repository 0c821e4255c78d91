/** Shared helpers of the exporter tests: the fixture graph, fixed provenance, a strict XML well-formedness check. */
import type Graph from "graphology";
import { exportGraph, makeProvenance, type ExportFormat, type ExportOptions, type ExportView } from "../../src/exporters";
import type { ResolvedColorMode } from "../../src/model/appearance";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";

export const EXPORTED_AT = "2026-01-02T03:04:05.000Z";

export function run(format: ExportFormat, view: ExportView | null = null, graph: Graph = buildSpecialGraph(), options: ExportOptions = {}, colorMode: ResolvedColorMode = "topicCluster") {
  const provenance = makeProvenance(graph, view, { exportedAt: EXPORTED_AT, generator: "papergraph test", colorMode });
  return exportGraph(format, graph, view, provenance, options);
}

export function text(format: ExportFormat, view: ExportView | null = null, graph?: Graph, options?: ExportOptions, colorMode?: ResolvedColorMode): string {
  const files = run(format, view, graph, options, colorMode).files;
  const c = files[0]!.content;
  return typeof c === "string" ? c : new TextDecoder().decode(c);
}

/**
 * Parse with jsdom's XML parser (strict: an ill-formed document yields a <parsererror>); throws on error.
 * Test files using it run in vitest's jsdom environment, which provides DOMParser.
 */
export function parseXmlStrict(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`not well-formed XML: ${err.textContent}`);
  return doc;
}

/** What every exporter must keep of a string: everything but the characters XML forbids. */
export const xmlSafe = (s: string) => s.split("\u0001").join("");

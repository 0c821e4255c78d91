/**
 * The app's fixture graph: test/fixtures/app/graph.json, hand-made from seed records by
 * test/fixtures/app/make-graph.ts (see the cases listed there). Each call returns a fresh graph and a deep copy of the
 * raw JSON, so a test may break its copy without affecting others. The explorer holds a CompactGraph (the compact
 * files read back); these helpers go through the same conversion the explorer runs on a graph.json, with every chunk
 * loaded (from memory, synchronously), so a panel renders in full on its first render.
 */
import Graph from "graphology";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { graphFromJson } from "../../src/app/data/load-graph";
import type { PaperGraph } from "../../src/app/data/types";
import type { GraphFile } from "../../src/model/graph-file";

// A string, not a URL object: under jsdom the global URL is not the one node:url accepts.
const path = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/app/graph.json");
const text = readFileSync(path, "utf8");

export function fixtureJson(): GraphFile {
  return JSON.parse(text) as GraphFile;
}

/** graphology over the fixture, for tests that edit a graph before it becomes the explorer's. */
export function fixtureGraphology(): Graph {
  return Graph.from(fixtureJson() as never);
}

/** The explorer's graph for a graph file (or a graphology graph), every attribute loaded. */
export function explorerGraph(json: GraphFile | Graph = fixtureJson()): PaperGraph {
  const file = json instanceof Graph ? (json.export() as unknown as GraphFile) : json;
  const r = graphFromJson(file, "fixture");
  if (!r.ok) throw new Error(`${r.title}\n${r.errors.join("\n")}`);
  void r.graph.loadEverything();
  return r.graph;
}

export function fixtureGraph(): PaperGraph {
  return explorerGraph();
}

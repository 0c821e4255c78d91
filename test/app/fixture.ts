/**
 * The app's fixture graph: test/fixtures/app/graph.json, hand-made from seed records by
 * test/fixtures/app/make-graph.ts (see the cases listed there). Each call returns a fresh Graph and a deep copy of the
 * raw JSON, so a test may break its copy without affecting others.
 */
import Graph from "graphology";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { GraphFile } from "../../src/model/graph-file";
import type { PaperGraph } from "../../src/app/data/types";

// A string, not a URL object: under jsdom the global URL is not the one node:url accepts.
const path = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/app/graph.json");
const text = readFileSync(path, "utf8");

export function fixtureJson(): GraphFile {
  return JSON.parse(text) as GraphFile;
}

export function fixtureGraph(): PaperGraph {
  return Graph.from(fixtureJson() as never) as PaperGraph;
}

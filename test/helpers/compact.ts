/**
 * A graph's explorer files read back as the explorer reads them, in memory (for tests of the compact form and of what
 * the app derives from it). A helper module, not a test file: importing a test file would register its tests again in
 * the importing file.
 */
import type Graph from "graphology";
import { writeExplorerFiles } from "../../src/exporters/explorer-files";
import { CompactGraph } from "../../src/model/compact-graph";
import type { ExplorerFile } from "../../src/model/explorer-format";

/** A fetcher over files in memory; `log` records each name fetched. */
export function memoryFetcher(files: ExplorerFile[], log: string[] = []) {
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  return async (name: string) => {
    log.push(name);
    const b = byName.get(name);
    if (!b) throw new Error(`no file ${name}`);
    return b;
  };
}

export function compactOf(graph: Graph, chunkBytes?: number): { compact: CompactGraph; files: ExplorerFile[]; fetched: string[] } {
  const files = writeExplorerFiles(graph, chunkBytes ? { chunkBytes } : {});
  const fetched: string[] = [];
  const r = CompactGraph.fromBytes(files[0]!.bytes, memoryFetcher(files, fetched));
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return { compact: r.value, files, fetched };
}

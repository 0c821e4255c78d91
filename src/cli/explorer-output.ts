/**
 * The explorer's compact files (exporters/explorer-files.ts) as one output of a build: the folder <out>/explorer/,
 * replaced as a whole by the output folder's atomic writer (atomic-write.ts) together with graph.json, so the explorer
 * never reads a core.bin of one build with chunks of another, nor a half-written folder.
 */
import { writeExplorerFiles, type ExplorerGraphSource } from "../exporters/explorer-files";
import { EXPLORER_DIR } from "../model/explorer-format";
import type { FolderOutput } from "./atomic-write";

export interface ExplorerOutput {
  output: FolderOutput;
  files: number;
  bytes: number;
  coreBytes: number;
}

export function explorerOutput(graph: ExplorerGraphSource): ExplorerOutput {
  const files = writeExplorerFiles(graph);
  return {
    output: { name: EXPLORER_DIR, files },
    files: files.length,
    bytes: files.reduce((n, f) => n + f.bytes.length, 0),
    coreBytes: files[0]!.bytes.length,
  };
}

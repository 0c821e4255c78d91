/**
 * The explorer's compact files (exporters/explorer-files.ts) as one output of a build: the folder <out>/explorer/,
 * replaced as a whole by the output folder's atomic writer (atomic-write.ts) together with graph.json, so the explorer
 * never reads a core.bin of one build with chunks of another, nor a half-written folder.
 */
import { streamExplorerFiles, type ExplorerGraphSource } from "../exporters/explorer-files";
import { EXPLORER_DIR } from "../model/explorer-format";
import type { FolderOutput } from "./atomic-write";

/** What was written, known once the folder output has been filled. */
export interface ExplorerWritten {
  files: number;
  bytes: number;
  coreBytes: number;
}

/** The folder output, each file written as soon as it is made; `written` counts them as they go. */
export function explorerOutput(graph: ExplorerGraphSource): { output: FolderOutput; written: ExplorerWritten } {
  const written: ExplorerWritten = { files: 0, bytes: 0, coreBytes: 0 };
  const output: FolderOutput = {
    name: EXPLORER_DIR,
    fill(put) {
      const core = streamExplorerFiles(graph, (f) => {
        put(f.name, f.bytes);
        written.files++;
        written.bytes += f.bytes.length;
      });
      written.coreBytes = core.bytes.length;
    },
  };
  return { output, written };
}

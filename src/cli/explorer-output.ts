/**
 * Writes the explorer's compact files (exporters/explorer-files.ts) into <out>/explorer/, replacing the folder of the
 * previous build as a whole: the files go to a temporary folder first, which is then renamed into place, so the
 * explorer never reads a core.bin of one build with chunks of another.
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeExplorerFiles, type ExplorerGraphSource } from "../exporters/explorer-files";
import { EXPLORER_DIR } from "../model/explorer-format";

export interface ExplorerOutput {
  dir: string;
  files: number;
  bytes: number;
  coreBytes: number;
}

export async function writeExplorerFolder(outDir: string, graph: ExplorerGraphSource): Promise<ExplorerOutput> {
  const files = writeExplorerFiles(graph);
  const dir = path.join(outDir, EXPLORER_DIR);
  const tmp = path.join(outDir, `.${EXPLORER_DIR}.tmp-${process.pid}`);
  const old = path.join(outDir, `.${EXPLORER_DIR}.old-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  for (const f of files) await writeFile(path.join(tmp, f.name), f.bytes);
  await rm(old, { recursive: true, force: true });
  await rename(dir, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ENOENT") throw e;
  });
  await rename(tmp, dir);
  await rm(old, { recursive: true, force: true });
  return { dir, files: files.length, bytes: files.reduce((n, f) => n + f.bytes.length, 0), coreBytes: files[0]!.bytes.length };
}

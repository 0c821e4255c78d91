/**
 * The graph command writes the explorer's compact files beside graph.json (src/cli/explorer-output.ts, through the
 * output folder's atomic writer): the same bytes the writer makes from graph.json itself (so the two always describe
 * one graph), and a rebuild replaces the whole folder (no chunk of an older build is left behind, no temporary folder
 * either). Input: seeds/003_, a real arXiv listing (10 records), built in-process.
 */
import Graph from "graphology";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraph } from "../../src/cli/graph-command";
import { explorerOutput } from "../../src/cli/explorer-output";
import { openOutputFolder } from "../../src/cli/out-folder";
import { TEMP_SUFFIX, type FolderOutput } from "../../src/cli/atomic-write";
import { writeExplorerFiles } from "../../src/exporters/explorer-files";
import { decodeCore } from "../../src/model/explorer-read";

const root = path.resolve(__dirname, "../..");
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-explorer-out-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const io = (cwd: string) => ({ cwd, stdout: () => undefined, stderr: () => undefined });
const fixture = async () => Graph.from(JSON.parse(await readFile(path.join(root, "test/fixtures/app/graph.json"), "utf8")));

describe("explorer files from the graph command", () => {
  it("writes data/explorer/ beside graph.json, byte for byte what graph.json converts to", async () => {
    const out = path.join(dir, "data");
    // One layout iteration: the files written are checked against graph.json, whatever the positions.
    const code = await runGraph([path.join(root, "seeds/003_b7b40e951325af8c.txt"), "--out", out, "--quiet", "--layout-iterations", "1"], io(dir));
    expect(code).toBe(0);
    const names = (await readdir(path.join(out, "explorer"))).sort();
    expect(names).toContain("core.bin");
    expect(names.some((n) => /^details-\d{4}\.json$/.test(n))).toBe(true);
    const core = new Uint8Array(await readFile(path.join(out, "explorer/core.bin")));
    const decoded = decodeCore(core);
    expect(decoded.ok).toBe(true);
    const json = JSON.parse(await readFile(path.join(out, "graph.json"), "utf8"));
    const expected = writeExplorerFiles(Graph.from(json));
    expect(names).toEqual(expected.map((f) => f.name).sort());
    for (const f of expected) expect(Buffer.from(await readFile(path.join(out, "explorer", f.name))).equals(Buffer.from(f.bytes)), f.name).toBe(true);
    // No temporary file or folder, no lock left behind.
    expect((await readdir(out)).sort()).toEqual(["explorer", "graph.json", "merge-report.md"]);
  }, 120_000);

  it("replaces the previous build's folder as a whole", async () => {
    const out = path.join(dir, "replace");
    await mkdir(path.join(out, "explorer"), { recursive: true });
    await writeFile(path.join(out, "explorer/details-0099.json"), "{}");
    await writeFile(path.join(out, "explorer/core.bin"), "old");
    const g = await fixture();
    const opened = await openOutputFolder(out);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const explorer = explorerOutput(g);
    await opened.folder.write([explorer.output]);
    await opened.folder.close();
    const names = (await readdir(path.join(out, "explorer"))).sort();
    expect(names).not.toContain("details-0099.json");
    expect(names).toEqual(writeExplorerFiles(g).map((f) => f.name).sort());
    expect(explorer.written.files).toBe(names.length);
    const files = writeExplorerFiles(g);
    expect(explorer.written.bytes).toBe(files.reduce((n, f) => n + f.bytes.length, 0));
    expect(explorer.written.coreBytes).toBe(files[0]!.bytes.length);
    expect(await readdir(out)).toEqual(["explorer"]);
  });

  it("a failure while the folder is filled leaves the previous folder and no temporary one", async () => {
    const out = path.join(dir, "failing");
    await mkdir(path.join(out, "explorer"), { recursive: true });
    await writeFile(path.join(out, "explorer/core.bin"), "previous");
    const opened = await openOutputFolder(out);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    let puts = 0;
    // As a full disk would: the third file cannot be written.
    const failing: FolderOutput = {
      name: "explorer",
      fill: (put) => explorerOutput(g3).output.fill((name, bytes) => {
        if (++puts === 3) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
        put(name, bytes);
      }),
    };
    const g3 = await fixture();
    await expect(opened.folder.write([failing])).rejects.toThrow(/no space/);
    await opened.folder.close();
    expect(puts).toBe(3);
    expect(await readFile(path.join(out, "explorer/core.bin"), "utf8")).toBe("previous");
    expect(await readdir(out)).toEqual(["explorer"]);
  });

  it("a temporary explorer folder left by a killed build is removed by the next build, the old folder kept until then", async () => {
    // constructed: what a build killed between writing its explorer folder and renaming it leaves behind.
    const out = path.join(dir, "leftover");
    await mkdir(path.join(out, `.explorer.99999${TEMP_SUFFIX}`), { recursive: true });
    await writeFile(path.join(out, `.explorer.99999${TEMP_SUFFIX}/core.bin`), "half");
    await mkdir(path.join(out, "explorer"), { recursive: true });
    await writeFile(path.join(out, "explorer/core.bin"), "previous");
    const opened = await openOutputFolder(out);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    // Taking the folder cleans it: the leftover goes, the previous build's folder stays.
    expect((await readdir(out)).filter((n) => n.startsWith(".explorer"))).toEqual([]);
    expect(await readFile(path.join(out, "explorer/core.bin"), "utf8")).toBe("previous");
    await opened.folder.write([explorerOutput(await fixture()).output]);
    await opened.folder.close();
    expect(decodeCore(new Uint8Array(await readFile(path.join(out, "explorer/core.bin")))).ok).toBe(true);
    expect(await readdir(out)).toEqual(["explorer"]);
  });
});

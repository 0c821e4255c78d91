/**
 * The `graph` command over real folders (the seed files plus bad neighbours), run in-process through runGraph with
 * its stdout, stderr and working directory injected: exit codes, the stderr summary, what lands on disk, and that
 * nothing prints a stack trace. graph-command.process.test.ts runs a few of these as a real process (exit codes, stdio).
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraph } from "../../src/cli/graph-command";

const root = path.resolve(__dirname, "../..");

/**
 * `papergraph graph ARGS --layout-iterations 1` in `cwd`, as main.ts runs it but in this process (no terminal, no
 * environment). One layout iteration: these tests check what is read, reported and written, not positions, and the
 * default layout is a fixed budget of about 1 s of CPU per build, most of a 10-paper build's time.
 */
async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, ...rest] = args;
  if (command !== "graph") throw new Error(`expected a graph command, got ${command}`);
  let stdout = "";
  let stderr = "";
  const io = { cwd, stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), env: {} };
  const code = await runGraph([...rest, "--layout-iterations", "1"], io);
  return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-cli-"));
  await mkdir(path.join(dir, "mixed"));
  // A folder as users have them: one real listing (seed 003_, an arXiv listing) next to files that are not listings.
  await copyFile(path.join(root, "seeds/003_b7b40e951325af8c.txt"), path.join(dir, "mixed/listing.txt"));
  await writeFile(path.join(dir, "mixed/empty.txt"), "");
  await writeFile(path.join(dir, "mixed/photo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
  await writeFile(path.join(dir, "mixed/notes.md"), "# Reading list\n\nAsk Lena about the metrics paper.\n");
  await mkdir(path.join(dir, "bad"));
  await writeFile(path.join(dir, "bad/notes.md"), "just some notes\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("papergraph graph", () => {
  it("builds the seeds into public/data with a per-file summary", async () => {
    await mkdir(path.join(dir, "seeds-run"));
    const r = await cli(["graph", path.join(root, "seeds"), "--out", path.join(dir, "seeds-run/data")], dir);
    expect(r.code, r.stderr).toBe(0);
    for (const [file, n] of [["000_0cb82e000d5bd246.txt", 49], ["001_bb13e165dd174990.txt", 50], ["002_a3ea82699755c3cc.txt", 87], ["003_b7b40e951325af8c.txt", 10], ["004_ffc89207e1d731a7.txt", 50]] as const) {
      expect(r.stderr).toMatch(new RegExp(`${file}\\s+\\S+\\s+${n}\\s`));
    }
    const graph = JSON.parse(await readFile(path.join(dir, "seeds-run/data/graph.json"), "utf8"));
    expect(graph.attributes.formatVersion).toBe(1);
    expect(graph.nodes.length).toBeGreaterThan(300);
    const report = await readFile(path.join(dir, "seeds-run/data/merge-report.md"), "utf8");
    expect(report.length).toBeGreaterThan(100);
  }, 120_000);

  it("reads the good file of a mixed folder and names every bad one, without a stack trace", async () => {
    const r = await cli(["graph", "mixed", "--out", "out-mixed"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/mixed\/listing\.txt\s+arxiv-listing\s+10\s/);
    expect(r.stderr).toMatch(/mixed\/empty\.txt:1: error: .*empty/i);
    expect(r.stderr).toMatch(/mixed\/photo\.png:\d+: error: .*binary/i);
    expect(r.stderr).toMatch(/mixed\/notes\.md:1: error: /);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    const graph = JSON.parse(await readFile(path.join(dir, "out-mixed/graph.json"), "utf8"));
    const files = graph.attributes.sources.map((s: { file: string }) => s.file);
    expect(files).toEqual(expect.arrayContaining(["mixed/empty.txt", "mixed/listing.txt", "mixed/notes.md", "mixed/photo.png"]));
  });

  it("exits 1 with --strict when any diagnostic was raised", async () => {
    const r = await cli(["graph", "mixed", "--out", "out-strict", "--strict"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--strict/);
  });

  it("exits 1 and writes nothing when nothing could be read", async () => {
    const r = await cli(["graph", "bad", "--out", "out-bad"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing could be read/);
    await expect(readFile(path.join(dir, "out-bad/graph.json"))).rejects.toThrow();
  });

  it("names a missing input and a bad option with the fix, exit 2 for usage errors", async () => {
    const missing = await cli(["graph", "no-such-folder", "--out", "out-missing"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-folder: no such file or folder/);
    const bad = await cli(["graph", "mixed", "--seed", "abc"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"seed" must be any whole number/);
    const typo = await cli(["graph", "mixed", "--sede", "3"], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Unknown option '--sede'/);
  });

  it("reads options from a config file and reports a bad one by name", async () => {
    await writeFile(path.join(dir, "bad-config.json"), JSON.stringify({ resolutoin: 2 }));
    const r = await cli(["graph", "mixed", "--config", "bad-config.json"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-config\.json: unknown option "resolutoin" \(did you mean "resolution"\?\)/);
  });

  it("writes the same bytes twice, to stdout with --out - as to a file", async () => {
    const a = await cli(["graph", "mixed", "--out", "-", "--quiet"], dir);
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    // Only the graph goes to stdout (the errors about the bad files of the folder still reach stderr).
    expect(JSON.parse(a.stdout).attributes.formatVersion).toBe(1);
    // A second build, written to a file: the same bytes as the first one's stdout.
    await cli(["graph", "mixed", "--out", "out-same", "--quiet"], dir);
    expect(await readFile(path.join(dir, "out-same/graph.json"), "utf8") === a.stdout).toBe(true);
  }, 120_000);

  it("follows symbolic links, reads a file named twice once, and recognises a thesaurus given as a file", async () => {
    // Found by review: links were skipped silently, duplicates made duplicate papers, thesaurus.csv was read as a listing.
    await mkdir(path.join(dir, "linked"));
    await symlink(path.join(dir, "mixed/listing.txt"), path.join(dir, "linked/listing-link.txt"));
    await symlink(path.join(dir, "nowhere.txt"), path.join(dir, "linked/broken.txt"));
    await writeFile(path.join(dir, "my-corrections.csv"), "action,name,other\nmerge,Jianning Li,J. Li\n");
    const r = await cli(["graph", "linked", "mixed/listing.txt", "./mixed/listing.txt", "my-corrections.csv", "--out", "out-linked"], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/linked\/broken\.txt: broken symbolic link, skipped/);
    expect(r.stderr).toMatch(/linked\/listing-link\.txt\s+arxiv-listing\s+10\s/);
    expect(r.stderr).toMatch(/with thesaurus my-corrections\.csv/);
    const graph = JSON.parse(await readFile(path.join(dir, "out-linked/graph.json"), "utf8"));
    expect(graph.attributes.sources.filter((s: { format: string }) => s.format === "arxiv-listing")).toHaveLength(1);
    expect(graph.nodes.filter((n: { attributes: { kind: string } }) => n.attributes.kind === "paper")).toHaveLength(10);
  }, 60_000);

  it("says plainly when the output folder cannot be written, exit 1 and no stack trace", async () => {
    await writeFile(path.join(dir, "a-file"), "x");
    const r = await cli(["graph", "mixed", "--out", "a-file/sub"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write to a-file\/sub \(ENOTDIR\); choose another --out folder/);
    expect(r.stderr).not.toMatch(/internal error/);
  }, 60_000);
});

/**
 * Input walking on the trees users actually point the CLI at: a folder of 130,000 files, symbolic links that loop,
 * FIFOs, sockets and devices named on the command line or met inside a folder. No crash, no hang, every special path
 * named for what it is.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectInputs } from "../../src/cli/inputs";

const root = path.resolve(__dirname, "../..");
const entry = path.join(root, "src/cli/main.ts");
const listing = path.join(root, "seeds/003_b7b40e951325af8c.txt");
// One layout iteration on builds: output, messages and exit codes are checked here, not positions (the default
// layout is a fixed ~1 s of CPU per build).
const QUICK_LAYOUT = ["--layout-iterations", "1"];
// tsx's loader by absolute URL: the CLI runs in a temporary folder, where "--import tsx" would not resolve.
const tsxLoader = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;

/** The CLI as a child process, killed after 60 s: the old code hung forever on a FIFO. */
function cli(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ["--import", tsxLoader, entry, "graph", ...args], { cwd, timeout: 60_000, killSignal: "SIGKILL", maxBuffer: 1 << 26 }, (err, _stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stderr });
    });
    child.stdin?.end();
  });
}

let dir: string;
let server: Server | null = null;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-walk-"));
});
afterAll(async () => {
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("walking folders", () => {
  it("reads a sub-folder of 130,000 files (the old walk spread them into push: stack overflow)", async () => {
    const big = path.join(dir, "big");
    mkdirSync(path.join(big, "sub"), { recursive: true });
    for (let i = 0; i < 130_000; i++) writeFileSync(path.join(big, "sub", `f${String(i).padStart(6, "0")}.txt`), "");
    const r = await collectInputs([big], dir);
    expect(r.problems).toEqual([]);
    expect(r.documents).toHaveLength(130_000);
    expect(r.documents[0]?.file).toBe("big/sub/f000000.txt");
    expect(r.documents[129_999]?.file).toBe("big/sub/f129999.txt");
  }, 600_000);

  it("reports a symbolic link that leads back up the tree as a loop, and reads every file once", async () => {
    const tree = path.join(dir, "loops");
    await mkdir(path.join(tree, "a/b"), { recursive: true });
    await copyFile(listing, path.join(tree, "a/b/listing.txt"));
    await symlink("..", path.join(tree, "a/b/up")); // a/b/up -> a: a loop
    await symlink("../..", path.join(tree, "a/b/top")); // a/b/top -> loops: a loop too
    await symlink("self", path.join(tree, "a/self")); // a link to itself (ELOOP)
    await symlink("b", path.join(tree, "a/b-again")); // the same folder again, not a loop: read once, silently
    const r = await collectInputs([tree], dir);
    expect(r.documents.map((d) => d.file)).toEqual(["loops/a/b/listing.txt"]);
    expect(r.problems).toEqual([
      "loops/a/b/top: symbolic link loop (it leads back to loops), not followed",
      "loops/a/b/up: symbolic link loop (it leads back to loops/a), not followed",
      "loops/a/self: symbolic link loop (the link leads back to itself), skipped",
    ]);
  }, 60_000);
});

describe("special files", () => {
  it("names a FIFO, a socket and a device given directly instead of hanging, and builds the rest", async () => {
    const special = path.join(dir, "special");
    await mkdir(path.join(special, "folder"), { recursive: true });
    execFileSync("mkfifo", [path.join(special, "pipe")]);
    execFileSync("mkfifo", [path.join(special, "folder/inner-pipe")]);
    await copyFile(listing, path.join(special, "folder/listing.txt"));
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(path.join(special, "sock"), resolve));
    const r = await cli(["special/pipe", "special/sock", "/dev/null", "/dev/zero", "special/folder", "--out", "out", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/special\/pipe: a named pipe \(FIFO\), not a file; skipped/);
    expect(r.stderr).toMatch(/special\/sock: a socket, not a file; skipped/);
    expect(r.stderr).toMatch(/\/dev\/null: a device, not a file; skipped/);
    expect(r.stderr).toMatch(/\/dev\/zero: a device, not a file; skipped/);
    expect(r.stderr).toMatch(/special\/folder\/inner-pipe: a named pipe \(FIFO\), not a file; skipped/);
    expect(r.stderr).toMatch(/special\/folder\/listing\.txt\s+arxiv-listing\s+10\s/);
  }, 120_000);
});

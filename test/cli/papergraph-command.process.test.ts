/**
 * The `papergraph` executable as a user runs it (node bin/papergraph.js, from a folder outside the repository):
 * exit codes and stdio of --version, help and --summary json, `serve` answering on loopback with the explorer and the
 * graph, and `open` on a seed file with a stand-in browser. The commands' logic (help texts, progress lines, --quiet,
 * summaries) is tested in-process in papergraph-command.test.ts.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureExplorer } from "../../src/cli/explorer";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/papergraph.js");
// Plain lines, whatever the terminal the tests run from.
const env = { ...process.env, PAPERGRAPH_PROGRESS: undefined, BROWSER: undefined };
// One layout iteration on builds: output, messages and exit codes are checked here, not positions (the default
// layout is a fixed ~1 s of CPU per build).
const QUICK_LAYOUT = ["--layout-iterations", "1"];

async function papergraph(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd, env: { ...env, ...extraEnv }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Starts a long-running command and resolves with its URL (the first stdout line) once it prints one. */
function startServing(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; stderr: () => string; exited: Promise<number> }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const exited = new Promise<number>((r) => child.on("exit", (code) => r(code ?? -1)));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/m.exec(out);
      if (m) resolve({ child, url: m[1]!, stderr: () => err, exited });
    });
    void exited.then((code) => reject(new Error(`exited ${code} before printing a URL:\n${err}`)));
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-bin-"));
  // constructed: one real listing (seed 003_, an arXiv listing of 10 papers) in a folder outside the repository.
  await mkdir(path.join(dir, "listings"));
  await copyFile(path.join(root, "seeds/003_b7b40e951325af8c.txt"), path.join(dir, "listings/arxiv.txt"));
  // constructed: a folder with no listing in it.
  await mkdir(path.join(dir, "notes"));
  await writeFile(path.join(dir, "notes/todo.md"), "ask about the metrics paper\n");
  // serve and open need the explorer's build; made once here when a clone has none (a few seconds with Vite).
  const explorer = await ensureExplorer(() => {});
  if ("error" in explorer) throw new Error(explorer.error);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("papergraph executable", () => {
  it("runs from a folder outside the repository: --version and help exit 0 on stdout, a wrong command exits 2 on stderr", async () => {
    const version = await papergraph(["--version"], dir);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(path.join(root, "package.json"), "utf8")).version);
    const help = await papergraph(["help", "graph"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: papergraph graph \[inputs\.\.\.\]/);
    expect(help.stderr).toBe("");
    const wrong = await papergraph(["help", "grpah"], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe("");
    expect(wrong.stderr).toMatch(/no command "grpah"/);
  });

  it("--summary json: one JSON object is the whole of stdout, progress on stderr", async () => {
    const r = await papergraph(["graph", "listings", "--out", "summary", "--summary", "json", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ exitCode: 0, counts: { records: 10 } });
    expect(r.stderr).toMatch(/^\[read\] started/m);
  }, 120_000);
});

describe("papergraph serve", () => {
  it("serves the explorer and the graph on 127.0.0.1 until stopped", async () => {
    await papergraph(["graph", "listings", "--out", "served", "--quiet", ...QUICK_LAYOUT], dir);
    const s = await startServing(["serve", "served", "--port", "0"], dir);
    try {
      const page = await fetch(s.url);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const html = await page.text();
      expect(html).toMatch(/<div id="root">/);
      // Every script and stylesheet the page names is there, with its type.
      for (const [, asset] of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) {
        const r = await fetch(s.url + asset);
        expect(r.status, asset).toBe(200);
        expect(r.headers.get("content-type"), asset).toMatch(asset!.endsWith(".css") ? /^text\/css/ : /^text\/javascript/);
      }
      const served = await fetch(s.url + "data/graph.json");
      expect(served.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(await served.text()).toBe(await readFile(path.join(dir, "served/graph.json"), "utf8"));
      expect(s.stderr()).toMatch(/the explorer on http:\/\/127\.0\.0\.1:\d+\/ with served\/graph\.json/);
    } finally {
      s.child.kill("SIGTERM");
    }
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/stopped/);
  }, 120_000);

  it("says clearly when the port is taken or there is no graph to serve", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const taken = await papergraph(["serve", "served", "--port", String(port)], dir);
      expect(taken.code).toBe(1);
      expect(taken.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(taken.stderr).toMatch(/--port 0 for any free port/);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
    const missing = await papergraph(["serve", "nowhere"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nowhere no such folder or file; build a graph first: papergraph graph FILES --out nowhere/);
    const badPort = await papergraph(["serve", "served", "--port", "http"], dir);
    expect(badPort.code).toBe(2);
  }, 60_000);
});

describe("papergraph open", () => {
  it("builds a seed file into a temporary folder, serves it, hands the URL to the browser and cleans up on stop", async () => {
    // A stand-in browser ($BROWSER) that writes down the URL it was asked to open.
    const fake = path.join(dir, "fake-browser.sh");
    await writeFile(fake, `#!/bin/sh\necho "$1" > "${path.join(dir, "browser-was-asked.txt")}"\n`);
    await chmod(fake, 0o755);
    const s = await startServing(["open", path.join(root, "seeds/003_b7b40e951325af8c.txt"), "--port", "0", "--browser", "--seed", "7", ...QUICK_LAYOUT], dir, { BROWSER: fake });
    let temporary: string | undefined;
    try {
      const graph = await (await fetch(s.url + "data/graph.json")).json();
      expect(graph.attributes.counts.papers).toBe(10);
      expect(graph.attributes.seed).toBe(7); // graph options reach the build
      expect((await fetch(s.url)).status).toBe(200);
      temporary = /the graph is in (\S+) until the server stops/.exec(s.stderr())![1]!;
      expect(existsSync(path.join(temporary, "graph.json"))).toBe(true);
      for (let i = 0; i < 50 && !existsSync(path.join(dir, "browser-was-asked.txt")); i++) await new Promise((r) => setTimeout(r, 100));
      expect((await readFile(path.join(dir, "browser-was-asked.txt"), "utf8")).trim()).toBe(s.url);
      expect(s.stderr()).toMatch(/^\[graph\] done/m);
    } finally {
      s.child.kill("SIGINT");
    }
    expect(await s.exited).toBe(0);
    expect(temporary).toBeDefined();
    expect(existsSync(temporary!)).toBe(false);
  }, 120_000);

  it("stops with the build's exit code when nothing can be read", async () => {
    const r = await papergraph(["open", "notes", "--port", "0"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/nothing could be read/);
  }, 60_000);
});

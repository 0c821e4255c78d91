/**
 * `papergraph export` as a real process (node bin/papergraph.js export): exit codes 0, 1 and 2, files on disk,
 * messages on stderr without a stack trace. Its logic is tested in-process in export.test.ts. Input: the fixture graph
 * (test/fixtures/exporters/special-graph.ts) as public/data/graph.json in a temporary folder.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/papergraph.js");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-export-process-"));
  await mkdir(path.join(dir, "public/data"), { recursive: true });
  await writeFile(path.join(dir, "public/data/graph.json"), JSON.stringify(buildSpecialGraph().export()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function papergraph(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, "export", ...args], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr });
    });
  });
}

describe("papergraph export (process)", () => {
  it("writes the files and exits 0, stdout clean", async () => {
    const r = await papergraph(["--format", "gexf", "--out", "proc-out"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("graph.gexf");
    expect(await readFile(path.join(dir, "proc-out/graph.gexf"), "utf8")).toContain("2026-01-01T00:00:00.000Z");
  }, 60_000);

  it("exits 2 on an unknown format and 1 on a missing graph, with no stack trace", async () => {
    const bad = await papergraph(["--format", "xlsx", "--out", "p"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("valid formats: gexf, graphml, csv, json, vosviewer, svg");
    const missing = await papergraph(["--format", "gexf", "--out", "p", "--in", "missing.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("run `npm run graph` first");
    expect(bad.stderr + missing.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

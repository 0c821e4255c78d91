/**
 * `papergraph export` in-process (runExport, and main() for the `export` subcommand): files written, filters
 * applied, exit codes 0/1/2 and readable errors without stack traces. export.process.test.ts runs it as a process.
 * Input: the hand-made fixture graph (test/fixtures/exporters/special-graph.ts) written as graph.json into a temporary
 * folder, plus broken inputs.
 */
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/cli";
import { runExport } from "../../src/cli/export";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-export-"));
  await mkdir(path.join(dir, "public/data"), { recursive: true });
  await writeFile(path.join(dir, "public/data/graph.json"), JSON.stringify(buildSpecialGraph().export()));
  await writeFile(path.join(dir, "broken.json"), '{"nodes": [');
  await writeFile(path.join(dir, "foreign.json"), JSON.stringify({ nodes: [], edges: [] }));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => vi.unstubAllEnvs());

async function inProcess(args: string[]) {
  let stdout = "", stderr = "";
  const code = await runExport(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

describe("runExport (in-process)", () => {
  it("writes every format with --format all, progress on stderr, nothing on stdout", async () => {
    const r = await inProcess(["--format", "all", "--out", "out-all", "--exported-at", "2026-01-02T03:04:05Z"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect((await readdir(path.join(dir, "out-all"))).sort()).toEqual(
      ["edges.csv", "export-info.txt", "graph.gexf", "graph.graphml", "graph.json", "graph.svg", "graph.vosviewer.json", "nodes.csv"],
    );
    expect(r.stderr).toContain("whole graph");
    const json = JSON.parse(await readFile(path.join(dir, "out-all/graph.json"), "utf8"));
    expect(json.attributes.export.exportedAt).toBe("2026-01-02T03:04:05.000Z");
    expect(json.nodes.length).toBe(13);
  });

  it("applies the filter flags like the explorer", async () => {
    const r = await inProcess(["--format", "json,csv", "--out", "out-view", "--lens", "coauthor", "--min-shared", "2", "--exported-at", "2026-01-02"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(await readFile(path.join(dir, "out-view/graph.json"), "utf8"));
    expect(json.nodes.length).toBe(6);
    expect(json.edges.map((e: { key: string }) => e.key)).toEqual(["coauthor:a:andrew-p-king--a:mohammed-ali"]);
    expect(json.attributes.export.filter).toMatchObject({ lens: "coauthor", minSharedPapers: 2 });
    const y = await inProcess(["--format", "json", "--out", "out-years", "--years", "2021-2023", "--no-undated", "--exported-at", "2026-01-02"]);
    expect(y.code, y.stderr).toBe(0);
    const yj = JSON.parse(await readFile(path.join(dir, "out-years/graph.json"), "utf8"));
    expect(yj.attributes.export.filter).toMatchObject({ lens: "full", yearRange: [2021, 2023], includeUndated: false });
    expect(yj.nodes.filter((n: { attributes: { kind: string } }) => n.attributes.kind === "paper").map((n: { key: string }) => n.key)).toEqual(["p:future-ai", "p:bias-cmr"]);
  });

  it("is byte-identical for the same input and --exported-at", async () => {
    await inProcess(["--format", "gexf", "--out", "same-1", "--exported-at", "2026-01-02"]);
    await inProcess(["--format", "gexf", "--out", "same-2", "--exported-at", "2026-01-02"]);
    expect(await readFile(path.join(dir, "same-1/graph.gexf"), "utf8")).toBe(await readFile(path.join(dir, "same-2/graph.gexf"), "utf8"));
  });

  it.each([
    [["--format", "pdf", "--out", "x"], /unknown format "pdf"; valid formats: gexf, graphml, csv, json, vosviewer, svg/],
    [["--out", "x"], /say which format/],
    [["--format", "gexf"], /--out DIR/],
    [["--format", "gexf", "--out", "x", "--years", "2023-2020"], /2023 is after 2020/],
    [["--format", "gexf", "--out", "x", "--years", "last year"], /--years must look like 2020-2023/],
    [["--format", "gexf", "--out", "x", "--lens", "authors"], /--lens must be one of coauthor, topics, full/],
    [["--format", "gexf", "--out", "x", "--min-shared", "0"], /--min-shared must be a whole number of at least 1/],
    [["--format", "gexf", "--out", "x", "--hide-clusters", "1,a"], /"a" is not valid/],
    [["--format", "gexf", "--out", "x", "--cluster-mode", "louvain"], /--cluster-mode must be community or topicCluster/],
    [["--format", "gexf", "--out", "x", "--include-undated", "--no-undated"], /contradict/],
    [["--format", "gexf", "--out", "x", "--frobnicate"], /Unknown option '--frobnicate'/],
  ])("usage mistake %j exits 2 with a message", async (args, message) => {
    const r = await inProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 when the graph file is missing, not JSON, or not a papergraph graph", async () => {
    const missing = await inProcess(["--format", "gexf", "--out", "x", "--in", "nope/graph.json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope/graph.json not found; run `npm run graph` first");
    const broken = await inProcess(["--format", "gexf", "--out", "x", "--in", "broken.json"]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json is not valid JSON/);
    const foreign = await inProcess(["--format", "gexf", "--out", "x", "--in", "foreign.json"]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/foreign\.json is not a papergraph graph file/);
  });

  it("prints help on --help with exit 0", async () => {
    const r = await inProcess(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--hide-clusters");
  });
});

describe("papergraph export (main, in-process)", () => {
  it("runs as the `export` subcommand of the entry point (npm run export)", async () => {
    let stderr = "";
    const code = await main(["export", "--format", "gexf", "--out", "main-out", "--exported-at", "2026-01-02"], {
      cwd: dir, stdout: () => {}, stderr: (s) => void (stderr += s), env: {},
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("graph.gexf");
    expect(await readFile(path.join(dir, "main-out/graph.gexf"), "utf8")).toContain('<gexf xmlns="http://gexf.net/1.3"');
  });

  it("takes the timestamp from SOURCE_DATE_EPOCH when --exported-at is not given", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", "1767225600");
    const r = await inProcess(["--format", "vosviewer", "--format", "svg", "--out", "epoch-out"]);
    expect(r.code, r.stderr).toBe(0);
    const vos = JSON.parse(await readFile(path.join(dir, "epoch-out/graph.vosviewer.json"), "utf8"));
    expect(vos.network.items.length).toBe(13);
    expect(vos.info.description).toContain("2026-01-01T00:00:00.000Z");
    expect(await readFile(path.join(dir, "epoch-out/graph.svg"), "utf8")).toMatch(/^<\?xml/);
  });
});

/**
 * The resolution ladders through the commands (in-process): the graph summary's level lines and `--summary json`
 * levels (formatSummary / buildSummaryJson on the seeds build), and `export --community-level / --cluster-level`
 * on the seeds graph written to a temporary folder.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runExport } from "../../src/cli/export";
import { formatSummary } from "../../src/cli/summary";
import { buildSummaryJson } from "../../src/cli/summary-json";
import { seedsBuild } from "../fixtures/seeds-build";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-levels-"));
  await mkdir(path.join(dir, "public/data"), { recursive: true });
  await writeFile(path.join(dir, "public/data/graph.json"), JSON.stringify(seedsBuild().graph.export()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportWith(args: string[]) {
  let stdout = "", stderr = "";
  const code = await runExport(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd: dir });
  return { code, stdout, stderr };
}

describe("ladders in the graph command's summaries", () => {
  it("prints resolution, group count and modularity per level, the build's level starred", () => {
    const text = formatSummary(seedsBuild()).text;
    const line = text.split("\n").find((l) => l.startsWith("levels, communities: "))!;
    const ladder = seedsBuild().graph.getAttribute("communityLadder");
    expect(line.split(" | ")).toHaveLength(ladder.levels.length);
    expect(line).toContain(`${ladder.default}* r=1 ${ladder.levels[ladder.default].count} (Q ${ladder.levels[ladder.default].modularity.toFixed(3)})`);
    expect(text).toMatch(/^levels, research clusters: 0 r=0\.1 /m);
  });

  it("--summary json carries the same figures", () => {
    const json = buildSummaryJson(seedsBuild(), { exitCode: 0, problems: [], output: null, timings: {} });
    const ladder = seedsBuild().graph.getAttribute("topicClusterLadder");
    expect(json.levels.researchClusters!.default).toBe(ladder.default);
    expect(json.levels.researchClusters!.levels.map((l) => l.groups)).toEqual(ladder.levels.map((l: { count: number }) => l.count));
    expect(json.levels.communities!.levels[ladder.default]!.modularity).toBe(seedsBuild().graph.getAttribute("modularity"));
  });
});

describe("export at a level", () => {
  it("writes VOSviewer clusters of the chosen level and names it in the provenance", async () => {
    const r = await exportWith(["--format", "vosviewer", "--out", "coarse", "--color-mode", "community", "--community-level", "0", "--exported-at", "2026-01-02"]);
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(path.join(dir, "coarse/graph.vosviewer.json"), "utf8");
    expect(text).toContain("co-author communities level 0 (resolution 0.1)");
  });

  it("refuses a level the graph does not have, naming the levels it has (exit 2)", async () => {
    const n = seedsBuild().graph.getAttribute("communityLadder").levels.length;
    const r = await exportWith(["--format", "csv", "--out", "x", "--community-level", String(n)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`levels 0 to ${n - 1}`);
    const bad = await exportWith(["--format", "csv", "--out", "x", "--cluster-level", "two"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--cluster-level must be a level number");
  });
});

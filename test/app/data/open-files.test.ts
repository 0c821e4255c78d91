/**
 * Opening files in the explorer: one graph JSON loads as is; paper listings (and a thesaurus) are built by the same
 * pipeline the CLI runs (here in-process instead of the worker), with per-file summaries; bad mixes get a message.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { openFiles, type BuildRunner } from "../../../src/app/data/open-files";
import { resolveOptions } from "../../../src/pipeline/options";
import { runPipeline } from "../../../src/pipeline/run";

const inProcess: BuildRunner = async ({ documents, thesaurus }) => {
  const r = runPipeline({ documents, thesaurus }, resolveOptions({}));
  return { ok: true, json: r.graph.export(), summaries: r.summaries };
};
const file = (name: string, text: string) => ({ name, text: async () => text });
const seed = (name: string) => file(name, readFileSync(`seeds/${name}`, "utf8"));

describe("openFiles", () => {
  it("builds a graph from listings and a thesaurus, with a summary per file", async () => {
    // Seed 003_ (arXiv listing, 10 records) next to a file that is not a listing.
    const out = await openFiles([seed("003_b7b40e951325af8c.txt"), file("notes.txt", "call Lena on Monday\n"), file("thesaurus.csv", "action,name,other\nmerge,Jianning Li,J. Li\n")], inProcess);
    expect(out.result.ok).toBe(true);
    if (!out.result.ok) return;
    expect(out.result.source).toBe("2 listings");
    const papers = out.result.graph.filterNodes((_, a) => a.kind === "paper");
    expect(papers).toHaveLength(10);
    const bySource = Object.fromEntries(out.summaries!.map((s) => [s.file, s]));
    expect(bySource["003_b7b40e951325af8c.txt"]).toMatchObject({ format: "arxiv-listing", records: 10 });
    expect(bySource["notes.txt"]).toMatchObject({ format: null, records: 0 });
    expect(bySource["notes.txt"]!.diagnostics[0]).toMatchObject({ severity: "error", line: 1 });
    expect(bySource["thesaurus.csv"]).toMatchObject({ format: "thesaurus" });
  });

  it("loads a single graph JSON without building", async () => {
    let built = false;
    const never: BuildRunner = async () => {
      built = true;
      return { ok: false, error: "should not build" };
    };
    const json = readFileSync("test/fixtures/app/graph.json", "utf8");
    const out = await openFiles([file("graph.json", json)], never);
    expect(built).toBe(false);
    expect(out.result.ok).toBe(true);
  });

  it("refuses a graph file mixed with listings, and a thesaurus alone, naming the files", async () => {
    const mixed = await openFiles([file("graph.json", "{}"), seed("003_b7b40e951325af8c.txt")], inProcess);
    expect(mixed.result.ok).toBe(false);
    if (!mixed.result.ok) expect(mixed.result.errors[0]).toMatch(/003_b7b40e951325af8c\.txt, graph\.json/);
    const alone = await openFiles([file("thesaurus.csv", "action,name,other\n")], inProcess);
    expect(alone.result.ok).toBe(false);
    if (!alone.result.ok) expect(alone.result.title).toBe("Nothing to build");
  });

  it("reports files of which nothing could be read, with their diagnostics", async () => {
    const out = await openFiles([file("empty.txt", ""), file("notes.txt", "hello\n")], inProcess);
    expect(out.result.ok).toBe(false);
    if (out.result.ok) return;
    expect(out.result.title).toBe("No paper could be read from empty.txt, notes.txt");
    expect(out.result.errors.join("\n")).toMatch(/empty\.txt:1: .*empty/);
  });

  it("passes a worker failure on as a readable error", async () => {
    const failing: BuildRunner = async () => ({ ok: false, error: "out of memory" });
    const out = await openFiles([seed("003_b7b40e951325af8c.txt")], failing);
    expect(out.result.ok).toBe(false);
    if (!out.result.ok) expect(out.result.errors).toEqual(["out of memory"]);
  });
});

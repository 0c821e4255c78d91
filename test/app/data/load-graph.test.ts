// Loading the graph file: every failure a user can meet (no file, a dev server's index.html instead of JSON, broken
// JSON, a file of another version, a network error) becomes a titled message naming the fix; the fixture loads.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fetchGraph, graphFromText } from "../../../src/app/data/load-graph";
import { fixtureJson } from "../fixture";

const respond = (status: number, body: string, statusText = "") => async () => new Response(body, { status, statusText });

describe("fetchGraph", () => {
  it("loads the fixture into a graph", async () => {
    const r = await fetchGraph("./data/graph.json", respond(200, JSON.stringify(fixtureJson())));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.graph.order).toBe(33);
      expect(r.graph.type).toBe("mixed");
      expect(r.graph.getNodeAttributes("a:esther-puyol-anton")).toHaveProperty("name", "Esther Puyol-Antón");
      expect(r.graph.getNodeAttribute("a:esther-puyol-anton", "label")).toBe("Esther Puyol-Antón");
    }
  });

  it("treats 404 and an HTML fallback page as a missing file", async () => {
    for (const fetchImpl of [respond(404, "Not found"), respond(200, "<!doctype html><html></html>")]) {
      const r = await fetchGraph("./data/graph.json", fetchImpl);
      expect(r).toMatchObject({ ok: false, title: "No graph file at data/graph.json" });
    }
  });

  it("reports other HTTP errors and network failures", async () => {
    expect(await fetchGraph("./data/graph.json", respond(500, "", "Internal Server Error"))).toMatchObject({
      ok: false,
      errors: ["The server answered 500 Internal Server Error."],
    });
    const r = await fetchGraph("./data/graph.json", async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(r).toMatchObject({ ok: false, title: "Could not read data/graph.json", errors: ["Failed to fetch"] });
  });
});

describe("graphFromText", () => {
  it("explains a JSON syntax error and what to open instead", () => {
    const r = graphFromText('{"nodes": [', "mine.json");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.title).toBe("mine.json is not JSON");
      expect(r.errors[0]).toMatch(/npm run graph/);
    }
  });

  it("passes validation errors through with the file name", () => {
    const j = fixtureJson() as unknown as { attributes: { formatVersion: number } };
    j.attributes.formatVersion = 0;
    const r = graphFromText(JSON.stringify(j), "old.json");
    expect(r).toMatchObject({ ok: false, title: "old.json is not a valid papergraph graph file" });
  });

  it("reports graphology's own refusal (an undirected edge in a directed graph) instead of throwing", () => {
    const j = fixtureJson();
    j.options.type = "directed";
    const r = graphFromText(JSON.stringify(j), "directed.json");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.title).toBe("directed.json could not be loaded as a graph");
  });

  it("loads the committed fixture file byte for byte as written by make-graph.ts", () => {
    const text = readFileSync("test/fixtures/app/graph.json", "utf8");
    expect(graphFromText(text, "graph.json").ok).toBe(true);
  });
});

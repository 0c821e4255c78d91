// validateGraphFile on the app fixture (a good file) and on copies broken one way each: every kind of mistake a
// hand-edited or outdated graph.json can carry must come back as a readable message, never as a throw.
import { describe, expect, it } from "vitest";
import { validateGraphFile } from "../../src/model/validate";
import { fixtureJson } from "../app/fixture";

type Json = Record<string, unknown> & { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: Record<string, unknown>[]; attributes: Record<string, unknown> };
const broken = (edit: (j: Json) => void) => {
  const j = fixtureJson() as unknown as Json;
  edit(j);
  return validateGraphFile(j);
};
const errorsOf = (r: ReturnType<typeof validateGraphFile>) => (r.ok ? [] : r.errors);
const node = (j: Json, key: string) => j.nodes.find((n) => n.key === key)!;

describe("validateGraphFile", () => {
  it("accepts the fixture graph file", () => {
    const r = validateGraphFile(fixtureJson());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings).toEqual([]);
  });

  it.each([
    ["null", null],
    ["a string", "graph"],
    ["an array", []],
  ])("rejects %s as the whole file", (_name, input) => {
    const r = validateGraphFile(input);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]).toMatch(/JSON object/);
  });

  it("rejects a file without attributes and names the build command", () => {
    const r = broken((j) => delete (j as Record<string, unknown>).attributes);
    expect(errorsOf(r)).toEqual([expect.stringContaining("npm run graph")]);
  });

  it("rejects another format version, naming both versions and the command", () => {
    const r = broken((j) => (j.attributes.formatVersion = 2));
    expect(errorsOf(r)[0]).toMatch(/version 2.*version 1.*npm run graph/);
    const none = broken((j) => delete j.attributes.formatVersion);
    expect(errorsOf(none)[0]).toMatch(/version none/);
  });

  it("reports a non-finite coordinate with the node index and key", () => {
    const r = broken((j) => (node(j, "a:karim-lekadir").attributes.x = "abc"));
    expect(errorsOf(r)).toEqual([expect.stringMatching(/^nodes\[\d+\] "a:karim-lekadir": attributes\.x must be a finite number, got "abc"$/)]);
  });

  it("reports an unknown node kind and the reserved-looking `type` mistake", () => {
    const r = broken((j) => {
      const a = node(j, "t:bias").attributes;
      delete a.kind;
      a.type = "topic";
    });
    expect(errorsOf(r)[0]).toMatch(/"t:bias": attributes\.kind must be "author", "paper" or "topic", got nothing/);
  });

  it("reports missing per-kind attributes (author aliases, paper authorsComplete, topic term)", () => {
    const r = broken((j) => {
      delete node(j, "a:tiarna-lee").attributes.aliases;
      node(j, "p:medigan").attributes.authorsComplete = "no";
      delete node(j, "t:bias").attributes.term;
    });
    const errs = errorsOf(r).join("\n");
    expect(errs).toMatch(/"a:tiarna-lee": attributes\.aliases must be an array of strings/);
    expect(errs).toMatch(/"p:medigan": attributes\.authorsComplete must be true or false, got "no"/);
    expect(errs).toMatch(/"t:bias": attributes\.term must be a string/);
  });

  it("reports a paper whose byline names a node that does not exist", () => {
    const r = broken((j) => (node(j, "p:medigan").attributes.authors = ["a:richard-osuala", "a:nobody"]));
    expect(errorsOf(r)).toEqual([expect.stringContaining('names "a:nobody", which is not a node')]);
  });

  it("reports malformed dates and sources", () => {
    const r = broken((j) => {
      node(j, "p:medigan").attributes.date = "Sep 28, 2022";
      node(j, "p:uslr").attributes.sources = [{ file: "x.txt" }];
    });
    const errs = errorsOf(r).join("\n");
    expect(errs).toMatch(/"p:medigan": attributes\.date must be "YYYY-MM-DD", "YYYY-MM", "YYYY" or null, got "Sep 28, 2022"/);
    expect(errs).toMatch(/"p:uslr": attributes\.sources must be an array of \{ file, line \}/);
  });

  it("reports duplicate node keys", () => {
    const r = broken((j) => j.nodes.push(structuredClone(node(j, "t:bias"))));
    expect(errorsOf(r)).toEqual([expect.stringMatching(/"t:bias": duplicate node key/)]);
  });

  it("reports edges to missing nodes and unknown edge kinds", () => {
    const r = broken((j) => {
      j.edges[0]!.target = "p:gone";
      (j.edges[1]!.attributes as Record<string, unknown>).kind = "cites";
    });
    const errs = errorsOf(r).join("\n");
    expect(errs).toMatch(/edges\[0\]: target "p:gone" is not a node/);
    expect(errs).toMatch(/edges\[1\]: attributes\.kind must be "authored", "coauthor", "about" or "related", got "cites"/);
  });

  it("reports malformed cluster tables", () => {
    const r = broken((j) => {
      j.attributes.communities = { "0": { label: "x" } };
      j.attributes.topicClusters = [];
    });
    const errs = errorsOf(r).join("\n");
    expect(errs).toMatch(/attributes\.communities\["0"\] must be \{ label/);
    expect(errs).toMatch(/attributes\.topicClusters must be an object/);
  });

  it("accepts a research cluster's term weights and typical papers, and reports malformed ones", () => {
    const clusters = (j: Json) => Object.values(j.attributes.topicClusters as Record<string, Record<string, unknown>>);
    const ok = broken((j) => {
      const paper = j.nodes.find((n) => n.attributes.kind === "paper")!.key;
      clusters(j)[0]!.termWeights = [{ term: "federated learning", weight: 0.42 }];
      clusters(j)[0]!.typicalPapers = [paper];
    });
    expect(ok.ok).toBe(true);
    const shape = broken((j) => (clusters(j)[0]!.termWeights = [{ term: "bias" }]));
    expect(errorsOf(shape).join("\n")).toMatch(/termWeights must be an array of \{ term: string, weight: number \}/);
    const missing = broken((j) => (clusters(j)[1]!.typicalPapers = ["p:gone"]));
    expect(errorsOf(missing).join("\n")).toMatch(/typicalPapers names "p:gone", which is not a node/);
  });

  it("caps the list of problems and says how many more there are", () => {
    const r = broken((j) => j.nodes.forEach((n) => (n.attributes.y = null)));
    const errs = errorsOf(r);
    expect(errs).toHaveLength(26);
    expect(errs[25]).toBe(`... and ${33 - 25} more problems.`);
  });

  it("warns (without failing) on a graph with no nodes", () => {
    const r = broken((j) => {
      j.nodes = [];
      j.edges = [];
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatch(/no nodes/);
  });
});

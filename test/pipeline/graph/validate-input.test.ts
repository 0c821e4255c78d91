/**
 * Broken promises between stages stop the build with a message naming the offending keys (constructed corruptions of
 * the seed-like fixture, fixtures.ts), instead of a graphology stack trace or a silently smaller graph.
 */
import { describe, expect, it } from "vitest";
import { GraphInputError, buildGraph } from "../../../src/pipeline/graph";
import { OPTIONS, seedLikeInput, type StageOutputs } from "./fixtures";

function problemsOf(mutate: (input: StageOutputs) => void): string[] {
  const input = seedLikeInput();
  mutate(input);
  try {
    buildGraph(input, OPTIONS);
  } catch (e) {
    if (e instanceof GraphInputError) return e.problems;
    throw e;
  }
  return [];
}

describe("graph input validation", () => {
  it("accepts the consistent fixture", () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it("names a paper's unknown or repeated author", () => {
    expect(problemsOf((i) => i.identity.papers[0]!.authors.push("a:ghost|casper"))).toEqual([
      'paper "p:metrics-reloaded" lists unknown author "a:ghost|casper"',
    ]);
    expect(problemsOf((i) => i.identity.papers[0]!.authors.push(i.identity.papers[0]!.authors[0]!))).toEqual([
      'paper "p:metrics-reloaded" lists author "a:maier-hein|lena" twice',
    ]);
  });

  it("names duplicate node keys, also across kinds", () => {
    expect(problemsOf((i) => i.identity.authors.push({ ...i.identity.authors[0]! }))).toEqual([
      'duplicate node key "a:maier-hein|lena" (author and author)',
    ]);
    expect(problemsOf((i) => i.topics.topics.push({ ...i.topics.topics[0]!, key: "p:mammofl" }))[0]).toBe(
      'duplicate node key "p:mammofl" (paper and topic)',
    );
  });

  it("names topic links to dropped topics, unknown papers and bad weights", () => {
    expect(problemsOf((i) => i.topics.paperTopics.get("p:mammofl")!.push({ topic: "t:dropped", weight: 1 }))).toEqual([
      'paper "p:mammofl" links to topic "t:dropped", which is not among the kept topics',
    ]);
    expect(problemsOf((i) => i.topics.paperTopics.set("p:nowhere", []))).toEqual(['topics are given for unknown paper "p:nowhere"']);
    expect(problemsOf((i) => (i.topics.paperTopics.get("p:mammofl")![0]!.weight = Number.NaN))).toEqual([
      'paper "p:mammofl" -> topic "t:federated learning" has weight NaN (expected a positive number)',
    ]);
    expect(problemsOf((i) => i.topics.related.push({ source: "t:glioblastoma", target: "t:glioblastoma", weight: 1 }))).toEqual([
      'related link from topic "t:glioblastoma" to itself',
    ]);
    expect(problemsOf((i) => i.topics.related.push({ source: "t:validation metrics", target: "t:benchmarking competitions", weight: 2 }))).toEqual([
      'related link "t:validation metrics" -- "t:benchmarking competitions" given twice',
    ]);
  });

  it("names clusters that are not described", () => {
    expect(problemsOf((i) => i.clusters.paperCluster.set("p:mammofl", 7))).toEqual([
      'paper "p:mammofl" is in research cluster 7, which is not described',
    ]);
  });

  it("reports every problem at once, with a readable message", () => {
    const input = seedLikeInput();
    input.identity.papers[0]!.authors.push("a:ghost|one");
    input.identity.papers[1]!.authors.push("a:ghost|two");
    expect(() => buildGraph(input, OPTIONS)).toThrow(/inconsistent input[\s\S]*ghost\|one[\s\S]*ghost\|two/);
  });
});

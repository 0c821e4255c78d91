/**
 * Same inputs and options -> the same bytes, also when the stage outputs arrive in another order (the identity and
 * topic stages promise sorted output; the graph stage must not depend on it). Seed-like fixture (fixtures.ts) and a
 * constructed larger corpus that takes the sampled-betweenness and Barnes-Hut paths. Math.random is a recorder from
 * before any module loads (the unit project's setup); a build of the real seeds must not call it once (the worker's
 * shared seeds build, test/fixtures/seeds-build.ts, keeps the calls the recorder saw while it ran).
 */
import { describe, expect, it } from "vitest";
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import { buildGraph } from "../../../src/pipeline/graph";
import { seedsBuildRecord } from "../../fixtures/seeds-build";
import { randomRecorder } from "../../setup/math-random";
import { OPTIONS, bylineInput, seedLikeInput, type StageOutputs } from "./fixtures";

// Installed by the unit project's setup file before any module loaded (test/setup/math-random.ts).
const random = randomRecorder();

const bytes = (input: StageOutputs, options = OPTIONS) => JSON.stringify(buildGraph(input, options).export());

function reversed(input: StageOutputs): StageOutputs {
  return {
    ...input,
    identity: { ...input.identity, authors: [...input.identity.authors].reverse(), papers: [...input.identity.papers].reverse() },
    topics: {
      topics: [...input.topics.topics].reverse(),
      paperTopics: new Map([...input.topics.paperTopics].reverse().map(([k, v]) => [k, [...v].reverse()])),
      related: [...input.topics.related].reverse().map((r) => ({ source: r.target, target: r.source, weight: r.weight })),
    },
  };
}

/** Constructed: 1,000 papers over up to 1,300 authors in overlapping teams (2,300+ nodes: sampled betweenness, Barnes-Hut). */
function largeBylines(): string[][] {
  const papers: string[][] = [];
  for (let i = 0; i < 1000; i++) {
    const team = Math.floor(i / 7);
    papers.push([0, 1, 2, 3].map((j) => `Person${(team * 9 + ((i * 3 + j * 5) % 11)) % 1300} Team${team % 13}`));
  }
  return papers;
}

describe("determinism", () => {
  it("gives identical JSON for the same input twice", () => {
    expect(bytes(seedLikeInput())).toBe(bytes(seedLikeInput()));
  });

  it("does not depend on the order of the stage outputs", () => {
    expect(bytes(reversed(seedLikeInput()))).toBe(bytes(seedLikeInput()));
  });

  it("repeats on a graph large enough for sampled betweenness and Barnes-Hut", () => {
    const options = { ...OPTIONS, betweennessExactMaxNodes: 1000, betweennessSamples: 50, layoutIterations: 5 };
    const first = bytes(bylineInput(largeBylines()), options);
    expect(JSON.parse(first).attributes.betweenness).toBe("sampled:50");
    expect(JSON.parse(first).nodes.length).toBeGreaterThan(2000);
    expect(bytes(bylineInput(largeBylines()), options)).toBe(first);
  }, 120_000);

  it("never calls Math.random during a whole build of the seeds (read, identity, topics, clusters, graph)", () => {
    const calls = seedsBuildRecord().randomCalls;
    expect(calls.length, `Math.random was called ${calls.length} times, first from:\n${calls[0]}`).toBe(0);
  });

  it("(guard) the spy sees Math.random called through a reference a library took at load time", () => {
    // graphology-communities-louvain's defaults hold `rng: Math.random`, taken when the module loaded: called without
    // our seeded rng it would be random, and an `expect(Math.random).toBe(original)` check would never notice.
    const g = new Graph({ type: "undirected" });
    for (const [a, b] of [["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"], ["d", "e"], ["e", "f"], ["f", "d"]]) g.mergeEdge(a, b);
    random.callers.length = 0;
    louvain(g);
    expect(random.callers.length).toBeGreaterThan(0);
  });
});

/**
 * Progress events of a build: every phase reports its start and end, the long phases report sub-steps as they go, and
 * listening changes nothing in the output (the pipeline stays pure: it counts, the CLI decides when to show).
 */
import { describe, expect, it } from "vitest";
import { resolveOptions } from "../../src/pipeline/options";
import { stepCounter, type ProgressEvent } from "../../src/pipeline/progress";
import { runPipeline } from "../../src/pipeline/run";
import { generateCorpus } from "../../bench/synthetic";

describe("stepCounter", () => {
  it("reports the start, about every total/reports items and the last one", () => {
    const seen: number[] = [];
    const tick = stepCounter((_step, done) => seen.push(done), "s", 1000, "items", 10);
    for (let i = 1; i <= 1000; i++) tick(i);
    expect(seen).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  it("reports every item of a short loop and an empty one once", () => {
    const seen: number[] = [];
    const tick = stepCounter((_step, done) => seen.push(done), "s", 3, "items", 100);
    for (let i = 1; i <= 3; i++) tick(i);
    expect(seen).toEqual([0, 1, 2, 3]);
    const empty: number[] = [];
    stepCounter((_step, done) => empty.push(done), "s", 0, "items");
    expect(empty).toEqual([0]);
  });
});

describe("runPipeline progress", () => {
  // constructed: a seeded synthetic corpus large enough for every step (sampled betweenness: more nodes than
  // betweennessExactMaxNodes). 30 layout iterations, each reported: the default is ~1 s of CPU per build, twice here.
  const documents = generateCorpus({ papers: 300, seed: 5 });
  const options = resolveOptions({ betweennessExactMaxNodes: 500, betweennessSamples: 50, layoutIterations: 30 });

  it("reports each phase's start and end, with sub-steps inside the long phases, and the same graph as without", () => {
    const events: ProgressEvent[] = [];
    const listened = runPipeline({ documents }, options, { onProgress: (e) => events.push({ ...e }) });
    const silent = runPipeline({ documents }, options);
    expect(JSON.stringify(listened.graph.export())).toBe(JSON.stringify(silent.graph.export()));
    expect(listened.graph.order).toBeGreaterThan(options.betweennessExactMaxNodes);

    const phases = ["read", "identity", "topics", "clusters", "graph"] as const;
    // Phases in order, each opening with done 0 and closing with one finished event.
    const order = events.map((e) => e.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(order).toEqual([...phases]);
    for (const phase of phases) {
      const mine = events.filter((e) => e.phase === phase);
      expect(mine[0]).toMatchObject({ done: 0 });
      expect(mine.filter((e) => e.finished)).toHaveLength(1);
      expect(mine.at(-1)!.finished).toBe(true);
    }
    for (const e of events) {
      expect(Number.isFinite(e.done)).toBe(true);
      if (e.total !== null) expect(e.done).toBeLessThanOrEqual(e.total);
    }
    const steps = (phase: string) => [...new Set(events.filter((e) => e.phase === phase && e.step).map((e) => e.step))];
    expect(steps("identity")).toEqual(expect.arrayContaining(["grouping papers", "shingling abstracts", "comparing abstracts", "reading names", "comparing names", "naming people"]));
    expect(steps("topics")).toEqual(expect.arrayContaining(["reading titles, abstracts and keywords", "counting candidate terms", "topics of each paper"]));
    expect(steps("clusters")).toEqual(expect.arrayContaining(["similar papers", "clustering papers (Louvain)"]));
    expect(steps("graph")).toEqual(
      expect.arrayContaining(["edge table: authored", "communities (Louvain)", "pagerank", "betweenness (sampled)", "layout: ForceAtlas2", "layout: removing overlaps"]),
    );
    // The layout reports every iteration, sampled betweenness every source (50 here, under the 100-report cap).
    const iterations = events.filter((e) => e.step === "layout: ForceAtlas2").map((e) => e.done);
    expect(iterations.at(-1)).toBe(events.find((e) => e.step === "layout: ForceAtlas2")!.total);
    expect(iterations.at(-1)).toBe(options.layoutIterations);
    expect(iterations).toEqual(iterations.map((_, i) => i));
    expect(events.filter((e) => e.step === "betweenness (sampled)").map((e) => e.done).at(-1)).toBe(50);
  }, 120_000);
});

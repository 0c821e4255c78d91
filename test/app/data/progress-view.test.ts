/**
 * Build progress as the Open dialog shows it: the worker's throttle (phase boundaries always pass, the events between
 * at most every interval) and the bar's words and fraction, on the real event stream of a seeds build (the worker's
 * shared build, test/fixtures/seeds-build.ts, which keeps its events).
 */
import { describe, expect, it } from "vitest";
import { progressView, throttleProgress } from "../../../src/app/data/progress-view";
import type { ProgressEvent } from "../../../src/pipeline/progress";
import { seedsBuildRecord } from "../../fixtures/seeds-build";

describe("throttleProgress", () => {
  it("passes phase starts and ends at once and the events between at most every interval", () => {
    let t = 0;
    const out: ProgressEvent[] = [];
    const throttled = throttleProgress((e) => out.push(e), 100, () => t);
    const ev = (phase: ProgressEvent["phase"], done: number, finished = false): ProgressEvent => ({ phase, done, total: 1000, unit: "records", finished });
    throttled(ev("read", 0));
    for (let i = 1; i <= 1000; i++) {
      t += 1; // 1 ms per record: 1 s of reading
      throttled(ev("read", i));
    }
    throttled(ev("read", 1000, true));
    throttled(ev("identity", 0)); // a new phase passes at once, whatever the clock
    const read = out.filter((e) => e.phase === "read");
    expect(read[0]!.done).toBe(0);
    expect(read.at(-1)).toMatchObject({ finished: true });
    // About one event per 100 ms over 1 s, plus the start and the end.
    expect(read.length).toBeGreaterThanOrEqual(10);
    expect(read.length).toBeLessThanOrEqual(13);
    expect(out.at(-1)).toMatchObject({ phase: "identity", done: 0 });
  });
});

describe("progressView", () => {
  it("says what the build does with counts, and the bar only moves forward over a real build", () => {
    const { events } = seedsBuildRecord();
    const views: ReturnType<typeof progressView>[] = [];
    for (const e of events) views.push(progressView(e, views.at(-1)?.fraction ?? 0));
    for (let i = 1; i < views.length; i++) expect(views[i]!.fraction, events[i]!.phase).toBeGreaterThanOrEqual(views[i - 1]!.fraction);
    expect(views[0]).toEqual({ text: "Reading the files (5 files)", fraction: 0 });
    expect(views.map((v) => v.text)).toContain("Reading the files: 2 of 5 files");
    expect(views.find((v) => v.text.startsWith("Working out who is who"))!.text).toBe("Working out who is who (246 records)");
    expect(views.at(-1)!.fraction).toBeCloseTo(0.98);
    expect(views.at(-1)!.text).toMatch(/^Building the graph .*nodes\)$/);
  });

  it("shows a phase without a known total by its name alone", () => {
    expect(progressView({ phase: "clusters", done: 3, total: null, unit: "papers" })).toEqual({ text: "Grouping research clusters", fraction: 0.5 });
  });
});

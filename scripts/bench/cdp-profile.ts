/**
 * A CPU profile of a page's main thread over one action (Chrome DevTools Protocol), for the browser benchmarks: "JS"
 * is time in JavaScript, "native" the rest of the busy time ((program): WebGL presentation, layout, style; and WebGL
 * calls, which software WebGL may answer by waiting for a frame), "GC" the collector's. The same split per main-thread task (task-trace.ts): the task with the most JS is what the issue's
 * "200 ms at a time" is about. With a folder, the profile is saved (<n>.cpuprofile, for Chrome's profiler) and its
 * top self-time functions printed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startTaskTrace, type MainTask } from "./task-trace";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface MainThreadTime {
  js: number;
  native: number;
  gc: number;
}

/** One profiler sample: when (trace microseconds), the time it stands for and what the thread was doing. */
export interface Sample {
  at: number;
  ms: number;
  kind: keyof MainThreadTime | "idle";
  /** The profile node sampled. */
  node: number;
}

/** A main-thread task's span (trace microseconds), length and busy time by kind (ms). */
export interface TaskTime extends MainThreadTime {
  start: number;
  end: number;
  ms: number;
}

/** What one action cost: the whole split, and the task with the most JavaScript (null without a trace). */
export interface ActionTime extends MainThreadTime {
  tasks: number;
  mostJs: TaskTime | null;
  longest: TaskTime | null;
}

/**
 * WebGL calls (no script URL): software WebGL answers some of them (readPixels for sigma's picking, a buffer upload
 * while a frame is still being rasterised) by waiting for the GPU process, seconds at 10,000 papers. That wait is the
 * frame's, not the app's JavaScript: counted as native.
 */
const WEBGL_CALL = /^(readPixels|bufferData|bufferSubData|draw(Arrays|Elements)\w*|tex(Image|SubImage|Parameter)\w*|clear\w*|finish|flush|getError|vertexAttrib\w*|bind\w+|uniform\w+|useProgram|enable|disable|blend\w+|viewport|scissor|pixelStorei|activeTexture|getExtension|getParameter)$/;

function kindOf(frame: ProfileNode["callFrame"] | undefined): Sample["kind"] {
  const name = frame?.functionName;
  if (name === "(idle)") return "idle";
  if (name === "(program)") return "native";
  if (name === "(garbage collector)") return "gc";
  if (frame && frame.url === "" && WEBGL_CALL.test(name ?? "")) return "native";
  return "js";
}

/** The samples of a profile with their timestamps (startTime plus the running sum of the deltas). */
export function samplesOf(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }): Sample[] {
  const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let at = profile.startTime;
  return profile.samples.map((id, k) => {
    const delta = profile.timeDeltas[k] ?? 0;
    at += delta;
    return { at, ms: delta / 1000, kind: kindOf(frameOf.get(id)), node: id };
  });
}

/**
 * Each task's busy time by kind. A sample stands for the interval since the one before (its delta), which can be long
 * when the profiler's thread waits for a core: the part of that interval inside a task is credited to it, so no task
 * is credited more than its length (both lists in time order).
 */
export function splitByTask(samples: readonly Sample[], tasks: readonly MainTask[]): TaskTime[] {
  const out = tasks.map((t) => ({ start: t.start, end: t.end, ms: (t.end - t.start) / 1000, js: 0, native: 0, gc: 0 }));
  let first = 0;
  for (const s of samples) {
    const from = s.at - s.ms * 1000;
    while (first < tasks.length && tasks[first]!.end <= from) first++;
    if (s.kind === "idle") continue;
    for (let k = first; k < tasks.length && tasks[k]!.start < s.at; k++) {
      const overlap = Math.min(s.at, tasks[k]!.end) - Math.max(from, tasks[k]!.start);
      if (overlap > 0) out[k]![s.kind] += overlap / 1000;
    }
  }
  return out;
}

const describe = (t: TaskTime) => `${t.ms.toFixed(0)} ms task: JS ${t.js.toFixed(0)}, native ${t.native.toFixed(0)}, GC ${t.gc.toFixed(0)}`;

let profiled = 0;

/**
 * Starts sampling (and, with `tasks`, tracing the main thread's tasks); the returned function stops, prints the split,
 * the task with the most JS and the longest task (and the top functions with `dir`) and returns them.
 */
export async function startProfile(page: Page, dir: string | null, opts: { tasks?: boolean } = {}): Promise<(what: string) => Promise<ActionTime>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  const stopTrace = opts.tasks ? await startTaskTrace(page) : null;
  await cdp.send("Profiler.start");
  return async (what) => {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number } };
    await cdp.detach();
    const tasks = stopTrace ? await stopTrace() : null;
    const samples = samplesOf(profile);
    const byKind: ActionTime = { js: 0, native: 0, gc: 0, tasks: 0, mostJs: null, longest: null };
    for (const s of samples) if (s.kind !== "idle") byKind[s.kind] += s.ms;
    console.log(`  main thread: JS ${byKind.js.toFixed(0)} ms, native ${byKind.native.toFixed(0)} ms, GC ${byKind.gc.toFixed(0)} ms`);
    if (tasks) {
      const times = splitByTask(samples, tasks);
      byKind.tasks = times.length;
      byKind.mostJs = times.reduce<TaskTime | null>((m, t) => (!m || t.js > m.js ? t : m), null);
      byKind.longest = times.reduce<TaskTime | null>((m, t) => (!m || t.ms > m.ms ? t : m), null);
      const inTasks = times.reduce((s, t) => s + t.js, 0);
      const over = (ms: number) => times.filter((t) => t.js > ms).length;
      console.log(
        `  per task (${times.length} tasks, ${((100 * inTasks) / Math.max(byKind.js, 1e-9)).toFixed(0)}% of the JS inside one): most JS in one task ${byKind.mostJs ? describe(byKind.mostJs) : "-"}; ` +
          `longest ${byKind.longest ? describe(byKind.longest) : "-"}; tasks with JS over 50 ms: ${over(50)}, over 200 ms: ${over(200)}`,
      );
    }
    if (!dir) return byKind;
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${++profiled}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, k) => {
      const f = byId.get(id)!.callFrame;
      const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
      self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000);
    });
    const top = [...self].filter(([n]) => !n.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 16);
    console.log(`  profile ${file} (${what}):\n${top.map(([n, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${n}`).join("\n")}`);
    // The three tasks with the most JS (over 50 ms), each by total time: what to cut or slice first.
    const heavy = (tasks ? splitByTask(samples, tasks) : []).filter((t) => t.js > 50).sort((a, b) => b.js - a.js).slice(0, 3);
    for (const t of heavy) console.log(`  in a ${describe(t)}, by total time (self + callees):\n${inclusiveTop(profile.nodes, samples, t)}`);
    return byKind;
  };
}

/** The functions with the most total time (self + callees) among the samples inside one task, each counted once per sample. */
function inclusiveTop(nodes: readonly ProfileNode[], samples: readonly Sample[], task: TaskTime, n = 24): string {
  const parent = new Map<number, number>();
  for (const node of nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const total = new Map<string, number>();
  for (const s of samples) {
    if (s.kind === "idle" || s.at < task.start || s.at > task.end) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = s.node; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + s.ms);
    }
  }
  return [...total].filter(([name]) => !name.startsWith("(root)")).sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${name}`).join("\n");
}

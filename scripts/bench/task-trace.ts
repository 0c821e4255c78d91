/**
 * The page's main-thread tasks over one action, from a Chromium trace (the scheduler's RunTask events on the
 * renderer's main thread), to split a CPU profile's samples by task: the issue asks that no single task do more than
 * 200 ms of the app's work, and one action (a Play run, a correction) is many tasks. The trace and the CPU profiler
 * share Chromium's monotonic clock (microseconds), so a sample belongs to the task whose span holds its timestamp.
 */
import type { Page } from "playwright-core";

/** One top-level task on the main thread, in trace microseconds. */
export interface MainTask {
  start: number;
  end: number;
}

interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const TASK = "ThreadControllerImpl::RunTask";

/** Starts tracing the browser; the returned function stops and gives the page's main-thread tasks, in time order. */
export async function startTaskTrace(page: Page): Promise<() => Promise<MainTask[]>> {
  const browser = page.context().browser();
  if (!browser) throw new Error("task tracing needs a launched browser");
  await browser.startTracing(page, { categories: ["toplevel", "__metadata"] });
  return async () => mainThreadTasks((JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents);
}

/**
 * The top-level tasks of the busiest renderer main thread (CrRendererMain; the page's workers run on threads of their
 * own, other pages' renderers are idle). A task nested in another (a nested run loop) counts as part of it.
 */
export function mainThreadTasks(events: readonly TraceEvent[]): MainTask[] {
  const mains = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, MainTask[]>();
  for (const e of events) {
    const thread = `${e.pid}:${e.tid}`;
    if (e.ph !== "X" || e.name !== TASK || !mains.has(thread)) continue;
    const list = byThread.get(thread) ?? [];
    list.push({ start: e.ts, end: e.ts + (e.dur ?? 0) });
    byThread.set(thread, list);
  }
  const busy = (tasks: MainTask[]) => tasks.reduce((s, t) => s + t.end - t.start, 0);
  const tasks = [...byThread.values()].sort((a, b) => busy(b) - busy(a))[0] ?? [];
  tasks.sort((a, b) => a.start - b.start || b.end - a.end);
  const top: MainTask[] = [];
  for (const t of tasks) if (!top.length || t.start >= top[top.length - 1]!.end) top.push(t);
  return top;
}

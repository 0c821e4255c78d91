/**
 * A CPU profile of a page's main thread over one action (Chrome DevTools Protocol), for the browser benchmarks: "JS"
 * is time in JavaScript, "native" the rest of the busy time ((program): WebGL presentation, layout, style), "GC" the
 * collector's. With a folder, the profile is saved (<n>.cpuprofile, for Chrome's profiler) and its top self-time
 * functions printed.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface MainThreadTime {
  js: number;
  native: number;
  gc: number;
}

let profiled = 0;

/** Starts sampling; the returned function stops, prints the split (and the top functions with `dir`) and returns it. */
export async function startProfile(page: Page, dir: string | null): Promise<(what: string) => Promise<MainThreadTime>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
  await cdp.send("Profiler.start");
  return async (what) => {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    await cdp.detach();
    const byKind: MainThreadTime = { js: 0, native: 0, gc: 0 };
    const frameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
    profile.samples.forEach((id, k) => {
      const f = frameOf.get(id);
      const ms = (profile.timeDeltas[k] ?? 0) / 1000;
      if (f === "(idle)") return;
      if (f === "(program)") byKind.native += ms;
      else if (f === "(garbage collector)") byKind.gc += ms;
      else byKind.js += ms;
    });
    console.log(`  main thread: JS ${byKind.js.toFixed(0)} ms, native ${byKind.native.toFixed(0)} ms, GC ${byKind.gc.toFixed(0)} ms`);
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
    return byKind;
  };
}

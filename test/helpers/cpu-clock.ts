/**
 * CPU time of this test process in milliseconds. Linear-time guards compare CPU time, not wall time: on the shared
 * 2-core machines wall time mostly measures the neighbours' load (vitest runs each file in its own forked process, so
 * the figure is this file's work). The bounds stay generous: they catch a quadratic blow-up, not a slow day.
 */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

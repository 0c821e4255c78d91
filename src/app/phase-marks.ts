/**
 * Marks on the page's performance timeline ("pg:<phase>", User Timing) at the steps from navigation to the first
 * frame, so a benchmark can tell where the wait goes (scripts/bench-render.ts prints them). Only the first mark of a
 * phase counts; marking costs microseconds and nothing reads the marks in the app.
 */
export function markPhase(phase: string): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  const name = `pg:${phase}`;
  if (performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}

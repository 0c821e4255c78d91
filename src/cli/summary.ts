/** The per-file summary printed on stderr after a build. */
import type { GraphAttributes } from "../model/graph-file";
import type { PipelineResult } from "../pipeline/run";
import { escapeForTerminal } from "./escape";
import { MAX_TOKEN_LENGTH } from "../pipeline/topics/tokens";

export function formatSummary(result: PipelineResult): { text: string; errorsOnly: string } {
  const lines: string[] = [];
  const errors: string[] = [];
  // File names and quoted input are escaped (escape.ts): a newline in a name must not break the table.
  const shown = result.summaries.map((s) => escapeForTerminal(s.file));
  const width = Math.max(4, ...shown.map((f) => f.length));
  lines.push(`${"file".padEnd(width)}  ${"format".padEnd(15)}  records  diagnostics`);
  result.summaries.forEach((s, i) => {
    lines.push(`${shown[i]!.padEnd(width)}  ${(s.format ?? "unknown").padEnd(15)}  ${String(s.records).padStart(7)}  ${String(s.diagnostics.length).padStart(11)}`);
  });
  for (const s of result.summaries) {
    for (const d of s.diagnostics) {
      const line = escapeForTerminal(`${d.file}:${d.line}: ${d.severity}: ${d.message}`);
      lines.push(line);
      if (d.severity === "error") errors.push(line);
    }
  }
  // The built graph's own counts (its `counts` attribute: one per node kind), not a walk over its nodes.
  const g = result.view;
  const counts = g.getAttribute("counts");
  const records = result.summaries.reduce((n, s) => n + s.records, 0);
  lines.push(
    `${records} records -> ${counts.papers} papers, ${counts.authors} authors, ${counts.topics} topics, ${g.size} edges; ` +
      `${Object.keys(g.getAttribute("communities") ?? {}).length} communities, ${Object.keys(g.getAttribute("topicClusters") ?? {}).length} research clusters`,
  );
  lines.push(...ladderLines(g.getAttributes()));
  const skipped = result.topics.skippedLongTokens ?? 0;
  if (skipped > 0) lines.push(`topics: ${skipped} word(s) longer than ${MAX_TOKEN_LENGTH} characters skipped (glued or binary text, never a real word)`);
  const t = result.timings;
  lines.push("time: " + Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(", "));
  return { text: lines.join("\n") + "\n", errorsOnly: errors.length ? errors.join("\n") + "\n" : "" };
}

/** One line per ladder: every level's resolution, group count and modularity, the build's own level marked with *. */
export function ladderLines(attrs: Partial<GraphAttributes>): string[] {
  const out: string[] = [];
  for (const [name, ladder] of [["communities", attrs.communityLadder], ["research clusters", attrs.topicClusterLadder]] as const) {
    if (!ladder) continue;
    const levels = ladder.levels.map((l, i) => `${i}${i === ladder.default ? "*" : ""} r=${l.resolution} ${l.count} (Q ${l.modularity.toFixed(3)})`);
    out.push(`levels, ${name}: ${levels.join(" | ")}`);
  }
  return out;
}

/** The audit trail as Markdown: what was merged on which evidence, and what was kept apart and why. */
import type { IdentityResult, MergeEvent } from "./types";

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\s+/g, " ");
}

function section(title: string, events: MergeEvent[]): string[] {
  const out = [`## ${title} (${events.length})`, ""];
  if (!events.length) return [...out, "None.", ""];
  for (const e of events) {
    out.push(`- **${cell(e.into)}** \`${e.key}\``);
    out.push(`  - read as: ${e.merged.map((m) => `"${cell(m)}"`).join(", ")}`);
    for (const ev of e.evidence) out.push(`  - ${cell(ev)}`);
  }
  out.push("");
  return out;
}

export function formatMergeReport(result: IdentityResult): string {
  const authorMerges = result.merges.filter((m) => m.entity === "author");
  const paperMerges = result.merges.filter((m) => m.entity === "paper");
  const lines = [
    "# Identity report",
    "",
    `${result.authors.length} authors, ${result.papers.length} papers; ${authorMerges.length} author merges, ${paperMerges.length} paper merges, ${result.keptApart.length} near misses kept apart.`,
    "",
    ...section("Author merges", authorMerges),
    ...section("Paper merges", paperMerges),
    ...section("Authors kept apart", result.keptApart.filter((m) => m.entity === "author")),
    ...section("Papers kept apart", result.keptApart.filter((m) => m.entity === "paper")),
    `## Diagnostics (${result.diagnostics.length})`,
    "",
    ...(result.diagnostics.length
      ? result.diagnostics.map((d) => `- ${d.severity} ${d.file}:${d.line}: ${cell(d.message)}`)
      : ["None."]),
    "",
  ];
  return lines.join("\n");
}

/**
 * Checks that the identity and topic stages handed over a consistent picture before any node is added. These are not
 * user mistakes (those became diagnostics in earlier stages) but broken promises between stages: a paper naming an
 * author identity never produced, a topic link to a topic that was not kept. Dropping them silently would hide the bug
 * and lose data, so the build stops with a message that names every offending key.
 */
import type { GraphBuildInput } from "./types";

export class GraphInputError extends Error {
  constructor(public readonly problems: string[]) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n... and ${problems.length - shown.length} more` : "";
    super(`graph stage: inconsistent input from the identity/topic stages:\n${shown.join("\n")}${more}`);
    this.name = "GraphInputError";
  }
}

const validWeight = (w: number) => typeof w === "number" && Number.isFinite(w) && w > 0;

export function validateGraphInput(input: GraphBuildInput): void {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (key: string, what: string) => {
    const previous = seen.get(key);
    if (previous) problems.push(`duplicate node key "${key}" (${previous} and ${what})`);
    else seen.set(key, what);
  };

  const authors = new Set<string>();
  for (const a of input.identity.authors) {
    claim(a.key, "author");
    authors.add(a.key);
  }
  const papers = new Set<string>();
  for (const p of input.identity.papers) {
    claim(p.key, "paper");
    papers.add(p.key);
    const byline = new Set<string>();
    for (const a of p.authors) {
      if (!authors.has(a)) problems.push(`paper "${p.key}" lists unknown author "${a}"`);
      if (byline.has(a)) problems.push(`paper "${p.key}" lists author "${a}" twice`);
      byline.add(a);
    }
  }
  const topics = new Set<string>();
  for (const t of input.topics.topics) {
    claim(t.key, "topic");
    topics.add(t.key);
  }

  for (const [paper, links] of input.topics.paperTopics) {
    if (!papers.has(paper)) problems.push(`topics are given for unknown paper "${paper}"`);
    const linked = new Set<string>();
    for (const link of links) {
      if (!topics.has(link.topic)) problems.push(`paper "${paper}" links to topic "${link.topic}", which is not among the kept topics`);
      if (linked.has(link.topic)) problems.push(`paper "${paper}" links to topic "${link.topic}" twice`);
      if (!validWeight(link.weight)) problems.push(`paper "${paper}" -> topic "${link.topic}" has weight ${link.weight} (expected a positive number)`);
      linked.add(link.topic);
    }
  }

  const pairs = new Set<string>();
  for (const r of input.topics.related) {
    if (!topics.has(r.source) || !topics.has(r.target)) problems.push(`related link "${r.source}" -- "${r.target}" names an unknown topic`);
    if (r.source === r.target) problems.push(`related link from topic "${r.source}" to itself`);
    if (!validWeight(r.weight)) problems.push(`related link "${r.source}" -- "${r.target}" has weight ${r.weight} (expected a positive number)`);
    const pair = r.source < r.target ? `${r.source}\u0000${r.target}` : `${r.target}\u0000${r.source}`;
    if (pairs.has(pair)) problems.push(`related link "${r.source}" -- "${r.target}" given twice`);
    pairs.add(pair);
  }

  for (const paper of input.clusters.paperCluster.keys()) {
    if (!papers.has(paper)) problems.push(`a research cluster is given for unknown paper "${paper}"`);
  }
  for (const topic of input.clusters.topicCluster.keys()) {
    if (!topics.has(topic)) problems.push(`a research cluster is given for unknown topic "${topic}"`);
  }
  const clusterIds = new Set<number>();
  for (const c of input.clusters.clusters) {
    if (!Number.isInteger(c.id) || c.id < 0) problems.push(`research cluster id ${c.id} is not a whole number >= 0`);
    if (clusterIds.has(c.id)) problems.push(`research cluster id ${c.id} given twice`);
    clusterIds.add(c.id);
  }
  const checkCluster = (id: number, owner: string) => {
    if (id !== -1 && !clusterIds.has(id)) problems.push(`${owner} is in research cluster ${id}, which is not described`);
  };
  for (const [paper, id] of input.clusters.paperCluster) checkCluster(id, `paper "${paper}"`);
  for (const [topic, id] of input.clusters.topicCluster) checkCluster(id, `topic "${topic}"`);

  if (problems.length) throw new GraphInputError(problems);
}

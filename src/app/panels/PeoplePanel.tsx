/**
 * "People on this topic" (issue 15): the people who work on a topic, a research cluster or the topics a text names,
 * ranked by fractional counting (model/topic-people.ts; README "People on this topic"), with their community, papers
 * on the topic and years active; the canvas lights them; the ranking downloads as CSV (exporters/topic-people.ts).
 */
import { useMemo, useState } from "react";
import { topicPeopleCsv } from "../../exporters/topic-people";
import type { PeopleQuery, PeopleRanking } from "../../model/topic-people";
import type { PaperGraph } from "../data/types";
import { queryLabel, topicChoices } from "../state/people";
import { downloadBlob } from "./ExportMenu";
import { NodeLink } from "./NodeLinks";

/** Rows listed (the CSV holds every one). */
export const PEOPLE_SHOWN = 25;

export function PeoplePanel(props: {
  graph: PaperGraph;
  query: PeopleQuery | null;
  ranking: PeopleRanking | null;
  onQuery: (q: PeopleQuery | null) => void;
  onOpen: (key: string) => void;
}) {
  const { graph, query, ranking } = props;
  const topics = useMemo(() => topicChoices(graph), [graph]);
  const [text, setText] = useState(query && "text" in query ? query.text : "");
  const clusters = Object.entries(graph.getAttribute("topicClusters") ?? {}).sort((a, b) => b[1].size - a[1].size || Number(a[0]) - Number(b[0]));
  return (
    <section className="panel people-panel" aria-labelledby="people-title" data-testid="people-panel">
      <h2 id="people-title">People on this topic</h2>
      <label className="select">
        <span>Topic</span>
        <select aria-label="Topic" value={query && "topic" in query ? query.topic : ""} onChange={(e) => props.onQuery(e.target.value ? { topic: e.target.value } : null)}>
          <option value="">(choose a topic)</option>
          {topics.map((t) => (
            <option key={t.key} value={t.key}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="select">
        <span>Research cluster</span>
        <select aria-label="Research cluster" value={query && "cluster" in query ? String(query.cluster) : ""} onChange={(e) => props.onQuery(e.target.value ? { cluster: Number(e.target.value) } : null)}>
          <option value="">(choose a cluster)</option>
          {clusters.map(([id, info]) => (
            <option key={id} value={id}>
              {info.label}
            </option>
          ))}
        </select>
      </label>
      <form
        className="people-text"
        onSubmit={(e) => {
          e.preventDefault();
          props.onQuery(text.trim() ? { text: text.trim() } : null);
        }}
      >
        <input type="search" aria-label="Topics matching" placeholder="or words, e.g. segmentation" value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button">
          Find people
        </button>
      </form>
      {query && ranking && (
        <>
          <p className="small muted" data-testid="people-summary">
            {queryLabel(graph, query)}: {ranking.people.length} people over {ranking.papers} papers
            {"text" in query ? ` (${ranking.topics.length} matching topics)` : ""}. Score: each paper's topic weight shared equally among its authors.
          </p>
          <ol className="people-list" aria-label="People ranked by fractional count" data-testid="people-list">
            {ranking.people.slice(0, PEOPLE_SHOWN).map((p) => (
              <li key={p.key} data-key={p.key}>
                <NodeLink nodeKey={p.key} kind="author" onOpen={props.onOpen}>
                  {p.name}
                </NodeLink>{" "}
                <span className="small muted">
                  {p.score.toFixed(2)} · {p.papers} paper{p.papers === 1 ? "" : "s"}
                  {p.firstYear !== null ? ` · ${p.firstYear === p.lastYear ? p.firstYear : `${p.firstYear}–${p.lastYear}`}` : ""}
                  {p.communityLabel ? ` · ${p.communityLabel}` : ""}
                </span>
              </li>
            ))}
          </ol>
          <p>
            <button type="button" className="button" disabled={ranking.people.length === 0} onClick={() => {
              const f = topicPeopleCsv(ranking);
              downloadBlob(new Blob([f.content as string], { type: f.mime }), f.name);
            }}>
              Export ranking (CSV)
            </button>{" "}
            <button type="button" className="link" onClick={() => props.onQuery(null)}>
              Clear
            </button>
          </p>
        </>
      )}
    </section>
  );
}

/**
 * Details of the selected node. Every name, paper and topic in it is a button that selects that node (pushing a
 * history entry, so browser back returns here). Text from the inputs is rendered as text, never as HTML. The node's
 * heavy attributes (abstract, sources, spellings, bibliographic fields) are fetched when the panel opens (one chunk of
 * the compact files); until they arrive the panel names the node and says it is loading.
 */
import { useEffect, useState, type ReactNode } from "react";
import { ChunkLoadError } from "../../model/compact-graph";
import type { ClusterInfo } from "../../model/graph-file";
import { LENS_KINDS, type Lens } from "../../model/view-filter";
import type { AuthorNodeAttributes, PaperGraph, PaperNodeAttributes, TopicNodeAttributes } from "../data/types";
import {
  bylineOf,
  coauthorsOf,
  displayName,
  leadingAuthorsOfTopic,
  papersOf,
  papersOfTopic,
  relatedTopics,
  topicsOfAuthor,
  topicsOfPaper,
  type CountedRef,
  type PaperRef,
} from "../state/selectors";
import { authorIds, doiUrl, listOf, venueLine } from "../state/bibliographic";
import { ExpandableList, NodeLink } from "./NodeLinks";

export interface DetailsProps {
  graph: PaperGraph;
  selected: string;
  lens: Lens;
  drawn: boolean;
  onOpen: (key: string) => void;
  onLens: (lens: Lens) => void;
  onFocusCluster: (mode: "community" | "topicCluster", id: number) => void;
}

const LENS_NAME: Record<Lens, string> = { coauthor: "co-author network", topics: "topic map", full: "full knowledge graph" };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function ClusterLine(props: {
  graph: PaperGraph;
  mode: "community" | "topicCluster";
  id: number;
  onFocusCluster: DetailsProps["onFocusCluster"];
  /** The node: its stability in this partition across the resolution ladder is stated when the build measured it. */
  nodeKey?: string;
}) {
  const { graph, mode, id } = props;
  if (id < 0) return null;
  const i = props.nodeKey === undefined ? -1 : graph.nodeIndex(props.nodeKey);
  const stability = i >= 0 ? graph.stability(mode)[i]! : NaN;
  const table = graph.getAttribute(mode === "community" ? "communities" : "topicClusters") as Record<string, ClusterInfo> | undefined;
  const info = table?.[String(id)];
  const name = mode === "community" ? "Co-author community" : "Research cluster";
  return (
    <div className="kv">
      <span className="k">{name}</span>
      <button type="button" className="link cluster-link" onClick={() => props.onFocusCluster(mode, id)}>
        <span className="swatch" style={{ background: info?.color ?? "#999" }} aria-hidden="true" />
        {info?.label ?? `#${id}`}
      </button>
      {Number.isFinite(stability) && (
        <span className="small muted" data-testid={`stability-${mode}`} title="How often this node stays with the same neighbours across the resolution levels and seeds (1: always)">
          {" "}
          stability {stability.toFixed(2)}
        </span>
      )}
    </div>
  );
}

const plural = (n: number, one: string, many = one + "s") => `${n} ${n === 1 ? one : many}`;

function Row({ k, children }: { k: string; children: ReactNode }) {
  return (
    <div className="kv">
      <span className="k">{k}</span>
      <span>{children}</span>
    </div>
  );
}

/**
 * An identifier shown as text that opens its resolver in a new tab when clicked. Nothing is fetched before the click
 * (a plain link), and the new tab gets neither an opener nor a referrer. Without a resolver address: text only.
 */
function IdLink({ id, href, label }: { id: string; href: string | null; label: string }) {
  if (!href) return <span className="mono">{id}</span>;
  return (
    <a className="mono ext-link" href={href} target="_blank" rel="noopener noreferrer" referrerPolicy="no-referrer" title={`Open ${label} ${id} in a new tab`}>
      {id}
    </a>
  );
}

function Chips({ items, label }: { items: string[]; label: string }) {
  return (
    <ul className="chips ref-list" aria-label={label}>
      {items.map((t, i) => (
        <li key={`${i}:${t}`} className="chip">
          {t}
        </li>
      ))}
    </ul>
  );
}

function PaperList({ papers, onOpen, label }: { papers: PaperRef[]; onOpen: (k: string) => void; label: string }) {
  return (
    <ExpandableList
      items={papers}
      label={label}
      itemKey={(p) => p.key}
      empty="No papers."
      render={(p) => (
        <>
          <span className="year">{p.year ?? "n.d."}</span>
          <NodeLink nodeKey={p.key} kind="paper" onOpen={onOpen}>
            {p.label}
          </NodeLink>
        </>
      )}
    />
  );
}

function CountedList(props: { items: CountedRef[]; onOpen: (k: string) => void; label: string; unit: string; kind: "author" | "topic"; empty: string }) {
  return (
    <ExpandableList
      items={props.items}
      label={props.label}
      itemKey={(c) => c.key}
      empty={props.empty}
      render={(c) => (
        <>
          <NodeLink nodeKey={c.key} kind={props.kind} onOpen={props.onOpen}>
            {c.label}
          </NodeLink>
          <span className="count" title={`${c.count} ${props.unit}`}>
            {Number.isInteger(c.count) ? c.count : c.count.toFixed(2)}
          </span>
        </>
      )}
    />
  );
}

function AuthorDetails({ graph, k, a, p }: { graph: PaperGraph; k: string; a: AuthorNodeAttributes; p: DetailsProps }) {
  const others = (a.aliases ?? []).filter((s) => s !== a.name);
  const ids = authorIds(a);
  const prof = a.profile;
  const figures: [string, string | number | null][] = prof
    ? [
        ["h-index", prof.hIndex],
        ["Papers (profile)", prof.papers],
        ["Citations", prof.citations === null ? null : prof.citations.toLocaleString("en")],
        ["Novelty", prof.novelty === null ? null : `${prof.novelty}%`],
        ["AI score", prof.aiScore],
        ["Category", prof.category],
      ]
    : [];
  return (
    <>
      <p className="subtitle">
        Author · {plural(a.paperCount, "paper")} in this graph
      </p>
      {others.length > 0 && (
        <div className="kv">
          <span className="k">Also written</span>
          <span>{others.join(" · ")}</span>
        </div>
      )}
      {ids.orcid && (
        <Row k="ORCID">
          <IdLink id={ids.orcid} href={ids.orcidUrl} label="ORCID" />
        </Row>
      )}
      {ids.externalIds.length > 0 && (
        <Row k="Author ids">
          <span className="ids mono">
            {ids.externalIds.map((x) => (
              <span key={x}>{x}</span>
            ))}
          </span>
        </Row>
      )}
      {ids.affiliations.length > 0 && (
        <Section title="Affiliations">
          <ul className="ref-list affiliations" aria-label="Affiliations, most frequent first">
            {ids.affiliations.map((x, i) => (
              <li key={`${i}:${x}`}>{x}</li>
            ))}
          </ul>
        </Section>
      )}
      <ClusterLine graph={graph} mode="community" id={a.community} onFocusCluster={p.onFocusCluster} nodeKey={k} />
      <ClusterLine graph={graph} mode="topicCluster" id={a.topicCluster} onFocusCluster={p.onFocusCluster} nodeKey={k} />
      {prof && (
        <Section title="Profile">
          <dl className="figures">
            {figures
              .filter(([, v]) => v !== null && v !== undefined)
              .map(([label, v]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <p className="muted small">
            From {prof.source.file}:{prof.source.line}
          </p>
        </Section>
      )}
      <Section title="Co-authors">
        <CountedList items={coauthorsOf(graph, k)} onOpen={p.onOpen} label="Co-authors by shared papers" unit="shared papers" kind="author" empty="No co-authors in this graph." />
      </Section>
      <Section title="Papers">
        <PaperList papers={papersOf(graph, k)} onOpen={p.onOpen} label="Papers, newest first" />
      </Section>
      <Section title="Topics">
        <CountedList items={topicsOfAuthor(graph, k)} onOpen={p.onOpen} label="Topics of their papers" unit="papers" kind="topic" empty="No topics." />
      </Section>
    </>
  );
}

function PaperDetails({ graph, k, a, p }: { graph: PaperGraph; k: string; a: PaperNodeAttributes; p: DetailsProps }) {
  // The profile pages' people the build appended go after the byline as read ("et al." included), not inside it.
  const owners = new Set(listOf(a.profileOwners));
  const all = bylineOf(graph, k);
  const byline = all.filter((au) => !owners.has(au.key));
  const appended = all.filter((au) => owners.has(au.key));
  const names = (graph.getAttribute("categoryNames") ?? {}) as Record<string, string>;
  const groups = listOf(a.groupAuthors);
  const venue = venueLine(a);
  const doi = typeof a.doi === "string" && a.doi ? a.doi : null;
  const keywords = listOf(a.keywords);
  const indexKeywords = listOf(a.indexKeywords);
  const mesh = listOf(a.meshTerms);
  const otherIds = listOf(a.externalIds);
  return (
    <>
      <p className="byline" aria-label="Authors">
        {byline.length === 0 && <span className="muted">{groups.length ? "No individual authors listed in the source" : "No authors listed in the source"}</span>}
        {byline.map((au, i) => (
          <span key={au.key}>
            {i > 0 && ", "}
            <NodeLink nodeKey={au.key} kind="author" onOpen={p.onOpen}>
              {au.label}
            </NodeLink>
          </span>
        ))}
        {!a.authorsComplete && byline.length > 0 && <span className="etal"> et al.</span>}
        {appended.length > 0 && (
          <span className="profile-owner" title="Listed on this person's profile page, though the byline read does not name them">
            {" "}
            + profile {appended.length === 1 ? "owner" : "owners"}{" "}
            {appended.map((au, i) => (
              <span key={au.key}>
                {i > 0 && ", "}
                <NodeLink nodeKey={au.key} kind="author" onOpen={p.onOpen}>
                  {au.label}
                </NodeLink>
              </span>
            ))}
          </span>
        )}
      </p>
      {groups.length > 0 && (
        <Row k="Group authors">
          <span className="group-authors">{groups.join(" · ")}</span>
        </Row>
      )}
      <div className="kv">
        <span className="k">Date</span>
        <span>{a.date ?? "undated"}</span>
      </div>
      {venue && <Row k="Published in">{venue}</Row>}
      {a.publicationType && <Row k="Type">{a.publicationType}</Row>}
      {doi && (
        <Row k="DOI">
          <IdLink id={doi} href={doiUrl(doi)} label="DOI" />
        </Row>
      )}
      {a.pmid && (
        <Row k="PMID">
          <span className="mono">{a.pmid}</span>
        </Row>
      )}
      {otherIds.length > 0 && (
        <Row k="Other ids">
          <span className="ids mono">
            {otherIds.map((x) => (
              <span key={x}>{x}</span>
            ))}
          </span>
        </Row>
      )}
      {typeof a.citationCount === "number" && Number.isFinite(a.citationCount) && (
        <Row k="Citations">
          <span title="The largest citation count a source stated (when it was exported)">{a.citationCount.toLocaleString("en")}</span>
        </Row>
      )}
      {typeof a.referenceCount === "number" && a.referenceCount > 0 && <Row k="References">{`${a.referenceCount.toLocaleString("en")} listed by the source`}</Row>}
      {a.categories.length > 0 && (
        <div className="kv">
          <span className="k">Categories</span>
          <span className="chips">
            {a.categories.map((c) => (
              <span key={c} className="chip" title={names[c] ?? c}>
                {c}
                {names[c] ? ` · ${names[c]}` : ""}
              </span>
            ))}
          </span>
        </div>
      )}
      <div className="kv">
        <span className="k">Code</span>
        <span>{a.hasCode ? "Code available" : "No code link"}</span>
      </div>
      {a.arxivId && (
        <div className="kv">
          <span className="k">arXiv</span>
          <span className="mono">{a.arxivId}</span>
        </div>
      )}
      {a.comment && (
        <div className="kv">
          <span className="k">Comment</span>
          <span>{a.comment}</span>
        </div>
      )}
      {a.affiliation && (
        <div className="kv">
          <span className="k">Affiliation</span>
          <span>{a.affiliation}</span>
        </div>
      )}
      <ClusterLine graph={graph} mode="topicCluster" id={a.topicCluster} onFocusCluster={p.onFocusCluster} nodeKey={k} />
      {a.abstract && (
        <Section title="Abstract">
          <p className="abstract">{a.abstract}</p>
        </Section>
      )}
      {keywords.length > 0 && (
        <Section title="Keywords">
          <Chips items={keywords} label="Author keywords" />
        </Section>
      )}
      {indexKeywords.length > 0 && (
        <Section title="Index keywords">
          <Chips items={indexKeywords} label="Indexer keywords" />
        </Section>
      )}
      {mesh.length > 0 && (
        <Section title="MeSH terms">
          <Chips items={mesh} label="MeSH headings" />
        </Section>
      )}
      <Section title="Topics">
        <ExpandableList
          items={topicsOfPaper(graph, k)}
          label="Topics of this paper"
          itemKey={(t) => t.key}
          empty="No topics."
          render={(t) => (
            <NodeLink nodeKey={t.key} kind="topic" onOpen={p.onOpen}>
              {t.label}
            </NodeLink>
          )}
        />
      </Section>
      <Section title="Sources">
        <ul className="ref-list sources" aria-label="Where this paper was read">
          {a.sources.map((s) => (
            <li key={`${s.file}:${s.line}`} className="mono">
              {s.file}:{s.line}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

function TopicDetails({ graph, k, a, p }: { graph: PaperGraph; k: string; a: TopicNodeAttributes; p: DetailsProps }) {
  const variants = (a.variants ?? []).filter((v) => v !== a.term);
  return (
    <>
      <p className="subtitle">Topic · {plural(a.paperCount, "paper")}</p>
      {variants.length > 0 && (
        <div className="kv">
          <span className="k">Also read as</span>
          <span>{variants.join(" · ")}</span>
        </div>
      )}
      <ClusterLine graph={graph} mode="topicCluster" id={a.topicCluster} onFocusCluster={p.onFocusCluster} nodeKey={k} />
      <Section title="Leading authors">
        <CountedList items={leadingAuthorsOfTopic(graph, k)} onOpen={p.onOpen} label="Authors with the most papers on this topic" unit="papers" kind="author" empty="No authors." />
      </Section>
      <Section title="Related topics">
        <CountedList items={relatedTopics(graph, k)} onOpen={p.onOpen} label="Related topics" unit="co-occurrence" kind="topic" empty="No related topics." />
      </Section>
      <Section title="Papers">
        <PaperList papers={papersOfTopic(graph, k)} onOpen={p.onOpen} label="Papers on this topic, newest first" />
      </Section>
    </>
  );
}

/**
 * Whether the node's heavy attributes are in; starts loading them (a chunk already in memory loads at once). Per graph
 * too: a corrected graph swapped in under the same selection has its own chunks.
 */
export function useNodeDetails(graph: PaperGraph, key: string): { ready: boolean; errors: string[] | null } {
  const [state, setState] = useState(() => {
    void graph.loadDetails([key]).catch(() => undefined);
    return { graph, key, ready: graph.detailsLoaded(key), errors: null as string[] | null };
  });
  useEffect(() => {
    if (graph.detailsLoaded(key)) {
      setState((s) => (s.graph === graph && s.key === key && s.ready ? s : { graph, key, ready: true, errors: null }));
      return;
    }
    let live = true;
    graph.loadDetails([key]).then(
      () => live && setState({ graph, key, ready: true, errors: null }),
      (e: unknown) => live && setState({ graph, key, ready: false, errors: e instanceof ChunkLoadError ? e.problems : [String(e)] }),
    );
    return () => {
      live = false;
    };
  }, [graph, key]);
  return state.graph === graph && state.key === key ? state : { ready: graph.detailsLoaded(key), errors: null };
}

export function DetailsPanel(p: DetailsProps) {
  const { graph, selected: k } = p;
  const details = useNodeDetails(graph, k);
  const a = graph.getNodeAttributes(k);
  const lensFor: Lens = a.kind === "author" ? "coauthor" : a.kind === "topic" ? "topics" : "full";
  const inLens = LENS_KINDS[p.lens].nodes.includes(a.kind);
  return (
    <article className="details" aria-labelledby="details-title" data-testid="details-panel" data-kind={a.kind}>
      <p className={`kind-badge kind-${a.kind}`}>{a.kind}</p>
      <h2 id="details-title" className="clamp" title={displayName(a)}>
        {displayName(a)}
      </h2>
      {!p.drawn && (
        <p className="notice" role="status">
          {inLens
            ? "Hidden by the current filters; shown here, not on the graph."
            : `Not drawn in the ${LENS_NAME[p.lens]}; related nodes are lit up instead. `}
          {!inLens && (
            <button type="button" className="link" onClick={() => p.onLens(lensFor)}>
              Show the {LENS_NAME[lensFor]}
            </button>
          )}
        </p>
      )}
      {!details.ready &&
        (details.errors ? (
          <div className="notice error" role="alert">
            <p>The details of this node could not be loaded:</p>
            <ul className="ref-list">
              {details.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="muted" role="status" data-testid="details-loading">
            Loading details…
          </p>
        ))}
      {details.ready && a.kind === "author" && <AuthorDetails graph={graph} k={k} a={a} p={p} />}
      {details.ready && a.kind === "paper" && <PaperDetails graph={graph} k={k} a={a} p={p} />}
      {details.ready && a.kind === "topic" && <TopicDetails graph={graph} k={k} a={a} p={p} />}
    </article>
  );
}

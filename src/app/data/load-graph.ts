/**
 * Graph file -> read-only graphology Graph, with errors a person can act on (what is wrong, which command rebuilds
 * the file). Never throws: every failure becomes a LoadResult with ok=false.
 */
import Graph from "graphology";
import { validateGraphFile } from "../../model/validate";
import type { PaperGraph } from "./types";

export const GRAPH_URL = "./data/graph.json";
export const BUILD_COMMAND = "npm run graph";

export type LoadResult =
  | { ok: true; graph: PaperGraph; warnings: string[]; source: string }
  | { ok: false; title: string; errors: string[]; source: string };

/** Validate parsed JSON and build the graph. `source` names the file in messages. */
export function graphFromJson(json: unknown, source: string): LoadResult {
  const v = validateGraphFile(json);
  if (!v.ok) return { ok: false, title: `${source} is not a valid papergraph graph file`, errors: v.errors, source };
  try {
    const graph = Graph.from(v.file as never) as PaperGraph;
    return { ok: true, graph, warnings: v.warnings, source };
  } catch (e) {
    return { ok: false, title: `${source} could not be loaded as a graph`, errors: [e instanceof Error ? e.message : String(e)], source };
  }
}

/** Parse text as JSON, reporting the position of a syntax error instead of throwing. */
export function graphFromText(text: string, source: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      title: `${source} is not JSON`,
      errors: [`${e instanceof Error ? e.message : String(e)}. Open a graph.json written by \`${BUILD_COMMAND}\` or exported as graphology JSON.`],
      source,
    };
  }
  return graphFromJson(json, source);
}

/** Fetch the built graph file (same origin, relative to the page: works from any base path and offline). */
export async function fetchGraph(url: string = GRAPH_URL, fetchImpl: typeof fetch = fetch): Promise<LoadResult> {
  const source = url.replace(/^\.\//, "");
  let res: Response;
  try {
    res = await fetchImpl(url, { cache: "no-cache" });
  } catch (e) {
    return { ok: false, title: `Could not read ${source}`, errors: [e instanceof Error ? e.message : String(e)], source };
  }
  const text = res.ok ? await res.text() : "";
  // Dev servers answer a missing file with the app's index.html (status 200): that is "missing" too.
  if (res.status === 404 || (res.ok && /^\s*</.test(text))) {
    return {
      ok: false,
      title: `No graph file at ${source}`,
      errors: [`The explorer reads public/${source}, which has not been built yet (or the server does not serve it).`],
      source,
    };
  }
  if (!res.ok) return { ok: false, title: `Could not read ${source}`, errors: [`The server answered ${res.status} ${res.statusText}.`], source };
  return graphFromText(text, source);
}

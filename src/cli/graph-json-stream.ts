/**
 * graph.json as a stream of string chunks: the same bytes as `JSON.stringify(graph.export()) + "\n"`, without ever
 * building that string. V8 caps a string at about 512 MiB (2^29 characters), and a 100,000-paper graph's JSON is larger:
 * one JSON.stringify died with "RangeError: Invalid string length". Nodes and edges are serialised one at a time, the
 * way graphology's export() does (serializeNode / serializeEdge), and handed out in chunks of about `chunkChars`.
 */
/** What the stream reads: graphology's Graph satisfies it, and so does the graph stage's GraphView. */
export interface GraphJsonSource {
  readonly type: string;
  readonly multi: boolean;
  readonly allowSelfLoops: boolean;
  getAttributes(): object;
  nodeEntries(): Iterable<{ node: string; attributes: object }>;
  edgeEntries(): Iterable<{ edge: string; attributes: object; source: string; target: string; undirected: boolean }>;
}

export const DEFAULT_CHUNK_CHARS = 1 << 20;

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

/** One node as graphology's export() writes it: `{"key":..,"attributes":{..}}`, attributes left out when empty. */
function nodeJson(key: string, attributes: object): string {
  return isEmpty(attributes) ? `{"key":${JSON.stringify(key)}}` : `{"key":${JSON.stringify(key)},"attributes":${JSON.stringify(attributes)}}`;
}

/** One edge as graphology's export() writes it: key, source, target, attributes (when any), undirected (mixed graphs). */
function edgeJson(key: string, source: string, target: string, attributes: object, undirected: boolean, mixed: boolean): string {
  let s = `{"key":${JSON.stringify(key)},"source":${JSON.stringify(source)},"target":${JSON.stringify(target)}`;
  if (!isEmpty(attributes)) s += `,"attributes":${JSON.stringify(attributes)}`;
  if (mixed && undirected) s += `,"undirected":true`;
  return s + "}";
}

/** The chunks of graph.json (with its final newline); each chunk is at most about `chunkChars` plus one element. */
export function* graphJsonChunks(graph: GraphJsonSource, chunkChars = DEFAULT_CHUNK_CHARS): Generator<string> {
  let buffer = "";
  const options = { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops };
  buffer += `{"options":${JSON.stringify(options)},"attributes":${JSON.stringify(graph.getAttributes())},"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    buffer += (first ? "" : ",") + nodeJson(node, attributes);
    first = false;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  buffer += `],"edges":[`;
  first = true;
  const mixed = graph.type === "mixed";
  for (const { edge, attributes, source, target, undirected } of graph.edgeEntries()) {
    buffer += (first ? "" : ",") + edgeJson(edge, source, target, attributes, undirected, mixed);
    first = false;
    if (buffer.length >= chunkChars) {
      yield buffer;
      buffer = "";
    }
  }
  buffer += "]}\n";
  yield buffer;
}

/** Bytes the chunks will take on disk (UTF-8), for the "wrote ... KiB" line, counted as they pass. */
export function countingChunks(chunks: Iterable<string>, counter: { bytes: number }): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (const c of chunks) {
        counter.bytes += Buffer.byteLength(c, "utf8");
        yield c;
      }
    },
  };
}

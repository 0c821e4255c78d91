/**
 * The compact files' reader on damaged input (src/model/explorer-read.ts, compact-graph.ts): each damage below is
 * what really happens to such files (a dev server answering index.html for a missing file, a download cut short, a
 * chunk left over from another build, a bit flip, a hand-edited header) and must become a readable problem naming the
 * file and the fix, never an exception or a half-read graph. Files are written from the exporters' fixture graph.
 */
import { describe, expect, it } from "vitest";
import { writeExplorerFiles } from "../../src/exporters/explorer-files";
import { CompactGraph, ChunkLoadError } from "../../src/model/compact-graph";
import { fnv1a, type ExplorerFile, type ExplorerHeader } from "../../src/model/explorer-format";
import { decodeChunk, decodeCore } from "../../src/model/explorer-read";
import { buildSpecialGraph } from "../fixtures/exporters/special-graph";

const files = () => writeExplorerFiles(buildSpecialGraph());
const enc = new TextEncoder();

function headerOf(core: Uint8Array): { header: ExplorerHeader; bodyStart: number } {
  const len = new DataView(core.buffer, core.byteOffset).getUint32(8, true);
  return { header: JSON.parse(new TextDecoder().decode(core.subarray(12, 12 + len))) as ExplorerHeader, bodyStart: (12 + len + 7) & ~7 };
}

/** core.bin with its header changed by `edit` and the same body (what a hand edit or another writer would produce). */
function withHeader(core: Uint8Array, edit: (h: ExplorerHeader) => void): Uint8Array {
  const { header, bodyStart } = headerOf(core);
  edit(header);
  const json = enc.encode(JSON.stringify(header));
  const start = (12 + json.length + 7) & ~7;
  const out = new Uint8Array(start + core.length - bodyStart);
  out.set(core.subarray(0, 12));
  new DataView(out.buffer).setUint32(8, json.length, true);
  out.set(json, 12);
  out.set(core.subarray(bodyStart), start);
  return out;
}

function problems(core: Uint8Array): string[] {
  const r = decodeCore(core);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe("core.bin problems", () => {
  it("reads the writer's output", () => {
    expect(decodeCore(files()[0]!.bytes).ok).toBe(true);
  });

  it("a page of HTML (a dev server's answer for a missing file) is not a core file", () => {
    const errors = problems(enc.encode("<!doctype html><html><body>papergraph</body></html>"));
    expect(errors).toEqual([expect.stringMatching(/^core\.bin: not an explorer core file \(it does not start with "PGEX"\); rebuild .*npm run graph/)]);
  });

  it("an empty file and a file cut inside the header", () => {
    expect(problems(new Uint8Array(0))[0]).toMatch(/not an explorer core file/);
    expect(problems(files()[0]!.bytes.subarray(0, 40))[0]).toMatch(/header \(\d+ bytes\) runs past the end of the file \(40 bytes\): the file is truncated/);
  });

  it("a file cut in the body names the column that runs past the end", () => {
    const core = files()[0]!.bytes;
    const errors = problems(core.subarray(0, core.length - 200));
    expect(errors.some((e) => /column "[a-zA-Z]+".* runs past the end of the file .*truncated or damaged/.test(e))).toBe(true);
  });

  it("a newer format version asks for a rebuild instead of misreading", () => {
    const core = files()[0]!.bytes.slice();
    new DataView(core.buffer).setUint32(4, 3, true);
    expect(problems(core)).toEqual([expect.stringMatching(/format version 3; this explorer reads version 2/)]);
  });

  it("a header that is not JSON", () => {
    const core = files()[0]!.bytes.slice();
    core[12] = 0x7b + 1; // "{" -> "|"
    expect(problems(core)[0]).toMatch(/the header is not valid JSON/);
  });

  it("an edge that names a node past the end (a flipped bit in the body)", () => {
    const core = files()[0]!.bytes.slice();
    const { header, bodyStart } = headerOf(core);
    const source = header.edgeColumns.find((c) => c.name === "source")!;
    if (source.type !== "number") throw new Error("source is a number column");
    expect(source.data.type).toBe("u8");
    core[bodyStart + source.data.offset] = 200;
    expect(problems(core).some((e) => /edge 0 joins node 200 and node \d+, but there are \d+ nodes; the file is damaged/.test(e))).toBe(true);
  });

  it("labels that are not UTF-8, a colour index past its dictionary, a list naming no node", () => {
    const base = files()[0]!.bytes;
    const { header, bodyStart } = headerOf(base);
    const col = (name: string) => header.nodeColumns.find((c) => c.name === name)!;

    const label = col("label");
    if (label.type !== "string") throw new Error("label is a string column");
    const badText = base.slice();
    badText[bodyStart + label.bytes.offset] = 0xff;
    expect(problems(badText).some((e) => /node column "label" is not valid UTF-8 text/.test(e))).toBe(true);

    const color = col("color");
    if (color.type !== "dict") throw new Error("color is a dict column");
    const badDict = base.slice();
    badDict[bodyStart + color.data.offset] = 250;
    expect(problems(badDict).some((e) => /node column "color": row 0 names value 250 of \d+/.test(e))).toBe(true);

    const authors = col("authors");
    if (authors.type !== "nodeList") throw new Error("authors is a list column");
    const badList = base.slice();
    new DataView(badList.buffer).setUint16(bodyStart + authors.values.offset, 60000, true);
    expect(problems(badList).some((e) => /node column "authors": names node 60000, but there are \d+ nodes/.test(e))).toBe(true);
  });

  it("a header whose required column is missing, or whose chunk names a path outside the folder", () => {
    const core = files()[0]!.bytes;
    expect(problems(withHeader(core, (h) => (h.nodeColumns = h.nodeColumns.filter((c) => c.name !== "x"))))).toContain(
      'core.bin: the node column "x" is missing; rebuild the explorer files with `npm run graph`',
    );
    const traversal = problems(withHeader(core, (h) => (h.groups[0]!.chunks[0]!.file = "../../graph.json")));
    expect(traversal.some((e) => /group "search": a chunk entry is malformed .*\.\.\/\.\.\/graph\.json/.test(e))).toBe(true);
  });

  it("reports a non-finite position and a duplicate key the graph-file validator would reject", () => {
    const g = buildSpecialGraph();
    const [a, b] = g.nodes();
    g.setNodeAttribute(a!, "x", Number.NaN);
    const errors = problems(writeExplorerFiles(g)[0]!.bytes);
    expect(errors).toContain(`core.bin: node 0 "${a}": x must be a finite number`);
    // A reader that yields one key twice (graphology refuses that; a foreign writer might not).
    const twice = buildSpecialGraph();
    const dup = writeExplorerFiles({
      type: twice.type,
      multi: twice.multi,
      allowSelfLoops: twice.allowSelfLoops,
      getAttributes: () => twice.getAttributes(),
      forEachNode: (cb) => twice.forEachNode((k, attrs) => cb(k === b ? a! : k, attrs)),
      forEachEdge: () => {},
    })[0]!.bytes;
    expect(problems(dup)).toContain(`core.bin: node 1 "${a}": duplicate node key`);
  });
});

describe("chunk problems", () => {
  const setup = () => {
    const fs = files();
    const core = decodeCore(fs[0]!.bytes);
    if (!core.ok) throw new Error(core.errors.join("\n"));
    const group = core.value.header.groups.find((g) => g.name === "details")!;
    const spec = group.chunks[0]!;
    return { fs, group, spec, bytes: fs.find((f) => f.name === spec.file)!.bytes };
  };

  it("reads a chunk that matches its entry", () => {
    const { group, spec, bytes } = setup();
    expect(decodeChunk(bytes, spec, group).ok).toBe(true);
  });

  it("a chunk of another build (same name, other bytes) is refused by its fingerprint", () => {
    const { group, spec } = setup();
    const other = writeExplorerFiles((() => {
      const g = buildSpecialGraph();
      g.setNodeAttribute(g.nodes()[0]!, "profile", null);
      g.forEachNode((n, a) => a.kind === "paper" && g.setNodeAttribute(n, "abstract", "changed"));
      return g;
    })()).find((f) => f.name === spec.file)!;
    const r = decodeChunk(other.bytes, spec, group);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(new RegExp(`^${spec.file}: \\d+ bytes with fingerprint [0-9a-f]{8}, but core.bin expects ${spec.bytes} bytes with ${spec.fnv1a}: it is damaged or from another build`));
  });

  it("a truncated chunk, and a chunk whose fingerprint matches but whose JSON or rows do not", () => {
    const { group, spec, bytes } = setup();
    expect(decodeChunk(bytes.subarray(0, bytes.length - 10), spec, group).ok).toBe(false);
    const broken = enc.encode('{"format":"papergraph-explorer-chunk","version":2,"group":"details","first":0');
    const r1 = decodeChunk(broken, { ...spec, bytes: broken.length, fnv1a: fnv1a(broken) }, group);
    expect(!r1.ok && r1.errors[0]).toMatch(/not valid JSON/);
    const shifted = enc.encode(JSON.stringify({ format: "papergraph-explorer-chunk", version: 2, group: "details", first: 5, count: spec.count, records: [] }));
    const r2 = decodeChunk(shifted, { ...spec, bytes: shifted.length, fnv1a: fnv1a(shifted) }, group);
    expect(!r2.ok && r2.errors[0]).toMatch(/holds details rows 5\+\d+, but core.bin lists it for details rows 0\+\d+/);
  });

  it("a record that breaks the graph-file contract is refused when loaded, naming the node and the field", async () => {
    const { fs, spec, bytes } = setup();
    const chunk = JSON.parse(new TextDecoder().decode(bytes)) as { records: (Record<string, unknown> | null)[] };
    const at = chunk.records.findIndex((r) => r !== null && "sources" in r);
    chunk.records[at] = { ...chunk.records[at], sources: "seeds/000.txt:1" };
    const edited = enc.encode(JSON.stringify(chunk));
    const core = withHeader(fs[0]!.bytes, (h) => {
      const c = h.groups.find((g) => g.name === "details")!.chunks[0]!;
      c.bytes = edited.length;
      c.fnv1a = fnv1a(edited);
    });
    const served = new Map<string, Uint8Array>(fs.map((f: ExplorerFile) => [f.name, f.bytes]));
    served.set(spec.file, edited);
    const r = CompactGraph.fromBytes(core, async (name) => served.get(name)!);
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const key = r.value.keys[spec.first + at]!;
    const error = await r.value.loadDetails([key]).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as ChunkLoadError).problems).toEqual([`${spec.file} node "${key}": attributes.sources must be an array of { file, line }, got "seeds/000.txt:1"`]);
    expect(r.value.detailsLoaded(key)).toBe(false);
  });
});

describe("per-row values of the ladder and link-year columns", () => {
  // The reader checks 10^5-10^6 rows of these with a quick test of each rule and words a problem with the graph-file
  // validator's own functions only where the quick test fails: the messages must be the validator's, row for row.
  it("a level list of the wrong length, a stability above 1, a malformed year list and a fractional first year", () => {
    const g = buildSpecialGraph();
    const level = { resolution: 1, modularity: 0.4, count: 2 };
    g.setAttribute("communityLadder", { default: 1, levels: [level, level, level], stabilitySeeds: 3 });
    const keys = g.nodes();
    g.forEachNode((k) => {
      g.setNodeAttribute(k, "communityLevels", [0, 0, 0]);
      g.setNodeAttribute(k, "communityStability", 0.5);
    });
    g.setNodeAttribute(keys[1]!, "communityLevels", [0, 1]);
    g.setNodeAttribute(keys[2]!, "communityStability", 1.5);
    const coauthor = g.filterEdges((_e, a) => a.kind === "coauthor");
    const edgeIndex = (key: string) => g.edges().indexOf(key);
    g.forEachEdge((e, a) => {
      if (a.kind === "coauthor") g.mergeEdgeAttributes(e, { firstYear: 2019, yearWeights: "2019:1" });
    });
    g.setEdgeAttribute(coauthor[0]!, "yearWeights", "2019-1");
    g.setEdgeAttribute(coauthor[1]!, "firstYear", 2019.5);
    const errors = problems(writeExplorerFiles(g)[0]!.bytes);
    expect(errors).toContain(`core.bin: node 1 "${keys[1]}": attributes.communityLevels must hold one group id per level of the ladder (3), got 2`);
    expect(errors).toContain(`core.bin: node 2 "${keys[2]}": attributes.communityStability must be a number from 0 to 1, got 1.5`);
    expect(errors).toContain(`core.bin: edge ${edgeIndex(coauthor[0]!)}: attributes.yearWeights must be joint papers per year such as "2019:1,2021:2", got "2019-1"`);
    expect(errors).toContain(`core.bin: edge ${edgeIndex(coauthor[1]!)}: attributes.firstYear must be a year or null, got 2019.5`);
    expect(errors).toHaveLength(4);
  });
});

describe("per-edge kind and weight", () => {
  it("an edge of an unknown kind and one without a finite weight are named, the others pass", () => {
    const g = buildSpecialGraph();
    const [first, second] = g.edges();
    g.setEdgeAttribute(first!, "kind", "cites" as never);
    g.setEdgeAttribute(second!, "weight", Number.POSITIVE_INFINITY);
    const errors = problems(writeExplorerFiles(g)[0]!.bytes);
    expect(errors).toEqual([
      `core.bin: edge 0: kind must be "authored", "coauthor", "coauthor-large", "about" or "related", got "cites"`,
      "core.bin: edge 1: weight must be a finite number",
    ]);
  });
});

/**
 * Words that are keys of Object.prototype ("constructor", "toString") are data like any other: found by review, a
 * given name "Constructor" crashed identity resolution and `\constructor` in an abstract became native code text.
 * The listing below is a made-up profile page in the seed format (000_).
 */
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/pipeline/formats";
import { formalNames } from "../../src/pipeline/identity/name-match";
import { resolveOptions } from "../../src/pipeline/options";
import { runPipeline } from "../../src/pipeline/run";

const PAGE = `Constructor Proto

IV
h-index3
2papers
10citations
Novelty10%
AI Score5

2 Papers

CVAug 11, 2023
Object prototypes considered harmful

Constructor Proto, ValueOf Tostring, Hasownproperty Smith et al.

We study \\constructor and \\toString and \\valueOf macros with 5\\% error.

CVAug 12, 2023
A second paper

Constructor Proto, Isprototypeof Lee

An abstract.
`;

describe("Object.prototype keys in inputs", () => {
  it("keeps LaTeX-looking prototype names verbatim", () => {
    const doc = readDocument({ file: "proto.txt", text: PAGE });
    expect(doc.records).toHaveLength(2);
    expect(doc.records[0]!.abstract).toBe("We study \\constructor and \\toString and \\valueOf macros with 5% error.");
  });

  it("treats a given name 'constructor' as a name", () => {
    expect(formalNames("constructor")).toEqual(["constructor"]);
    expect(formalNames("tostring")).toEqual(["tostring"]);
  });

  it("builds the graph", () => {
    const r = runPipeline({ documents: [{ file: "proto.txt", text: PAGE }] }, resolveOptions({}));
    const names = r.graph.filterNodes((_, a) => a.kind === "author").map((k) => r.graph.getNodeAttribute(k, "name"));
    expect(names).toEqual(expect.arrayContaining(["Constructor Proto", "ValueOf Tostring", "Hasownproperty Smith", "Isprototypeof Lee"]));
  });
});

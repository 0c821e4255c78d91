/**
 * CPU to read an explorer core file as the app does (`npx tsx scripts/bench-core-decode.ts <explorer/core.bin> [runs]`):
 * decodeCore alone (structure and every value checked) and CompactGraph.fromBytes (the same, plus the graph's arrays).
 * Prints figures, asserts nothing; CPU, not wall time, because the build machine is shared.
 */
import { readFileSync } from "node:fs";
import { CompactGraph } from "../src/model/compact-graph";
import { decodeCore } from "../src/model/explorer-read";

const file = process.argv[2];
if (!file) throw new Error("usage: npx tsx scripts/bench-core-decode.ts <explorer/core.bin> [runs]");
const runs = Number(process.argv[3] ?? 4);
const bytes = new Uint8Array(readFileSync(file));
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let r = 0; r < runs; r++) {
  const t0 = cpuMs();
  const decoded = decodeCore(bytes);
  const t1 = cpuMs();
  const graph = CompactGraph.fromBytes(bytes, () => {
    throw new Error("no chunks here");
  });
  const t2 = cpuMs();
  if (!decoded.ok || !graph.ok) throw new Error("the core file does not decode");
  console.log(`run ${r + 1}: decodeCore ${(t1 - t0).toFixed(0)} ms CPU, CompactGraph.fromBytes ${(t2 - t1).toFixed(0)} ms CPU (${graph.value.order} nodes, ${graph.value.size} edges)`);
}

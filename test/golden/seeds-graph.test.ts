/**
 * Golden files of the seeds graph: the five listings in seeds/ with seeds/thesaurus.csv and the default options,
 * exactly what `npm run graph` builds, normalised into reviewable files (normalize.ts says how and why). Any change to
 * what the pipeline produces on the seeds fails here with a diff; `UPDATE_GOLDEN=1` accepts it (README, "Golden files").
 * The build is the unit project's shared one (test/fixtures/seeds-build.ts: the same input and options, read-only).
 */
import { describe, it } from "vitest";
import type { GraphFile } from "../../src/model/graph-file";
import { seedsBuild } from "../fixtures/seeds-build";
import { expectGolden } from "./golden";
import { goldenFilesOfGraph } from "./normalize";

describe("golden: the seeds graph", () => {
  const result = seedsBuild();
  const golden = goldenFilesOfGraph(JSON.parse(JSON.stringify(result.graph.export())) as GraphFile);

  for (const [name, content] of Object.entries(golden)) {
    it(`matches test/golden/seeds/${name}`, () => expectGolden(`seeds/${name}`, content));
  }
});

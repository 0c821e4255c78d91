/**
 * Golden files of every export format (PNG, drawn by the browser, is left to the e2e tests): the whole adversarial
 * fixture graph (test/fixtures/exporters/special-graph.ts: every node and edge kind, quotes, markup, CJK, Arabic, a
 * control character) with fixed provenance. It is small on purpose, so each golden reads in a minute; the seeds graph
 * is guarded by seeds-graph.test.ts. The bytes are compared exactly (CSV's BOM and CRLF included; .gitattributes keeps
 * git from touching line ends under test/golden/).
 */
import { describe, it } from "vitest";
import { EXPORT_FORMATS } from "../../src/exporters";
import { run } from "../exporters/helpers";
import { expectGolden } from "./golden";

describe("golden: exports of the fixture graph", () => {
  for (const format of EXPORT_FORMATS) {
    for (const file of run(format).files) {
      it(`matches test/golden/exports/${format}/${file.name}`, () => {
        const content = typeof file.content === "string" ? file.content : new TextDecoder().decode(file.content);
        expectGolden(`exports/${format}/${file.name}`, content);
      });
    }
  }
});

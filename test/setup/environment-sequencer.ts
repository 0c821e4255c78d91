/**
 * The order vitest runs test files in (vitest.config.ts, `sequence.sequencer`): vitest's own order (slowest or failed
 * first, from its cache) with the files of each test environment kept together, node first, jsdom after.
 *
 * Why: a worker thread is reused for the next file only when that file has the same environment; otherwise vitest
 * stops it and starts a new one, which loads every module again and loses the builds memoised per worker
 * (test/fixtures/seeds-build.ts). With the twelve jsdom files scattered by duration, a unit run started 18 threads;
 * kept together it starts four (two node, two jsdom).
 */
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const ENVIRONMENT_COMMENT = /@vitest-environment\s+([\w-]+)/;

/** The environment a file asks for in its docblock (as vitest reads it), or "" for the project's default. */
export function fileEnvironment(text: string): string {
  return ENVIRONMENT_COMMENT.exec(text.slice(0, 2000))?.[1] ?? "";
}

export class EnvironmentSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projectRank = new Map<string, number>();
    for (const spec of sorted) if (!projectRank.has(spec.project.name)) projectRank.set(spec.project.name, projectRank.size);
    const keyed = sorted.map((spec, i) => ({
      spec,
      i,
      project: projectRank.get(spec.project.name)!,
      environment: fileEnvironment(readFileSync(spec.moduleId, "utf8")),
    }));
    // vitest's order between projects and, within one environment, between files (i breaks every tie).
    return keyed
      .sort((a, b) => a.project - b.project || (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : 0) || a.i - b.i)
      .map(({ spec }) => spec);
  }
}

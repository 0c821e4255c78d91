/**
 * globalSetup of the browser project (vitest.config.ts): a folder for what the browser test files of one run share,
 * named to the test workers in PAPERGRAPH_E2E_RUN_DIR and removed when the run ends. The first file that needs the
 * explorer builds it there with Vite; the other files copy that build (test/e2e/harness.ts, buildApp).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

export const RUN_DIR_ENV = "PAPERGRAPH_E2E_RUN_DIR";

export default async function setup(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(tmpdir(), "papergraph-e2e-run-"));
  // Set before vitest starts the test processes, which inherit it.
  process.env[RUN_DIR_ENV] = dir;
  return async () => {
    delete process.env[RUN_DIR_ENV];
    await rm(dir, { recursive: true, force: true });
  };
}

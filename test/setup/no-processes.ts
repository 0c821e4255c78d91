/**
 * Setup of the `unit` project (vitest.config.ts): starting a process fails the test at once, with the fix in the
 * message. Unit tests stay in-process, so `npm run test:unit` stays fast and never leaves a child running; Chromium
 * (playwright-core spawns it) is covered too.
 */
import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";

const MESSAGE = "unit tests start no process: call the code in-process, or name the test file *.process.test.ts (the browser project, vitest.config.ts)";
const blocked = (name: string) => () => {
  throw new Error(`${MESSAGE} (child_process.${name} was called)`);
};
const cp = childProcess as unknown as Record<string, unknown>;
for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"]) cp[name] = blocked(name);
// Named imports (`import { execFile } from "node:child_process"`) read the patched functions too.
syncBuiltinESMExports();

/** The unit project's guard (test/setup/no-processes.ts): a unit test that starts a process fails with the fix named. */
import { execFile, spawnSync } from "node:child_process";
import * as cp from "node:child_process";
import { describe, expect, it } from "vitest";

describe("unit project guard", () => {
  it("refuses to start a process, through named and namespace imports alike", () => {
    expect(() => spawnSync(process.execPath, ["-e", ""])).toThrow(/unit tests start no process.*\*\.process\.test\.ts/);
    expect(() => execFile(process.execPath, ["-e", ""])).toThrow(/child_process\.execFile was called/);
    expect(() => cp.spawn(process.execPath, ["-e", ""])).toThrow(/child_process\.spawn was called/);
  });
});

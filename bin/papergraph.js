#!/usr/bin/env node
/**
 * The `papergraph` command. The CLI is TypeScript run through tsx's loader (a runtime dependency), in this process, so
 * the command always runs the sources beside it: no build step, nothing stale after a `git pull`, and the same entry
 * as the npm scripts. The paths are this file's, never the working directory's, so it runs from any folder.
 */
import { fileURLToPath } from "node:url";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 6)) {
  process.stderr.write(`papergraph needs Node.js 20.6 or newer; this is ${process.versions.node}\n`);
  process.exit(1);
}

const { register } = await import("tsx/esm/api");
// The package's own tsconfig, not one that happens to sit in the folder the command runs in.
register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/main.ts");

#!/usr/bin/env node
/** Process entry: the only place that reads process.argv and sets the exit code. */
import { main } from "./cli";
import { processIO } from "./io";

main(process.argv.slice(2), processIO()).then((code) => {
  process.exitCode = code;
});

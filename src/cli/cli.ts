/**
 * papergraph's command line: `graph` builds public/data/graph.json, `export` writes snapshots for other tools, `serve`
 * shows a built graph in the explorer, `open` does both in one step.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { runGraph, GRAPH_USAGE } from "./graph-command";
import { runExport, EXPORT_USAGE } from "./export";
import { PACKAGE_ROOT } from "./explorer";
import { runOpen, OPEN_USAGE } from "./open";
import { runServe, SERVE_USAGE } from "./serve";
import { escapeForTerminal } from "./escape";
import type { CliIO } from "./io";

const USAGE = `Usage: papergraph <command> [options]

Commands:
  graph [inputs...]    read listings (files or folders; default seeds/) and write public/data/graph.json
  export               write GEXF, GraphML, CSV, JSON, VOSviewer or SVG from public/data/graph.json
  serve [DIR]          show a built graph (default public/data/) in the explorer on http://127.0.0.1:5173/
  open [inputs...]     build the listings into a temporary folder and serve it: one step from files to explorer
  help [command]       this text, or a command's options

Options:
  -h, --help           this text
  --version            papergraph's version

Run "papergraph help <command>" (or "papergraph <command> --help") for a command's options.`;

const COMMAND_USAGE: Record<string, string> = { graph: GRAPH_USAGE, export: EXPORT_USAGE, serve: SERVE_USAGE, open: OPEN_USAGE };

export function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

function help(topic: string | undefined, io: CliIO): number {
  if (topic === undefined) {
    io.stdout(USAGE + "\n");
    return 0;
  }
  const usage = COMMAND_USAGE[topic];
  if (!usage) {
    io.stderr(`papergraph help: no command "${topic}"; the commands are ${Object.keys(COMMAND_USAGE).join(", ")}\n`);
    return 2;
  }
  io.stdout(usage + "\n");
  return 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "graph":
        return await runGraph(rest, io);
      case "export":
        return await runExport(rest, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
      case "serve":
        return await runServe(rest, io);
      case "open":
        return await runOpen(rest, io);
      case "help":
        return help(rest[0], io);
      case "--version":
      case "-v":
        io.stdout(`${version()}\n`);
        return 0;
      case undefined:
      case "-h":
      case "--help":
        io.stdout(USAGE + "\n");
        return command === undefined ? 2 : 0;
      default:
        io.stderr(`papergraph: unknown command "${escapeForTerminal(command)}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (e) {
    // A bug, not a user mistake: say so plainly, keep the stack for the report.
    io.stderr(`papergraph: internal error: ${(e as Error).stack ?? String(e)}\nPlease report this with the command you ran.\n`);
    return 3;
  }
}

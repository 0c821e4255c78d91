/** papergraph's command line: `graph` builds public/data/graph.json, `export` writes snapshots for other tools. */
import { runGraph } from "./graph-command";
import { runExport } from "./export";
import { escapeForTerminal } from "./escape";
import type { CliIO } from "./io";

const USAGE = `Usage: papergraph <command> [options]

Commands:
  graph    read listings (default seeds/) and write public/data/graph.json
  export   write GEXF, GraphML, CSV, JSON, VOSviewer or SVG from public/data/graph.json

Run "papergraph <command> --help" for a command's options.`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "graph":
        return await runGraph(rest, io);
      case "export":
        return await runExport(rest, { stdout: io.stdout, stderr: io.stderr, cwd: io.cwd });
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

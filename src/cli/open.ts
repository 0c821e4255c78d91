/**
 * `papergraph open FILES... [options]`: build, then serve. The graph goes to --out DIR, or to a temporary folder that
 * is removed when the server stops; then the explorer serves it on 127.0.0.1 and the URL is printed (and opened with
 * --browser). Every `graph` option applies to the build.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runGraph } from "./graph-command";
import type { CliIO } from "./io";
import { parsePort, serve } from "./serve";

export const OPEN_USAGE = `Usage: papergraph open [inputs...] [options]

Builds the listings (files or folders; default: seeds/) into a graph, serves it with the explorer on 127.0.0.1 and
prints the URL; Ctrl+C stops it.

Options:
  --out DIR            keep the graph in DIR (default: a temporary folder, removed when the server stops)
  --port N             port (default 5173, or a free one when that is taken; 0: any free port)
  --browser            also open the URL in the system browser ($BROWSER, else open / xdg-open / start)
  --quiet              only errors on stderr (the URL still goes to stdout)
  -h, --help           this text
Every option of "papergraph graph" (--config, --thesaurus, --seed, ...) applies to the build: papergraph help graph.`;

interface OpenArgs {
  out: string | null;
  port: string | undefined;
  browser: boolean;
  quiet: boolean;
  help: boolean;
  /** Everything else, for the graph command. */
  rest: string[];
}

/** Takes open's own flags out of argv (both `--flag value` and `--flag=value`); the rest is the graph command's. */
export function splitOpenArgs(argv: string[]): OpenArgs | string {
  const out: OpenArgs = { out: null, port: undefined, browser: false, quiet: false, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.rest.push(...argv.slice(i));
      break;
    }
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (name === "--out" || name === "--port") {
      const value = inline ?? argv[++i];
      if (value === undefined) return `${name} needs a value`;
      if (name === "--out") out.out = value;
      else out.port = value;
    } else if (arg === "--browser") out.browser = true;
    else if (arg === "-h" || arg === "--help") out.help = true;
    else {
      if (arg === "--quiet") out.quiet = true; // the build is quiet too
      out.rest.push(arg);
    }
  }
  return out;
}

export async function runOpen(argv: string[], io: CliIO): Promise<number> {
  const args = splitOpenArgs(argv);
  if (typeof args === "string") {
    io.stderr(`papergraph open: ${args}\n\n${OPEN_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(OPEN_USAGE + "\n");
    return 0;
  }
  if (args.out === "-") {
    io.stderr("papergraph open: --out - (stdout) cannot be served; give a folder, or leave --out out for a temporary one\n");
    return 2;
  }
  const port = parsePort(args.port);
  if (typeof port === "string") {
    io.stderr(`papergraph open: ${port}\n`);
    return 2;
  }
  const temporary = args.out === null ? await mkdtemp(path.join(tmpdir(), "papergraph-open-")) : null;
  const outDir = temporary ?? path.resolve(io.cwd, args.out!);
  const cleanUp = async () => {
    if (temporary) await rm(temporary, { recursive: true, force: true });
  };
  // --out first: anything after a "--" in the rest is an input path.
  const built = await runGraph(["--out", outDir, ...args.rest], io);
  if (built !== 0) {
    await cleanUp();
    return built;
  }
  if (temporary && !args.quiet) io.stderr(`papergraph open: the graph is in ${temporary} until the server stops (--out DIR keeps it)\n`);
  return serve({ target: outDir, port, browser: args.browser, quiet: args.quiet, onClose: cleanUp }, io);
}

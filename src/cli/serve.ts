/**
 * `papergraph serve [DIR]`: a built graph folder (default public/data/, or a graph .json file) with the bundled explorer
 * on http://127.0.0.1, until Ctrl+C. The URL goes to stdout, everything else to stderr.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureExplorer } from "./explorer";
import { displayPath } from "./inputs";
import type { CliIO } from "./io";
import { openBrowser } from "./open-browser";
import { HOST, PortInUseError, startStaticServer, type Mount, type RunningServer } from "./static-server";

export const DEFAULT_PORT = 5173;

export const SERVE_USAGE = `Usage: papergraph serve [DIR] [options]

Serves a built graph with the explorer on http://${HOST}:${DEFAULT_PORT}/ (this machine only) until Ctrl+C.
DIR is a folder holding graph.json (default: public/data, where "papergraph graph" writes), or a graph .json file.

Options:
  --port N             port on ${HOST} (default ${DEFAULT_PORT}, or a free one when that is taken; 0: any free port)
  --browser            also open the URL in the system browser ($BROWSER, else open / xdg-open / start)
  --quiet              only errors on stderr (the URL still goes to stdout)
  -h, --help           this text`;

export interface ServeOptions {
  /** Folder with graph.json, or a graph file. */
  target: string;
  /** Port asked for; null: the default, falling back to any free port when it is taken. */
  port: number | null;
  browser: boolean;
  quiet: boolean;
  /** Called once the server is listening (tests, `open`). */
  onListening?: (server: RunningServer) => void;
  /** Runs after the server stops (open: removes its temporary folder). */
  onClose?: () => Promise<void>;
}

/** Parses a --port value: a whole number from 0 to 65535, else a message. */
export function parsePort(value: string | undefined): number | null | string {
  if (value === undefined) return null;
  if (!/^\d+$/.test(value) || Number(value) > 65535) return `--port must be a whole number from 0 to 65535 (0: any free port); got "${value}"`;
  return Number(value);
}

/** The /data/ mount for a target: the whole folder, or one file served as graph.json. */
async function dataMount(target: string): Promise<Mount | string> {
  const info = await stat(target).catch(() => null);
  if (!info) return "no such folder or file";
  if (info.isDirectory()) {
    const graph = await stat(path.join(target, "graph.json")).catch(() => null);
    if (!graph?.isFile()) return "has no graph.json";
    return { prefix: "/data/", dir: target };
  }
  // One graph file, whatever its name, is what the explorer fetches as data/graph.json.
  return { prefix: "/data/", dir: path.dirname(target), files: new Map([["graph.json", path.basename(target)]]) };
}

export async function serve(options: ServeOptions, io: CliIO): Promise<number> {
  const log = (s: string) => {
    if (!options.quiet) io.stderr(s + "\n");
  };
  const shown = displayPath(options.target, io.cwd);
  const data = await dataMount(options.target);
  if (typeof data === "string") {
    io.stderr(`papergraph serve: ${shown} ${data}; build a graph first: papergraph graph FILES --out ${shown}\n`);
    await options.onClose?.();
    return 1;
  }
  const explorer = await ensureExplorer(log);
  if ("error" in explorer) {
    io.stderr(`papergraph serve: ${explorer.error}\n`);
    await options.onClose?.();
    return 1;
  }
  const mounts: Mount[] = [{ prefix: "/", dir: explorer.dir }, data];
  let running: RunningServer;
  try {
    running = await startStaticServer(mounts, options.port ?? DEFAULT_PORT);
  } catch (e) {
    if (e instanceof PortInUseError && options.port === null) {
      running = await startStaticServer(mounts, 0);
      log(`papergraph serve: port ${DEFAULT_PORT} is taken; using ${running.port} instead`);
    } else {
      await options.onClose?.();
      if (e instanceof PortInUseError) {
        io.stderr(`papergraph serve: port ${e.port} on ${HOST} is already in use (another papergraph serve, or a dev server?); choose another with --port N, or --port 0 for any free port\n`);
        return 1;
      }
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(`papergraph serve: cannot listen on ${HOST}:${options.port} (${code ?? (e as Error).message})${code === "EACCES" ? "; ports below 1024 need privileges, choose --port 1024 or higher" : ""}\n`);
      return 1;
    }
  }
  io.stdout(running.url + "\n");
  log(`papergraph serve: the explorer on ${running.url} with ${data.files ? shown : `${shown}/graph.json`}; press Ctrl+C to stop`);
  if (options.browser) {
    const opened = await openBrowser(running.url, io.env ?? {});
    if (opened !== true) io.stderr(`papergraph serve: ${opened}; open ${running.url} yourself\n`);
  }
  options.onListening?.(running);
  await stopped(io.signal);
  await running.close();
  await options.onClose?.();
  log("papergraph serve: stopped");
  return 0;
}

/** Resolves on the signal, or (for a real process) on SIGINT / SIGTERM. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal) {
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

export async function runServe(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { port: { type: "string" }, browser: { type: "boolean" }, quiet: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    io.stderr(`papergraph serve: ${(e as Error).message}\n\n${SERVE_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(SERVE_USAGE + "\n");
    return 0;
  }
  if (positionals.length > 1) {
    io.stderr(`papergraph serve: one folder at a time; got ${positionals.length} (${positionals.join(", ")})\n`);
    return 2;
  }
  const port = parsePort(values.port);
  if (typeof port === "string") {
    io.stderr(`papergraph serve: ${port}\n`);
    return 2;
  }
  const target = path.resolve(io.cwd, positionals[0] ?? "public/data");
  return serve({ target, port, browser: values.browser === true, quiet: values.quiet === true }, io);
}

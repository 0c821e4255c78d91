/**
 * `npm start`'s server (after `npm run build`): Vite's preview of dist/ on 127.0.0.1. The port is `--port N`
 * (`npm start -- --port 5180`), else `PORT` (`PORT=5180 npm start`), else 5173. A port asked for that is taken is an
 * error that says what to do; when the default 5173 is taken (a second checkout, a dev server), the next free port is
 * used and the message says so, so a first `npm start` never ends in a bare EADDRINUSE.
 */
import net from "node:net";
import { pathToFileURL } from "node:url";
import { preview } from "vite";

export const HOST = "127.0.0.1";
export const DEFAULT_PORT = 5173;
const TRIES = 20;

export type PortChoice = { port: number; explicit: boolean } | { error: string };

/** Port from `--port N` / `--port=N`, else PORT, else the default; a malformed value is an error naming it. */
export function requestedPort(argv: string[], env: Record<string, string | undefined>): PortChoice {
  let raw: string | undefined;
  let from = "";
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--port") {
      raw = argv[i + 1] ?? "";
      from = "--port";
      i++;
    } else if (a.startsWith("--port=")) {
      raw = a.slice("--port=".length);
      from = "--port";
    } else {
      return { error: `unknown argument "${a}"; the only option is --port N (e.g. npm start -- --port 5180)` };
    }
  }
  if (raw === undefined && env.PORT !== undefined && env.PORT !== "") {
    raw = env.PORT;
    from = "PORT";
  }
  if (raw === undefined) return { port: DEFAULT_PORT, explicit: false };
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    return { error: `${from} must be a port number from 1 to 65535, e.g. 5180; got "${raw}"` };
  }
  return { port, explicit: true };
}

/** Whether nothing listens on host:port (checked by listening briefly; the preview server then takes it). */
export function isPortFree(port: number, host = HOST): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The port to serve on and what to tell the user about it, or an error message. */
export async function choosePort(choice: { port: number; explicit: boolean }, host = HOST): Promise<{ port: number; note: string | null } | { error: string }> {
  if (await isPortFree(choice.port, host)) return { port: choice.port, note: null };
  const other = choice.port === 5180 ? 5181 : 5180;
  if (choice.explicit) {
    return { error: `port ${choice.port} on ${host} is in use. Stop what uses it, or choose another port: PORT=${other} npm start (or npm start -- --port ${other}).` };
  }
  for (let port = choice.port + 1; port <= Math.min(choice.port + TRIES, 65535); port++) {
    if (await isPortFree(port, host)) {
      return {
        port,
        note: `port ${choice.port} is in use (another papergraph or Vite server?), so the explorer is served on port ${port} instead. ` +
          `To choose the port: PORT=5180 npm start, or npm start -- --port 5180.`,
      };
    }
  }
  return { error: `ports ${choice.port}-${choice.port + TRIES} on ${host} are all in use; choose one with PORT=N npm start.` };
}

async function main(): Promise<number> {
  const requested = requestedPort(process.argv.slice(2), process.env);
  if ("error" in requested) {
    process.stderr.write(`papergraph start: ${requested.error}\n`);
    return 2;
  }
  const chosen = await choosePort(requested);
  if ("error" in chosen) {
    process.stderr.write(`papergraph start: ${chosen.error}\n`);
    return 1;
  }
  if (chosen.note) process.stderr.write(`papergraph start: ${chosen.note}\n`);
  const server = await preview({ preview: { host: HOST, port: chosen.port, strictPort: true } });
  server.printUrls();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      if (code !== 0) process.exit(code);
    },
    (e: unknown) => {
      process.stderr.write(`papergraph start: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}

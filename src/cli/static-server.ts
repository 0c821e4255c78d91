/**
 * A small static file server for the explorer: the built app at /, a graph folder at /data/. Loopback only, GET and
 * HEAD only, no directory listings, no path outside the two folders (".." and encoded tricks, symbolic links that lead
 * out, dot files), and a Host check so a web page elsewhere cannot reach it through DNS rebinding.
 */
import { CSP_HEADER } from "./csp";
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const HOST = "127.0.0.1";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".gexf": "application/xml; charset=utf-8",
  ".graphml": "application/xml; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

export interface Mount {
  /** URL prefix, starting and ending with "/" ("/" or "/data/"). */
  prefix: string;
  /** Folder served under it. */
  dir: string;
  /** When set, only these URL names are served from this mount, each from the file it maps to (inside dir). */
  files?: ReadonlyMap<string, string>;
}

/**
 * The path a URL asks for inside a mount, or null when it must not be served: undecodable, a NUL byte, a backslash,
 * a ".." segment, or a dot file (.git, .env). "/" and "/x/" mean index.html in that folder.
 */
export function safeRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.some((s) => s === ".." || s.startsWith("."))) return null;
  if (decoded.endsWith("/") || segments.length === 0) segments.push("index.html");
  return segments.join("/");
}

/** The mount serving a URL path (the longest prefix wins) and the path inside it. */
export function resolveMount(mounts: readonly Mount[], urlPath: string): { mount: Mount; rel: string } | null {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  for (const mount of sorted) {
    const bare = mount.prefix.slice(0, -1);
    if (urlPath !== bare && !urlPath.startsWith(mount.prefix)) continue;
    const rel = safeRelativePath(urlPath === bare ? "/" : urlPath.slice(mount.prefix.length - 1));
    if (rel === null) return null;
    if (!mount.files) return { mount, rel };
    const file = mount.files.get(rel);
    return file === undefined ? null : { mount, rel: file };
  }
  return null;
}

function inside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Host headers that name this server itself; anything else is a page elsewhere trying to reach it. */
function allowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return [`${HOST}:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase());
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": Buffer.byteLength(text), "x-content-type-options": "nosniff", ...headers });
  res.end(text);
}

async function handle(mounts: readonly Mount[], req: IncomingMessage, res: ServerResponse, port: number): Promise<void> {
  if (!allowedHost(req.headers.host, port)) return plain(res, 403, "papergraph serves only http://127.0.0.1 (or localhost) on this port\n");
  if (req.method !== "GET" && req.method !== "HEAD") return plain(res, 405, "only GET and HEAD\n", { allow: "GET, HEAD" });
  const urlPath = (req.url ?? "/").split(/[?#]/, 1)[0]!;
  if (!urlPath.startsWith("/")) return plain(res, 400, "bad request\n");
  const found = resolveMount(mounts, urlPath);
  if (!found) return plain(res, 404, "not found\n");
  const root = await realpath(found.mount.dir).catch(() => null);
  if (root === null) return plain(res, 404, "not found\n");
  const file = await realpath(path.join(root, ...found.rel.split("/"))).catch(() => null);
  // realpath, so a symbolic link inside the folder that leads out of it is refused too.
  if (file === null || !inside(root, file)) return plain(res, 404, "not found\n");
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return plain(res, 404, "not found\n");
  res.writeHead(200, {
    "content-type": mimeType(file),
    "content-length": info.size,
    // A rebuilt graph must show on reload: let the browser revalidate everything.
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    // The explorer's policy (the same as vite preview's): nothing but this origin, no inline script.
    "content-security-policy": CSP_HEADER,
  });
  if (req.method === "HEAD") return void res.end();
  const stream = createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} on ${HOST} is already in use`);
  }
}

/** Listens on 127.0.0.1:port (0: any free port). Rejects with PortInUseError when the port is taken. */
export function startStaticServer(mounts: readonly Mount[], port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let actual = port;
    const server = createServer((req, res) => {
      handle(mounts, req, res, actual).catch(() => {
        if (!res.headersSent) plain(res, 500, "internal error\n");
        else res.destroy();
      });
    });
    server.once("error", (e: NodeJS.ErrnoException) => reject(e.code === "EADDRINUSE" ? new PortInUseError(port) : e));
    server.listen(port, HOST, () => {
      actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

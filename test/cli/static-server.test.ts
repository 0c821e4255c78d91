/**
 * The explorer's static server, in-process over a small fixture folder (constructed: an index page, an asset, a graph
 * folder, a dot file and a symbolic link leading out): MIME types, the /data/ mount, and every way out of the folders
 * refused (raw request paths, so no client normalises them first).
 */
import { CSP_HEADER } from "../../src/cli/csp";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError, resolveMount, safeRelativePath, startStaticServer, mimeType, type RunningServer } from "../../src/cli/static-server";
import { browserCommands } from "../../src/cli/open-browser";
import { splitOpenArgs } from "../../src/cli/open";

interface Reply {
  status: number;
  type: string | undefined;
  length: string | undefined;
  csp: string | undefined;
  body: string;
}

/** A raw HTTP request: the path is sent exactly as given (fetch would resolve "..", "%2e%2e" stays encoded anyway). */
function get(port: number, rawPath: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: options.method ?? "GET", headers: { host: options.host ?? `127.0.0.1:${port}` } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, type: res.headers["content-type"], length: res.headers["content-length"], csp: res.headers["content-security-policy"] as string | undefined, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let dir: string;
let server: RunningServer;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-static-"));
  await mkdir(path.join(dir, "app/assets"), { recursive: true });
  await mkdir(path.join(dir, "graph"));
  await writeFile(path.join(dir, "app/index.html"), "<!doctype html><title>explorer</title>");
  await writeFile(path.join(dir, "app/assets/index-abc.js"), "console.log(1)");
  await writeFile(path.join(dir, "app/assets/inter.woff2"), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(path.join(dir, "app/.env"), "SECRET=1");
  await writeFile(path.join(dir, "graph/graph.json"), '{"nodes":[]}');
  await writeFile(path.join(dir, "graph/merge-report.md"), "# merges");
  await writeFile(path.join(dir, "secret.txt"), "outside");
  await symlink(path.join(dir, "secret.txt"), path.join(dir, "graph/leak.txt"));
  server = await startStaticServer(
    [
      { prefix: "/", dir: path.join(dir, "app") },
      { prefix: "/data/", dir: path.join(dir, "graph") },
    ],
    0,
  );
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("static server", () => {
  it("listens on 127.0.0.1 only and prints a loopback URL", () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.server.address()).toMatchObject({ address: "127.0.0.1" });
  });

  it("serves the app at / and the graph folder at /data/ with their MIME types", async () => {
    const index = await get(server.port, "/");
    expect(index).toMatchObject({ status: 200, type: "text/html; charset=utf-8", body: "<!doctype html><title>explorer</title>" });
    expect((await get(server.port, "/assets/index-abc.js")).type).toBe("text/javascript; charset=utf-8");
    expect((await get(server.port, "/assets/inter.woff2")).type).toBe("font/woff2");
    const graph = await get(server.port, "/data/graph.json?v=2");
    expect(graph).toMatchObject({ status: 200, type: "application/json; charset=utf-8", length: "12", body: '{"nodes":[]}' });
    expect((await get(server.port, "/data/merge-report.md")).type).toBe("text/markdown; charset=utf-8");
    const head = await get(server.port, "/data/graph.json", { method: "HEAD" });
    expect(head).toMatchObject({ status: 200, length: "12", body: "" });
  });

  it("sends the explorer's Content-Security-Policy with every file (npm start serves through it)", async () => {
    const page = await get(server.port, "/");
    expect(page.csp).toBe(CSP_HEADER);
    expect(page.csp).toContain("default-src 'self'");
    expect(page.csp).not.toContain("unsafe-inline");
  });

  it("refuses every way out of its folders", async () => {
    for (const p of ["/../secret.txt", "/data/../../secret.txt", "/%2e%2e/secret.txt", "/data/%2e%2e%2f%2e%2e%2fsecret.txt", "/data/..%5c..%5csecret.txt", "/data/leak.txt", "/.env", "/%2eenv", "/data/graph.json%00.html", "/%E0%A4%A"]) {
      const r = await get(server.port, p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain("outside");
    }
    expect((await get(server.port, "/data/")).status).toBe(404); // no listings
    expect((await get(server.port, "/nothing.js")).status).toBe(404);
  });

  it("answers only its own host name and only GET and HEAD", async () => {
    expect((await get(server.port, "/", { host: "attacker.example:80" })).status).toBe(403);
    expect((await get(server.port, "/", { host: `localhost:${server.port}` })).status).toBe(200);
    const post = await get(server.port, "/", { method: "POST" });
    expect(post.status).toBe(405);
  });

  it("reports a port that is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const port = (blocker.address() as { port: number }).port;
    await expect(startStaticServer([{ prefix: "/", dir }], port)).rejects.toBeInstanceOf(PortInUseError);
    await new Promise((r) => blocker.close(r));
  });
});

describe("paths and mounts", () => {
  it("maps URL paths to safe relative paths", () => {
    expect(safeRelativePath("/")).toBe("index.html");
    expect(safeRelativePath("/a/b.js")).toBe("a/b.js");
    expect(safeRelativePath("/a//./b.js")).toBe("a/b.js");
    expect(safeRelativePath("/sub/")).toBe("sub/index.html");
    expect(safeRelativePath("/caf%C3%A9.json")).toBe("café.json");
    for (const bad of ["/../x", "/a/../../x", "/%2e%2e/x", "/a%5cb", "/x%00", "/.git/config", "/%"]) expect(safeRelativePath(bad), bad).toBeNull();
  });

  it("picks the longest prefix, and serves a mapped file under the name the explorer asks for", () => {
    const mounts = [
      { prefix: "/", dir: "/app" },
      { prefix: "/data/", dir: "/graphs", files: new Map([["graph.json", "my build.json"]]) },
    ];
    expect(resolveMount(mounts, "/data/graph.json")).toMatchObject({ mount: { dir: "/graphs" }, rel: "my build.json" });
    expect(resolveMount(mounts, "/data/other.json")).toBeNull();
    expect(resolveMount(mounts, "/database.js")).toMatchObject({ mount: { dir: "/app" }, rel: "database.js" });
    expect(mimeType("x.GEXF")).toBe("application/xml; charset=utf-8");
    expect(mimeType("x.unknown")).toBe("application/octet-stream");
  });
});

describe("open's arguments and the browser command", () => {
  it("takes --out, --port and --browser for itself and leaves the rest to the build", () => {
    expect(splitOpenArgs(["seeds", "--port=0", "--seed", "7", "--browser", "--out", "o", "--quiet"])).toEqual({
      out: "o",
      port: "0",
      browser: true,
      quiet: true,
      help: false,
      rest: ["seeds", "--seed", "7", "--quiet"],
    });
    expect(splitOpenArgs(["--port"])).toBe("--port needs a value");
    expect(splitOpenArgs(["--", "--port"])).toMatchObject({ port: undefined, rest: ["--", "--port"] });
  });

  it("follows $BROWSER (with %s and several commands), else the platform's opener", () => {
    const url = "http://127.0.0.1:5173/";
    expect(browserCommands(url, { BROWSER: "firefox --new-window" })).toEqual([["firefox", ["--new-window", url]]]);
    expect(browserCommands(url, { BROWSER: "w3m %s:lynx" })).toEqual([["w3m", [url]], ["lynx", [url]]]);
    expect(browserCommands(url, {}, "linux")).toEqual([["xdg-open", [url]]]);
    expect(browserCommands(url, {}, "darwin")).toEqual([["open", [url]]]);
    expect(browserCommands(url, {}, "win32")[0]![0]).toBe("cmd");
  });
});

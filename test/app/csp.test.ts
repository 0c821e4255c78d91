/**
 * The explorer's Content-Security-Policy as configured (issue 12, item 8): one policy for the meta tag in index.html and
 * the `vite preview` header, strict where it matters (no inline script, no eval, nothing from another origin). The
 * browser tests (test/e2e/csp.test.ts, and every e2e test's afterEach) check the app runs under it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config, { CSP_DEV, CSP_HEADER, CSP_META } from "../../vite.config";

const root = path.resolve(__dirname, "../..");
const directives = (p: string) => new Map(p.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe("Content-Security-Policy", () => {
  it("is the meta tag of index.html", () => {
    const html = readFileSync(path.join(root, "index.html"), "utf8");
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(CSP_META);
    // A meta policy applies to what follows it: it must come before any script or stylesheet.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });

  it("is sent by vite preview and the dev server", () => {
    type Served = { preview?: { headers?: Record<string, string> }; server?: { headers?: Record<string, string> } };
    // The config is a function of the command (the build logs less than the servers).
    const c = (config as unknown as (env: { command: string; mode: string }) => Served)({ command: "serve", mode: "development" });
    expect(c.preview?.headers?.["Content-Security-Policy"]).toBe(CSP_HEADER);
    expect(c.server?.headers?.["Content-Security-Policy"]).toBe(CSP_DEV);
  });

  it("allows only the app's own origin, with no inline script and no eval, even in dev", () => {
    const header = directives(CSP_HEADER);
    expect(header.get("default-src")).toEqual(["'self'"]);
    expect(header.get("script-src")).toEqual(["'self'"]);
    expect(header.get("connect-src")).toEqual(["'self'"]);
    expect(header.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(header.get("object-src")).toEqual(["'none'"]);
    expect(header.get("frame-ancestors")).toEqual(["'none'"]);
    expect(directives(CSP_META).has("frame-ancestors")).toBe(false); // ignored (with a console error) in a meta tag
    for (const p of [CSP_HEADER, CSP_META, CSP_DEV]) {
      const script = directives(p).get("script-src") ?? [];
      expect(script).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
      expect(p).not.toMatch(/(?<!:)\*|https?:/); // no wildcard host, no other origin (ws://127.0.0.1:* in dev only)
    }
    expect(directives(CSP_DEV).get("script-src")?.[1]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  });
});

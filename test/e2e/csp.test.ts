/**
 * The explorer under its Content-Security-Policy in a real Chromium (issue 12, item 8): the policy arrives as header and
 * meta tag, the app loads and draws under it, and the harness really catches a violation (an inline script injected
 * into a copy of the built app is blocked and reported), so the afterEach checks of the other browser tests mean
 * something.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSP_HEADER, CSP_META } from "../../vite.config";
import { assertChromium, buildSeedsGraph, openApp, serve, startE2e, takeCspViolations, type E2eContext } from "./harness";

let ctx: E2eContext;

beforeAll(async () => {
  assertChromium();
  ctx = await startE2e(await buildSeedsGraph());
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

describe("Content-Security-Policy in the browser", () => {
  it("is sent as a header and a meta tag, and the app draws under it without a violation", async () => {
    const response = await fetch(ctx.url);
    expect(response.headers.get("content-security-policy")).toBe(CSP_HEADER);
    expect(await response.text()).toContain(`content="${CSP_META}"`);
    const { page, watch } = await openApp(ctx.browser, ctx.url);
    try {
      expect(watch.csp).toEqual([]);
      expect(takeCspViolations()).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("catches a violation: an inline script injected into the built page is blocked and reported", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "papergraph-csp-"));
    await cp(ctx.outDir, dir, { recursive: true });
    const html = await readFile(path.join(dir, "index.html"), "utf8");
    // constructed: what an injected payload would look like (inline script, inline event handler, inline style).
    await writeFile(path.join(dir, "index.html"), html.replace("</head>", `<script>window.__injected = true</script></head>`).replace("<body>", `<body onload="window.__onload = true">`));
    const { server, url } = await serve(dir);
    try {
      const { page, watch } = await openApp(ctx.browser, url);
      try {
        expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
        expect(await page.evaluate(() => (window as unknown as { __onload?: boolean }).__onload)).toBeUndefined();
        expect(watch.csp.length).toBeGreaterThanOrEqual(1);
        expect(watch.csp.join("\n")).toMatch(/script-src/);
      } finally {
        await page.close();
      }
    } finally {
      takeCspViolations(); // expected here; the other tests must see none
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

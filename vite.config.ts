import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Content-Security-Policy of the explorer. Everything comes from the app's own origin: scripts (no inline script, no
 * eval), styles (one bundled stylesheet; React sets style properties through the CSSOM, which CSP does not restrict),
 * fonts (Inter, bundled), the pipeline worker (a module worker file, so no blob: workers), and fetches (data/graph.json).
 * Images may also be data: and blob: URLs (the PNG export and its preview). The same policy is the meta tag in
 * index.html (checked by test/app/csp.test.ts); the served header adds frame-ancestors, which a meta tag cannot carry.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  "default-src": "'self'",
  "script-src": "'self'",
  "style-src": "'self'",
  "img-src": "'self' data: blob:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "worker-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'none'",
};

export const policy = (directives: Readonly<Record<string, string>>): string =>
  Object.entries(directives).map(([k, v]) => `${k} ${v}`).join("; ");

/** The policy of the meta tag in index.html. */
export const CSP_META = policy(CSP_DIRECTIVES);
/** The header sent by `vite preview` (and `npm start`). */
export const CSP_HEADER = policy({ ...CSP_DIRECTIVES, "frame-ancestors": "'none'" });

/**
 * The dev server needs three things the built app does not: React Fast Refresh's inline preamble (allowed by its hash,
 * never by 'unsafe-inline' for scripts), the style elements Vite injects for CSS modules and hot updates, and the HMR
 * websocket. Only `npm run dev` gets this policy.
 */
const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
const preamble = react.preambleCode.replace("__BASE__", "/");
const DEV_DIRECTIVES = {
  ...CSP_DIRECTIVES,
  "script-src": `'self' ${sha256(preamble)}`,
  "style-src": "'self' 'unsafe-inline'",
  "connect-src": "'self' ws://127.0.0.1:* ws://localhost:*",
};
export const CSP_DEV = policy({ ...DEV_DIRECTIVES, "frame-ancestors": "'none'" });
const CSP_DEV_META = policy(DEV_DIRECTIVES);

/** In dev, the meta tag carries the dev policy too (both are enforced, so both must allow the preamble). */
function devCspMeta(): Plugin {
  return {
    name: "papergraph:dev-csp-meta",
    apply: "serve",
    transformIndexHtml: (html) => html.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${CSP_DEV_META}$2`),
  };
}

// The app is served from the repository root; public/data/graph.json is written by `npm run graph`.
export default defineConfig({
  root: ".",
  base: "./",
  plugins: [react(), devCspMeta()],
  // The pipeline worker (listings dropped on the explorer) is an ES module like the app.
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { host: "127.0.0.1", port: 5173, headers: { "Content-Security-Policy": CSP_DEV } },
  preview: { host: "127.0.0.1", port: 5173, headers: { "Content-Security-Policy": CSP_HEADER } },
});

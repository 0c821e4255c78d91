import { createHash } from "node:crypto";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { CSP_DIRECTIVES, CSP_HEADER, CSP_META, policy } from "./src/cli/csp.ts";

// The explorer's Content-Security-Policy has one owner (src/cli/csp.ts: `papergraph serve` sends it too).
export { CSP_DIRECTIVES, CSP_HEADER, CSP_META, policy };


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

/**
 * `vite build` lists every emitted file, and the bundled Inter font alone is 36 of them; after `npm run graph`'s
 * summary that buries what matters. The build runs at logLevel "warn" (warnings and errors still show) and this
 * prints one line instead: what was written, grouped.
 */
function groupOf(fileName: string): string {
  if (/\.(woff2?|ttf|otf)$/.test(fileName)) return "font files";
  if (/\.m?js$/.test(fileName)) return "scripts";
  if (/\.css$/.test(fileName)) return "stylesheets";
  if (/\.html$/.test(fileName)) return "pages";
  return "other files";
}

function buildSummary(): Plugin {
  let started = 0;
  let outDir = "dist";
  let quiet = false;
  return {
    name: "papergraph:build-summary",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
      // Callers that ask for errors only (the browser-test harness) get no summary either.
      quiet = config.logLevel === "error" || config.logLevel === "silent";
    },
    buildStart() {
      started = performance.now();
    },
    writeBundle(_options, bundle) {
      if (quiet) return;
      const groups = new Map<string, { files: number; bytes: number }>();
      for (const file of Object.values(bundle)) {
        const bytes = file.type === "chunk" ? Buffer.byteLength(file.code) : typeof file.source === "string" ? Buffer.byteLength(file.source) : file.source.byteLength;
        const group = groupOf(file.fileName);
        const g = groups.get(group) ?? { files: 0, bytes: 0 };
        g.files++;
        g.bytes += bytes;
        groups.set(group, g);
      }
      const kb = (b: number) => `${Math.round(b / 1024).toLocaleString("en")} KB`;
      const parts = [...groups].map(([name, g]) => `${g.files} ${g.files === 1 ? name.replace(/s$/, "") : name} (${kb(g.bytes)})`);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`vite: built the explorer into ${outDir}/ in ${seconds} s: ${parts.join(", ")}; public/ copied as is`);
    },
  };
}

// The app is served from the repository root; public/data/graph.json is written by `npm run graph`.
export default defineConfig(({ command }) => ({
  root: ".",
  base: "./",
  plugins: [react(), devCspMeta(), buildSummary()],
  logLevel: command === "build" ? "warn" : "info",
  // The pipeline worker (listings dropped on the explorer) is an ES module like the app.
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
    // Rolldown warns when plugins take most of the build; on the shared 2-core machine that is every build, and the
    // slow one is vite's own worker bundling (the pipeline worker), nothing we can act on.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { host: "127.0.0.1", port: 5173, headers: { "Content-Security-Policy": CSP_DEV } },
  preview: { host: "127.0.0.1", port: 5173, headers: { "Content-Security-Policy": CSP_HEADER } },
}));

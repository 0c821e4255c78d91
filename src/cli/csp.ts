/**
 * Content-Security-Policy of the explorer. Everything comes from the app's own origin: scripts (no inline script, no
 * eval), styles (one bundled stylesheet; React sets style properties through the CSSOM, which CSP does not restrict),
 * fonts (Inter, bundled), the pipeline worker (a module worker file, so no blob: workers), and fetches (data/graph.json).
 * Images may also be data: and blob: URLs (the PNG export and its preview). The same policy is the meta tag in
 * index.html (checked by test/app/csp.test.ts); the served header (vite preview and `papergraph serve`, which
 * `npm start` runs) adds frame-ancestors, which a meta tag cannot carry.
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

/** XML text helpers shared by the GEXF, GraphML and SVG writers. */

// Characters XML 1.0 forbids (C0 controls other than tab/newline/return, lone surrogates, U+FFFE/U+FFFF). They are
// stripped: a parser rejects the whole file on any one of them, and they never carry meaning in titles or names.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function stripIllegalXml(s: string): string {
  return s.replace(ILLEGAL_XML, "");
}

/** Escape for element content. */
export function xmlText(s: string): string {
  return stripIllegalXml(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** Escape for a double-quoted attribute value; tab/newline/return as references so attribute normalisation keeps them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

/** A finite number as text (shortest round-trip form); non-finite values have no representation and return null. */
export function num(n: number): string | null {
  return Number.isFinite(n) ? String(n) : null;
}

/** Round for drawing (SVG): two decimals, no "-0". */
export function round2(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

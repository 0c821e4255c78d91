/**
 * Splitting an XML export into its record elements (PubMed's <PubmedArticle>, an Atom <entry>, ...) without parsing
 * the whole document: one linear scan finds where each record starts and ends, with its 1-based line, so each record
 * can be parsed on its own. A malformed or cut-off record then costs only itself, and the line numbers stay exact.
 * Comments and CDATA sections are skipped, so a tag name inside them does not start a record.
 */

export interface XmlElementChunk {
  /** The element's name as written ("PubmedArticle"). */
  name: string;
  /** Offset of its "<". */
  start: number;
  /** Offset just after its closing tag; where it was cut when `complete` is false. */
  end: number;
  /** 1-based line of `start` (\r\n, \r and \n each end a line). */
  line: number;
  /** False when the text ends, or the next record starts, before this element's closing tag. */
  complete: boolean;
}

export interface XmlStrayTag {
  /** "</PubmedArticle>" with no open record of that name. */
  name: string;
  start: number;
  line: number;
}

export interface XmlChunks {
  chunks: XmlElementChunk[];
  /** Closing tags that close no open record. */
  strayCloses: XmlStrayTag[];
}

/** Line numbers for increasing offsets in one pass (a smaller offset than the last one restarts the count). */
export class LineCounter {
  private offset = 0;
  private line = 1;
  constructor(private readonly text: string) {}

  lineAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
    }
    const text = this.text;
    const stop = Math.min(offset, text.length);
    let line = this.line;
    for (let i = this.offset; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) line++;
    }
    this.offset = stop;
    this.line = line;
    return line;
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Offset just after the ">" that ends the tag starting at `from` (quoted attribute values may hold ">"). */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i + 1;
    } else if (c === 60 && i > from) {
      return i; // a "<" before any ">": the tag is broken; stop here so the scan goes on
    }
  }
  return text.length;
}

/**
 * Finds every element named in `names` (with any namespace prefix when `anyPrefix`) that is not inside another one of them. Linear in the text. An element with
 * no closing tag before the next record (or the end) is returned with `complete: false`, ending where the next begins.
 */
export function splitXmlElements(text: string, names: readonly string[], options: { anyPrefix?: boolean } = {}): XmlChunks {
  const chunks: XmlElementChunk[] = [];
  const strayCloses: XmlStrayTag[] = [];
  if (names.length === 0) return { chunks, strayCloses };
  const lines = new LineCounter(text);
  // With anyPrefix, "<ns0:entry>" and "<atom:entry>" match "entry" too (namespace prefixes are the writer's choice).
  const prefix = options.anyPrefix ? "(?:[A-Za-z_][\\w.-]*:)?" : "";
  const pattern = new RegExp(`<!--|<!\\[CDATA\\[|<(/?)(${prefix}(?:${names.map(escapeRegex).join("|")}))(?=[\\s/>]|$)`, "g");
  let open: XmlElementChunk | null = null;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const at = m.index;
    if (m[0] === "<!--" || m[0] === "<![CDATA[") {
      const close = text.indexOf(m[0] === "<!--" ? "-->" : "]]>", at + m[0].length);
      if (close < 0) break; // the rest of the text is a comment: nothing more starts
      pattern.lastIndex = close + 3;
      continue;
    }
    const name = m[2] ?? "";
    const end = tagEnd(text, at + 1);
    if (m[1] === "/") {
      if (open && open.name === name) {
        open.end = end;
        open.complete = true;
        open = null;
      } else {
        strayCloses.push({ name, start: at, line: lines.lineAt(at) });
      }
      pattern.lastIndex = end;
      continue;
    }
    if (open) open.end = at; // a new record starts before the last one closed: the last one is cut off
    const chunk: XmlElementChunk = { name, start: at, end: text.length, line: lines.lineAt(at), complete: false };
    chunks.push(chunk);
    if (text.charCodeAt(end - 2) === 47 && text.charCodeAt(end - 1) === 62) {
      // <Name ... />: an empty element, complete in itself.
      chunk.end = end;
      chunk.complete = true;
      open = null;
    } else {
      open = chunk;
    }
    pattern.lastIndex = end;
  }
  return { chunks, strayCloses };
}


/**
 * Finds the elements of one name in XML text (`<entry>` of an Atom feed, `<PubmedArticle>` of a PubMed set) with their
 * offsets and 1-based lines, in one linear pass and without parsing them, so each can be parsed on its own: line
 * numbers stay those of the file and a malformed element costs only itself.
 *
 * Comments, CDATA sections, processing instructions and the DOCTYPE are skipped (an `<entry>` inside a comment is not
 * an entry); quoted attribute values may hold `>`. Names match by local name, so `<entry>` and `<atom:entry>` are both
 * found. Elements of the same name nested inside a found one stay part of it.
 */

export interface XmlChunk {
  /** The element's name as written ("entry", "atom:entry"). */
  name: string;
  /** Offset of its `<`. */
  start: number;
  /** Offset just after its closing `>` (the text length when it is not closed). */
  end: number;
  /** 1-based line of `start`. */
  line: number;
  /** False when the text ends before the element is closed (a cut file). */
  complete: boolean;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function isNameEnd(c: number): boolean {
  // whitespace, "/", ">" (or the end of the text)
  return Number.isNaN(c) || c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

/** Offset just after the `>` that ends the tag opened at `from`, skipping quoted attribute values; -1 when none. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return -1;
}

/** Counts line ends (\n, \r\n, \r) in text[from, to). */
export function countLineEnds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** The end of a construct that starts at `i` and is not an element (comment, CDATA, PI, DOCTYPE), or -1 when it is none. */
function skipNonElement(text: string, i: number): number {
  if (text.startsWith("<!--", i)) {
    const e = text.indexOf("-->", i + 4);
    return e < 0 ? text.length : e + 3;
  }
  if (text.startsWith("<![CDATA[", i)) {
    const e = text.indexOf("]]>", i + 9);
    return e < 0 ? text.length : e + 3;
  }
  if (text.startsWith("<?", i)) {
    const e = text.indexOf("?>", i + 2);
    return e < 0 ? text.length : e + 2;
  }
  if (text.startsWith("<!", i)) {
    // <!DOCTYPE ... [ internal subset ]>
    const close = text.indexOf(">", i);
    const subset = text.indexOf("[", i);
    if (subset >= 0 && (close < 0 || subset < close)) {
      const e = text.indexOf("]>", subset);
      return e < 0 ? text.length : e + 2;
    }
    return close < 0 ? text.length : close + 1;
  }
  return -1;
}

/** Every element whose local name is `name`, in document order. */
export function findElements(text: string, name: string): XmlChunk[] {
  const chunks: XmlChunk[] = [];
  let line = 1;
  let counted = 0; // offset up to which lines are counted
  let open: XmlChunk | null = null;
  let depth = 0;
  let i = text.indexOf("<");
  while (i >= 0 && i < text.length) {
    const skipped = skipNonElement(text, i);
    if (skipped >= 0) {
      i = text.indexOf("<", skipped);
      continue;
    }
    const closing = text.charCodeAt(i + 1) === 47; // "</"
    const nameStart = closing ? i + 2 : i + 1;
    let nameEnd = nameStart;
    while (nameEnd < text.length && !isNameEnd(text.charCodeAt(nameEnd))) nameEnd++;
    const qualified = text.slice(nameStart, nameEnd);
    const end = tagEnd(text, nameEnd);
    if (end < 0) break; // a tag cut by the end of the text
    if (localName(qualified) === name && qualified !== "") {
      const selfClosing = !closing && text.charCodeAt(end - 2) === 47;
      if (!closing) {
        if (!open) {
          line += countLineEnds(text, counted, i);
          counted = i;
          open = { name: qualified, start: i, end, line, complete: selfClosing };
          depth = selfClosing ? 0 : 1;
          if (selfClosing) {
            chunks.push(open);
            open = null;
          }
        } else if (qualified === open.name && !selfClosing) depth++;
      } else if (open && qualified === open.name) {
        depth--;
        if (depth === 0) {
          open.end = end;
          open.complete = true;
          chunks.push(open);
          open = null;
        }
      }
    }
    i = text.indexOf("<", end);
  }
  if (open) {
    open.end = text.length;
    chunks.push(open);
  }
  return chunks;
}

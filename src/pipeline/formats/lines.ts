/**
 * Line and block structure of an input text. Readers work on these so that a UTF-8 BOM, CRLF / CR line ends, tabs
 * and a missing final newline never change what is read, and every line keeps its 1-based number in the original file.
 */

export interface Line {
  /** 1-based line number in the original file. */
  no: number;
  /** NFC, zero-width characters removed, whitespace runs collapsed to one space, trimmed. */
  text: string;
  /** Set on the last line when the file ends without a line terminator: a cut file ends like this. */
  unterminated?: true;
}

/** A run of consecutive non-blank lines. */
export interface Block {
  lines: Line[];
}

// Zero-width space/joiners and a BOM anywhere (a BOM inside the text is a concatenation artefact).
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

export function normaliseLine(raw: string): string {
  return raw.normalize("NFC").replace(INVISIBLE, "").replace(/\s+/g, " ").trim();
}

/** Split into lines on \r\n, \r or \n. A final line terminator does not make an extra empty line. */
export function toLines(text: string): Line[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === "") return [];
  const parts = body.split(/\r\n|\r|\n/);
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  const lines: Line[] = parts.map((raw, i) => ({ no: i + 1, text: normaliseLine(raw) }));
  const last = lines[lines.length - 1];
  if (last && !/[\r\n]$/.test(body)) last.unterminated = true;
  return lines;
}

export function toBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === "") {
      if (current.length) blocks.push({ lines: current });
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) blocks.push({ lines: current });
  return blocks;
}

export function blockText(block: Block): string {
  return block.lines.map((l) => l.text).join(" ");
}

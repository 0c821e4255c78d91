/**
 * Bytes of a picked or dropped file -> text for the pipeline. UTF-8 (with or without a byte-order mark) and UTF-16 with
 * a byte-order mark (Web of Science "Win" exports are UTF-16LE with a BOM). Anything else is decoded as UTF-8, so bytes
 * that are not UTF-8 become U+FFFD and the pipeline reports them with their line, as it does for the CLI.
 *
 * A stand-in: the lead swaps in the shared pure `decodeInput(bytes)` so the CLI and the explorer decode alike.
 */

export type InputEncoding = "utf-8" | "utf-16le" | "utf-16be";

/** The encoding a byte-order mark names; UTF-8 when there is none. */
export function sniffEncoding(bytes: Uint8Array): InputEncoding {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return "utf-8";
}

/**
 * Decoded text, with the BOM kept as U+FEFF at the start when the file had one: the readers strip it themselves and
 * keep line numbers as in the file (the same text the CLI hands over).
 */
export function decodeInput(bytes: Uint8Array): string {
  const encoding = sniffEncoding(bytes);
  // ignoreBOM: true keeps the BOM in the output (TextDecoder would otherwise swallow it).
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

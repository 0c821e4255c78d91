/**
 * Bytes of an input file to text, without guessing from the file name. Pure (TextDecoder exists in Node and browsers).
 *
 * - UTF-8, with or without a byte-order mark (the mark is dropped). Bytes that are not valid UTF-8 become U+FFFD, which
 *   the readers report (readDocument warns about them, or calls the file binary when they are many).
 * - UTF-16 LE or BE with a byte-order mark: Web of Science "Tab-delimited (Win)" exports and Excel's "Unicode text".
 * - UTF-16 without a mark, recognised by its NUL bytes: in the first KiB, the high byte of (nearly) every character is
 *   NUL and the low byte is not, as in any text that is mostly ASCII. A binary file has NULs too, but not in that rhythm.
 */

/** How much of the file the BOM-less UTF-16 test looks at. */
const PROBE_BYTES = 1024;
/** Share of characters in the probe whose high byte must be NUL (a few non-Latin characters may break the rhythm). */
const NUL_SHARE = 0.9;

export function decodeInput(bytes: Uint8Array): string {
  if (bytes.length >= 2) {
    const b0 = bytes[0];
    const b1 = bytes[1];
    if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes.subarray(2), "le");
    if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes.subarray(2), "be");
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes.subarray(3));
  }
  const endian = bomlessUtf16(bytes);
  if (endian) return decodeUtf16(bytes, endian);
  return new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** "le" / "be" when the start of the file reads as BOM-less UTF-16, else null. */
function bomlessUtf16(bytes: Uint8Array): "le" | "be" | null {
  const pairs = Math.floor(Math.min(bytes.length, PROBE_BYTES) / 2);
  if (pairs < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  const most = pairs * NUL_SHARE;
  const few = pairs * (1 - NUL_SHARE);
  if (oddNul >= most && evenNul <= few) return "le";
  if (evenNul >= most && oddNul <= few) return "be";
  return null;
}

function decodeUtf16(bytes: Uint8Array, endian: "le" | "be"): string {
  if (endian === "le") return new TextDecoder("utf-16le", { fatal: false, ignoreBOM: true }).decode(bytes);
  // "utf-16be" needs full ICU in Node builds; swapping the bytes and decoding as LE needs nothing.
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1]!;
  return new TextDecoder("utf-16le", { fatal: false, ignoreBOM: true }).decode(swapped);
}

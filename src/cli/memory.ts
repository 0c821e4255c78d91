/**
 * Refusing, before anything is read, inputs whose reading alone cannot fit in the memory Node may use here. Past its
 * heap limit V8 does not throw: it aborts the process with a native stack ("FATAL ERROR: Reached heap limit"), after
 * minutes of work and with no summary (a 200 MB listing of 110,000 records did so after 3 minutes).
 *
 * Only the read is judged here, from the files' total size: what the whole build needs depends on what the records
 * hold (names on bylines, co-author pairs), which pipeline/build-size.ts estimates once they are read and refuses
 * there, with its own message, before identity starts. Measured (scripts/read-heap.ts: largest heap in use while
 * reading, the texts included, README "Memory"): Web of Science exports 6.8 bytes of heap per byte of input at 234 MB,
 * 5.3 + the text at 23 MB; profile pages 4.0 + the text (1 to 2 bytes a character). The estimate takes 10 per byte
 * plus 64 MB for the program itself, so it errs on the side of refusing. (It used to ask 40 per byte, a whole build
 * of profile pages, which refused a 234 MB export that builds in 3.0 GB under Node's default 4 GB heap.)
 */
import { totalmem } from "node:os";
import { getHeapStatistics } from "node:v8";

export const HEAP_BYTES_PER_INPUT_BYTE = 10;
export const HEAP_BASE_BYTES = 64 * 2 ** 20;

const MB = 2 ** 20;
const mb = (n: number) => `${(n / MB).toLocaleString("en-US", { maximumFractionDigits: n < 10 * MB ? 1 : 0 })} MB`;

export function estimatedHeap(inputBytes: number): number {
  return HEAP_BASE_BYTES + HEAP_BYTES_PER_INPUT_BYTE * inputBytes;
}

/**
 * null when the inputs fit; otherwise the message: the inputs' total size, the estimate, the limit, and how to raise it.
 * `limit` is V8's heap_size_limit (what --max-old-space-size sets), `machine` the physical memory.
 */
export function memoryRefusal(inputBytes: number, limit = getHeapStatistics().heap_size_limit, machine = totalmem()): string | null {
  const need = estimatedHeap(inputBytes);
  if (need <= limit) return null;
  const suggestMb = Math.ceil((need * 1.1) / MB / 256) * 256;
  const fits = suggestMb * MB < machine * 0.9;
  return (
    `the inputs total ${mb(inputBytes)}; reading them needs about ${mb(need)} of memory, but Node may use ${mb(limit)} here. ` +
    (fits
      ? `Raise the limit, e.g. NODE_OPTIONS=--max-old-space-size=${suggestMb} npm run graph -- ... (in MB; this machine has ${mb(machine)}), or build fewer files at once`
      : `This machine has ${mb(machine)}, too little for these inputs at once: build fewer files at a time (or on a machine with more memory, with NODE_OPTIONS=--max-old-space-size=${suggestMb})`)
  );
}

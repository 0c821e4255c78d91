/**
 * Golden files, after Observable Plot's test/plot-snapshot.js: the output under test is compared with a file checked
 * in under test/golden/. A difference fails with a line diff and writes the new output beside the golden as
 * `<name>-changed.<ext>` (gitignored), so the two files can be compared with any diff tool. `UPDATE_GOLDEN=1` writes
 * the goldens instead (see README, "Golden files"); review `git diff test/golden` before committing them.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const GOLDEN_DIR = path.resolve(import.meta.dirname);
const UPDATE_COMMAND = "UPDATE_GOLDEN=1 npx vitest run test/golden";
const updating = () => process.env.UPDATE_GOLDEN === "1" || process.env.UPDATE_GOLDEN === "true";

/** `seeds/authors.jsonl` -> `seeds/authors-changed.jsonl` (the extension kept, so editors still highlight it). */
export function changedPath(file: string): string {
  const ext = path.extname(file);
  return file.slice(0, file.length - ext.length) + "-changed" + ext;
}

/** Compare `actual` with test/golden/<name>; throws a readable error on a difference (or writes it with UPDATE_GOLDEN=1). */
export function expectGolden(name: string, actual: string, dir = GOLDEN_DIR): void {
  const file = path.join(dir, name);
  const changed = changedPath(file);
  if (updating()) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(changed, actual);
  const rel = (p: string) => path.relative(process.cwd(), p);
  if (expected === null) {
    throw new Error(`golden file ${rel(file)} is missing; the output is in ${rel(changed)}.\n` +
      `If it is right, run ${UPDATE_COMMAND} and commit it.`);
  }
  throw new Error(`${rel(file)} differs from the output (written to ${rel(changed)}):\n\n` +
    lineDiff(expected, actual) + "\n\n" +
    `If the change is intended, run ${UPDATE_COMMAND}, review \`git diff test/golden\` and commit it.`);
}

/** A unified-style diff of two texts by lines: `-` golden, `+` output, two lines of context, at most `maxLines` changes. */
export function lineDiff(expected: string, actual: string, maxLines = 80): string {
  const ops = diffLines(expected.split("\n"), actual.split("\n"));
  const changes = ops.flatMap((o, i) => (o.op === " " ? [] : [i]));
  const shown = changes.slice(0, maxLines);
  const CONTEXT = 2;
  // Hunks: each change with its context, merged where they touch.
  const hunks: [number, number][] = [];
  for (const i of shown) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(ops.length - 1, i + CONTEXT);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  const out: string[] = [];
  for (const [from, to] of hunks) {
    if (out.length) out.push("  ...");
    for (let i = from; i <= to; i++) {
      out.push(`${ops[i]!.op} ${clip(ops[i]!.line)}`);
      // A long line replaced by one other line: point at the first difference, which a 400-column line hides.
      if (ops[i]!.op === "+" && ops[i - 1]?.op === "-" && ops[i - 2]?.op !== "-" && ops[i + 1]?.op !== "+") {
        out.push(`  ^ ${whereLinesDiffer(ops[i - 1]!.line, ops[i]!.line)}`);
      }
    }
  }
  if (changes.length > shown.length) out.push(`  ... and ${changes.length - shown.length} more changed lines`);
  return out.join("\n");
}

/** "column 41: …"size":99,"col… became …"size":3,"colo…" */
export function whereLinesDiffer(before: string, after: string): string {
  let i = 0;
  while (i < before.length && i < after.length && before[i] === after[i]) i++;
  let j = 0;
  while (j < before.length - i && j < after.length - i && before[before.length - 1 - j] === after[after.length - 1 - j]) j++;
  const around = (s: string) => {
    const from = Math.max(0, i - 20);
    const to = Math.min(s.length, s.length - j + 20);
    return (from > 0 ? "…" : "") + s.slice(from, to) + (to < s.length ? "…" : "");
  };
  return `column ${i + 1}: ${around(before)}  became  ${around(after)}`;
}

const clip = (line: string) => (line.length > 400 ? line.slice(0, 400) + ` … (${line.length} chars)` : line);

interface DiffOp { op: " " | "-" | "+"; line: string }

/**
 * Myers' O((N+M)·D) shortest edit script (E. Myers, "An O(ND) difference algorithm", 1986), on lines. Goldens differ
 * in a few lines when a change is small; past MAX_D edits (a rewrite) the middle is shown as removed then added.
 */
function diffLines(a: string[], b: string[]): DiffOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const head: DiffOp[] = a.slice(0, start).map((line) => ({ op: " ", line }));
  const tail: DiffOp[] = a.slice(endA).map((line) => ({ op: " ", line }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  return [...head, ...myers(midA, midB), ...tail];
}

const MAX_D = 1500;

function myers(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= Math.min(n + m, MAX_D); d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, offset, d);
    }
  }
  return [...a.map((line) => ({ op: "-" as const, line })), ...b.map((line) => ({ op: "+" as const, line }))];
}

function backtrack(a: string[], b: string[], trace: Int32Array[], offset: number, dEnd: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ op: " ", line: a[--x]! });
      y--;
    }
    if (x === prevX) ops.push({ op: "+", line: b[--y]! });
    else ops.push({ op: "-", line: a[--x]! });
  }
  while (x > 0 && y > 0) { ops.push({ op: " ", line: a[--x]! }); y--; }
  return ops.reverse();
}

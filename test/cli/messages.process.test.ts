/**
 * What the CLI prints about awkward inputs: a binary thesaurus is named as such (not quoted byte by byte), and file
 * names or quoted lines with control characters or bidi overrides are printed escaped, so a newline in a name cannot
 * break the summary table and U+202E cannot reverse the text on the terminal.
 */
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeForTerminal } from "../../src/cli/escape";

const root = path.resolve(__dirname, "../..");
const entry = path.join(root, "src/cli/main.ts");
const tsxLoader = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
const listing = path.join(root, "seeds/003_b7b40e951325af8c.txt");
// One layout iteration on builds: output, messages and exit codes are checked here, not positions (the default
// layout is a fixed ~1 s of CPU per build).
const QUICK_LAYOUT = ["--layout-iterations", "1"];

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", tsxLoader, entry, ...args], { cwd, timeout: 120_000, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === "number" ? err.code : null) : 0, stdout, stderr });
    });
  });
}

// Raw control characters (other than the newlines that end lines) and bidi controls: none may reach the terminal.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_OUTPUT = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "papergraph-messages-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("escapeForTerminal", () => {
  it("escapes control characters, bidi controls and lone surrogates, and keeps every script as is", () => {
    expect(escapeForTerminal("a\nb\tc\rd")).toBe("a\\nb\\tc\\rd");
    expect(escapeForTerminal("evil\u202Etxt.exe")).toBe("evil\\u202Etxt.exe");
    expect(escapeForTerminal("\u001B[31mred\u001B[0m \u0000 \u007F \u0085 \u2066x\u2069 \u200F")).toBe("\\u001B[31mred\\u001B[0m \\u0000 \\u007F \\u0085 \\u2066x\\u2069 \\u200F");
    expect(escapeForTerminal("lone \uD800 pair \uD83D\uDE00")).toBe("lone \\uD800 pair \uD83D\uDE00");
    expect(escapeForTerminal("Zoë 王小明 محمد naïve \\alpha")).toBe("Zoë 王小明 محمد naïve \\alpha");
  });
});

describe("papergraph graph messages", () => {
  it("names a binary thesaurus among the inputs once, without its raw bytes; exit 0, or 1 with --strict", async () => {
    const folder = path.join(dir, "binary-thesaurus");
    await mkdir(folder);
    await copyFile(listing, path.join(folder, "listing.txt"));
    // constructed: a PNG header and escape sequences saved under the thesaurus's name.
    await writeFile(path.join(folder, "thesaurus.csv"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x1b, 0x5b, 0x32, 0x4a, 0x0a, 0x6d, 0x65, 0x72, 0x67, 0x65, 0x2c, 0x41, 0x2c, 0x42, 0x0a]));
    const r = await cli(["graph", "binary-thesaurus", "--out", "out-binary", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/binary-thesaurus\/thesaurus\.csv:3: error: binary file: this is not a thesaurus \(a CSV text file with the header action,name,other, saved as UTF-8\); it is ignored/);
    expect(r.stderr).not.toMatch(/unknown action/);
    expect(r.stderr).not.toMatch(UNSAFE_OUTPUT);
    const strict = await cli(["graph", "binary-thesaurus", "--out", "out-binary-strict", "--strict", ...QUICK_LAYOUT], dir);
    expect(strict.code).toBe(1);
  }, 120_000);

  it("refuses a binary file given with --thesaurus as a usage mistake (exit 2)", async () => {
    await writeFile(path.join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x1b, 0x5b]));
    const r = await cli(["graph", listing, "--thesaurus", "image.png", "--out", "out-binary-flag"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/thesaurus image\.png is a binary file, not a thesaurus/);
    expect(r.stderr).not.toMatch(UNSAFE_OUTPUT);
  }, 120_000);

  it("prints file names and quoted lines with control characters and bidi overrides escaped", async () => {
    const folder = path.join(dir, "names");
    await mkdir(folder);
    await copyFile(listing, path.join(folder, "line\nbreak.txt"));
    await copyFile(listing, path.join(folder, "evil\u202Etxt.exe"));
    // constructed: a trending list with a line that is no title and carries an escape sequence and an RLO.
    await writeFile(path.join(folder, "trending.txt"), [
      "Get trending papers in your email inbox!", "", "Mar 11", "",
      "A title", "", "An abstract that ends like a sentence, long enough to read as one for the trending reader.", "",
      "\u001B[2J\u202Eclear screen, then reversed text, then a sentence that ends.", "",
    ].join("\n"));
    const r = await cli(["graph", "names", "--out", "out-names", ...QUICK_LAYOUT], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(UNSAFE_OUTPUT);
    const rows = r.stderr.split("\n");
    expect(rows.some((l) => /^names\/line\\nbreak\.txt\s+arxiv-listing\s+10\s+0$/.test(l))).toBe(true);
    expect(rows.some((l) => /^names\/evil\\u202Etxt\.exe\s+arxiv-listing\s+10\s+0$/.test(l))).toBe(true);
    expect(r.stderr).toContain("\\u001B[2J\\u202Eclear screen");
  }, 120_000);
});

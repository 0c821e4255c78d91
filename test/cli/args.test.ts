/**
 * Flags as people type them (issue 12, item 11): a typo gets the closest flag, `--seed -5` is a value, and numbers are
 * decimal: `0x10`, `5abc`, `Infinity` are mistakes with a clear message, not 16, 5 or a crash.
 */
import { describe, expect, it } from "vitest";
import { joinNegativeValues, parseFlags, suggestFlag } from "../../src/cli/args";
import { runGraph } from "../../src/cli/graph-command";
import { runExport } from "../../src/cli/export";
import { OptionsError, parseDecimal, resolveOptions } from "../../src/pipeline/options";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const listing = path.join(root, "seeds/003_b7b40e951325af8c.txt");

async function graph(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runGraph(args, { cwd: root, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { code, stdout, stderr };
}

describe("flag typos", () => {
  const known = ["out", "config", "thesaurus", "strict", "merge-report", "quiet", "seed", "resolution", "cluster-resolution", "max-topics"];
  it("suggests the closest known flag, or nothing when none is close", () => {
    expect(suggestFlag("--sede", known)).toBe("seed");
    expect(suggestFlag("--resolutoin", known)).toBe("resolution");
    expect(suggestFlag("--qiuet", known)).toBe("quiet");
    expect(suggestFlag("--merge", known)).toBe("merge-report");
    expect(suggestFlag("--max-topic", known)).toBe("max-topics");
    expect(suggestFlag("--colour", known)).toBeNull();
  });

  it("says so in the CLI's message, exit 2", async () => {
    const r = await graph([listing, "--sede", "3", "--out", "-"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--sede' \(did you mean --seed\?\)/);
    let err = "";
    const code = await runExport(["--fromat", "csv"], { stdout: () => undefined, stderr: (s) => void (err += s), cwd: root });
    expect(code).toBe(2);
    expect(err).toMatch(/Unknown option '--fromat' \(did you mean --format\?\)/);
  });
});

describe("numbers", () => {
  it("joins a negative number to the flag before it, and only then", () => {
    const options = { seed: { type: "string" as const }, quiet: { type: "boolean" as const } };
    expect(joinNegativeValues(["--seed", "-5", "a.txt"], options)).toEqual(["--seed=-5", "a.txt"]);
    expect(joinNegativeValues(["--seed", "-0.5"], options)).toEqual(["--seed=-0.5"]);
    expect(joinNegativeValues(["--quiet", "-5"], options)).toEqual(["--quiet", "-5"]);
    expect(joinNegativeValues(["--seed", "--quiet"], options)).toEqual(["--seed", "--quiet"]);
    expect(joinNegativeValues(["--", "--seed", "-5"], options)).toEqual(["--", "--seed", "-5"]);
    expect(parseFlags({ args: ["--seed", "-5"], options, strict: true }).values.seed).toBe("-5");
  });

  it("reads decimal numbers only", () => {
    for (const [text, n] of [["42", 42], ["-5", -5], ["+3", 3], [" 7 ", 7], ["0.5", 0.5], [".5", 0.5], ["1e3", 1000]] as const) expect(parseDecimal(text)).toBe(n);
    for (const text of ["0x10", "0b11", "0o7", "5abc", "1_000", "", " ", "Infinity", "NaN", "1e999", "--5", "5-"]) expect(parseDecimal(text)).toBeNull();
  });

  it("accepts --seed -5 and builds with it", async () => {
    // One layout iteration: the seed reaching the build is checked, not positions (the default layout is ~1 s of CPU).
    const r = await graph([listing, "--seed", "-5", "--out", "-", "--quiet", "--layout-iterations", "1"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).attributes.seed).toBe(-5);
  }, 60_000);

  it("rejects hexadecimal and trailing junk with a message that says why", async () => {
    const hex = await graph([listing, "--seed", "0x10", "--out", "-"]);
    expect(hex.code).toBe(2);
    expect(hex.stderr).toMatch(/"seed" must be any whole number, e\.g\. 42; got "0x10" \(write it in decimal digits; hexadecimal, octal and binary are not read\)/);
    const junk = await graph([listing, "--max-topics", "150abc", "--out", "-"]);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toMatch(/"max-topics" must be a whole number such as 150; got "150abc" \(only digits, a sign, a decimal point and an exponent; remove the text after the number\)/);
    expect(() => resolveOptions({ resolution: "Infinity" })).toThrow(OptionsError);
    let err = "";
    const code = await runExport(["--format", "csv", "--out", "/tmp/x", "--min-shared", "0x10"], { stdout: () => undefined, stderr: (s) => void (err += s), cwd: root });
    expect(code).toBe(2);
    expect(err).toMatch(/--min-shared must be a whole number of at least 1; got "0x10"/);
  });
});

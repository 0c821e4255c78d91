import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanJson } from "../../../../src/pipeline/formats/exports/json-scan";

const slices = (text: string, path: string) => (scanJson(text).arrays.get(path) ?? []).map((s) => text.slice(s.start, s.end));

describe("scanJson: records and their lines", () => {
  it("finds the elements of a top-level list with their lines, CRLF counted once", () => {
    // constructed: a pretty-printed list saved with Windows line ends
    const text = '[\r\n  {"a": 1},\r\n  {"b": [1, 2]},\r\n  3\r\n]\r\n';
    const scan = scanJson(text);
    expect(scan.errors).toEqual([]);
    expect(slices(text, "")).toEqual(['{"a": 1}', '{"b": [1, 2]}', "3"]);
    expect(scan.arrays.get("")!.map((s) => [s.line, s.column])).toEqual([[2, 3], [3, 3], [4, 3]]);
  });

  it("finds the lists of an API page through its object members, two names deep at most", () => {
    // constructed: the shapes of an OpenAlex page and a Crossref work-list
    const page = '{"meta": {"count": 2}, "results": [{"id": "W1"}, {"id": "W2"}]}';
    expect(scanJson(page).rootKeys).toEqual(["meta", "results"]);
    expect(slices(page, "results")).toEqual(['{"id": "W1"}', '{"id": "W2"}']);
    const crossref = '{"status": "ok", "message": {"items": [{"DOI": "10.1/a"}], "x": {"y": {"z": [1]}}}}';
    expect(slices(crossref, "message.items")).toEqual(['{"DOI": "10.1/a"}']);
    expect(scanJson(crossref).arrays.has("message.x.y.z")).toBe(false);
  });

  it("does not track lists inside list elements (each record's own arrays are parsed with it)", () => {
    const text = '[{"authorships": [1, 2]}, {"authorships": [3]}]';
    expect([...scanJson(text).arrays.keys()]).toEqual([""]);
  });

  it("reads member names with escapes", () => {
    expect(scanJson('{"k\\u0041y": [1], "re\\"s": 2}').rootKeys).toEqual(["kAy", 're"s']);
  });

  it("reports several top-level values (JSON Lines, concatenated JSON) as several roots", () => {
    const scan = scanJson('{"a":1}\n{"b":2}\n[3]\n');
    expect(scan.roots.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(scan.errors).toEqual([]);
  });
});

describe("scanJson: malformed input", () => {
  const firstError = (text: string) => {
    const e = scanJson(text).errors[0];
    return e ? `${e.line}:${e.column} ${e.message}` : null;
  };

  it("names the line and column of the first error", () => {
    // constructed: the mistakes people make editing JSON by hand
    expect(firstError('{\n  "a": 1\n  "b": 2\n}')).toBe("3:3 expected ',' or '}' after a property value (a comma is missing)");
    expect(firstError('[1, 2,]')).toBe("1:7 a trailing comma before ']'");
    expect(firstError("{'a': 1}")).toMatch(/^1:2 expected a property name in double quotes/);
    expect(firstError('{"a": tru}')).toBe("1:7 unexpected text 'tru' (text values need double quotes)");
    expect(firstError('{"a": 01}')).toMatch(/^1:7 unexpected text '01'/);
    expect(firstError('{"a": "x\\q"}')).toBe("1:9 unknown escape '\\q' inside a string");
    expect(firstError('{"a": "tab\there"}')).toMatch(/^1:11 a control character/);
    expect(firstError('{"a": 1')).toBe("1:8 the text ends before the JSON is complete (the file may be cut off)");
    expect(firstError('{"a": [1, 2}')).toMatch(/^1:12 '}' closes a '\{' while a '\[' is still open/);
    expect(firstError('{"a"}')).toBe("1:5 a property has no value");
  });

  it("keeps an unclosed string to its line, so the next records are still found", () => {
    // constructed: a closing quote lost in the middle of a pretty-printed list
    const text = '[\n  {"title": "Cut},\n  {"title": "Fine"}\n]';
    const elements = scanJson(text).arrays.get("")!;
    expect(elements.map((e) => [text.slice(e.start, e.end), e.line, !!e.error])).toEqual([
      ['{"title": "Cut}', 2, true],
      ['{"title": "Fine"}', 3, false],
    ]);
  });

  it("restarts at the next record when a '}' is missing", () => {
    const text = '{"results": [\n{"id": "W1"},\n{"id": "W2", "x": {"y": 1}\n,{"id": "W3"}]}';
    const elements = scanJson(text).arrays.get("results")!;
    expect(elements.map((e) => [text.slice(e.start, e.end), e.line, !!e.error])).toEqual([
      ['{"id": "W1"}', 2, false],
      ['{"id": "W2", "x": {"y": 1}', 3, true],
      ['{"id": "W3"}', 4, false],
    ]);
  });

  it("skips a stray closing bracket and a missing comma between records without losing either neighbour", () => {
    const stray = '[\n{"a": 1}},\n{"b": 2}\n]';
    expect(scanJson(stray).arrays.get("")!.map((e) => [e.line, !!e.error])).toEqual([[2, false], [3, false]]);
    expect(scanJson(stray).errors[0]!.line).toBe(2);
    const comma = '[{"a": 1} {"b": 2}]';
    expect(scanJson(comma).arrays.get("")!.map((e) => !!e.error)).toEqual([false, false]);
    expect(scanJson(comma).errors).toHaveLength(1);
  });

  it("survives deep nesting and long garbage in linear time", () => {
    // constructed: adversarial inputs
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    expect(scanJson(deep).errors).toEqual([]);
    const garbage = "{" + '"a":'.repeat(50_000);
    const scan = scanJson(garbage);
    expect(scan.errorCount).toBeGreaterThan(0);
    expect(scan.errors.length).toBeLessThanOrEqual(1000);
  });
});

describe("scanJson agrees with JSON.parse", () => {
  it("finds no error in any valid JSON, with the top-level span covering the whole value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const scan = scanJson(text);
        expect(scan.errorCount).toBe(0);
        expect(scan.roots).toHaveLength(1);
        expect(text.slice(scan.roots[0]!.start, scan.roots[0]!.end)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("reports an error exactly when JSON.parse fails, on valid JSON with one character deleted or inserted", () => {
    const alphabet = ['"', "{", "}", "[", "]", ":", ",", "\\", "1", "a", " ", "\n", "e", "-", "."];
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), fc.constantFrom(...alphabet), fc.boolean(), (value, at, ch, insert) => {
        const text = JSON.stringify(value);
        const i = text.length === 0 ? 0 : at % text.length;
        const mutated = insert ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
        let parses = true;
        try {
          JSON.parse(mutated);
        } catch {
          parses = false;
        }
        const scan = scanJson(mutated);
        // An empty or all-space text has no value: JSON.parse fails, the scanner finds no root.
        const scannerOk = scan.errorCount === 0 && scan.roots.length === 1;
        expect(scannerOk).toBe(parses);
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Format readers: detect the format of an input document by its content and read its records. Every block of a
 * recognised file becomes a record or a diagnostic; problems with the input are diagnostics, never exceptions.
 */
import type { Diagnostic, FormatId, InputDocument, ParsedDocument } from "../records";
import { readArxivListing } from "./arxiv-listing";
import { readCompactProfile } from "./compact-profile";
import { detectLines } from "./detect";
import { toLines } from "./lines";
import { readProfile } from "./profile";
import type { ReaderResult } from "./record";
import { binaryLine, excerpt } from "./text";
import { readTrending } from "./trending";

export { CATEGORY_NAMES } from "./categories";
export { detectFormat } from "./detect";

const READERS: Record<FormatId, (lines: ReturnType<typeof toLines>, file: string) => ReaderResult> = {
  profile: readProfile,
  "compact-profile": readCompactProfile,
  trending: readTrending,
  "arxiv-listing": readArxivListing,
};

export function readDocument(input: InputDocument): ParsedDocument {
  const file = input.file;
  const failed = (line: number, message: string): ParsedDocument => ({
    file, format: null, records: [], profile: null, listingDate: null,
    diagnostics: [{ file, line, severity: "error", message }],
  });
  // The type says string, but a caller that could not decode a file may hand over null.
  const text: unknown = input.text;
  if (typeof text !== "string") return failed(1, "binary file: the file could not be read as text");
  const binary = binaryLine(text);
  if (binary !== null) {
    return failed(binary, "binary file: this is not a text listing (it contains NUL bytes or bytes that are not UTF-8); save the listing as UTF-8 text");
  }
  const lines = toLines(text);
  if (lines.every((l) => l.text === "")) return failed(1, "empty file: nothing to read");
  const format = detectLines(lines);
  if (format === null) {
    const first = lines.find((l) => l.text !== "");
    return failed(1, `not a recognised listing: expected a profile page, a compact profile, a trending list or an arXiv listing (first line: "${excerpt(first?.text ?? "")}")`);
  }
  try {
    const result = READERS[format](lines, file);
    const damaged = lines.find((l) => l.text.includes("\uFFFD"));
    if (damaged) {
      result.diagnostics.push({
        file, line: damaged.no, severity: "warning",
        message: "the file has characters that are not valid UTF-8 (shown as �); save it as UTF-8 so names match their other spellings",
      });
      result.diagnostics.sort((a, b) => a.line - b.line);
    }
    return { file, format, ...result };
  } catch (err) {
    // A reader bug must not take the whole build down; report it against the file instead.
    const diagnostic: Diagnostic = {
      file, line: 1, severity: "error",
      message: `internal error while reading this ${format} file: ${err instanceof Error ? err.message : String(err)}`,
    };
    return { file, format, records: [], diagnostics: [diagnostic], profile: null, listingDate: null };
  }
}

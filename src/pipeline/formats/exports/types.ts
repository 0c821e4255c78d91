/** The contract every bibliographic export reader fulfils (BibTeX, RIS, WoS, Scopus, PubMed, CSL-JSON, arXiv Atom, OpenAlex, S2). */
import type { ExportFormatId } from "../../records";
import type { ReaderResult } from "../record";

export interface ExportReader {
  /** The format id this reader reports (a family reader such as JSON may set `ReaderResult.format` to a sibling id). */
  format: ExportFormatId;
  /** "a BibTeX file", used in messages. */
  description: string;
  /**
   * A cheap test on the start of the text (BOM removed, at most the first 64 KiB): true when the text is in this format.
   * Decided by content only, never by a file name.
   */
  sniff(head: string): boolean;
  /**
   * Reads the whole text (BOM removed, line ends as in the file). Every record becomes a PaperRecord or a diagnostic with
   * its 1-based line; a malformed record never swallows its neighbours; never throws for bad input. Linear in the text.
   */
  read(text: string, file: string): ReaderResult;
}

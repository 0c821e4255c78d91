/**
 * The registry of bibliographic export readers, tried in order on the start of a text before the listing readers.
 * Order matters only where two sniffers could both match: markup and JSON first (decided by the first character and the
 * root element), then the tagged formats by their record tags: bibtex, then ris before medline (RIS shares MEDLINE's
 * "XX  - " line shape; the MEDLINE sniffer refuses text with a "TY  - " line), then wos, wos-tab, scopus-csv.
 */
import { arxivAtomReader } from "./arxiv-atom";
import { bibtexReader } from "./bibtex";
import { jsonReader } from "./json";
import { medlineReader } from "./medline";
import { pubmedXmlReader } from "./pubmed-xml";
import { risReader } from "./ris";
import { scopusCsvReader } from "./scopus-csv";
import { wosReader } from "./wos";
import { wosTabReader } from "./wos-tab";
import type { ExportReader } from "./types";

export type { ExportReader };

export const EXPORT_READERS: readonly ExportReader[] = [
  jsonReader,
  arxivAtomReader,
  pubmedXmlReader,
  bibtexReader,
  risReader,
  medlineReader,
  wosReader,
  wosTabReader,
  scopusCsvReader,
];

/** How much of a text the sniffers see. */
export const SNIFF_BYTES = 64 * 1024;

/** A saved web page (an error or login page saved instead of the export), told apart from XML exports. */
export function isHtmlPage(head: string): boolean {
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(head);
}

/** The export reader for a text, or null when none recognises it. `head` is the text's start, BOM removed. */
export function detectExport(head: string): ExportReader | null {
  for (const reader of EXPORT_READERS) if (reader.sniff(head)) return reader;
  return null;
}

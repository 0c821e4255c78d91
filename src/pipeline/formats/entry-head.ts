/**
 * The first line of a profile entry: category code, date and an optional "Code" flag glued together
 * ("CYAug 11, 2023", "CVApr 14Code", "MED-PHJul 21, 2020"). Category codes are upper case, months are capitalised,
 * so the boundary between them is unambiguous.
 */
import { MONTH_PATTERN, isoDate, parseMonthDay, resolveYearless, type MonthDay } from "./dates";

export interface EntryHead {
  /** Category codes as read (empty when the line starts with the date). */
  categories: string[];
  /** null when the date text is not a real calendar day ("Feb 30"). */
  date: MonthDay | null;
  /** The date as printed, for messages. */
  dateText: string;
  hasCode: boolean;
}

const HEAD = new RegExp(`^([A-Z][A-Z0-9-]*?)? ?(${MONTH_PATTERN} \\d{1,2}(?:, \\d{4})?) ?(Code)?$`);

export function parseEntryHead(line: string): EntryHead | null {
  const m = HEAD.exec(line);
  if (!m) return null;
  const dateText = m[2] ?? "";
  return {
    categories: m[1] ? [m[1]] : [],
    date: parseMonthDay(dateText),
    dateText,
    hasCode: m[3] === "Code",
  };
}

export function isEntryHead(line: string): boolean {
  return HEAD.test(line);
}

/** An entry whose head was read; its record's date is filled in by assignEntryDates once the whole page is read. */
export interface HeadedRecord {
  head: EntryHead;
  line: number;
  record: { date: string | null };
}

/**
 * Dates of a profile page's entries, including year-less ones (see resolveYearless for the rule). Invalid days and
 * undatable year-less entries get a null date and a warning.
 */
export function assignEntryDates(entries: readonly HeadedRecord[], warn: (line: number, message: string) => void): void {
  let newest: string | null = null;
  for (const e of entries) {
    const d = e.head.date;
    if (d && d.year !== null) {
      e.record.date = isoDate(d.year, d.month, d.day);
      if (newest === null || e.record.date > newest) newest = e.record.date;
    }
  }
  for (const e of entries) {
    const d = e.head.date;
    if (!d) {
      warn(e.line, `"${e.head.dateText}" is not a real calendar date; the entry is kept without a date`);
    } else if (d.year === null) {
      e.record.date = resolveYearless(d, newest);
      if (e.record.date === null) {
        warn(e.line, `date "${e.head.dateText}" has no year and the page has no dated entry to infer it from; the entry is kept without a date`);
      }
    }
  }
}

/** Date parsing shared by the readers. All output dates are "YYYY-MM-DD" strings; no clock is ever consulted. */

export const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Regex source for a short month name, as listings print it. */
export const MONTH_PATTERN = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";

export interface MonthDay {
  /** 1..12 */
  month: number;
  day: number;
  /** null when the listing printed no year ("Apr 14"). */
  year: number | null;
}

export function monthNumber(name: string): number | null {
  const i = (MONTHS as readonly string[]).indexOf(name.slice(0, 1).toUpperCase() + name.slice(1, 3).toLowerCase());
  return i < 0 ? null : i + 1;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "Aug 11, 2023" / "Apr 14" -> parts, or null when it is not such a date or the day cannot exist. */
export function parseMonthDay(text: string): MonthDay | null {
  const m = /^([A-Za-z]{3}) (\d{1,2})(?:, (\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const month = monthNumber(m[1] ?? "");
  const day = Number(m[2]);
  const year = m[3] ? Number(m[3]) : null;
  if (month === null) return null;
  // A year-less day is checked against a leap year so "Feb 29" stays possible.
  if (!isValidDate(year ?? 2000, month, day)) return null;
  return { month, day, year };
}

/** "2025-07-16" -> the same string when it is a real calendar date, else null. */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? isoDate(y, mo, d) : null;
}

/**
 * Year-less dates on a profile page ("Apr 14"). Profile pages print the year for every entry except the most recent
 * ones, so year-less entries are newer than every dated entry on the same page. Rule (independent of the day the
 * build runs): a year-less entry gets the smallest year that puts its month and day strictly after the newest dated
 * entry of the page. Example: newest dated entry 2025-12-04, "Jan 22" -> 2026-01-22, "Dec 20" -> 2025-12-20.
 * When the page has no dated entry, the year cannot be known: date and year stay null (the reader warns).
 *
 * Returns "YYYY-MM-DD", or null when `newest` is null.
 */
export function resolveYearless(md: { month: number; day: number }, newest: string | null): string | null {
  if (newest === null) return null;
  const newestYear = Number(newest.slice(0, 4));
  for (let year = newestYear; year <= newestYear + 8; year++) {
    if (!isValidDate(year, md.month, md.day)) continue; // Feb 29 waits for a leap year
    const candidate = isoDate(year, md.month, md.day);
    if (candidate > newest) return candidate;
  }
  return null;
}

/**
 * Dates as precise as the source gives them: "YYYY-MM-DD", "YYYY-MM" or "YYYY", never a part invented. A part that
 * cannot be real (month 13, 31 April) is dropped with the parts after it, so what remains is still true.
 */
import { daysInMonth } from "../dates";

const pad = (n: number, w: number) => String(n).padStart(w, "0");

function part(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^\s*-?\d{1,4}\s*$/.test(v)) return Number(v);
  return null;
}

/**
 * Year, month, day (numbers or digit strings, as CSL `date-parts` holds them) to a partial date. Months 13–24 are
 * CSL's seasons (and citeproc-js's 21–24): the year is kept, the season is not a month.
 */
export function dateFromParts(year: unknown, month?: unknown, day?: unknown): string | null {
  const y = part(year);
  if (y === null || y < 1000 || y > 9999) return null;
  const m = part(month);
  if (m === null || m < 1 || m > 12) return pad(y, 4);
  const d = part(day);
  if (d === null || d < 1 || d > daysInMonth(y, m)) return `${pad(y, 4)}-${pad(m, 2)}`;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * A date written as text: ISO dates and date-times ("2017-06-12T17:57:34Z" -> "2017-06-12"), "2019-07", "2019/7/4",
 * a bare year; otherwise the first plausible year in the text ("circa 1850", "Spring 2004"). Null when there is none.
 */
export function dateFromText(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s/])/.exec(s); // "/" starts an EDTF range
  if (iso) return dateFromParts(iso[1], iso[2], iso[3]);
  const year = /(?:^|[^\d])(1[5-9]\d\d|20\d\d)(?![\d])/.exec(s);
  return year ? dateFromParts(year[1]) : null;
}

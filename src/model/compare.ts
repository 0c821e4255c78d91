/**
 * The one string order of the project: UTF-16 code units, as `<` compares them. Every sort whose result reaches an
 * output uses it (or breaks ties with it), never localeCompare, whose order depends on the machine's locale and ICU
 * version: the same inputs must give the same bytes everywhere.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

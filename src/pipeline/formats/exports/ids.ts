/** Normalisation of the identifiers the export formats carry: DOI, ORCID, arXiv id, PMID. */

/**
 * A DOI in its canonical comparable form: lower case, no "doi:" or resolver URL prefix, no trailing punctuation.
 * Returns null when the text holds no DOI ("10." + registrant + "/" + suffix).
 * "https://doi.org/10.1038/S41586-020-2649-2." -> "10.1038/s41586-020-2649-2"
 */
export function normalizeDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let s = raw.trim();
  try {
    if (/%[0-9a-f]{2}/i.test(s)) s = decodeURIComponent(s);
  } catch {
    // A stray "%" is part of the DOI as printed.
  }
  const m = /(10\.\d{4,9}\/\S+)/i.exec(s);
  if (!m || !m[1]) return null;
  const doi = m[1].replace(/[.,;:)\]}>'"]+$/, "").toLowerCase();
  return doi.length > 8 ? doi : null;
}

/** ORCID checksum (ISO 7064 11,2) of the first 15 digits. */
function orcidCheck(digits: string): string {
  let total = 0;
  for (const ch of digits) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? "X" : String(result);
}

/**
 * An ORCID iD as "0000-0002-1825-0097" (URL prefixes removed, checksum verified), or null when the text holds none or
 * the checksum is wrong (a mistyped ORCID must not merge two people).
 */
export function normalizeOrcid(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])/i.exec(raw);
  if (!m) return null;
  const digits = `${m[1]}${m[2]}${m[3]}${m[4]}`.toUpperCase();
  if (orcidCheck(digits.slice(0, 15)) !== digits[15]) return null;
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`;
}

/**
 * An arXiv identifier without version or URL ("2301.00001", "hep-th/9901001"), or null.
 * "arXiv:2301.00001v2", "http://arxiv.org/abs/2301.00001v2", "https://arxiv.org/pdf/2301.00001.pdf" -> "2301.00001".
 */
export function normalizeArxivId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  const modern = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])/.exec(s);
  if (modern && modern[1]) return modern[1];
  const old = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?/i.exec(s);
  if (old && old[1]) return old[1];
  return null;
}

/** A PubMed id (digits only), or null. "PMID: 31452104", "31452104 [pmid]" -> "31452104". */
export function normalizePmid(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /(\d{1,9})/.exec(raw);
  return m && m[1] ? String(Number(m[1])) : null;
}

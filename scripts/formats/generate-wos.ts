/**
 * Synthetic Web of Science exports for speed tests: `generateWos(n, seed)` (plain text, as savedrecs.txt) and
 * `generateWosTab(n, seed)` (tab-delimited), seeded, with the fields and shapes of real Core Collection exports:
 * AU/AF pairs, bracketed C1, RI/OI, CA now and then, DE/ID wrapped at 70 columns, 10-60 CR lines with DOIs.
 *   npx tsx scripts/formats/generate-wos.ts --records 10000 --seed 1 --out tmp/savedrecs.txt [--tab]
 */
import { runGenerator } from "./generator-cli";
import { wrapWosField } from "../../bench/synthetic/field-corpus";
import { fullName, generateRecords, shortName, type SyntheticRecord } from "./synthetic-records";

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];


function list(tag: string, items: string[]): string {
  return `${tag} ${items.join("\n   ")}`;
}

function fields(r: SyntheticRecord): Record<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const a of r.authors) groups.set(a.affiliation, [...(groups.get(a.affiliation) ?? []), fullName(a)]);
  const ri = r.authors.filter((a) => a.researcherId).map((a) => `${fullName(a)}/${a.researcherId}`);
  const oi = r.authors.filter((a) => a.orcid).map((a) => `${fullName(a)}/${a.orcid}`);
  const cr = r.references.map((c) => `${c.author}, ${c.year}, ${c.source}, V${c.volume}, P${c.page}${c.doi ? `, DOI ${c.doi}` : ""}`);
  return {
    PT: ["J"],
    AU: r.authors.map(shortName),
    AF: r.authors.map(fullName),
    CA: r.group ? [r.group] : [],
    TI: [r.title],
    SO: [r.venue],
    LA: ["English"],
    DT: [r.type],
    DE: [r.keywords.join("; ")],
    ID: [r.indexKeywords.join("; ")],
    AB: [r.abstract],
    C1: [...groups].map(([aff, names]) => `[${names.join("; ")}] ${aff}.`),
    RI: ri.length ? [ri.join("; ")] : [],
    OI: oi.length ? [oi.join("; ")] : [],
    CR: cr,
    NR: [String(cr.length)],
    TC: [String(r.citations)],
    Z9: [String(r.citations + (r.serial % 3))],
    PD: [`${MONTHS[r.month - 1]}${r.day ? ` ${r.day}` : ""}`],
    PY: [String(r.year)],
    VL: [r.volume],
    IS: [r.issue],
    BP: [String(r.pageStart)],
    EP: [String(r.pageEnd)],
    DI: [r.doi],
    PM: r.pmid ? [r.pmid] : [],
    UT: [`WOS:${String(100000000000000 + r.serial * 7).padStart(15, "0")}`],
  };
}

const WRAPPED = new Set(["TI", "SO", "DE", "ID", "RI", "OI"]);
const LISTS = new Set(["AU", "AF", "CA", "C1", "CR"]);

export function generateWos(n: number, seed: number): string {
  const out = ["FN Clarivate Analytics Web of Science", "VR 1.0"];
  for (const r of generateRecords(n, seed)) {
    for (const [tag, values] of Object.entries(fields(r))) {
      if (values.length === 0) continue;
      if (LISTS.has(tag)) out.push(list(tag, values));
      else if (WRAPPED.has(tag)) out.push(wrapWosField(tag, values[0]!));
      else out.push(`${tag} ${values[0]}`);
    }
    out.push("ER", "");
  }
  out.push("EF");
  return out.join("\n") + "\n";
}

const TAB_TAGS = ["PT", "AU", "BA", "BE", "GP", "AF", "BF", "CA", "TI", "SO", "SE", "BS", "LA", "DT", "CT", "CY", "CL", "SP", "HO",
  "DE", "ID", "AB", "C1", "RP", "EM", "RI", "OI", "FU", "FX", "CR", "NR", "TC", "Z9", "U1", "U2", "PU", "PI", "PA", "SN", "EI", "BN",
  "J9", "JI", "PD", "PY", "VL", "IS", "PN", "SU", "SI", "MA", "BP", "EP", "AR", "DI", "D2", "EA", "EY", "PG", "WC", "SC", "GA", "UT",
  "PM", "OA", "HC", "HP", "DA"];

export function generateWosTab(n: number, seed: number): string {
  const lines = [TAB_TAGS.join("\t")];
  for (const r of generateRecords(n, seed)) {
    const f = fields(r);
    // One tab more than the header, as the exports have.
    lines.push(TAB_TAGS.map((t) => (f[t] ?? []).join("; ")).join("\t") + "\t");
  }
  return lines.join("\r\n") + "\r\n";
}

function main(args: string[]): number {
  return runGenerator(args, "tsx scripts/formats/generate-wos.ts --records N --seed S --out FILE [--tab]", (records, seed) => (args.includes("--tab") ? generateWosTab(records, seed) : generateWos(records, seed)));
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));

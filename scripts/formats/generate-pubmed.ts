/**
 * Seeded, realistic PubMed exports for speed and property tests: `generateMedline(n, seed)` (MEDLINE / .nbib text) and
 * `generatePubmedXml(n, seed)` (an efetch-style PubmedArticleSet) describe the same n synthetic articles. They carry
 * what real exports carry: FAU/AU pairs, ORCIDs (valid checksums), several affiliations, collective authors,
 * structured abstracts wrapped at 80 columns, MeSH with major-topic stars and qualifiers, keywords, the date forms
 * PubMed prints ("2019 Jan-Feb", "2020 Spring", "2019 Dec 12"), DOIs and PIIs, references (XML).
 * Same (n, seed), same bytes.
 */
import seedrandom from "seedrandom";

type Rng = () => number;

const GIVEN = ["Maria", "Wei", "Anna", "Jürgen", "Ahmed", "Yuki", "Olga", "José", "Priya", "Lars", "Chen", "Fatima", "Ana Sofia", "Mack", "Siobhán", "Kwame", "Hiroshi", "Élodie", "Tomasz", "Ingrid", "Rafael", "Mei Ling", "Sergei", "Aisha"];
const MIDDLE = ["", "", "", "A", "J", "M", "R", "K L", "E"];
const FAMILY = ["Smith", "Wang", "Müller", "García", "Kowalski", "Nakamura", "Ivanova", "Okafor", "Rossi", "Johansson", "de Hoon", "van der Berg", "O'Brien", "Nguyen", "Ben-David", "Silva", "Dubois", "Kim", "Patel", "Andersen", "Li", "Zhang", "Ferreira", "Schmidt"];
const SUFFIXES = ["Jr", "3rd", "II"];
const GROUPS = ["COVID-19 Genomics UK (COG-UK) Consortium", "Guideline Development Group", "Canadian Respiratory Research Network", "GBD 2019 Diseases and Injuries Collaborators"];
const INSTITUTES = ["Department of Medicine, University of Toronto, Toronto, Ontario, Canada.", "Institute of Molecular Biology, Universität Heidelberg, Heidelberg, Germany.", "School of Public Health, Harvard T.H. Chan School of Public Health, Boston, MA, USA.", "Centre for Genomic Research, University of Liverpool, Liverpool, UK.", "Department of Pathology, Seoul National University College of Medicine, Seoul, Korea.", "Instituto de Salud Carlos III, Madrid, Spain.", "Karolinska Institutet, Department of Clinical Neuroscience, Stockholm, Sweden.", "Division of Cancer Epidemiology and Genetics, National Cancer Institute, Rockville, Maryland, USA."];
const JOURNALS: [string, string][] = [["Nature methods", "Nat Methods"], ["BMC bioinformatics", "BMC Bioinformatics"], ["The Lancet. Oncology", "Lancet Oncol"], ["PloS one", "PLoS One"], ["Medical physics", "Med Phys"], ["Journal of clinical oncology : official journal of the American Society of Clinical Oncology", "J Clin Oncol"], ["Bioinformatics (Oxford, England)", "Bioinformatics"], ["Frontiers in physiology", "Front Physiol"]];
const MESH = ["Humans", "Female", "Male", "Adult", "Middle Aged", "Neoplasms", "Breast Neoplasms", "Algorithms", "Software", "Retrospective Studies", "Prognosis", "Risk Factors", "Gene Expression Profiling", "Mice", "Animals", "Magnetic Resonance Imaging", "Deep Learning", "Sequence Analysis, DNA"];
const QUALIFIERS = ["drug therapy", "genetics", "methods", "diagnostic imaging", "epidemiology", "metabolism", "statistics & numerical data"];
const WORDS = ["tumour", "cohort", "patients", "sequencing", "expression", "signalling", "imaging", "segmentation", "network", "clinical", "outcome", "mortality", "genomic", "variant", "cell", "protein", "model", "treatment", "response", "analysis", "risk", "biomarker", "survival", "inflammation", "receptor", "therapy", "trial", "association", "metabolic", "pathway", "resistance", "diagnosis", "screening", "microbiome", "regulatory"];
const LABELS = ["BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS"];
const TYPES = ["Journal Article", "Review", "Randomized Controlled Trial", "Comparative Study"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const SEASONS = ["Spring", "Summer", "Fall", "Winter"];

interface Person {
  family: string;
  given: string;
  initials: string;
  suffix: string | null;
  orcid: string | null;
  affiliations: string[];
}

interface Article {
  pmid: number;
  title: string;
  /** Title words to print in italics in the XML (gene names). */
  italic: string | null;
  sections: [string | null, string][];
  authors: Person[];
  group: string | null;
  journal: [string, string];
  volume: number;
  issue: number;
  pages: string;
  year: number;
  /** The date as MEDLINE DP prints it. */
  dp: string;
  dep: string | null;
  doi: string;
  pii: string;
  types: string[];
  mesh: string[];
  keywords: string[];
  references: number[];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function orcidFor(rng: Rng): string {
  let digits = "000" + String(int(rng, 0, 2)) + String(int(rng, 10000000000, 99999999999));
  digits = digits.slice(0, 15);
  let total = 0;
  for (const ch of digits) total = (total + Number(ch)) * 2;
  const check = (12 - (total % 11)) % 11;
  const all = digits + (check === 10 ? "X" : String(check));
  return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
}

function person(rng: Rng): Person {
  const given = [pick(rng, GIVEN), pick(rng, MIDDLE)].filter(Boolean).join(" ");
  const initials = given.split(/[\s-]+/).map((p) => p[0]!.toUpperCase()).join("");
  const affiliations = Array.from({ length: int(rng, 1, 3) }, () => pick(rng, INSTITUTES));
  return {
    family: pick(rng, FAMILY),
    given,
    initials,
    suffix: rng() < 0.02 ? pick(rng, SUFFIXES) : null,
    orcid: rng() < 0.3 ? orcidFor(rng) : null,
    affiliations: [...new Set(affiliations)],
  };
}

function sentence(rng: Rng, words: number): string {
  const w = Array.from({ length: words }, () => pick(rng, WORDS));
  w[0] = w[0]![0]!.toUpperCase() + w[0]!.slice(1);
  return `${w.join(" ")}.`;
}

function article(rng: Rng, i: number): Article {
  const year = int(rng, 1995, 2024);
  const month = int(rng, 0, 11);
  const form = rng();
  let dp: string;
  if (form < 0.45) dp = `${year} ${MONTHS[month]}`;
  else if (form < 0.7) dp = `${year} ${MONTHS[month]} ${int(rng, 1, 28)}`;
  else if (form < 0.8) dp = `${year} ${MONTHS[month]}-${MONTHS[(month + 1) % 12]}`;
  else if (form < 0.85) dp = `${year} ${pick(rng, SEASONS)}`;
  else dp = String(year);
  const structured = rng() < 0.5;
  const sections: [string | null, string][] = structured
    ? LABELS.map((l) => [l, Array.from({ length: int(rng, 1, 3) }, () => sentence(rng, int(rng, 8, 20))).join(" ")])
    : [[null, Array.from({ length: int(rng, 5, 10) }, () => sentence(rng, int(rng, 8, 22))).join(" ")]];
  const authors = Array.from({ length: int(rng, 1, 12) }, () => person(rng));
  const pmid = 30000000 + i * 7 + int(rng, 0, 6);
  const first = int(rng, 1, 2000);
  return {
    pmid,
    title: sentence(rng, int(rng, 6, 16)),
    italic: rng() < 0.15 ? pick(rng, ["TERT", "BRCA1", "TP53", "EGFR"]) : null,
    sections,
    authors,
    group: rng() < 0.05 ? pick(rng, GROUPS) : null,
    journal: pick(rng, JOURNALS),
    volume: int(rng, 1, 120),
    issue: int(rng, 1, 24),
    pages: `${first}-${first + int(rng, 2, 15)}`,
    year,
    dp,
    dep: rng() < 0.6 ? `${year}${String(month + 1).padStart(2, "0")}${String(int(rng, 1, 28)).padStart(2, "0")}` : null,
    doi: `10.${int(rng, 1000, 9999)}/j.example.${year}.${i}`,
    pii: `S${int(rng, 1000, 9999)}-${int(rng, 1000, 9999)}(${String(year).slice(2)})${String(i).padStart(5, "0")}-X`,
    types: rng() < 0.8 ? ["Journal Article"] : [pick(rng, TYPES), "Journal Article"],
    mesh: [...new Set(Array.from({ length: int(rng, 3, 12) }, () => pick(rng, MESH)))].map((d) => {
      const star = rng() < 0.3 ? "*" : "";
      return rng() < 0.4 ? `${d}/${star}${pick(rng, QUALIFIERS)}` : `${star}${d}`;
    }),
    keywords: rng() < 0.5 ? Array.from({ length: int(rng, 2, 6) }, () => `${pick(rng, WORDS)} ${pick(rng, WORDS)}`) : [],
    references: Array.from({ length: int(rng, 0, 30) }, () => int(rng, 1000000, 39999999)),
  };
}

function articles(n: number, seed: number): Article[] {
  const rng = seedrandom(`pubmed-${seed}`);
  return Array.from({ length: n }, (_, i) => article(rng, i));
}

// ---------------------------------------------------------------------------------------------------------------
// MEDLINE

/** "TAG - value" with PubMed's wrapping: lines of at most 80 columns, continuations indented by six spaces. */
function field(tag: string, value: string): string {
  const lines: string[] = [];
  let line = `${tag.padEnd(4)}- `;
  let empty = true;
  for (const w of value.split(" ")) {
    if (!empty && line.length + 1 + w.length > 80) {
      lines.push(line);
      line = "      ";
      empty = true;
    }
    line += (empty ? "" : " ") + w;
    empty = false;
  }
  lines.push(line);
  return lines.join("\n");
}

function medlineRecord(a: Article): string {
  const out: string[] = [
    field("PMID", String(a.pmid)), field("OWN", "NLM"), field("STAT", "MEDLINE"), field("DCOM", `${a.year}0101`),
    field("IS", "1234-5678 (Electronic)"), field("VI", String(a.volume)), field("IP", String(a.issue)), field("DP", a.dp),
    field("TI", a.title), field("PG", a.pages), field("LID", `${a.doi} [doi]`),
    field("AB", a.sections.map(([l, t]) => (l ? `${l}: ${t}` : t)).join(" ")),
    field("CI", `© ${a.year} The Authors.`),
  ];
  for (const p of a.authors) {
    out.push(field("FAU", `${p.family}, ${p.given}${p.suffix ? ` ${p.suffix}` : ""}`));
    out.push(field("AU", `${p.family} ${p.initials}${p.suffix ? ` ${p.suffix}` : ""}`));
    if (p.orcid) out.push(field("AUID", `ORCID: ${p.orcid}`));
    for (const aff of p.affiliations) out.push(field("AD", aff));
  }
  if (a.group) out.push(field("CN", a.group));
  out.push(field("LA", "eng"));
  for (const t of a.types) out.push(field("PT", t));
  if (a.dep) out.push(field("DEP", a.dep));
  out.push(field("PL", "United States"), field("TA", a.journal[1]), field("JT", a.journal[0]), field("JID", "101215604"), field("SB", "IM"));
  for (const m of a.mesh) out.push(field("MH", m));
  if (a.keywords.length) out.push(field("OTO", "NOTNLM"), ...a.keywords.map((k) => field("OT", k)));
  out.push(field("EDAT", `${a.year}/01/01 06:00`), field("AID", `${a.pii} [pii]`), field("AID", `${a.doi} [doi]`), field("PST", "ppublish"));
  out.push(field("SO", `${a.journal[1]}. ${a.dp};${a.volume}(${a.issue}):${a.pages}. doi: ${a.doi}.`));
  return out.join("\n");
}

export function generateMedline(n: number, seed: number): string {
  return `\n${articles(n, seed).map(medlineRecord).join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// PubMed XML

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function titleXml(a: Article): string {
  if (!a.italic) return esc(a.title);
  return `${esc(a.title.replace(/\.$/, ""))} of <i>${a.italic}</i>.`;
}

function pubDateXml(a: Article): string {
  const [year, rest] = [a.dp.slice(0, 4), a.dp.slice(5)];
  if (rest.includes("-") || SEASONS.includes(rest)) return `<PubDate><MedlineDate>${esc(a.dp)}</MedlineDate></PubDate>`;
  const [month, day] = rest.split(" ");
  return `<PubDate><Year>${year}</Year>${month ? `<Month>${month}</Month>` : ""}${day ? `<Day>${day.padStart(2, "0")}</Day>` : ""}</PubDate>`;
}

function authorXml(p: Person): string {
  const orcid = p.orcid ? `\n          <Identifier Source="ORCID">https://orcid.org/${p.orcid}</Identifier>` : "";
  const affs = p.affiliations.map((x) => `\n          <AffiliationInfo>\n            <Affiliation>${esc(x)}</Affiliation>\n          </AffiliationInfo>`).join("");
  return `        <Author ValidYN="Y">\n          <LastName>${esc(p.family)}</LastName>\n          <ForeName>${esc(p.given)}</ForeName>\n          <Initials>${p.initials}</Initials>${p.suffix ? `\n          <Suffix>${p.suffix}</Suffix>` : ""}${orcid}${affs}\n        </Author>`;
}

function xmlArticle(a: Article): string {
  const abstract = a.sections.map(([l, t]) => `        <AbstractText${l ? ` Label="${l}" NlmCategory="${l}"` : ""}>${esc(t)}</AbstractText>`).join("\n");
  const group = a.group ? `\n        <Author ValidYN="Y">\n          <CollectiveName>${esc(a.group)}</CollectiveName>\n        </Author>` : "";
  const articleDate = a.dep ? `\n      <ArticleDate DateType="Electronic"><Year>${a.dep.slice(0, 4)}</Year><Month>${a.dep.slice(4, 6)}</Month><Day>${a.dep.slice(6)}</Day></ArticleDate>` : "";
  const mesh = a.mesh.map((m) => {
    const [d, q] = m.split("/");
    const dMajor = d!.startsWith("*") ? "Y" : "N";
    const qual = q ? `<QualifierName MajorTopicYN="${q.startsWith("*") ? "Y" : "N"}">${esc(q.replace("*", ""))}</QualifierName>` : "";
    return `      <MeshHeading><DescriptorName MajorTopicYN="${dMajor}">${esc(d!.replace("*", ""))}</DescriptorName>${qual}</MeshHeading>`;
  }).join("\n");
  const keywords = a.keywords.length ? `\n    <KeywordList Owner="NOTNLM">\n${a.keywords.map((k) => `      <Keyword MajorTopicYN="N">${esc(k)}</Keyword>`).join("\n")}\n    </KeywordList>` : "";
  const refs = a.references.length
    ? `\n    <ReferenceList>\n${a.references.map((r) => `      <Reference>\n        <Citation>Example ${r}. ${a.journal[1]}. ${a.year - 1};1:1-2.</Citation>\n        <ArticleIdList>\n          <ArticleId IdType="pubmed">${r}</ArticleId>\n        </ArticleIdList>\n      </Reference>`).join("\n")}\n    </ReferenceList>`
    : "";
  return `<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM" IndexingMethod="Automated">
    <PMID Version="1">${a.pmid}</PMID>
    <DateCompleted><Year>${a.year}</Year><Month>01</Month><Day>01</Day></DateCompleted>
    <Article PubModel="Print-Electronic">
      <Journal>
        <ISSN IssnType="Electronic">1234-5678</ISSN>
        <JournalIssue CitedMedium="Internet">
          <Volume>${a.volume}</Volume>
          <Issue>${a.issue}</Issue>
          ${pubDateXml(a)}
        </JournalIssue>
        <Title>${esc(a.journal[0])}</Title>
        <ISOAbbreviation>${esc(a.journal[1])}</ISOAbbreviation>
      </Journal>
      <ArticleTitle>${titleXml(a)}</ArticleTitle>
      <Pagination><StartPage>${a.pages.split("-")[0]}</StartPage><MedlinePgn>${a.pages}</MedlinePgn></Pagination>
      <ELocationID EIdType="doi" ValidYN="Y">${esc(a.doi)}</ELocationID>
      <Abstract>
${abstract}
        <CopyrightInformation>© ${a.year} The Authors.</CopyrightInformation>
      </Abstract>
      <AuthorList CompleteYN="Y">
${a.authors.map(authorXml).join("\n")}${group}
      </AuthorList>
      <Language>eng</Language>
      <PublicationTypeList>
${a.types.map((t) => `        <PublicationType UI="D016428">${esc(t)}</PublicationType>`).join("\n")}
      </PublicationTypeList>${articleDate}
    </Article>
    <MedlineJournalInfo><Country>United States</Country><MedlineTA>${esc(a.journal[1])}</MedlineTA><NlmUniqueID>101215604</NlmUniqueID></MedlineJournalInfo>
    <MeshHeadingList>
${mesh}
    </MeshHeadingList>${keywords}
  </MedlineCitation>
  <PubmedData>
    <History><PubMedPubDate PubStatus="entrez"><Year>${a.year}</Year><Month>1</Month><Day>1</Day></PubMedPubDate></History>
    <PublicationStatus>ppublish</PublicationStatus>
    <ArticleIdList>
      <ArticleId IdType="pubmed">${a.pmid}</ArticleId>
      <ArticleId IdType="doi">${esc(a.doi)}</ArticleId>
      <ArticleId IdType="pii">${esc(a.pii)}</ArticleId>
    </ArticleIdList>${refs}
  </PubmedData>
</PubmedArticle>`;
}

export function generatePubmedXml(n: number, seed: number): string {
  return `<?xml version="1.0" ?>
<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
<PubmedArticleSet>
${articles(n, seed).map(xmlArticle).join("\n")}
</PubmedArticleSet>
`;
}

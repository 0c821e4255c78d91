/**
 * Pairwise comparison of two author spellings. The verdict is about names only; context (shared co-authors,
 * listings) is weighed by the caller against `penalty`: 0 means the names alone are enough evidence.
 */
import jaroWinkler from "natural/lib/natural/distance/jaro-winkler_distance.js";
import DoubleMetaphone from "natural/lib/natural/phonetics/double_metaphone.js";
import type { NameToken, ParsedName } from "./normalize";

const metaphone = new DoubleMetaphone();

export type NameVerdict = "same" | "compatible" | "different";

export interface NameRelation {
  verdict: NameVerdict;
  /** Context weight needed before merging (0 = names suffice). Meaningless for "different". */
  penalty: number;
  reasons: string[];
}

/** Penalties, i.e. how much context evidence each kind of name difference needs (see README "Evidence"). */
export const PENALTY = {
  middleInitial: 0,
  secondSurname: 1,
  surnameSlip: 1,
  middleName: 2,
  givenInitial: 2,
  nickname: 2,
  givenSlip: 3,
  commonSurname: 1,
} as const;

/** Nickname -> formal names. Only pairs listed here count as "nickname"; anything else is a different name. */
const NICKNAMES: Record<string, string[]> = {
  nick: ["nicholas", "nicolas", "nikolaos", "niklas"], nico: ["nicolas", "nicholas"], mike: ["michael"],
  bill: ["william"], will: ["william"], bob: ["robert"], rob: ["robert"], bert: ["robert", "albert"],
  jim: ["james"], jimmy: ["james"], tom: ["thomas"], tommy: ["thomas"], alex: ["alexander", "alexandra", "alejandro", "alexandre", "alexey"],
  chris: ["christopher", "christian", "christina", "christine", "christos"], dan: ["daniel"], danny: ["daniel"],
  dave: ["david"], joe: ["joseph"], jon: ["jonathan"], ben: ["benjamin", "benedikt", "benedict"], sam: ["samuel", "samantha"],
  matt: ["matthew", "matthias"], andy: ["andrew", "andreas"], tony: ["anthony", "antonio"], steve: ["stephen", "steven"],
  ed: ["edward", "edmund"], fred: ["frederick", "friedrich"], greg: ["gregory"], jeff: ["jeffrey"], ken: ["kenneth"],
  kate: ["katherine", "catherine", "katharina"], liz: ["elizabeth"], beth: ["elizabeth"], pat: ["patrick", "patricia"],
  rick: ["richard"], dick: ["richard"], rich: ["richard"], ron: ["ronald"], tim: ["timothy"], vince: ["vincent"],
  max: ["maximilian"], sasha: ["alexander", "alexandra"], phil: ["philip", "phillip", "philipp"], pete: ["peter"],
  nate: ["nathan", "nathaniel"], zach: ["zachary"], jen: ["jennifer"], jenny: ["jennifer"], sue: ["susan"],
  meg: ["margaret"], peggy: ["margaret"], maggie: ["margaret"], geoff: ["geoffrey"], charlie: ["charles"],
  chuck: ["charles"], hank: ["henry"], harry: ["henry", "harold"], jack: ["john"], johnny: ["john"], larry: ["lawrence"],
  len: ["leonard"], leo: ["leonardo", "leonard"], lou: ["louis"], manny: ["manuel"], ray: ["raymond"], stan: ["stanley"],
  ted: ["edward", "theodore"], theo: ["theodore", "theodoros"], wes: ["wesley"], abby: ["abigail"], becky: ["rebecca"],
  cathy: ["catherine"], debbie: ["deborah"], josh: ["joshua"], nik: ["nikolaos", "nikolai"], tobi: ["tobias"],
};

/** The formal names a (folded) given name stands for, itself included. */
export function formalNames(given: string): string[] {
  // hasOwn: a given name such as "constructor" must not reach Object.prototype.
  return [given, ...(Object.hasOwn(NICKNAMES, given) ? NICKNAMES[given]! : [])];
}

/** True for a short form listed in the nickname table ("nick", "bob"). */
export function isNicknameForm(given: string): boolean {
  return Object.prototype.hasOwnProperty.call(NICKNAMES, given);
}

function isNickname(a: string, b: string): boolean {
  const fa = formalNames(a);
  const fb = formalNames(b);
  return fa.some((x) => fb.includes(x));
}

/** Frequent surnames shared by many unrelated researchers: name differences need more evidence there. */
export const COMMON_SURNAMES = new Set(
  (
    "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng " +
    "deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao jin fu fan lv shi qian " +
    "kim lee park choi jung jeong kang cho yoon jang lim han oh seo shin kwon hwang ahn song hong " +
    "nguyen tran le pham hoang phan vu vo dang bui do ho ngo duong ly " +
    "singh kumar sharma gupta patel shah das khan ali ahmed mohamed hassan " +
    "smith johnson brown jones miller davis garcia rodriguez martinez hernandez lopez gonzalez muller mueller schmidt schneider"
  ).split(" "),
);

function levenshtein1(a: string, b: string): boolean {
  // True when a and b differ by exactly one insertion, deletion, substitution or adjacent transposition.
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** A one-letter typo between two long words that sound alike (Double Metaphone) and look alike (Jaro-Winkler). */
export function isSlip(a: string, b: string): { ok: boolean; jw: number } {
  if (a.length < 5 || b.length < 5 || !levenshtein1(a, b)) return { ok: false, jw: 0 };
  const jw = jaroWinkler(a, b);
  return { ok: jw >= 0.9 && metaphone.compare(a, b), jw };
}

type Match = "equal" | "initial" | "slip";

function tokenMatch(x: NameToken, y: NameToken, allowSlip: boolean): Match | null {
  if (x.t === y.t) return "equal";
  if (x.initial !== y.initial) return (x.initial ? y.t : x.t).startsWith(x.initial ? x.t : y.t) ? "initial" : null;
  if (allowSlip && !x.initial && isSlip(x.t, y.t).ok) return "slip";
  return null;
}

/**
 * Order-preserving alignment of the tokens after the first given name. Small inputs (a handful of tokens):
 * exhaustive DP that maximises matched tokens, preferring exact matches.
 */
function align(a: NameToken[], b: NameToken[]): Array<[number, number, Match]> {
  const n = a.length;
  const m = b.length;
  const score: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const w = { equal: 4, initial: 2, slip: 1 } as const;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const mt = tokenMatch(a[i]!, b[j]!, i === n - 1 || j === m - 1);
      const take = mt ? w[mt] + score[i + 1]![j + 1]! : -1;
      score[i]![j] = Math.max(take, score[i + 1]![j]!, score[i]![j + 1]!);
    }
  }
  const out: Array<[number, number, Match]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const mt = tokenMatch(a[i]!, b[j]!, i === n - 1 || j === m - 1);
    if (mt && w[mt] + score[i + 1]![j + 1]! === score[i]![j]) {
      out.push([i, j, mt]);
      i++;
      j++;
    } else if (score[i + 1]![j]! === score[i]![j]) i++;
    else j++;
  }
  return out;
}

function words(tokens: NameToken[]): string {
  return tokens.map((t) => (t.initial ? t.t.toUpperCase() + "." : t.t)).join(" ");
}

/**
 * Compare two parsed spellings. `isCommon(surname)` marks surnames shared by many people (the caller combines the
 * static list with counts from the input).
 */
export function compareNames(a: ParsedName, b: ParsedName, isCommon: (surname: string) => boolean = (s) => COMMON_SURNAMES.has(s)): NameRelation {
  if (a.exact === b.exact) return { verdict: "same", penalty: 0, reasons: ["same name up to case, diacritics, hyphens and dots"] };
  if (a.compact === b.compact && a.compact.length >= 6) {
    return { verdict: "same", penalty: 0, reasons: ["same letters, different spacing or hyphenation"] };
  }
  if (a.lowerStart !== b.lowerStart) {
    const [lost, full] = a.lowerStart ? [a, b] : [b, a];
    if (full.compact.slice(1) === lost.compact && lost.compact.length >= 5) {
      return { verdict: "same", penalty: 0, reasons: [`first letter lost by the source ("${lost.clean}" for "${full.clean}")`] };
    }
  }
  const A = [...a.given, ...a.surname];
  const B = [...b.given, ...b.surname];
  if (a.given.length === 0 || b.given.length === 0 || A.length < 2 || B.length < 2) {
    return { verdict: "different", penalty: 0, reasons: ["single-word name: only an identical spelling matches"] };
  }
  const reasons: string[] = [];
  let penalty = 0;
  const ga = A[0]!;
  const gb = B[0]!;
  let givenSlip = false;
  if (ga.t === gb.t) {
    if (ga.initial) {
      penalty += PENALTY.givenInitial;
      reasons.push(`only the initial ${ga.t.toUpperCase()}. is known on both sides`);
    } else reasons.push(`same given name "${ga.t}"`);
  } else if (ga.initial !== gb.initial && (ga.initial ? gb.t : ga.t).startsWith(ga.initial ? ga.t : gb.t)) {
    penalty += PENALTY.givenInitial;
    reasons.push(`given name "${ga.initial ? gb.t : ga.t}" vs initial ${(ga.initial ? ga.t : gb.t).toUpperCase()}.`);
  } else if (!ga.initial && !gb.initial && isNickname(ga.t, gb.t)) {
    penalty += PENALTY.nickname;
    reasons.push(`given names "${ga.t}" / "${gb.t}": known nickname`);
  } else if ((a.lowerStart && gb.t.slice(1) === ga.t) || (b.lowerStart && ga.t.slice(1) === gb.t)) {
    reasons.push(`first letter of the given name lost by the source ("${ga.t}" / "${gb.t}")`);
  } else {
    const slip = isSlip(ga.t, gb.t);
    if (!slip.ok) return { verdict: "different", penalty: 0, reasons: [`different given names "${ga.t}" / "${gb.t}"`] };
    givenSlip = true;
    penalty += PENALTY.givenSlip;
    reasons.push(`given names "${ga.t}" / "${gb.t}" one letter apart (jaro-winkler ${slip.jw.toFixed(2)}, same double metaphone)`);
  }

  const ra = A.slice(1);
  const rb = B.slice(1);
  const pairs = align(ra, rb);
  if (pairs.length === 0) return { verdict: "different", penalty: 0, reasons: [`different surnames "${words(a.surname)}" / "${words(b.surname)}"`] };
  const slips = pairs.filter((p) => p[2] === "slip");
  if (slips.length > 1 || (slips.length === 1 && givenSlip)) {
    return { verdict: "different", penalty: 0, reasons: ["more than one misspelt word"] };
  }
  if (!pairs.some(([i, j, mt]) => mt !== "initial" && !ra[i]!.initial && !rb[j]!.initial)) {
    return { verdict: "different", penalty: 0, reasons: ["no surname word in common"] };
  }
  // Gaps between aligned tokens: what one side has that the other lacks.
  const bounds: Array<[number, number]> = [[-1, -1], ...pairs.map(([i, j]) => [i, j] as [number, number]), [ra.length, rb.length]];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [i0, j0] = bounds[k]!;
    const [i1, j1] = bounds[k + 1]!;
    const gapA = ra.slice(i0 + 1, i1);
    const gapB = rb.slice(j0 + 1, j1);
    const trailing = k + 1 === bounds.length - 1;
    if (gapA.length && gapB.length) {
      return { verdict: "different", penalty: 0, reasons: [`conflicting names "${words(gapA)}" / "${words(gapB)}"`] };
    }
    const gap = gapA.length ? gapA : gapB;
    if (!gap.length) continue;
    if (trailing) {
      if (gap.some((t) => t.initial)) return { verdict: "different", penalty: 0, reasons: [`different surnames "${words(a.surname)}" / "${words(b.surname)}"`] };
      penalty += PENALTY.secondSurname;
      reasons.push(`second surname "${words(gap)}" present on one side only`);
    } else if (gap.every((t) => t.initial)) {
      penalty += PENALTY.middleInitial;
      reasons.push(`middle initial ${words(gap)} present on one side only`);
    } else {
      penalty += PENALTY.middleName;
      reasons.push(`middle name "${words(gap)}" present on one side only`);
    }
  }
  for (const [i, j, mt] of pairs) {
    if (mt === "initial") reasons.push(`initial ${(ra[i]!.initial ? ra[i]! : rb[j]!).t.toUpperCase()}. matches "${(ra[i]!.initial ? rb[j]! : ra[i]!).t}"`);
    if (mt === "slip") {
      penalty += PENALTY.surnameSlip;
      reasons.push(`"${ra[i]!.t}" / "${rb[j]!.t}" one letter apart (jaro-winkler ${isSlip(ra[i]!.t, rb[j]!.t).jw.toFixed(2)}, same double metaphone)`);
    }
  }
  const core = a.surname[a.surname.length - 1]?.t ?? "";
  const coreB = b.surname[b.surname.length - 1]?.t ?? "";
  if (isCommon(core) || isCommon(coreB)) {
    penalty += PENALTY.commonSurname;
    reasons.push(`common surname "${isCommon(core) ? core : coreB}"`);
  }
  return { verdict: "compatible", penalty, reasons };
}

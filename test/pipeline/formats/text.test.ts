import { describe, expect, it } from "vitest";
import { binaryLine, cleanName, cleanText, excerpt } from "../../../src/pipeline/formats/text";

describe("cleanText", () => {
  it("turns LaTeX escapes into characters", () => {
    // seeds/000 line 136 (45\%), seeds/004 line 37 (\&), constructed \_ and \#
    expect(cleanText("A substantial proportion (45\\%) of maternal deaths")).toBe("A substantial proportion (45%) of maternal deaths");
    expect(cleanText("Hematoxylin \\& Eosin (H\\&E)")).toBe("Hematoxylin & Eosin (H&E)");
    expect(cleanText("file\\_name \\#1")).toBe("file_name #1");
  });

  it("turns ``quotes'' and `single quotes' into typographic quotes, leaving apostrophes alone", () => {
    // seeds/002 line 71, seeds/001 line 12, seeds/001 line 108 (women's)
    expect(cleanText("higher intrinsic ``label sharpness'' (K_F)")).toBe("higher intrinsic “label sharpness” (K_F)");
    expect(cleanText("a label-free `flip-risk' score")).toBe("a label-free ‘flip-risk’ score");
    expect(cleanText("in women's life")).toBe("in women's life");
  });

  it("rewrites simple inline math and keeps math it does not understand", () => {
    // seeds/000 line 33 ($0.92\pm0.04$), seeds/001 line 157 ($^{18}$F), seeds/001 ($>$), constructed $\sim$ and unknown macro
    expect(cleanText("recall to $0.92\\pm0.04$ and")).toBe("recall to 0.92±0.04 and");
    expect(cleanText("[$^{18}$F]FDG datasets")).toBe("[¹⁸F]FDG datasets");
    expect(cleanText("age $>$ 60")).toBe("age > 60");
    expect(cleanText("$\\sim$10% fewer")).toBe("~10% fewer");
    expect(cleanText("loss $\\mathcal{L}_{seg}$ term")).toBe("loss $\\mathcal{L}_{seg}$ term");
  });

  it("resolves text macros and bare symbol macros", () => {
    // seeds/004 line 150 (\url), seeds/001 (\textit), seeds/002 line 221 (\chi^2 outside math)
    expect(cleanText("accessible via \\url{www.lits-challenge.com}.")).toBe("accessible via www.lits-challenge.com.");
    expect(cleanText("is often not known \\textit{a priori} and")).toBe("is often not known a priori and");
    expect(cleanText("(OR=9.19, \\chi^2=159.02)")).toBe("(OR=9.19, χ^2=159.02)");
  });

  it("collapses whitespace, trims and NFC-normalises", () => {
    // constructed: tabs, runs of spaces, a decomposed accent
    expect(cleanText("  Fre\u0301chet \t Radiomic   Distance ")).toBe("Fréchet Radiomic Distance");
  });
});

describe("cleanName", () => {
  it("resolves accent macros and keeps the spelling otherwise", () => {
    // constructed: BibTeX-style accents as arXiv author lists sometimes carry them
    expect(cleanName("Paul F. J{\\\"a}ger")).toBe("Paul F. Jäger");
    expect(cleanName("Oldřich Kodym")).toBe("Oldřich Kodym");
    expect(cleanName("Szymon P\\l otka")).toBe("Szymon Płotka");
    expect(cleanName("Szymon P{\\l}otka")).toBe("Szymon Płotka");
    expect(cleanName(" Sikha  O K ")).toBe("Sikha O K");
  });

  it("puts accents on a dotless i or j as BibTeX writes them", () => {
    // constructed: the three spellings BibTeX exporters use for "í" and "ï" (JabRef, dblp, Better BibTeX)
    expect(cleanName("Garc\\'{\\i}a")).toBe("García");
    expect(cleanName("Garc\\'\\i a")).toBe("García");
    expect(cleanName("Garc{\\'\\i}a")).toBe("García");
    expect(cleanText("na\\\"{\\i}ve")).toBe("naïve");
    expect(cleanText("the \\i tem")).toBe("the ıtem");
  });
});

describe("binaryLine", () => {
  it("finds NUL bytes and heavy decoding damage, not ordinary text", () => {
    // constructed: a NUL on line 2; a Latin-1 file decoded as UTF-8 (many U+FFFD); a seed-like line
    expect(binaryLine("title\nab\u0000cd")).toBe(2);
    expect(binaryLine("Caf\uFFFD ".repeat(20))).toBe(1);
    expect(binaryLine("One stray \uFFFD in a long enough line of ordinary text ".repeat(3))).toBeNull();
    expect(binaryLine("CVApr 14Code\nRight Regions, Wrong Labels")).toBeNull();
  });
});

describe("excerpt", () => {
  it("cuts long text on characters, not UTF-16 units", () => {
    // constructed: astral characters must not be split in half
    expect(excerpt("𝔸".repeat(5), 3)).toBe("𝔸𝔸𝔸…");
    expect(excerpt("short")).toBe("short");
  });
});

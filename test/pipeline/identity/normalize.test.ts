import { describe, expect, it } from "vitest";
import { foldText } from "../../../src/model/fold";
import { cleanName, nameKey, normalizeText, parseName, slug } from "../../../src/pipeline/identity/normalize";

describe("foldText (model/fold.ts)", () => {
  // Spellings from seeds/001 (Puyol-Antón), seeds/004 (Štepec, Płotka, Hamamcı) and seeds/003 (Kodym: Oldřich).
  it("drops diacritics and maps letters NFD cannot split", () => {
    expect(foldText("Esther Puyol-Antón")).toBe("esther puyol-anton");
    expect(foldText("Dejan Štepec")).toBe("dejan stepec");
    expect(foldText("Szymon Płotka")).toBe("szymon plotka");
    expect(foldText("İbrahim Ethem Hamamcı")).toBe("ibrahim ethem hamamci");
    expect(foldText("Oldřich Kodym")).toBe("oldrich kodym");
  });
});

describe("cleanName", () => {
  it("removes footnote digits and markers but keeps the name (seeds/001: 'Tran Huy Nhat Phung1')", () => {
    expect(cleanName("Tran Huy Nhat Phung1")).toBe("Tran Huy Nhat Phung");
    expect(cleanName("  Lee* ")).toBe("Lee");
    expect(cleanName("Abdul Joseph Fofanah et al.")).toBe("Abdul Joseph Fofanah");
    expect(cleanName("123")).toBe("");
  });
});

describe("parseName", () => {
  it("splits given names and surname, keeping particles with the surname (seeds/004 'Ezequiel de la Rosa')", () => {
    const p = parseName("Ezequiel de la Rosa");
    expect(p.given.map((t) => t.t)).toEqual(["ezequiel"]);
    expect(p.surname.map((t) => t.t)).toEqual(["de", "la", "rosa"]);
  });
  it("keeps a leading 'Van' as a given name (seeds/001 'Van Hao Nguyen') but 'Van' mid-name as a particle", () => {
    expect(parseName("Van Hao Nguyen").given.map((t) => t.t)).toEqual(["van", "hao"]);
    expect(parseName("Timo Van Leeuwen").surname.map((t) => t.t)).toEqual(["van", "leeuwen"]);
  });
  it("reads initials with or without dots, and glued initials", () => {
    const p = parseName("Milou P. M. van Poppel");
    expect(p.given.map((t) => [t.t, t.initial])).toEqual([["milou", false], ["p", true], ["m", true]]);
    expect(parseName("J.R. Smith").given.map((t) => t.t)).toEqual(["j", "r"]);
  });
  it("gives hyphen and space spellings the same exact form (seeds/001 Puyol-Anton / Puyol Anton)", () => {
    expect(parseName("Esther Puyol-Anton").exact).toBe(parseName("Esther Puyol Anton").exact);
    expect(parseName("Esther Puyol-Antón").exact).toBe("esther puyol anton");
  });
  it("flags a spelling that starts lower case (seeds/001 'lkay Oksuz')", () => {
    expect(parseName("lkay Oksuz").lowerStart).toBe(true);
    expect(parseName("Ilkay Oksuz").lowerStart).toBe(false);
  });
});

describe("nameKey", () => {
  it("is surname|given from folded parts, stable for diacritic variants", () => {
    expect(nameKey(parseName("Lena Maier-Hein"))).toBe("maier-hein|lena");
    expect(nameKey(parseName("Víctor M. Campello"))).toBe("campello|victor-m");
    expect(nameKey(parseName("Esther Puyol-Antón"))).toBe(nameKey(parseName("Esther Puyol-Anton")));
    expect(nameKey(parseName("Kimberlin van Wijnen"))).toBe("van-wijnen|kimberlin");
  });
});

describe("normalizeText / slug", () => {
  it("folds case, punctuation, diacritics and whitespace", () => {
    expect(normalizeText("Why is  the Winner the Best?")).toBe("why is the winner the best");
    expect(normalizeText("Fréchet & Co.")).toBe("frechet and co");
    expect(slug(normalizeText("The Liver Tumor Segmentation Benchmark (LiTS): a long title indeed"))).toBe("the-liver-tumor-segmentation-benchmark-lits-a-long");
  });
});

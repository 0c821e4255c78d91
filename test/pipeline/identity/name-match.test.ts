import { describe, expect, it } from "vitest";
import { compareNames, PENALTY } from "../../../src/pipeline/identity/name-match";
import { parseName } from "../../../src/pipeline/identity/normalize";

const cmpN = (a: string, b: string) => compareNames(parseName(a), parseName(b));

describe("compareNames: variants the names alone settle (penalty 0)", () => {
  // Each pair is read in seeds/ (000_ Lekadir's page, 001_ King's page, 004_ compact profile).
  it.each([
    ["Esther Puyol-Antón", "Esther Puyol-Anton", "diacritics dropped (001)"],
    ["Esther Puyol-Anton", "Esther Puyol Anton", "hyphen or space (001)"],
    ["James R. Clough", "James Clough", "middle initial absent (001)"],
    ["Víctor M. Campello", "Víctor Manuel Campello", "middle initial spelled out (000)"],
    ["Minu D. Tizabi", "Minu Dietlinde Tizabi", "middle initial spelled out (003/004)"],
    ["Inês P. Machado", "Ines Machado", "diacritic and middle initial (001)"],
    ["lkay Oksuz", "Ilkay Oksuz", "first letter lost by the source (001)"],
    ["Sandra FinesilverSmith", "Sandra Finesilver Smith", "camel-case join (001, constructed partner)"],
  ])("%s ~ %s (%s)", (a, b) => {
    const r = cmpN(a, b);
    expect(r.verdict).not.toBe("different");
    expect(r.penalty).toBe(0);
    // Symmetric.
    expect(cmpN(b, a).penalty).toBe(0);
  });
});

describe("compareNames: compatible names that need context", () => {
  it("second surname present or not (000: Lidia Garrucho / Lidia Garrucho Moras)", () => {
    const r = cmpN("Lidia Garrucho", "Lidia Garrucho Moras");
    expect(r.verdict).toBe("compatible");
    expect(r.penalty).toBe(PENALTY.secondSurname);
  });
  it("one-letter slip in a long surname (001: Baldeep S. Sidhu / Sidhua)", () => {
    const r = cmpN("Baldeep S. Sidhu", "Baldeep S. Sidhua");
    expect(r.penalty).toBe(PENALTY.surnameSlip);
    expect(r.reasons.join(" ")).toMatch(/jaro-winkler 0\.9\d/);
  });
  it("nickname (001: Nick Byrne / Nicholas Byrne)", () => {
    expect(cmpN("Nick Byrne", "Nicholas Byrne")).toMatchObject({ verdict: "compatible", penalty: PENALTY.nickname });
  });
  it("a full middle name on one side, common surname (003/004: Hongwei Li / Hongwei Bran Li)", () => {
    expect(cmpN("Hongwei Li", "Hongwei Bran Li").penalty).toBe(PENALTY.middleName + PENALTY.commonSurname);
  });
  it("a one-letter given-name slip needs the most context (constructed: Maria / Mario Rossi; 003/004 Patrich / Patrick)", () => {
    expect(cmpN("Maria Rossi", "Mario Rossi")).toMatchObject({ verdict: "compatible", penalty: PENALTY.givenSlip });
    expect(cmpN("Patrich Ferndinand Christ", "Patrick Christ").penalty).toBe(PENALTY.givenSlip + PENALTY.middleName);
  });
  it("initial vs full given name (constructed: J. Smith / John Smith) needs context", () => {
    expect(cmpN("J. Smith", "John Smith").penalty).toBeGreaterThanOrEqual(PENALTY.givenInitial);
  });
  it("common surname adds to the need even for a middle initial (constructed: Wei Wang / Wei J. Wang)", () => {
    expect(cmpN("Wei Wang", "Wei J. Wang").penalty).toBe(PENALTY.commonSurname);
  });
});

describe("compareNames: never the same person", () => {
  it.each([
    ["Lena Maier-Hein", "Klaus Maier-Hein", "different first names, one surname (004)"],
    ["Chen Chen", "Chen Li", "same first name, different surnames (001 + constructed)"],
    ["Xiaojun Chen", "Jianxu Chen", "Chen (003/004)"],
    ["Haojie Wang", "Huijin Wang", "Wang (000/004)"],
    ["Jinah Park", "Jong Sung Park", "Park (004)"],
    ["Alessandro Casella", "Alessandro Catanese", "same first name, similar surnames (003/000)"],
    ["Patrick Christ", "Patrick Bilic", "same first name, both on the LiTS byline (004)"],
    ["John A. Smith", "John B. Smith", "conflicting middle initials (constructed)"],
    ["Cher", "Chen Chen", "single-word name"],
  ])("%s vs %s (%s)", (a, b) => {
    expect(cmpN(a, b).verdict).toBe("different");
    expect(cmpN(b, a).verdict).toBe("different");
  });
});

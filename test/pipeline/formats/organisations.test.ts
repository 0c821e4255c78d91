import { describe, expect, it } from "vitest";
import { isEtAl, isOrganisationName } from "../../../src/pipeline/formats/organisations";

describe("isOrganisationName", () => {
  it("recognises consortia, institutions and acronyms as printed in author fields", () => {
    // group authors seen in the fixtures and in consortium papers (seeds/004 prints "BraTS" consortium bylines)
    for (const name of [
      "The LIGO Scientific Collaboration", "ATLAS Collaboration", "World Health Organization", "Institutional Author",
      "CERN", "WHO", "Friends of Josiah Carberry Society", "Alzheimer's Disease Neuroimaging Initiative",
      "RSNA-ASNR-MICCAI BraTS Challenge Group", "Universitätsklinikum Heidelberg", "Department of Psychoceramics, Brown University",
      "Writing Committee for the ISCHEMIA Trial Investigators", "GBD 2019 Diseases and Injuries Collaborators Group",
    ]) {
      expect(isOrganisationName(name), name).toBe(true);
    }
  });

  it("leaves people's names alone, particles, initials and hyphens included", () => {
    // names read from the fixtures (OpenAlex, Semantic Scholar, arXiv, Zotero, citation.js)
    for (const name of [
      "Heather Piwowar", "Juan Pablo Alperín", "Jevin D. West", "A. Turing", "H. de Vries", "Jan van Dijk", "Yu. V. Shestakov",
      "Hong-Ming Yin", "Raimo Vuopionperä", "Josiah Carberry Jr.", "Sharon Hammes-Schiffer", "Plato", "Li Wei", "Grouper Fish",
      "Labonte Marie", "Xuan Li", "Fei-Yue Wang",
    ]) {
      expect(isOrganisationName(name), name).toBe(false);
    }
  });

  it("recognises 'others' and 'et al.' as a cut byline", () => {
    expect(["others", "et al.", "et al", "and others", "u. a."].every(isEtAl)).toBe(true);
    expect(isEtAl("Otherson")).toBe(false);
  });
});

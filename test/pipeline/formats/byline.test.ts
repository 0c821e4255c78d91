import { describe, expect, it } from "vitest";
import { markCutAtEnd, parseByline, splitTitleByline } from "../../../src/pipeline/formats/byline";

describe("parseByline", () => {
  it("reads names, et al. and the affiliation after ' · '", () => {
    // seeds/000 line 15
    expect(parseByline("Karim Lekadir, Aasa Feragen, Abdul Joseph Fofanah et al. · eth-zurich")).toEqual({
      authors: ["Karim Lekadir", "Aasa Feragen", "Abdul Joseph Fofanah"],
      authorsComplete: false,
      affiliation: "eth-zurich",
      cut: false,
    });
  });

  it("reads a single author without a comma as a complete byline", () => {
    // constructed: the shortest byline a profile entry can have
    expect(parseByline("Alberto Gomez")).toEqual({ authors: ["Alberto Gomez"], authorsComplete: true, affiliation: null, cut: false });
  });

  it("marks a byline cut inside 'et al.' as cut and incomplete", () => {
    // brief h1: "Nazanin Maleki et " (line 80 of seeds/004 cut after "et")
    const b = parseByline("Raisa Amiruddin, Nikolay Y. Yordanov, Nazanin Maleki et ");
    expect(b?.authors).toEqual(["Raisa Amiruddin", "Nikolay Y. Yordanov", "Nazanin Maleki"]);
    expect(b?.authorsComplete).toBe(false);
    expect(b?.cut).toBe(true);
    expect(parseByline("Raisa Amiruddin, Nazanin Maleki et a")?.cut).toBe(true);
  });

  it("marks a trailing comma as a cut", () => {
    // constructed: a byline cut right after a separator
    expect(parseByline("Jun Ma, Feifei Li,")).toMatchObject({ authors: ["Jun Ma", "Feifei Li"], authorsComplete: false, cut: true });
  });

  it("keeps names exactly as read, including a lower-case first word and digits (lenient)", () => {
    // seeds/001 lines 351 ("lkay Oksuz") and 85 ("Phung1")
    expect(parseByline("lkay Oksuz, James Clough, Bram Ruijsink et al.")?.authors).toEqual(["lkay Oksuz", "James Clough", "Bram Ruijsink"]);
    expect(parseByline("Hamideh Kerdegari, Tran Huy Nhat Phung1, Van Hao Nguyen et al.")?.authors[1]).toBe("Tran Huy Nhat Phung1");
    expect(parseByline("lkay Oksuz, James Clough", "strict")).toBeNull();
  });

  it("accepts particles and accented names, NFC-normalised", () => {
    // seeds/003 line 44 ("Ezequiel de la Rosa"), decomposed "é" must come out composed
    const b = parseByline("Ezequiel de la Rosa, Jose\u0301 Garci\u0301a", "strict");
    expect(b?.authors).toEqual(["Ezequiel de la Rosa", "José García"]);
  });

  it("refuses sentences, so abstracts are not read as bylines", () => {
    // seeds/000 line 24 (abstract opening) and a constructed short abstract
    expect(parseByline("Objective: To develop the AI Product Passport, a standards-based framework")).toBeNull();
    expect(parseByline("We present a method. It works.")).toBeNull();
    expect(parseByline("Most artificial intelligence (AI) research have concentrated in high-income countries")).toBeNull();
  });
});

describe("markCutAtEnd", () => {
  it("marks a complete-looking byline on an unterminated last line as cut, and nothing else", () => {
    // brief h1: "... Nazanin Mal" at the end of a cut file
    const b = parseByline("Raisa Amiruddin, Nikolay Y. Yordanov, Nazanin Mal");
    if (!b) throw new Error("expected a byline");
    expect(markCutAtEnd(b, true)).toMatchObject({ authorsComplete: false, cut: true });
    expect(markCutAtEnd(b, undefined)).toBe(b);
    const etAl = parseByline("Jun Ma, Feifei Li et al.");
    if (!etAl) throw new Error("expected a byline");
    expect(markCutAtEnd(etAl, true).cut).toBe(false);
  });
});

describe("splitTitleByline (compact profile lines)", () => {
  const split = (line: string) => {
    const s = splitTitleByline(line);
    return s && { title: s.title, authors: s.byline.authors, complete: s.byline.authorsComplete, affiliation: s.byline.affiliation };
  };

  it("splits a plain lower->upper glue", () => {
    // seeds/004 line 2
    expect(split("Metrics reloaded: Recommendations for image analysis validationLena Maier-Hein, Annika Reinke, Patrick Godau et al. · utoronto")).toEqual({
      title: "Metrics reloaded: Recommendations for image analysis validation",
      authors: ["Lena Maier-Hein", "Annika Reinke", "Patrick Godau"],
      complete: false,
      affiliation: "utoronto",
    });
  });

  it("does not split inside a surname with an inner capital (LaBella)", () => {
    // seeds/004 line 68
    expect(split("Analysis of the BraTS 2023 Intracranial Meningioma Segmentation ChallengeDominic LaBella, Ujjwal Baid, Omaditya Khanna et al.")).toMatchObject({
      title: "Analysis of the BraTS 2023 Intracranial Meningioma Segmentation Challenge",
      authors: ["Dominic LaBella", "Ujjwal Baid", "Omaditya Khanna"],
    });
  });

  it("splits after a closing parenthesis and after a digit", () => {
    // seeds/004 lines 149 and 20
    expect(split("The Liver Tumor Segmentation Benchmark (LiTS)Patrick Bilic, Patrick Christ, Hongwei Bran Li et al.")?.title).toBe(
      "The Liver Tumor Segmentation Benchmark (LiTS)",
    );
    expect(split("BraTS-PEDs: Results of the Multi-Consortium International Pediatric Brain Tumor Segmentation Challenge 2023Anahita Fathi Kazerooni, Nastaran Khalili, Xinyang Liu et al.")).toMatchObject({
      title: "BraTS-PEDs: Results of the Multi-Consortium International Pediatric Brain Tumor Segmentation Challenge 2023",
      authors: ["Anahita Fathi Kazerooni", "Nastaran Khalili", "Xinyang Liu"],
    });
  });

  it("keeps a title whose last word has an inner capital (EfficientNet)", () => {
    // seeds/004 line 14: complete byline of three
    expect(split("Classifying Histopathologic Glioblastoma Sub-regions with EfficientNetSanyukta Adap, Ujjwal Baid, Spyridon Bakas")).toEqual({
      title: "Classifying Histopathologic Glioblastoma Sub-regions with EfficientNet",
      authors: ["Sanyukta Adap", "Ujjwal Baid", "Spyridon Bakas"],
      complete: true,
      affiliation: null,
    });
  });

  it("finds names starting with a non-ASCII capital", () => {
    // seeds/004 line 137 (İbrahim); Álvaro from seeds/003 line 54; Łukasz constructed
    expect(split("GaNDLF: A Generally Nuanced Deep Learning Framework for Scalable End-to-End Clinical Workflows in Medical ImagingSarthak Pati, Siddhesh P. Thakur, İbrahim Ethem Hamamcı et al.")?.authors).toEqual([
      "Sarthak Pati", "Siddhesh P. Thakur", "İbrahim Ethem Hamamcı",
    ]);
    expect(split("Surgical phase recognitionÁlvaro García Faura, Łukasz Nowak")).toMatchObject({
      title: "Surgical phase recognition",
      authors: ["Álvaro García Faura", "Łukasz Nowak"],
    });
    expect(split("Cardiac ultrasound at scaleŁukasz Nowak")).toMatchObject({ title: "Cardiac ultrasound at scale", authors: ["Łukasz Nowak"] });
  });

  it("handles a single author, a question mark, an initial-only first word and an acronym before the name", () => {
    // constructed single author; seeds/004 lines 17 and 59; constructed acronym glue
    expect(split("Skull stripping with purely synthetic dataJong Sung Park")).toMatchObject({ title: "Skull stripping with purely synthetic data", authors: ["Jong Sung Park"], complete: true });
    expect(split("Why is the winner the best?Matthias Eisenmann, Annika Reinke, Vivienn Weru et al.")?.title).toBe("Why is the winner the best?");
    expect(split("OpenFL: An open-source framework for Federated LearningG Anthony Reina, Alexey Gruzdev, Patrick Foley et al.")?.authors[0]).toBe("G Anthony Reina");
    expect(split("Lesion detection with a CNNJohn Smith, Ann Lee")).toMatchObject({ title: "Lesion detection with a CNN", authors: ["John Smith", "Ann Lee"] });
  });

  it("prefers the real name over a title word glued to it", () => {
    // constructed: a camel-case title word followed by words that could pass as a name
    expect(split("Towards DeepMind Style LearningJohn Smith, Ann Lee et al.")).toMatchObject({
      title: "Towards DeepMind Style Learning",
      authors: ["John Smith", "Ann Lee"],
    });
  });

  it("reads a byline cut after 'et'", () => {
    // brief h1: seeds/004 line 80 cut after "et "
    const s = splitTitleByline("Training the next generation of physicians: Lighthouse Challenge education platformRaisa Amiruddin, Nikolay Y. Yordanov, Nazanin Maleki et ");
    expect(s?.title).toBe("Training the next generation of physicians: Lighthouse Challenge education platform");
    expect(s?.byline).toMatchObject({ authors: ["Raisa Amiruddin", "Nikolay Y. Yordanov", "Nazanin Maleki"], authorsComplete: false, cut: true });
  });

  it("does not take a camel-case or acronym title fragment for a name", () => {
    // constructed: "BraTS DataJohn" offers "S DataJohn Smith" (glued word) before the real "John Smith";
    // "CNN-based ..." offers "NN-based ..." whose first word is no given name
    expect(split("Segmentation with BraTS DataJohn Smith, Ann Lee")).toMatchObject({ title: "Segmentation with BraTS Data", authors: ["John Smith", "Ann Lee"] });
    expect(split("Bias in CNN-based Brain MR SegmentationJohn Smith, Ann Lee")).toMatchObject({ title: "Bias in CNN-based Brain MR Segmentation", authors: ["John Smith", "Ann Lee"] });
    expect(splitTitleByline("A Study of Demographic Bias in CNN-based Brain MR Segmentation")?.rank).toBe(1);
    expect(splitTitleByline("Metrics reloadedLena Maier-Hein, Annika Reinke")?.rank).toBe(0);
  });

  it("returns null when no split parses", () => {
    // constructed: title with no glued byline at all
    expect(splitTitleByline("A title with no byline at all")).toBeNull();
    expect(splitTitleByline("")).toBeNull();
  });
});

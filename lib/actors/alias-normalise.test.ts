import { describe, expect, it } from "vitest";
import { isAliasKind, normaliseAlias } from "./alias-normalise";

describe("normaliseAlias", () => {
  it("folds case, diacritics and the dots of abbreviations", () => {
    expect(normaliseAlias("U.S.")).toBe("us");
    expect(normaliseAlias("US")).toBe("us");
    expect(normaliseAlias("u. s.")).toBe("u s");
    expect(normaliseAlias("Türkiye")).toBe("turkiye");
    expect(normaliseAlias("TURKIYE")).toBe("turkiye");
    expect(normaliseAlias("U.K.")).toBe("uk");
    expect(normaliseAlias("São Tomé and Príncipe")).toBe("sao tome and principe");
    expect(normaliseAlias("Łódź")).toBe("lodz");
  });

  it("drops apostrophes, collapses other punctuation and spaces, and a leading 'the'", () => {
    expect(normaliseAlias("Côte d’Ivoire")).toBe("cote divoire");
    expect(normaliseAlias("Cote d'Ivoire")).toBe("cote divoire");
    expect(normaliseAlias("Guinea-Bissau")).toBe("guinea bissau");
    expect(normaliseAlias("  the   Kremlin ")).toBe("kremlin");
    expect(normaliseAlias("The White House")).toBe("white house");
    expect(normaliseAlias("Theodore")).toBe("theodore");
    expect(normaliseAlias("Korea, Republic of")).toBe("korea republic of");
  });

  it("leaves nothing of punctuation alone", () => {
    expect(normaliseAlias("...")).toBe("");
    expect(normaliseAlias("the")).toBe("the");
    expect(normaliseAlias("the ")).toBe("the");
    expect(normaliseAlias("%_")).toBe("");
  });

  it("keeps non-Latin scripts", () => {
    expect(normaliseAlias("Россия")).toBe("россия");
    expect(normaliseAlias("Сергей")).toBe("сергеи");
  });

  it("knows the alias kinds", () => {
    expect(isAliasKind("demonym")).toBe(true);
    expect(isAliasKind("planet")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { flagEmoji } from "./flag";
import { foldText, slugify } from "./fold";
import { truncateText } from "./truncate";

describe("foldText", () => {
  it("folds case and accents so plain spellings find accented names", () => {
    expect(foldText("Serhat Gençoğlu")).toBe("serhat gencoglu");
    expect(foldText("İsmail Demir")).toBe("ismail demir");
    expect(foldText("Faruk Yiğit")).toBe("faruk yigit");
    expect(foldText("IŞIK ılık")).toBe("isik ilik");
    expect(foldText("Łódź Straße")).toBe("lodz strasse");
    expect(foldText("  Czech   Republic ")).toBe("czech republic");
  });

  it("keeps Cyrillic searchable in its own script", () => {
    expect(foldText("Лавров")).toBe("лавров");
    expect(foldText("Ёлка Йошкар-Ола")).toBe("елка иошкар-ола");
  });
});

describe("slugify", () => {
  it("makes URL-safe slugs", () => {
    expect(slugify("United States")).toBe("united-states");
    expect(slugify("Presidency of Defense Industries (SSB)")).toBe("presidency-of-defense-industries-ssb");
    expect(slugify("Serhat Gençoğlu")).toBe("serhat-gencoglu");
    expect(slugify("S-400")).toBe("s-400");
    expect(slugify("!!!")).toBe("x");
  });
});

describe("flagEmoji", () => {
  it("turns ISO codes into flags and ignores anything else", () => {
    expect(flagEmoji("US")).toBe("🇺🇸");
    expect(flagEmoji("ru")).toBe("🇷🇺");
    expect(flagEmoji(null)).toBe("");
    expect(flagEmoji("USA")).toBe("");
  });
});

describe("truncateText", () => {
  it("cuts long text at a word boundary", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("The quick brown fox jumps over the lazy dog", 20)).toBe("The quick brown fox…");
    expect(truncateText("x".repeat(30), 10)).toBe(`${"x".repeat(9)}…`);
  });
});

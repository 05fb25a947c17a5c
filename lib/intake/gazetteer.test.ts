import { describe, expect, it } from "vitest";
import { builtInOrganisationAliases, builtInStateAliases, nameVariants } from "./gazetteer";
import { CURATED_STATES } from "./gazetteer-data";

describe("builtInStateAliases", () => {
  const states = builtInStateAliases();
  const by = new Map(states.map((s) => [s.isoCode, s]));

  it("lists every ISO 3166-1 state once, with a name", () => {
    expect(states.length).toBeGreaterThanOrEqual(249);
    expect(new Set(states.map((s) => s.isoCode)).size).toBe(states.length);
    for (const s of states) {
      expect(s.isoCode).toMatch(/^[A-Z]{2}$/);
      expect(s.name.length).toBeGreaterThan(1);
      expect(s.aliases).not.toContain(s.name);
      expect(new Set(s.aliases).size).toBe(s.aliases.length);
    }
  });

  it("uses the names Demarche records and the curated demonyms and metonyms", () => {
    expect(by.get("US")?.name).toBe("United States");
    expect(by.get("US")?.aliases).toEqual(expect.arrayContaining(["U.S.", "American", "Washington", "the White House", "United States of America"]));
    expect(by.get("RU")?.aliases).toEqual(expect.arrayContaining(["Russian Federation", "Moscow", "the Kremlin", "Russian"]));
    expect(by.get("TR")?.aliases).toEqual(expect.arrayContaining(["Türkiye", "Ankara", "Turkish"]));
    expect(by.get("GB")?.aliases).toEqual(expect.arrayContaining(["Britain", "British", "Downing Street", "UK"]));
    expect(by.get("CZ")?.name).toBe("Czech Republic");
    expect(by.get("BO")?.name).not.toContain(",");
  });

  it("curates at least 60 states, all of them real ISO codes", () => {
    expect(Object.keys(CURATED_STATES).length).toBeGreaterThanOrEqual(60);
    for (const code of Object.keys(CURATED_STATES)) expect(by.has(code)).toBe(true);
  });

  it("returns copies, so a caller cannot change the gazetteer", () => {
    builtInStateAliases()[0]!.aliases.push("x");
    expect(builtInStateAliases()[0]!.aliases).not.toContain("x");
  });
});

describe("organisations and name variants", () => {
  it("knows the EU, NATO, the UN and the G7", () => {
    const names = builtInOrganisationAliases().map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(["European Union", "NATO", "United Nations", "G7"]));
    expect(builtInOrganisationAliases().find((o) => o.name === "European Union")?.aliases).toContain("Brussels");
  });

  it("spells transliterated first names both ways", () => {
    expect(nameVariants("Sergey Lavrov")).toEqual(expect.arrayContaining(["Sergei Lavrov"]));
    expect(nameVariants("Sergei Lavrov")).toEqual(expect.arrayContaining(["Sergey Lavrov"]));
    expect(nameVariants("Antony Blinken")).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { builtInAliasSource, toBuiltInAliases } from "./builtin-aliases";

describe("built-in aliases", () => {
  it("cover every ISO state with its names, demonyms, capitals and metonyms, each with a kind", () => {
    const states = builtInAliasSource();
    expect(states.length).toBeGreaterThanOrEqual(249);
    const of = (code: string) => new Map(states.find((s) => s.isoCode === code)?.aliases.map((a) => [a.alias, a.kind]));
    expect(of("US").get("U.S.") ?? of("US").get("US")).toBe("name");
    expect(of("US").get("American")).toBe("demonym");
    expect(of("US").get("Washington")).toBe("capital");
    expect(of("US").get("the White House")).toBe("metonym");
    expect(of("RU").get("the Kremlin")).toBe("metonym");
    expect(of("TR").get("Türkiye")).toBe("name");
    expect(of("TR").get("Ankara")).toBe("capital");
    expect(of("GB").get("British")).toBe("demonym");
  });

  it("lists each alias once per state by its folded form, and checks kinds", () => {
    const [state] = toBuiltInAliases([
      { isoCode: "us", name: "United States", aliases: ["U.S.", "US", " the US ", { alias: "Yankee", kind: "planet" }, { alias: "...", kind: "name" }] },
    ]);
    expect(state).toEqual({ isoCode: "US", name: "United States", aliases: [{ alias: "U.S.", kind: "name" }, { alias: "Yankee", kind: "other" }] });
  });
});

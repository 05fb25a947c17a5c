import { describe, expect, it } from "vitest";
import { aliasInputSchema, aliasRemoveSchema, actorInputSchema, actorMergeSchema } from "./schema";

describe("actor schemas", () => {
  it("requires a name and a known kind, and a two-letter code when there is one", () => {
    expect(actorInputSchema.parse({ name: " Testland ", kind: "state", isoCode: "tl" })).toEqual({ name: "Testland", kind: "state", isoCode: "TL" });
    expect(actorInputSchema.parse({ name: "EU", kind: "bloc", isoCode: "" })).toEqual({ name: "EU", kind: "bloc", isoCode: null });
    expect(actorInputSchema.safeParse({ name: "", kind: "state" }).error?.issues[0]?.message).toBe("Enter a name.");
    expect(actorInputSchema.safeParse({ name: "X", kind: "planet" }).error?.issues[0]?.message).toBe("Choose what kind of actor this is.");
    expect(actorInputSchema.safeParse({ name: "X", kind: "state", isoCode: "USA" }).error?.issues[0]?.message).toMatch(/two letters/);
  });

  it("refuses to merge an actor into itself", () => {
    expect(actorMergeSchema.safeParse({ fromId: "3", intoId: "3" }).error?.issues[0]?.message).toBe("Choose two different actors.");
    expect(actorMergeSchema.parse({ fromId: "3", intoId: "4" })).toEqual({ fromId: 3, intoId: 4 });
  });
});

describe("alias schemas", () => {
  it("trims an alias, requires a letter or digit and a known kind, and caps its length", () => {
    expect(aliasInputSchema.parse({ actorId: "4", alias: "  the Kremlin ", kind: "metonym" })).toEqual({ actorId: 4, alias: "the Kremlin", kind: "metonym" });
    expect(aliasInputSchema.safeParse({ actorId: "4", alias: "", kind: "name" }).error?.issues[0]?.message).toBe("Enter an alias.");
    expect(aliasInputSchema.safeParse({ actorId: "4", alias: "...", kind: "name" }).error?.issues[0]?.message).toBe("An alias needs at least one letter or digit.");
    expect(aliasInputSchema.safeParse({ actorId: "4", alias: "x".repeat(121), kind: "name" }).error?.issues[0]?.message).toBe("At most 120 characters.");
    expect(aliasInputSchema.safeParse({ actorId: "4", alias: "X", kind: "nickname" }).error?.issues[0]?.message).toBe("Choose what kind of alias this is.");
    expect(aliasInputSchema.safeParse({ actorId: "zero", alias: "X", kind: "name" }).success).toBe(false);
  });

  it("needs two positive ids to remove an alias", () => {
    expect(aliasRemoveSchema.parse({ actorId: "1", aliasId: "2" })).toEqual({ actorId: 1, aliasId: 2 });
    expect(aliasRemoveSchema.safeParse({ actorId: "1", aliasId: "-2" }).success).toBe(false);
  });
});

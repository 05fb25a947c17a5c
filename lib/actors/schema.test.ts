import { describe, expect, it } from "vitest";
import { actorInputSchema, actorMergeSchema } from "./schema";

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

import { describe, expect, it } from "vitest";
import { countStates, parseSide } from "./map";

describe("countStates", () => {
  const actors = [
    { id: 1, name: "United States", kind: "state", isoCode: "US", value: "us" },
    { id: 2, name: "Czech Republic", kind: "state", isoCode: "CZ", value: "cz" },
    { id: 3, name: "European Union", kind: "bloc", isoCode: null, value: "european-union" },
  ];
  it("counts events per state on one side with the numeric code", () => {
    const rows = [
      { eventId: 1, actorId: 1, role: "initiator" as const, type: "x" },
      { eventId: 1, actorId: 2, role: "target" as const, type: "x" },
      { eventId: 2, actorId: 1, role: "initiator" as const, type: "x" },
      { eventId: 2, actorId: 3, role: "initiator" as const, type: "x" },
    ];
    expect(countStates(rows, actors, "initiator")).toEqual([
      { actorId: 1, name: "United States", isoCode: "US", value: "us", numeric: "840", count: 2 },
    ]);
    expect(countStates(rows, actors, "target").map((s) => [s.numeric, s.count])).toEqual([["203", 1]]);
  });
  it("reads the side parameter", () => {
    expect(parseSide("target")).toBe("target");
    expect(parseSide("x")).toBe("initiator");
  });
});

import { describe, expect, it } from "vitest";
import { buildMatrix, matrixCsvRows, OTHERS_KEY, type ParticipationRow } from "./matrix";

const actors = [1, 2, 3, 4].map((id) => ({ id, name: `A${id}`, value: `a${id}` }));
const ev = (eventId: number, type: string, initiators: number[], targets: number[]): ParticipationRow[] => [
  ...initiators.map((actorId) => ({ eventId, actorId, role: "initiator" as const, type })),
  ...targets.map((actorId) => ({ eventId, actorId, role: "target" as const, type })),
];

describe("buildMatrix", () => {
  it("counts events per pair and orders axes by count", () => {
    const m = buildMatrix([...ev(1, "x", [1], [2]), ...ev(2, "y", [1], [2]), ...ev(3, "x", [2], [1])], actors);
    expect(m.rows.map((r) => r.label)).toEqual(["A1", "A2"]);
    expect(m.columns.map((c) => c.label)).toEqual(["A2", "A1"]);
    expect(m.cells[0]![0]).toEqual({ count: 2, byType: [{ type: "x", count: 1 }, { type: "y", count: 1 }] });
    expect(m.cells[1]![1]!.count).toBe(1);
    expect(m.cells[0]![1]!.count).toBe(0);
    expect(m.max).toBe(2);
    expect(m.events).toBe(3);
  });

  it("folds actors beyond the top N into others, counting an event once per cell", () => {
    const m = buildMatrix([...ev(1, "x", [1], [2]), ...ev(2, "x", [1], [3, 4]), ...ev(3, "x", [1], [2])], actors, 1);
    expect(m.columns.map((c) => c.key)).toEqual(["2", OTHERS_KEY]);
    expect(m.columns[1]).toMatchObject({ label: "Others (2)", total: 1 });
    expect(m.cells[0]!.map((c) => c.count)).toEqual([2, 1]);
  });

  it("ignores events without both sides and writes CSV rows", () => {
    const m = buildMatrix([...ev(1, "x", [1], []), ...ev(2, "x", [1], [2])], actors);
    expect(m.events).toBe(1);
    expect(matrixCsvRows(m)).toEqual([["initiator \\ target", "A2"], ["A1", "1"]]);
  });
});

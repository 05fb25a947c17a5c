import { describe, expect, it } from "vitest";
import { describeAction } from "./report-view";

describe("describeAction", () => {
  it("says what a row does, naming the event or row a likely duplicate repeats", () => {
    expect(describeAction({ action: "create", id: null })).toBe("create");
    expect(describeAction({ action: "create", id: 7 })).toBe("create (7)");
    expect(describeAction({ action: "update", id: 7 })).toBe("update (7)");
    expect(describeAction({ action: "unchanged", id: 7 })).toBe("unchanged (7)");
    expect(describeAction({ action: "duplicate", id: null, duplicateOf: { eventId: 12 } })).toBe("duplicate of #12");
    expect(describeAction({ action: "duplicate", id: null, duplicateOf: { row: 3 } })).toBe("duplicate of row 3");
    expect(describeAction({ action: "create", id: null, duplicateOf: { eventId: 12 } })).toBe("create (duplicate of #12)");
    expect(describeAction({ action: "create", id: 40, duplicateOf: { row: 3 } })).toBe("create (40, duplicate of row 3)");
    expect(describeAction({ action: "error", id: null })).toBe("error");
  });
});

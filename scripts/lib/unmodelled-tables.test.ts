import { describe, expect, it } from "vitest";
import { withoutUnmodelledDrops } from "./unmodelled-tables";

const drop = (table: string) => `-- DropTable\nPRAGMA foreign_keys=off;\nDROP TABLE "${table}";\nPRAGMA foreign_keys=on;\n\n`;

describe("withoutUnmodelledDrops", () => {
  it("treats proposals to drop the FTS5 tables as no drift", () => {
    const sql = drop("EventSearch") + drop("EventSearch_config") + drop("EventSearch_data") + drop("EventSearch_idx") + drop("EventSearch_docsize");
    expect(withoutUnmodelledDrops(sql)).toBe("-- This is an empty migration.\n");
  });

  it("keeps every other change", () => {
    const sql = drop("EventSearch_data") + drop("Event") + 'ALTER TABLE "Actor" ADD COLUMN "x" TEXT;\n';
    const kept = withoutUnmodelledDrops(sql);
    expect(kept).toContain('DROP TABLE "Event";');
    expect(kept).toContain('ALTER TABLE "Actor"');
    expect(kept).not.toContain("EventSearch");
  });
});

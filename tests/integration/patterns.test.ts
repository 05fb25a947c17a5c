import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resolveFilterReferences } from "@/lib/timeline/resolve";
import { countTimelineEvents, getTimelineView } from "@/lib/timeline/view";
import { countStates } from "@/lib/patterns/map";
import { buildMatrix } from "@/lib/patterns/matrix";
import { getViewParticipations } from "@/lib/patterns/queries";
import { parseTimelineFilters, serializeTimelineFilters } from "@/lib/timeline/filters";
import { loadExamples } from "./example-data";

beforeAll(async () => {
  await loadExamples(prisma);
});

async function resolved(q: string) {
  return (await resolveFilterReferences(prisma, parseTimelineFilters(new URLSearchParams(q)).filters)).resolved;
}

/** The timeline's count for a query string. */
async function timelineCount(q: string): Promise<number> {
  return countTimelineEvents(await resolved(q));
}

/** The query string the matrix or map links to: the view with initiator/target set. */
function withActors(q: string, extra: Record<string, string>): string {
  const filters = parseTimelineFilters(new URLSearchParams(q)).filters;
  return serializeTimelineFilters({
    ...filters,
    initiators: extra.initiator ? [extra.initiator] : filters.initiators,
    targets: extra.target ? [extra.target] : filters.targets,
  }).toString();
}

const QUERIES = ["", "type=sanctions-imposed", "from=2021", "to=2019", "type=diplomatic-expulsion&type=ambassador-recalled", "q=sanctions"];

describe("matrix and map counts equal the timeline's", () => {
  for (const q of QUERIES) {
    it(`matrix cells for "${q}"`, async () => {
      const filters = await resolved(q);
      const data = await getViewParticipations(filters);
      expect(data.total).toBe((await getTimelineView({ filters })).total);
      expect(data.truncated).toBe(false);
      const matrix = buildMatrix(data.rows, data.actors, 10_000);
      let checked = 0;
      for (const [ri, row] of matrix.rows.entries()) {
        for (const [ci, column] of matrix.columns.entries()) {
          const count = matrix.cells[ri]?.[ci]?.count ?? 0;
          if (!row.value || !column.value) continue;
          if (count === 0 && checked % 7 !== 0) continue; // a sample of the empty cells
          expect(await timelineCount(withActors(q, { initiator: row.value, target: column.value })), `${row.label} -> ${column.label}`).toBe(count);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });

    it(`map counts for "${q}"`, async () => {
      const data = await getViewParticipations(await resolved(q));
      for (const side of ["initiator", "target"] as const) {
        const states = countStates(data.rows, data.actors, side);
        if (q === "") expect(states.length).toBeGreaterThan(0);
        for (const s of states) expect(await timelineCount(withActors(q, { [side]: s.value })), `${side} ${s.name}`).toBe(s.count);
      }
    });
  }

  it("folds the matrix into top N with others without losing events", async () => {
    const data = await getViewParticipations(await resolved(""));
    const full = buildMatrix(data.rows, data.actors, 10_000);
    const top = buildMatrix(data.rows, data.actors, 3);
    expect(top.rows.length).toBeLessThanOrEqual(4);
    expect(top.events).toBe(full.events);
    // Each row's cells: at least the row total (an event may fall in several columns).
    for (const [i, row] of top.rows.entries()) {
      const sum = (top.cells[i] ?? []).reduce((s, c) => s + c.count, 0);
      expect(sum).toBeGreaterThanOrEqual(row.total);
    }
  });
});

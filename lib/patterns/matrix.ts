/**
 * Who does what to whom: initiators as rows, targets as columns, each cell the number of
 * events of the current view with that pair. Pure; the rows come from lib/patterns/queries.ts.
 */

/** One participation of an event of the view. */
export type ParticipationRow = { eventId: number; actorId: number; role: "initiator" | "target"; type: string };

export type MatrixActor = { id: number; name: string; value: string };

/** A row or column: an actor, or every actor outside the top N folded together. */
export type MatrixAxis = { key: string; label: string; value: string | null; total: number };

export type MatrixCell = { count: number; byType: { type: string; count: number }[] };

export type Matrix = {
  rows: MatrixAxis[];
  columns: MatrixAxis[];
  /** cells[row][column]. */
  cells: MatrixCell[][];
  max: number;
  /** Events with both an initiator and a target. */
  events: number;
};

export const OTHERS_KEY = "others";

/**
 * Builds the matrix: an event counts once per (initiator, target) cell, even when several of
 * its actors fold into "others". Axes are ordered by their number of events (most first, then
 * by name); actors beyond `top` are folded into a last "others" row or column.
 */
export function buildMatrix(rows: readonly ParticipationRow[], actors: readonly MatrixActor[], top = 12): Matrix {
  const byEvent = new Map<number, { type: string; initiators: Set<number>; targets: Set<number> }>();
  for (const r of rows) {
    let e = byEvent.get(r.eventId);
    if (!e) byEvent.set(r.eventId, (e = { type: r.type, initiators: new Set(), targets: new Set() }));
    (r.role === "initiator" ? e.initiators : e.targets).add(r.actorId);
  }
  const events = [...byEvent.values()].filter((e) => e.initiators.size > 0 && e.targets.size > 0);
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const axis = (side: "initiators" | "targets") => {
    const totals = new Map<number, number>();
    for (const e of events) for (const id of e[side]) totals.set(id, (totals.get(id) ?? 0) + 1);
    const ordered = [...totals.entries()].sort(
      (a, b) => b[1] - a[1] || (actorById.get(a[0])?.name ?? "").localeCompare(actorById.get(b[0])?.name ?? "") || a[0] - b[0],
    );
    const shown = ordered.slice(0, top);
    const keyOf = new Map<number, number>(shown.map(([id], i) => [id, i]));
    const list: MatrixAxis[] = shown.map(([id, total]) => {
      const a = actorById.get(id);
      return { key: String(id), label: a?.name ?? `#${id}`, value: a?.value ?? null, total };
    });
    if (ordered.length > top) {
      const folded = new Set(ordered.slice(top).map(([id]) => id));
      const total = events.filter((e) => [...e[side]].some((id) => folded.has(id))).length;
      list.push({ key: OTHERS_KEY, label: `Others (${folded.size})`, value: null, total });
    }
    return { list, indexOf: (id: number) => keyOf.get(id) ?? shown.length };
  };
  const r = axis("initiators");
  const c = axis("targets");
  const counts = r.list.map(() => c.list.map(() => new Map<string, number>()));
  for (const e of events) {
    const cellKeys = new Set<string>();
    for (const i of e.initiators) for (const t of e.targets) cellKeys.add(`${r.indexOf(i)}:${c.indexOf(t)}`);
    for (const k of cellKeys) {
      const [ri, ci] = k.split(":").map(Number) as [number, number];
      const m = counts[ri]?.[ci];
      if (m) m.set(e.type, (m.get(e.type) ?? 0) + 1);
    }
  }
  let max = 0;
  const cells = counts.map((row) =>
    row.map((m) => {
      const byType = [...m.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
      const count = byType.reduce((s, t) => s + t.count, 0);
      max = Math.max(max, count);
      return { count, byType };
    }),
  );
  return { rows: r.list, columns: c.list, cells, max, events: events.length };
}

/** The matrix as CSV rows (header first): initiator, then one column per target. */
export function matrixCsvRows(m: Matrix): string[][] {
  return [["initiator \\ target", ...m.columns.map((c) => c.label)], ...m.rows.map((r, i) => [r.label, ...(m.cells[i] ?? []).map((c) => String(c.count))])];
}

/** Keyset position in the timeline: the last event shown (its first covered day and id). */
export type TimelineCursor = { dateStart: string; id: number };

export function encodeCursor(cursor: TimelineCursor): string {
  return `${cursor.dateStart}_${cursor.id}`;
}

/** Parses a cursor from a URL; null for anything that is not one. */
export function decodeCursor(value: string | undefined | null): TimelineCursor | null {
  const match = /^(\d{4}-\d{2}-\d{2})_([1-9]\d{0,9})$/.exec(value ?? "");
  const [, dateStart, id] = match ?? [];
  return dateStart && id ? { dateStart, id: Number(id) } : null;
}

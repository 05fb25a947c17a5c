/** An event id from a URL segment, or null for anything that is not one. */
export function parseEventId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

/** The addresses that follow a view (its canonical query string, "" for everything). */
export function followHrefs(query: string): { atom: string; json: string; calendar: string } {
  const suffix = query === "" ? "" : `?${query}`;
  return { atom: `/feed.atom${suffix}`, json: `/feed.json${suffix}`, calendar: `/calendar.ics${suffix}` };
}

/**
 * The view an event page follows: events between the event's parties, in either direction
 * (a reply reverses initiator and target), or its type when it has no parties.
 */
export function eventFollowQuery(event: { type: string; parties: { isoCode: string | null; slug: string }[] }): string {
  const values = [...new Set(event.parties.map((a) => (a.isoCode ? a.isoCode.toLowerCase() : a.slug)))];
  const params = new URLSearchParams();
  if (values.length === 0) params.append("type", event.type);
  for (const v of values) params.append("initiator", v);
  for (const v of values) params.append("target", v);
  return params.toString();
}

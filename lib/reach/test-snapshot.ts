import type { EventSnapshot } from "@/lib/events/snapshot";

/** An event snapshot for the reach modules' unit tests, with text that needs escaping. */
export function snapshot(overrides: Partial<EventSnapshot> = {}): EventSnapshot {
  return {
    id: 7,
    title: "A <b>bold</b> ]]> & title",
    summary: "Summary with <script>alert(1)</script>",
    date: "2021-04-15",
    datePrecision: "day",
    dateStart: "2021-04-15",
    dateEnd: "2021-04-15",
    endDate: null,
    type: "diplomatic-expulsion",
    status: "published",
    legalBasis: null,
    location: null,
    version: 1,
    createdAt: "2021-04-15T10:00:00.000Z",
    updatedAt: "2021-04-16T10:00:00.000Z",
    deletedAt: null,
    measures: [],
    initiators: [{ id: 1, name: "Russia", isoCode: "RU" }],
    targets: [{ id: 2, name: "United States", isoCode: "US" }],
    tags: ["embassy"],
    sources: [
      { url: "javascript:alert(1)", title: "Bad link", publisher: null, publishedOn: null, retrievedAt: null, archiveUrl: null },
      { url: "https://example.org/a?b=1&c=2", title: "Good link", publisher: "Paper", publishedOn: null, retrievedAt: null, archiveUrl: null },
    ],
    relations: [],
    ...overrides,
  };
}


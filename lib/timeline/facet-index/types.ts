import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";

/**
 * The facet index's public types and its one dimension table: the filter dimensions by
 * number, what each counts into and which posting lists serve it.
 */

export const DIMENSIONS = ["dates", "types", "actor", "initiator", "target", "tag", "basis", "q"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const D_DATES = 0;
export const D_TYPES = 1;
export const D_ACTOR = 2;
export const D_INITIATOR = 3;
export const D_TARGET = 4;
export const D_TAG = 5;
export const D_BASIS = 6;
export const D_Q = 7;

export const ROLE_INITIATOR = 1;
export const ROLE_TARGET = 2;

/** The facets' counter names (lib/timeline/facet-index/counting.ts), also the base's posting-list names. */
export type FacetCounter = "types" | "actor" | "initiator" | "target" | "tag" | "basis";

/**
 * The one dimension table: each facet dimension's counter (and posting lists), and the
 * participant role it counts (0: any role, each actor once per event; null: not an actor
 * dimension).
 */
export const FACET_TABLE: readonly ({ name: FacetCounter; role: number | null } | null)[] = [
  /* D_DATES */ null,
  /* D_TYPES */ { name: "types", role: null },
  /* D_ACTOR */ { name: "actor", role: 0 },
  /* D_INITIATOR */ { name: "initiator", role: ROLE_INITIATOR },
  /* D_TARGET */ { name: "target", role: ROLE_TARGET },
  /* D_TAG */ { name: "tag", role: null },
  /* D_BASIS */ { name: "basis", role: null },
  /* D_Q */ null,
];
export const FACET_DIMENSIONS = FACET_TABLE.flatMap((facet, dimension) => (facet ? [dimension] : []));

/** Rows as read from the database; events already in timeline order. */
export type IndexSource = {
  events: { ids: ArrayLike<number>; dateStart: string[]; dateEnd: string[]; type: string[]; legalBasis: (string | null)[] };
  /** (eventId, actorId, role) for every participant, any order; rows of non-public events are skipped. */
  participants: { eventIds: ArrayLike<number>; actorIds: ArrayLike<number>; roles: ArrayLike<number> };
  tags: { eventIds: ArrayLike<number>; tagIds: ArrayLike<number> };
};

/**
 * What changed since the index was built: the ids of every event written to (changed,
 * created, trashed, purged, re-linked), and the current rows of those that are public now
 * (in `rows`, any order). An id without a row is no longer public.
 */
export type IndexChange = { eventIds: readonly number[]; rows: IndexSource };

/** The filter, with references resolved to ids; an empty list means "not filtered". */
export type IndexQuery = {
  /** First and last calendar day, "YYYY-MM-DD". */
  from: string | null;
  to: string | null;
  types: string[];
  actorIds: number[];
  initiatorIds: number[];
  targetIds: number[];
  tagIds: number[];
  bases: string[];
  /** Event ids that match the search words; null when there is no search. */
  searchIds: readonly number[] | null;
};

export type FacetEntry<K> = { key: K; count: number };

export type ChartBucket = {
  /** "YYYY-MM" or "YYYY". */
  key: string;
  total: number;
  /** Count per event type, in EVENT_TYPE_SLUGS order. */
  byType: number[];
};

export type IndexResult = {
  total: number;
  facets: {
    types: FacetEntry<string>[];
    actor: FacetEntry<number>[];
    initiator: FacetEntry<number>[];
    target: FacetEntry<number>[];
    tag: FacetEntry<number>[];
    basis: FacetEntry<string>[];
  };
  chart: { unit: "month" | "year"; buckets: ChartBucket[] };
};

/** Timeline position after which a page continues (the last event shown). */
export type IndexCursor = { dateStart: string; id: number };

export const TYPE_COUNT = EVENT_TYPE_SLUGS.length;
export const TYPE_INDEX = new Map<string, number>(EVENT_TYPE_SLUGS.map((t, i) => [t, i]));
export const OTHER_TYPE = TYPE_INDEX.get("other") ?? TYPE_COUNT - 1;
/** Months spanned above which the chart shows years: 4 years of monthly bars are still readable. */
export const MAX_MONTH_BARS = 48;

export const dayNumber = (day: string) => Number(day.slice(0, 4)) * 10000 + Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10));
export const monthNumber = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
export const monthOfDay = (day: number) => Math.floor(day / 10000) * 12 + (Math.floor(day / 100) % 100) - 1;

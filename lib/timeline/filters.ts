import { parsePartialDateDetailed, type PartialDate } from "@/lib/dates/partial-date";
import { EVENT_TYPE_SLUGS, type EventType, isEventType } from "@/lib/events/vocabulary";
import { normaliseAlias } from "@/lib/actors/alias-normalise";
import { foldText } from "@/lib/text/fold";

/**
 * The public query-string contract of the timeline, the facet counts and the exports
 * (docs/filters.md). One parser, so that the export always equals what the reader sees.
 */
export const FILTER_PARAMS = ["q", "from", "to", "type", "actor", "initiator", "target", "tag", "basis", "sort"] as const;

export const SORTS = ["newest", "oldest"] as const;
export type Sort = (typeof SORTS)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_VALUES_PER_PARAM = 20;

export type TimelineFilters = {
  /** Free-text search as typed (whitespace collapsed). Empty when absent. */
  q: string;
  /** The words of q, case- and accent-folded; each must start a word of the event's search text. */
  words: string[];
  from: PartialDate | null;
  to: PartialDate | null;
  types: EventType[];
  /**
   * Actor references as given: slugs, ISO codes or aliases, lowercased (an alias that is no slug,
   * "U.S.", in its folded slug shape, "us"). Resolved against the database later.
   */
  actors: string[];
  initiators: string[];
  targets: string[];
  /** Tag slugs. */
  tags: string[];
  /** Legal bases, matched exactly (as the facet lists them). */
  bases: string[];
  sort: Sort;
};

export type FilterProblem = { param: string; value: string; message: string };

export type ParsedFilters = { filters: TimelineFilters; problems: FilterProblem[] };

export type SearchParamsInput =
  | URLSearchParams
  | Record<string, string | string[] | undefined>;

export const EMPTY_FILTERS: TimelineFilters = {
  q: "",
  words: [],
  from: null,
  to: null,
  types: [],
  actors: [],
  initiators: [],
  targets: [],
  tags: [],
  bases: [],
  sort: "newest",
};

function valuesOf(params: SearchParamsInput, name: string): string[] {
  const raw =
    params instanceof URLSearchParams ? params.getAll(name) : ([] as string[]).concat(params[name] ?? []);
  return raw.map((v) => v.trim()).filter((v) => v !== "");
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

const REFERENCE = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,79}$/u;
/** What an actor's alias may be written with in a link: letters, digits, spaces and name punctuation. */
const ALIAS_TEXT = /^[\p{L}\p{M}\p{N} .,'’‘()&-]{1,120}$/u;

/**
 * Parses the timeline's query parameters. Never throws: malformed or unknown values are
 * dropped and reported as problems, which the page shows to the reader.
 */
export function parseTimelineFilters(params: SearchParamsInput): ParsedFilters {
  const problems: FilterProblem[] = [];
  const filters: TimelineFilters = { ...EMPTY_FILTERS };

  const q = valuesOf(params, "q").join(" ");
  if (q.length > MAX_QUERY_LENGTH) {
    problems.push({ param: "q", value: q, message: `The search text was cut to ${MAX_QUERY_LENGTH} characters.` });
  }
  filters.q = q.slice(0, MAX_QUERY_LENGTH).replace(/\s+/g, " ").trim();
  filters.words = unique(
    foldText(filters.q)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== ""),
  ).slice(0, 10);

  for (const name of ["from", "to"] as const) {
    const [value, ...extra] = valuesOf(params, name);
    if (value === undefined) continue;
    if (extra.length > 0) {
      problems.push({ param: name, value: extra.join(", "), message: `Only one "${name}" date is used; the others were ignored.` });
    }
    const parsed = parsePartialDateDetailed(value);
    if (parsed.ok) filters[name] = parsed.date;
    else problems.push({ param: name, value, message: `"${name}" ignored: ${parsed.message}` });
  }
  if (filters.from && filters.to && filters.from.start > filters.to.end) {
    problems.push({
      param: "to",
      value: filters.to.value,
      message: `The range ends (${filters.to.value}) before it starts (${filters.from.value}); the dates were ignored.`,
    });
    filters.from = null;
    filters.to = null;
  }

  const types: EventType[] = [];
  for (const value of valuesOf(params, "type")) {
    const slug = value.toLowerCase();
    if (isEventType(slug)) types.push(slug);
    else problems.push({ param: "type", value, message: `There is no event type "${value}".` });
  }
  filters.types = unique(types).slice(0, EVENT_TYPE_SLUGS.length);

  for (const [param, key] of [
    ["actor", "actors"],
    ["initiator", "initiators"],
    ["target", "targets"],
    ["tag", "tags"],
  ] as const) {
    const accepted: string[] = [];
    for (const value of valuesOf(params, param)) {
      const ref = value.toLowerCase();
      // An actor may also be named by an alias as typed ("U.S.", "the White House"): its folded form, in slug shape.
      const alias = key === "tags" || REFERENCE.test(ref) || !ALIAS_TEXT.test(value) ? "" : normaliseAlias(value).replaceAll(" ", "-");
      if (REFERENCE.test(ref)) accepted.push(ref);
      else if (REFERENCE.test(alias)) accepted.push(alias);
      else problems.push({ param, value, message: `"${value}" is not a valid ${param} reference.` });
    }
    filters[key] = limit(unique(accepted), param, problems);
  }

  filters.bases = limit(
    unique(valuesOf(params, "basis").map((b) => b.replace(/\s+/g, " ").slice(0, 300))),
    "basis",
    problems,
  );

  const [sort] = valuesOf(params, "sort");
  if (sort !== undefined) {
    if ((SORTS as readonly string[]).includes(sort)) filters.sort = sort as Sort;
    else problems.push({ param: "sort", value: sort, message: `Unknown sort order "${sort}"; showing newest first.` });
  }

  return { filters, problems };
}

function limit(values: string[], param: string, problems: FilterProblem[]): string[] {
  if (values.length > MAX_VALUES_PER_PARAM) {
    problems.push({
      param,
      value: values.slice(MAX_VALUES_PER_PARAM).join(", "),
      message: `At most ${MAX_VALUES_PER_PARAM} "${param}" values are used.`,
    });
  }
  return values.slice(0, MAX_VALUES_PER_PARAM);
}

/** The query string for a set of filters, in a stable order (for links, exports and tests). */
export function serializeTimelineFilters(filters: TimelineFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.from) params.set("from", filters.from.value);
  if (filters.to) params.set("to", filters.to.value);
  for (const type of filters.types) params.append("type", type);
  for (const actor of filters.actors) params.append("actor", actor);
  for (const initiator of filters.initiators) params.append("initiator", initiator);
  for (const target of filters.targets) params.append("target", target);
  for (const tag of filters.tags) params.append("tag", tag);
  for (const basis of filters.bases) params.append("basis", basis);
  if (filters.sort !== "newest") params.set("sort", filters.sort);
  return params;
}

/** Whether any filter narrows the result (sort alone does not). */
export function hasActiveFilters(filters: TimelineFilters): boolean {
  return (
    filters.q !== "" ||
    filters.from !== null ||
    filters.to !== null ||
    filters.types.length + filters.actors.length + filters.initiators.length + filters.targets.length > 0 ||
    filters.tags.length + filters.bases.length > 0
  );
}

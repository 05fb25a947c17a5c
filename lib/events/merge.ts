import { formatDateText } from "@/lib/dates/partial-date";
import type { EventFormValues, SourceFormValues } from "@/lib/events/form";
import { eventTypeInfo, RELATION_KINDS, SANCTION_MEASURES } from "@/lib/events/vocabulary";

/**
 * Three-way merge of the event form, field by field, against the version the editor opened
 * (`base`): what only the other save changed (`theirs`) is kept, what only this editor
 * changed (`mine`) is taken, and a field both changed differently is a conflict the editor
 * resolves with "keep mine" or "keep theirs". Lists (actors, tags, measures, sources,
 * related events) are merged item by item: an item one side added or removed is added or
 * removed; only an item both sides edited differently makes the list a conflict.
 */

export type MergeChoice = "mine" | "theirs";

export type MergeConflict = {
  field: MergeField;
  label: string;
  mine: string[];
  theirs: string[];
};

export type MergeResult = {
  /** The form's values after the merge; conflicted fields hold the chosen side, or mine while unresolved. */
  merged: EventFormValues;
  /** Fields both sides changed differently and that no choice resolves yet. */
  conflicts: MergeConflict[];
  /** The fields taken (wholly or partly) from the other save. */
  keptFromTheirs: MergeField[];
};

type Item = { key: string; value: unknown };

type FieldSpec = {
  label: string;
  /** Scalars compare as one item; lists as items with a stable key. */
  items: (v: EventFormValues) => Item[];
  lines: (v: EventFormValues) => string[];
  /** Writes the merged items (or a whole side) back into the form values. */
  apply: (target: EventFormValues, from: EventFormValues, items: Item[] | null) => void;
  list: boolean;
};

const norm = (s: string): string => s.trim().replace(/\s+/g, " ");
const nonEmpty = (s: string): string[] => (norm(s) === "" ? [] : [norm(s)]);

function dateLine(date: string): string[] {
  const d = norm(date);
  if (d === "") return [];
  try {
    return [formatDateText(d, "long")];
  } catch {
    return [d];
  }
}

function sourceLine(s: SourceFormValues): string {
  return [s.title, s.publisher, s.publishedOn, s.url, s.archiveUrl ? `archived at ${s.archiveUrl}` : ""]
    .map(norm)
    .filter((p) => p !== "")
    .join(" · ");
}

const sourceKey = (s: SourceFormValues): string => (norm(s.url) !== "" ? `url:${norm(s.url)}` : `title:${norm(s.title).toLowerCase()}`);
const isBlankSource = (s: SourceFormValues): boolean => Object.values(s).every((v) => v.trim() === "");

function scalar<K extends keyof EventFormValues>(key: K, label: string, lines: (v: EventFormValues) => string[], also: (keyof EventFormValues)[] = []): FieldSpec {
  return {
    label,
    list: false,
    items: () => [],
    lines,
    apply: (target, from) => {
      for (const k of [key, ...also]) (target as Record<string, unknown>)[k] = from[k];
    },
  };
}

function list<T>(
  key: "measures" | "tags" | "initiators" | "targets" | "sources" | "relations",
  label: string,
  keyOf: (item: T) => string,
  line: (item: T) => string,
  keep: (item: T) => boolean = () => true,
): FieldSpec {
  const get = (v: EventFormValues) => (v[key] as unknown as T[]).filter(keep);
  return {
    label,
    list: true,
    items: (v) => get(v).map((value) => ({ key: keyOf(value), value })),
    lines: (v) => get(v).map(line),
    apply: (target, from, items) => {
      (target as Record<string, unknown>)[key] = items ? items.map((i) => i.value) : from[key];
    },
  };
}

const measureLabel = (slug: string) => SANCTION_MEASURES.find((m) => m.slug === slug)?.label ?? slug;
const relationLabel = (slug: string) => RELATION_KINDS.find((k) => k.slug === slug)?.label ?? slug;
const typeLabel = (slug: string) => {
  try {
    return eventTypeInfo(slug).label;
  } catch {
    return slug;
  }
};

const FIELDS = {
  title: scalar("title", "Title", (v) => nonEmpty(v.title)),
  summary: scalar("summary", "Summary", (v) => nonEmpty(v.summary)),
  date: scalar("date", "Date", (v) => dateLine(v.date), ["datePrecision"]),
  endDate: scalar("endDate", "Until", (v) => dateLine(v.endDate), ["endDatePrecision"]),
  type: scalar("type", "Type", (v) => (v.type ? [typeLabel(v.type)] : [])),
  status: scalar("status", "Status", (v) => [v.status === "published" ? "Published" : "Draft"]),
  legalBasis: scalar("legalBasis", "Legal basis", (v) => nonEmpty(v.legalBasis)),
  location: scalar("location", "Location", (v) => nonEmpty(v.location)),
  initiators: list<EventFormValues["initiators"][number]>("initiators", "Initiators", (a) => String(a.id), (a) => a.name),
  targets: list<EventFormValues["targets"][number]>("targets", "Targets", (a) => String(a.id), (a) => a.name),
  measures: list<string>("measures", "Measures", (m) => m, measureLabel),
  tags: list<string>("tags", "Tags", (t) => norm(t).toLowerCase(), norm),
  sources: list<SourceFormValues>("sources", "Sources", sourceKey, sourceLine, (s) => !isBlankSource(s)),
  relations: list<EventFormValues["relations"][number]>(
    "relations",
    "Related events",
    (r) => String(r.event.id),
    (r) => `${relationLabel(r.kind)}: ${r.event.title || `event #${r.event.id}`}`,
  ),
} satisfies Record<string, FieldSpec>;

export type MergeField = keyof typeof FIELDS;
export const MERGE_FIELDS = Object.keys(FIELDS) as MergeField[];

export function mergeFieldLabel(field: MergeField): string {
  return FIELDS[field].label;
}

export function isMergeField(value: string): value is MergeField {
  return Object.hasOwn(FIELDS, value);
}

/** What a field holds, compared the way an editor would: whitespace and, for tags, case do not count. */
function comparable(spec: FieldSpec, v: EventFormValues, field: MergeField): string {
  if (spec.list) return JSON.stringify(spec.items(v).map((i) => [i.key, comparableItem(field, i.value)]));
  return JSON.stringify(scalarValue(field, v));
}

function scalarValue(field: MergeField, v: EventFormValues): unknown {
  switch (field) {
    case "date":
      return norm(v.date) === "" ? "" : [norm(v.date), v.datePrecision];
    case "endDate":
      return norm(v.endDate) === "" ? "" : [norm(v.endDate), v.endDatePrecision];
    default:
      return norm(String(v[field as "title"] ?? ""));
  }
}

function comparableItem(field: MergeField, value: unknown): string {
  if (field === "sources") return sourceLine(value as SourceFormValues);
  if (field === "relations") return (value as EventFormValues["relations"][number]).kind;
  if (field === "initiators" || field === "targets") return "";
  return norm(String(value)).toLowerCase();
}

/** Merges two lists item by item against their base; null when an item was edited differently on both sides. */
function mergeItems(field: MergeField, base: Item[], mine: Item[], theirs: Item[]): Item[] | null {
  const byKey = (items: Item[]) => new Map(items.map((i) => [i.key, i]));
  const b = byKey(base);
  const m = byKey(mine);
  const t = byKey(theirs);
  const same = (x: Item | undefined, y: Item | undefined) =>
    x === undefined || y === undefined ? x === y : comparableItem(field, x.value) === comparableItem(field, y.value);
  const out: Item[] = [];
  const pick = (key: string): Item | undefined | null => {
    const [bi, mi, ti] = [b.get(key), m.get(key), t.get(key)];
    if (same(mi, bi)) return ti;
    if (same(ti, bi)) return mi;
    if (same(mi, ti)) return mi;
    return null;
  };
  // Their order first (it is what is stored now), then what only this editor added, in the editor's order.
  for (const key of [...t.keys(), ...[...m.keys()].filter((k) => !t.has(k)), ...[...b.keys()].filter((k) => !t.has(k) && !m.has(k))]) {
    if (out.some((i) => i.key === key)) continue;
    const chosen = pick(key);
    if (chosen === null) return null;
    if (chosen) out.push(chosen);
  }
  return out;
}

/**
 * Merges `mine` (the submitted form) with `theirs` (the stored event) against `base` (the
 * version the editor opened; null when that version cannot be found, so every difference
 * counts as a conflict). `choices` resolves conflicts the editor has already decided.
 * The result keeps mine's id and version: the caller decides which version it saves over.
 */
export function mergeEventForm(
  base: EventFormValues | null,
  mine: EventFormValues,
  theirs: EventFormValues,
  choices: Partial<Record<MergeField, MergeChoice>> = {},
): MergeResult {
  const merged: EventFormValues = structuredClone(mine);
  const conflicts: MergeConflict[] = [];
  const keptFromTheirs: MergeField[] = [];
  for (const field of MERGE_FIELDS) {
    const spec: FieldSpec = FIELDS[field];
    const [b, m, t] = [base ? comparable(spec, base, field) : null, comparable(spec, mine, field), comparable(spec, theirs, field)];
    if (m === t) continue;
    if (b !== null && m === b) {
      spec.apply(merged, theirs, null);
      keptFromTheirs.push(field);
      continue;
    }
    if (b !== null && t === b) continue;
    if (spec.list && base) {
      const items = mergeItems(field, spec.items(base), spec.items(mine), spec.items(theirs));
      if (items) {
        spec.apply(merged, theirs, items);
        keptFromTheirs.push(field);
        continue;
      }
    }
    const choice = choices[field];
    if (choice === "theirs") {
      spec.apply(merged, theirs, null);
      keptFromTheirs.push(field);
    } else if (choice !== "mine") {
      conflicts.push({ field, label: spec.label, mine: spec.lines(mine), theirs: spec.lines(theirs) });
    }
  }
  return { merged, conflicts, keptFromTheirs };
}

/** Reads the editor's "keep mine / keep theirs" answers from the form. */
export function readMergeChoices(formData: FormData): Partial<Record<MergeField, MergeChoice>> {
  const choices: Partial<Record<MergeField, MergeChoice>> = {};
  for (const field of MERGE_FIELDS) {
    const value = formData.get(`keep-${field}`);
    if (value === "mine" || value === "theirs") choices[field] = value;
  }
  return choices;
}

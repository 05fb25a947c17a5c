import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { diffSnapshots, type FieldChange } from "@/lib/events/diff";
import { snapshotToFormValues, type ActorOption, type EventFormValues, type RelatedOption } from "@/lib/events/form";
import { readEventSnapshot, type EventSnapshot } from "@/lib/events/snapshot";
import { parseStoredSnapshot } from "@/lib/events/snapshot-schema";
import { EVENT_TYPE_SLUGS } from "@/lib/events/vocabulary";
import { normaliseAlias } from "@/lib/actors/alias-normalise";
import { foldText } from "@/lib/text/fold";

export const ADMIN_STATUSES = ["all", "draft", "published", "trash"] as const;
export type AdminStatus = (typeof ADMIN_STATUSES)[number];

export type AdminEventFilters = { q: string; status: AdminStatus; type: string | null; page: number };

const PAGE_SIZE = 50;

/**
 * The editors' list filters, read from the URL. Kept to search, status and type until the
 * public timeline's filter module exists to share (issue 3).
 */
export function parseAdminEventFilters(params: Record<string, string | string[] | undefined>): AdminEventFilters {
  const first = (key: string) => {
    const value = params[key];
    return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? "") : "";
  };
  const status = first("status");
  const type = first("type");
  const page = Number(first("page"));
  return {
    q: first("q").trim().slice(0, 200),
    status: (ADMIN_STATUSES as readonly string[]).includes(status) ? (status as AdminStatus) : "all",
    type: (EVENT_TYPE_SLUGS as readonly string[]).includes(type) ? type : null,
    page: Number.isSafeInteger(page) && page > 1 ? page : 1,
  };
}

function adminWhere(filters: AdminEventFilters): Prisma.EventWhereInput {
  const where: Prisma.EventWhereInput = {};
  if (filters.status === "trash") where.deletedAt = { not: null };
  else {
    where.deletedAt = null;
    if (filters.status !== "all") where.status = filters.status;
  }
  if (filters.type) where.type = filters.type;
  const words = foldText(filters.q).split(" ").filter(Boolean);
  const idMatch = /^#?(\d{1,9})$/.exec(filters.q);
  if (words.length > 0) {
    const text: Prisma.EventWhereInput = { AND: words.map((w) => ({ searchText: { contains: w } })) };
    where.OR = idMatch ? [text, { id: Number(idMatch[1]) }] : [text];
  }
  return where;
}

export async function listAdminEvents(filters: AdminEventFilters) {
  const where = adminWhere(filters);
  const [events, total] = await Promise.all([
    prisma.event.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        title: true,
        datePrecision: true,
        dateStart: true,
        type: true,
        status: true,
        deletedAt: true,
        updatedAt: true,
        version: true,
      },
    }),
    prisma.event.count({ where }),
  ]);
  return { events, total, pageSize: PAGE_SIZE };
}

export type AdminEventRow = Awaited<ReturnType<typeof listAdminEvents>>["events"][number];

export function relatedOption(event: { id: number; title: string; datePrecision: string; dateStart: string }): RelatedOption {
  return { id: event.id, title: event.title, datePrecision: event.datePrecision, dateStart: event.dateStart };
}

async function relatedOptions(ids: readonly number[]): Promise<RelatedOption[]> {
  const events = await prisma.event.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, title: true, datePrecision: true, dateStart: true },
  });
  return events.map(relatedOption);
}

/** An event as the edit form needs it (trashed ones included), or null. */
export async function getEventForEdit(id: number): Promise<{ snapshot: EventSnapshot; related: RelatedOption[] } | null> {
  const snapshot = await readEventSnapshot(prisma, id);
  if (!snapshot) return null;
  return { snapshot, related: await relatedOptions(snapshot.relations.map((r) => r.eventId)) };
}

/**
 * The form's values for the version an editor opened and for the current one, for the
 * three-way merge after a conflict. `base` is null when that version's revision is gone.
 */
export async function mergeSides(
  eventId: number,
  version: number,
  current: EventSnapshot,
): Promise<{ base: EventFormValues | null; theirs: EventFormValues }> {
  const loaded = await prisma.eventRevision.findFirst({
    where: { eventId, version },
    orderBy: { id: "desc" },
    select: { snapshot: true },
  });
  const before = loaded ? (JSON.parse(loaded.snapshot) as EventSnapshot) : null;
  const related = await relatedOptions([...(before?.relations ?? []), ...current.relations].map((r) => r.eventId));
  return { base: before ? snapshotToFormValues(before, related) : null, theirs: snapshotToFormValues(current, related) };
}

/** What changed between the version an editor loaded and the current one (for the conflict message). */
export async function changesSinceVersion(eventId: number, version: number, current: EventSnapshot): Promise<FieldChange[]> {
  const loaded = await prisma.eventRevision.findFirst({
    where: { eventId, version },
    orderBy: { id: "desc" },
    select: { snapshot: true },
  });
  const before = loaded ? parseStoredSnapshot(loaded.snapshot) : null;
  const titles = await eventTitles([...(before?.relations ?? []), ...current.relations].map((r) => r.eventId));
  return diffSnapshots(before, current, { eventTitles: titles });
}

async function eventTitles(ids: readonly number[]): Promise<Map<number, string>> {
  const events = await prisma.event.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, title: true } });
  return new Map(events.map((e) => [e.id, e.title]));
}

export type RevisionEntry = {
  id: number;
  /** The event's title in this revision (the history of a purged event has nothing else). */
  title: string;
  version: number;
  kind: string;
  createdAt: Date;
  author: string | null;
  changes: FieldChange[];
  isCurrent: boolean;
  /** The stored snapshot could not be read (damaged or foreign data): shown as such, not diffed. */
  unreadable: boolean;
};

/** Every revision of an event, newest first, each with what it changed from the one before. */
export async function listEventRevisions(eventId: number): Promise<RevisionEntry[]> {
  const revisions = await prisma.eventRevision.findMany({
    where: { eventId },
    orderBy: { id: "asc" },
    select: { id: true, version: true, kind: true, snapshot: true, createdAt: true, user: { select: { email: true, name: true } } },
  });
  const snapshots = revisions.map((r) => parseStoredSnapshot(r.snapshot));
  const titles = await eventTitles(snapshots.flatMap((s) => s?.relations.map((r) => r.eventId) ?? []));
  let previous: EventSnapshot | null = null;
  const entries: RevisionEntry[] = [];
  revisions.forEach((revision, i) => {
    const snapshot = snapshots[i] ?? null;
    const common = {
      id: revision.id,
      version: revision.version,
      kind: revision.kind,
      createdAt: revision.createdAt,
      author: revision.user ? (revision.user.name ?? revision.user.email) : null,
      isCurrent: i === revisions.length - 1,
    };
    if (!snapshot) {
      // The next readable revision is compared with the last readable one before it.
      entries.push({ ...common, title: previous?.title ?? "", changes: [], unreadable: true });
      return;
    }
    entries.push({ ...common, title: snapshot.title, changes: diffSnapshots(previous, snapshot, { eventTitles: titles }), unreadable: false });
    previous = snapshot;
  });
  return entries.reverse();
}

/**
 * Actors whose name, code or one of whose aliases matches, for the form's type-ahead ("U.S.",
 * "Kremlin", "Sergei Lavrov"). An actor found by an alias carries it, so the picker can say why.
 */
export async function searchActors(q: string, limit = 10): Promise<(ActorOption & { kind: string; alias?: string })[]> {
  const term = q.trim();
  if (term === "") return [];
  const folded = foldText(term);
  const slugTerm = typeAheadSlug(folded);
  const aliasTerm = normaliseAlias(term);
  const code = term.toUpperCase();
  const select = { id: true, name: true, isoCode: true, kind: true, slug: true } as const;
  const aliasSelect = { alias: true, normalised: true, actor: { select } } as const;
  const [found, exact, partial] = await Promise.all([
    prisma.actor.findMany({
      where: { OR: [{ name: { contains: term } }, ...(slugTerm ? [{ slug: { contains: slugTerm } }] : []), { isoCode: code }] },
      orderBy: { name: "asc" },
      take: limit * 3,
      select,
    }),
    // The exact alias through its index, so that many partial matches cannot crowd it out.
    aliasTerm === "" ? [] : prisma.actorAlias.findMany({ where: { normalised: aliasTerm }, take: limit, select: aliasSelect }),
    aliasTerm === ""
      ? []
      : prisma.actorAlias.findMany({ where: { normalised: { contains: aliasTerm } }, orderBy: [{ normalised: "asc" }], take: limit * 3, select: aliasSelect }),
  ]);
  const viaAlias = [...exact, ...partial];
  // LIKE treats % and _ as wildcards; keep only real substring matches.
  const byId = new Map<number, ActorOption & { kind: string; alias?: string; rank: number }>();
  for (const { slug, ...a } of found) {
    const name = foldText(a.name);
    if (!(name.includes(folded) || (slugTerm !== "" && slug.includes(slugTerm)) || a.isoCode === code)) continue;
    // Names that start with what was typed come first: "Iran" before "Syrian Arab Republic".
    byId.set(a.id, { ...a, rank: name === folded || a.isoCode === code ? 0 : name.startsWith(folded) ? 1 : 3 });
  }
  for (const { alias, normalised, actor } of viaAlias) {
    if (!normalised.includes(aliasTerm)) continue;
    const rank = normalised === aliasTerm ? 0 : normalised.startsWith(aliasTerm) ? 2 : 4;
    const known = byId.get(actor.id);
    if (known) {
      // Found by its name as well: the alias may rank it higher, but the name says why already.
      if (rank < known.rank) known.rank = rank;
      continue;
    }
    const { slug: _slug, ...a } = actor;
    byId.set(a.id, { ...a, alias, rank });
  }
  return [...byId.values()]
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ rank: _rank, ...a }) => a);
}

/** Events to link to, by words of the title or by a date such as 2021-04 (trash excluded). */
export async function searchEventsForRelation(q: string, excludeId: number | null, limit = 10): Promise<RelatedOption[]> {
  const term = q.trim();
  if (term === "") return [];
  const date = /^\d{4}(-\d{1,2}(-\d{1,2})?)?$/.test(term) ? term : null;
  const words = foldText(term).split(" ").filter(Boolean);
  const events = await prisma.event.findMany({
    where: {
      deletedAt: null,
      ...(excludeId ? { id: { not: excludeId } } : {}),
      ...(date
        ? { dateStart: { startsWith: date.replace(/-(\d)(?=-|$)/g, "-0$1") } }
        : { AND: words.map((w) => ({ searchText: { contains: w } })) }),
    },
    orderBy: [{ dateStart: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, datePrecision: true, dateStart: true },
  });
  return events.map(relatedOption);
}

export async function searchTags(q: string, limit = 10): Promise<string[]> {
  const term = foldText(q.trim());
  if (term === "") return [];
  const slugTerm = typeAheadSlug(term);
  if (slugTerm === "") return [];
  const tags = await prisma.tag.findMany({
    where: { slug: { contains: slugTerm } },
    orderBy: { name: "asc" },
    take: limit * 3,
    select: { name: true, slug: true },
  });
  // LIKE treats % and _ as wildcards; keep only real substring matches.
  return tags.filter((t) => t.slug.includes(slugTerm)).slice(0, limit).map((t) => t.name);
}

/**
 * What a typed term looks like inside a slug: letters and digits joined by "-". Punctuation
 * alone ("%", "_", "-") is no term at all, rather than a match for every hyphenated slug.
 */
export function typeAheadSlug(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}

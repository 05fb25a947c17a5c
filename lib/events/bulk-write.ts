import type { Db } from "@/lib/db/client";
import { engineOf, type BulkRow } from "@/lib/db/engine";
import type { EventInput } from "@/lib/events/schema";
import { snapshotSearchText } from "@/lib/events/search-text";
import { toEventSnapshot, type EventSnapshot, type EventWithSnapshotInclude } from "@/lib/events/snapshot";
import { ExpectedError } from "@/lib/errors";
import { eventChildRows, eventColumns, revisionRow, type RevisionKind } from "@/lib/events/write";
import { slugify } from "@/lib/text/fold";

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's bind-parameter limits. */
const ROWS_PER_STATEMENT = 500;

/** What a newly created event keeps from the file instead of "now" (a backup, or CSV's updated_at). */
export type CreateBookkeeping = { version?: number; createdAt?: Date; updatedAt?: Date; deletedAt?: Date | null };

export type BulkEventWrite =
  | { action: "create"; id: number | null; input: EventInput; bookkeeping?: CreateBookkeeping }
  | { action: "update"; current: EventSnapshot; input: EventInput };

/**
 * Writes many events at once with the same result as `createEvent` / `updateEvent` of
 * lib/events/write.ts for each: the same columns, child rows (`eventChildRows`), search text
 * (`snapshotSearchText`) and one revision per event (`revisionRow`) whose snapshot is built
 * with `toEventSnapshot` from what is written, so it equals what `readEventSnapshot` reads
 * back. A few multi-row statements per batch (`Engine.insertRows`, lib/db/engine.ts) instead of ~15
 * statements per event: the import's apply path. Run inside a transaction (the caller's all-or-nothing).
 *
 * Preconditions the caller (lib/import/engine.ts) has checked: actors exist, ids are
 * distinct, an update's `current` is the stored state and not in the trash, and every
 * related event exists or will by the commit (deferred keys, `Engine.deferForeignKeys`).
 * Returns the events' ids in the order of `writes`.
 */
export async function writeEventsInBulk(
  db: Db,
  writes: readonly BulkEventWrite[],
  options: {
    userId: number | null;
    kind: RevisionKind;
    now?: Date;
    /** False when the caller writes the relation rows later (a staged import's last step); revisions still record them. */
    relations?: boolean;
  },
): Promise<number[]> {
  if (writes.length === 0) return [];
  const now = options.now ?? new Date();
  const engine = engineOf(db);
  const insert = (table: string, rows: readonly BulkRow[]) => engine.insertRows(db, table, rows);
  const tags = await resolveTags(db, writes.flatMap((w) => w.input.tags));
  const actorIds = [...new Set(writes.flatMap((w) => [...w.input.initiatorIds, ...w.input.targetIds]))];
  const actors = new Map<number, { id: number; name: string; isoCode: string | null }>();
  for (const ids of chunks(actorIds)) {
    for (const actor of await db.actor.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, isoCode: true } })) {
      actors.set(actor.id, actor);
    }
  }
  if (actors.size !== actorIds.length) {
    throw new ExpectedError("invalid", "initiatorIds", "An actor no longer exists (it may have been merged); choose it again.");
  }

  const snapshots: EventSnapshot[] = [];
  const newRows: ReturnType<typeof eventRow>[] = [];
  for (const write of writes) {
    const tagIds = [...new Set(write.input.tags.map((name) => tags.get(slugify(name))?.id ?? 0))];
    if (write.action === "update") {
      const { current, input } = write;
      const snapshot = buildSnapshot(current.id, input, tagIds, tags, actors, {
        version: current.version + 1,
        createdAt: new Date(current.createdAt),
        updatedAt: now,
        deletedAt: null,
      });
      // The version check is the same conditional UPDATE as claimVersion's: a row changed
      // since it was read (or trashed) matches nothing.
      const result = await db.event.updateMany({
        where: { id: current.id, version: current.version, deletedAt: null },
        data: { ...eventColumns(input), searchText: snapshotSearchText(snapshot), version: snapshot.version, updatedAt: now },
      });
      if (result.count !== 1) throw new ExpectedError("invalid", "event", `Event ${current.id} changed during the import; run it again.`);
      snapshots.push(snapshot);
    } else {
      const { input, bookkeeping } = write;
      const times = {
        version: bookkeeping?.version ?? 1,
        createdAt: bookkeeping?.createdAt ?? now,
        updatedAt: bookkeeping?.updatedAt ?? now,
        deletedAt: bookkeeping?.deletedAt ?? null,
      };
      // Search text does not depend on the id, so an event without one is inserted first.
      const searchText = snapshotSearchText(buildSnapshot(0, input, tagIds, tags, actors, times));
      let id = write.id;
      if (id === null) {
        id = (await db.event.create({ data: eventRow(null, input, searchText, times), select: { id: true } })).id;
      } else {
        newRows.push(eventRow(id, input, searchText, times));
      }
      snapshots.push(buildSnapshot(id, input, tagIds, tags, actors, times));
    }
  }
  await insert("Event", newRows);

  const updatedIds = writes.flatMap((w) => (w.action === "update" ? [w.current.id] : []));
  for (const eventId of chunks(updatedIds)) {
    const where = { eventId: { in: eventId } };
    await db.eventParticipant.deleteMany({ where });
    await db.source.deleteMany({ where });
    await db.eventTag.deleteMany({ where });
    await db.eventMeasure.deleteMany({ where });
    await db.eventRelation.deleteMany({ where: { fromId: { in: eventId } } });
  }

  const children = snapshots.map((snapshot, i) => {
    const write = writes[i] as BulkEventWrite;
    return eventChildRows(snapshot.id, write.input, [...new Set(write.input.tags.map((name) => tags.get(slugify(name))?.id ?? 0))]);
  });
  await insert("EventParticipant", children.flatMap((c) => c.participants));
  await insert("Source", children.flatMap((c) => c.sources));
  await insert("EventTag", children.flatMap((c) => c.tags));
  await insert("EventMeasure", children.flatMap((c) => c.measures));
  if (options.relations !== false) await insert("EventRelation", children.flatMap((c) => c.relations));
  await insert("EventRevision", snapshots.map((snapshot) => ({ ...revisionRow(snapshot, options.kind, options.userId), createdAt: now })));
  return snapshots.map((s) => s.id);
}

type TagRow = { id: number; name: string };
type ActorRow = { id: number; name: string; isoCode: string | null };

/** Tags by slug, creating the missing ones (the name as first written), like resolveTagIds. */
async function resolveTags(db: Db, names: readonly string[]): Promise<Map<string, TagRow>> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!wanted.has(slug)) wanted.set(slug, name);
  }
  const found = new Map<string, TagRow>();
  const read = async () => {
    for (const slugs of chunks([...wanted.keys()].filter((slug) => !found.has(slug)))) {
      for (const tag of await db.tag.findMany({ where: { slug: { in: slugs } }, select: { id: true, name: true, slug: true } })) {
        found.set(tag.slug, { id: tag.id, name: tag.name });
      }
    }
  };
  await read();
  const missing = [...wanted].filter(([slug]) => !found.has(slug)).map(([slug, name]) => ({ slug, name }));
  if (missing.length === 0) return found;
  for (const rows of chunks(missing)) await db.tag.createMany({ data: rows });
  await read();
  return found;
}

function eventRow(id: number | null, input: EventInput, searchText: string, times: Required<CreateBookkeeping>) {
  return { ...(id === null ? {} : { id }), ...eventColumns(input), searchText, ...times };
}

/** The snapshot of the event as it will be stored, through the same `toEventSnapshot` that reads it back. */
function buildSnapshot(
  id: number,
  input: EventInput,
  tagIds: readonly number[],
  tags: ReadonlyMap<string, TagRow>,
  actors: ReadonlyMap<number, ActorRow>,
  times: Required<CreateBookkeeping>,
): EventSnapshot {
  const rows = eventChildRows(id, input, tagIds);
  const tagNames = new Map([...tags.values()].map((t) => [t.id, t.name]));
  const stored: EventWithSnapshotInclude = {
    id,
    ...eventColumns(input),
    searchText: "",
    ...times,
    participants: rows.participants.map((p) => ({ role: p.role, position: p.position, actor: actors.get(p.actorId) as ActorRow })),
    sources: rows.sources.map((s) => ({ url: s.url, title: s.title, publisher: s.publisher, publishedOn: s.publishedOn, retrievedAt: null, archiveUrl: s.archiveUrl })),
    tags: rows.tags.map((t) => ({ tag: { name: tagNames.get(t.tagId) ?? "" } })),
    measures: rows.measures.map((m) => ({ measure: m.measure })),
    relationsFrom: rows.relations.map((r) => ({ kind: r.kind, toId: r.toId })),
  };
  return toEventSnapshot(stored);
}

function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

import { z } from "zod";
import { ALIAS_KINDS, MAX_ALIAS_LENGTH, normaliseAlias } from "@/lib/actors/alias-normalise";
import type { Db } from "@/lib/db/client";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupActor, type BackupRevision } from "@/lib/export/backup";
import type { EventDraft, ImportRecord, RowError } from "@/lib/import/draft";
import type { ColumnOf, ImportOptions, RecordSource, RestoreExtras } from "@/lib/import/engine";
import { IMPORT_BATCH_SIZE } from "@/lib/import/csv-source";

/**
 * JSON files: the public JSON export (an array of event objects) or a full backup (actors,
 * events with drafts and trash, revisions). A JSON document is parsed whole, so the admin
 * upload limit bounds its size; CSV is the format for very large files (streamed).
 */
const actorRefSchema = z.object({ id: z.number().int(), name: z.string().min(1), isoCode: z.string().nullable().optional() });
const instant = z.iso.datetime({ offset: true });

const eventObjectSchema = z.object({
  id: z.number().int().positive().nullable().optional(),
  title: z.string(),
  summary: z.string().optional(),
  date: z.string(),
  endDate: z.string().nullable().optional(),
  type: z.string(),
  status: z.string().optional(),
  legalBasis: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  version: z.number().int().positive().optional(),
  createdAt: instant.optional(),
  updatedAt: instant.optional(),
  deletedAt: instant.nullable().optional(),
  measures: z.array(z.string()).optional(),
  initiators: z.array(actorRefSchema).optional(),
  targets: z.array(actorRefSchema).optional(),
  tags: z.array(z.string()).optional(),
  sources: z
    .array(
      z.object({
        url: z.string().nullable(),
        title: z.string(),
        publisher: z.string().nullable().optional(),
        publishedOn: z.string().nullable().optional(),
        archiveUrl: z.string().nullable().optional(),
      }),
    )
    .optional(),
  relations: z.array(z.object({ kind: z.string(), eventId: z.number().int().positive() })).optional(),
});

type EventObject = z.infer<typeof eventObjectSchema>;

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: instant,
  actors: z.array(
    z.object({
      id: z.number().int().positive(),
      name: z.string().min(1),
      slug: z.string().min(1),
      kind: z.string(),
      isoCode: z.string().nullable(),
      parentId: z.number().int().positive().nullable(),
      aliases: z
        .array(z.object({ alias: z.string().min(1).max(MAX_ALIAS_LENGTH), kind: z.enum(ALIAS_KINDS).catch("other"), origin: z.enum(["builtin", "admin"]).catch("admin") }))
        .max(1000)
        .default([]),
    }),
  ),
  events: z.array(z.unknown()),
  revisions: z.array(
    z.object({
      id: z.number().int().positive(),
      eventId: z.number().int().positive(),
      version: z.number().int(),
      kind: z.string(),
      snapshot: z.string(),
      userEmail: z.string().nullable(),
      createdAt: instant,
    }),
  ),
});

export type JsonImport = {
  source: RecordSource;
  /** For a backup: restores actors before the events and revisions after them. */
  hooks: Pick<ImportOptions, "beforeEvents" | "afterEvents" | "restoreExtras">;
  kind: "events" | "backup";
};

/** JSON field paths for messages: `sources[0].url`. */
export const jsonColumnOf: ColumnOf = (path) => {
  const names: Record<string, string> = { initiatorIds: "initiators", targetIds: "targets" };
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${names[String(part)] ?? String(part)}`))
    .join("");
};

/** Reads a JSON import file. Problems with the document as a whole become a file error. */
export function readJsonImport(text: string): JsonImport {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return failed(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(document)) {
    return { kind: "events", source: eventSource(document, new Map()), hooks: {} };
  }
  const backup = backupSchema.safeParse(document);
  if (!backup.success) {
    return failed(`The file is neither a JSON export (an array of events) nor a Demarche backup: ${z.prettifyError(backup.error)}`);
  }
  const { actors, events, revisions } = backup.data;
  const kinds = new Map(actors.map((a) => [a.name, a.kind]));
  const extras = new Map<number, RestoreExtras>();
  const source = eventSource(events, kinds, (event) => {
    if (event.id && event.version && event.createdAt && event.updatedAt) {
      extras.set(event.id, {
        version: event.version,
        createdAt: new Date(event.createdAt),
        updatedAt: new Date(event.updatedAt),
        deletedAt: event.deletedAt ? new Date(event.deletedAt) : null,
      });
    }
  });
  let revisionIdBefore = 0;
  return {
    kind: "backup",
    source,
    hooks: {
      restoreExtras: (id) => extras.get(id),
      beforeEvents: async (tx) => {
        revisionIdBefore = (await tx.eventRevision.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0;
        await restoreActors(tx, actors);
      },
      afterEvents: async (tx, created) => restoreRevisions(tx, revisions, created, revisionIdBefore),
    },
  };
}

function failed(message: string): JsonImport {
  const record: ImportRecord = { row: 1, draft: { id: null }, errors: [{ row: 1, column: "", message }], fileError: true };
  return {
    kind: "events",
    hooks: {},
    source: async function* () {
      yield [record];
    },
  };
}

/** Events by position in the file: "row" n is the n-th event object. */
function eventSource(items: unknown[], actorKinds: Map<string, string>, onEvent?: (event: EventObject) => void): RecordSource {
  return async function* () {
    for (let start = 0; start < items.length; start += IMPORT_BATCH_SIZE) {
      yield items.slice(start, start + IMPORT_BATCH_SIZE).map((item, i): ImportRecord => {
        const row = start + i + 1;
        const parsed = eventObjectSchema.safeParse(item);
        if (!parsed.success) {
          const errors: RowError[] = parsed.error.issues.map((issue) => ({ row, column: jsonColumnOf(issue.path), message: issue.message }));
          return { row, draft: { id: null }, errors };
        }
        onEvent?.(parsed.data);
        return { row, draft: eventObjectToDraft(parsed.data, actorKinds), errors: [] };
      });
    }
  };
}

function eventObjectToDraft(event: EventObject, actorKinds: Map<string, string>): EventDraft {
  const refs = (actors: EventObject["initiators"]) =>
    actors?.map((a) => ({ name: a.name, isoCode: a.isoCode ?? null, kind: actorKinds.get(a.name) ?? (a.isoCode ? "state" : undefined) }));
  return {
    id: event.id ?? null,
    title: event.title,
    summary: event.summary,
    date: event.date,
    endDate: event.endDate,
    type: event.type,
    status: event.status,
    legalBasis: event.legalBasis,
    location: event.location,
    measures: event.measures,
    initiators: refs(event.initiators),
    targets: refs(event.targets),
    tags: event.tags,
    sources: event.sources,
    relations: event.relations ? { scope: "all", items: event.relations } : undefined,
    updatedAt: event.updatedAt ? new Date(event.updatedAt) : undefined,
  };
}

/**
 * Actors of a backup: one with the same name already present is used as it is; the others
 * are created with their backup id when it is free, so events and revisions keep pointing
 * at the same ids, and then linked to their parents.
 */
async function restoreActors(tx: Db, actors: readonly BackupActor[]): Promise<void> {
  const existing = await tx.actor.findMany({ select: { id: true, name: true, slug: true, isoCode: true } });
  const idByName = new Map(existing.map((a) => [a.name, a.id]));
  const takenIds = new Set(existing.map((a) => a.id));
  const takenSlugs = new Set(existing.map((a) => a.slug));
  const takenCodes = new Set(existing.flatMap((a) => (a.isoCode ? [a.isoCode] : [])));
  const newId = new Map<number, number>();
  const created: BackupActor[] = [];
  for (const actor of actors) {
    const known = idByName.get(actor.name);
    if (known !== undefined) {
      newId.set(actor.id, known);
      continue;
    }
    const row = await tx.actor.create({
      data: {
        ...(takenIds.has(actor.id) ? {} : { id: actor.id }),
        name: actor.name,
        slug: takenSlugs.has(actor.slug) ? `${actor.slug}-${actor.id}` : actor.slug,
        kind: actor.kind,
        isoCode: actor.isoCode && !takenCodes.has(actor.isoCode) ? actor.isoCode : null,
      },
      select: { id: true },
    });
    newId.set(actor.id, row.id);
    created.push(actor);
  }
  for (const actor of created) {
    const parentId = actor.parentId === null ? undefined : newId.get(actor.parentId);
    if (parentId !== undefined) await tx.actor.update({ where: { id: newId.get(actor.id) }, data: { parentId } });
  }
  // Aliases: those an actor lacks, unless another actor already goes by them (one alias, one actor).
  const owner = new Map((await tx.actorAlias.findMany({ select: { actorId: true, normalised: true } })).map((a) => [a.normalised, a.actorId]));
  const rows: { actorId: number; alias: string; normalised: string; kind: string; origin: string }[] = [];
  for (const actor of actors) {
    const actorId = newId.get(actor.id);
    if (actorId === undefined) continue;
    for (const a of actor.aliases ?? []) {
      const normalised = normaliseAlias(a.alias);
      if (normalised === "" || owner.has(normalised)) continue;
      owner.set(normalised, actorId);
      rows.push({ actorId, alias: a.alias, normalised, kind: a.kind, origin: a.origin });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await tx.actorAlias.createMany({ data: rows.slice(i, i + 500) });
}

/**
 * The history of the events the backup created, verbatim, in place of the single "import"
 * revision that creating them recorded: a restored database tells the same story as the
 * original. Authors are matched by e-mail; an unknown author is left empty.
 */
async function restoreRevisions(
  tx: Db,
  revisions: readonly BackupRevision[],
  created: ReadonlySet<number>,
  revisionIdBefore: number,
): Promise<void> {
  const restored = revisions.filter((r) => created.has(r.eventId));
  const restoredEvents = new Set(restored.map((r) => r.eventId));
  await tx.eventRevision.deleteMany({ where: { id: { gt: revisionIdBefore }, eventId: { in: [...restoredEvents] } } });
  const emails = [...new Set(restored.flatMap((r) => (r.userEmail ? [r.userEmail] : [])))];
  const users = new Map(
    (await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  const takenIds = new Set(
    (await tx.eventRevision.findMany({ where: { id: { in: restored.map((r) => r.id) } }, select: { id: true } })).map((r) => r.id),
  );
  for (const revision of restored) {
    await tx.eventRevision.create({
      data: {
        ...(takenIds.has(revision.id) ? {} : { id: revision.id }),
        eventId: revision.eventId,
        version: revision.version,
        kind: revision.kind,
        snapshot: revision.snapshot,
        userId: revision.userEmail ? (users.get(revision.userEmail) ?? null) : null,
        createdAt: new Date(revision.createdAt),
      },
    });
  }
}

import { z } from "zod";
import { ALIAS_KINDS, MAX_ALIAS_LENGTH, normaliseAlias } from "@/lib/actors/alias-normalise";
import type { Db } from "@/lib/db/client";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupActor, type BackupRevision } from "@/lib/export/backup";
import type { EventDraft, ImportRecord, RowError } from "@/lib/import/draft";
import type { ColumnOf, ImportOptions, RecordSource, RestoreExtras } from "@/lib/import/engine";
import { IMPORT_BATCH_SIZE } from "@/lib/import/csv-source";
import { IMPORT_LIMITS, shorten } from "@/lib/import/limits";
import { actorInputSchema } from "@/lib/actors/schema";
import { MAX_SNAPSHOT_CHARS, parseStoredSnapshot } from "@/lib/events/snapshot-schema";
import { ACTOR_KIND_SLUGS } from "@/lib/events/vocabulary";

/**
 * JSON files: the public JSON export (an array of event objects) or a full backup (actors,
 * events with drafts and trash, revisions). A JSON document is parsed whole, so the admin
 * upload limit bounds its size; CSV is the format for very large files (streamed).
 */
const actorRefSchema = z.object({
  id: z.number().int(),
  name: z.string().min(1).max(200),
  isoCode: z.string().regex(/^[A-Z]{2}$/, "An ISO 3166-1 code is two capital letters, such as FR.").nullable().optional(),
});
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
  version: z.number().int().positive().max(10_000_000).optional(),
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
}).superRefine((event, context) => {
  const soon = Date.now() + 5 * 60_000;
  for (const field of ["createdAt", "updatedAt", "deletedAt"] as const) {
    const value = event[field];
    if (value && Date.parse(value) > soon) context.addIssue({ code: "custom", path: [field], message: "This time is in the future." });
  }
  if (event.createdAt && event.updatedAt && Date.parse(event.updatedAt) < Date.parse(event.createdAt)) {
    context.addIssue({ code: "custom", path: ["updatedAt"], message: "An event cannot be updated before it was created." });
  }
});

type EventObject = z.infer<typeof eventObjectSchema>;

/** Revision kinds a backup may carry: those the app itself records (lib/events/write.ts). */
const REVISION_KINDS = ["create", "update", "delete", "restore", "purge", "merge", "import", "revert"] as const;
const recordId = z.number().int().positive().max(2_147_483_647);

/**
 * A backup restores history verbatim, so every field is checked like the forms check it:
 * actor kinds from the vocabulary, ISO 3166-1 alpha-2 codes, the form's lengths, revision
 * kinds the app records, snapshots that are event snapshots of their own event, instants
 * that are not in the future. Only admins may restore one (lib/import/import-file.ts).
 */
function backupSchema(now: Date) {
  const past = instant.refine((value) => new Date(value).getTime() <= now.getTime() + 5 * 60_000, "This time is in the future.");
  return z
    .object({
      format: z.literal(BACKUP_FORMAT),
      formatVersion: z.literal(BACKUP_FORMAT_VERSION),
      exportedAt: past,
      actors: z
        .array(
          z.object({
            id: recordId,
            name: actorInputSchema.shape.name,
            slug: z.string().max(220).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lower-case letters, digits and hyphens."),
            kind: z.enum(ACTOR_KIND_SLUGS, "Not an actor kind of this app."),
            isoCode: z.string().regex(/^[A-Z]{2}$/, "An ISO 3166-1 code is two capital letters, such as FR.").nullable(),
            parentId: recordId.nullable(),
            aliases: z
              .array(
                z.object({
                  alias: z.string().min(1).max(MAX_ALIAS_LENGTH),
                  kind: z.enum(ALIAS_KINDS).catch("other"),
                  origin: z.enum(["builtin", "admin"]).catch("admin"),
                }),
              )
              .max(1000)
              .default([]),
          }),
        )
        .max(IMPORT_LIMITS.rows),
      events: z.array(z.unknown()).max(IMPORT_LIMITS.rows),
      revisions: z
        .array(
          z.object({
            id: recordId,
            eventId: recordId,
            version: z.number().int().positive().max(10_000_000),
            kind: z.enum(REVISION_KINDS, "Not a revision kind of this app."),
            snapshot: z.string().max(MAX_SNAPSHOT_CHARS),
            userEmail: z.string().max(320).pipe(z.email()).nullable(),
            createdAt: past,
          }),
        )
        .max(IMPORT_LIMITS.rows * 20),
    })
    .superRefine((backup, context) => {
      backup.revisions.forEach((revision, i) => {
        const snapshot = parseStoredSnapshot(revision.snapshot);
        if (!snapshot || snapshot.id !== revision.eventId || snapshot.version !== revision.version) {
          context.addIssue({
            code: "custom",
            path: ["revisions", i, "snapshot"],
            message: `Revision ${revision.id}'s snapshot is not an event snapshot of event ${revision.eventId}, version ${revision.version}.`,
          });
        }
      });
      const ids = new Set(backup.actors.map((a) => a.id));
      backup.actors.forEach((actor, i) => {
        if (actor.parentId !== null && !ids.has(actor.parentId)) {
          context.addIssue({ code: "custom", path: ["actors", i, "parentId"], message: `No actor ${actor.parentId} in the backup.` });
        }
      });
    });
}

/** The first few problems of a document, one line each: a hostile file cannot make the message huge. */
function describeIssues(error: z.ZodError, max = 10): string {
  const lines = error.issues.slice(0, max).map((issue) => `${shorten(jsonColumnOf(issue.path) || "document", 60)}: ${shorten(issue.message, 200)}`);
  const more = error.issues.length - max;
  return `${lines.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}`;
}

export type JsonImport = {
  source: RecordSource;
  /** For a backup: restores actors before the events and revisions after them. */
  hooks: Pick<ImportOptions, "beforeEvents" | "afterEvents" | "restoreExtras">;
  kind: "events" | "backup";
  /** For a backup: what it holds, for the audit entry of the restore. */
  summary?: { exportedAt: string; actors: number; events: number; revisions: number };
};

/** JSON field paths for messages: `sources[0].url`. */
export const jsonColumnOf: ColumnOf = (path) => {
  const names: Record<string, string> = { initiatorIds: "initiators", targetIds: "targets" };
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${names[String(part)] ?? String(part)}`))
    .join("");
};

/** Reads a JSON import file. Problems with the document as a whole become a file error. */
export function readJsonImport(text: string, now = new Date()): JsonImport {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return failed(`The file is not valid JSON: ${shorten(error instanceof Error ? error.message : String(error), 300)}`);
  }
  if (Array.isArray(document)) {
    return { kind: "events", source: eventSource(document, new Map()), hooks: {} };
  }
  if (typeof document !== "object" || document === null || (document as { format?: unknown }).format !== BACKUP_FORMAT) {
    return failed("The file is neither a JSON export (an array of events) nor a Demarche backup.");
  }
  const backup = backupSchema(now).safeParse(document);
  if (!backup.success) return failed(`The backup cannot be restored: ${describeIssues(backup.error)}`, "backup");
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
    summary: { exportedAt: backup.data.exportedAt, actors: actors.length, events: events.length, revisions: revisions.length },
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

function failed(message: string, kind: JsonImport["kind"] = "events"): JsonImport {
  const record: ImportRecord = { row: 1, draft: { id: null }, errors: [{ row: 1, column: "", message }], fileError: true };
  return {
    kind,
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

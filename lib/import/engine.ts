import type { z } from "zod";
import type { Db, PrismaClient } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { eventInputSchema, type EventInput, type EventInputRaw } from "@/lib/events/schema";
import { EVENT_STATUSES } from "@/lib/events/vocabulary";
import { eventSnapshotInclude, snapshotToInput, toEventSnapshot, type EventSnapshot } from "@/lib/events/snapshot";
import { writeEventsInBulk, type BulkEventWrite } from "@/lib/events/bulk-write";
import { duplicateKey, findLikelyDuplicates, similarTitles, type EventProbe } from "@/lib/events/duplicates";
import { ActorDirectory, PLACEHOLDER_BASE } from "@/lib/import/actors";
import type { EventDraft, ImportRecord, RowError } from "@/lib/import/draft";
import { appendUpTo, IMPORT_LIMITS, shorten } from "@/lib/import/limits";
import { applyImportStaged } from "@/lib/import/staged";
import { slugify } from "@/lib/text/fold";

export type RowAction = "create" | "update" | "unchanged" | "duplicate" | "error";

/** The recorded event (`eventId`) or the earlier row of the same file (`row`) a row likely duplicates. */
export type DuplicateOf = { eventId: number } | { row: number };

export type RowOutcome = {
  row: number;
  action: RowAction;
  id: number | null;
  title: string;
  errors: RowError[];
  /**
   * Set on a row without an id that likely duplicates an event (same date, type, initiators
   * and targets, similar title): its action is "duplicate" (skipped), or "create" when the
   * import was told to create likely duplicates anyway.
   */
  duplicateOf?: DuplicateOf;
};

export type ImportReport = {
  /** Whether the rows were written (apply without errors). A dry run never writes. */
  applied: boolean;
  rows: number;
  creates: number;
  updates: number;
  unchanged: number;
  /** Rows without an id found to be likely duplicates: skipped, or among the creates when `createDuplicates`. */
  duplicates: number;
  /** Rows with at least one error. */
  errorRows: number;
  /** Problems with the file as a whole (unreadable, missing columns). */
  fileErrors: RowError[];
  outcomes: RowOutcome[];
  newActors: string[];
  newTags: string[];
};

/** Maps a validation path (`["sources", 0, "url"]`) to the file's column name for messages. */
export type ColumnOf = (path: readonly PropertyKey[]) => string;

/** Restores the bookkeeping of an event created from a backup (applied after the create). */
export type RestoreExtras = { version: number; createdAt: Date; updatedAt: Date; deletedAt: Date | null };

export type ImportOptions = {
  userId: number | null;
  /**
   * Create rows without an id that likely duplicate an event in the database or an earlier
   * row of the file. By default they are skipped (so importing a file twice changes nothing).
   */
  createDuplicates?: boolean;
  columnOf: ColumnOf;
  onProgress?: (rows: number) => void;
  /** Called after each published batch of a staged import (lib/import/staged.ts), for progress and tests. */
  onPublished?: () => void | Promise<void>;
  /** Called inside the apply transaction before the first event row, e.g. to restore actors. */
  beforeEvents?: (tx: Db) => Promise<void>;
  /** Called inside the apply transaction after every event row, e.g. to restore revisions. */
  afterEvents?: (tx: Db, created: ReadonlySet<number>) => Promise<void>;
  restoreExtras?: (id: number) => RestoreExtras | undefined;
};

/** A fresh, readable source of the file's records, read once for a dry run and once more to apply. */
export type RecordSource = () => AsyncIterable<ImportRecord[]>;

/** Aborts the apply transaction; carries the report that explains why. */
class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super("The import has errors; nothing was written.");
  }
}

/** A long import holds SQLite's write lock; readers go on (WAL), other writers wait or time out. */
const APPLY_TIMEOUT_MS = 60 * 60 * 1000;

/** Checks every row against the database and reports what would happen; writes nothing. */
export async function dryRunImport(db: PrismaClient, source: RecordSource, options: ImportOptions): Promise<ImportReport> {
  return processRecords(db, source, options, false);
}

/**
 * Checks and writes every row in one transaction: all rows or none. Re-checks everything
 * (the database may have changed since the dry run), so an apply never trusts a stale report.
 */
export async function applyImport(db: PrismaClient, source: RecordSource, options: ImportOptions): Promise<ImportReport> {
  // A backup restore (hooks that write actors and revisions around the events) keeps the one
  // transaction; every other import is applied in bounded steps (decision 0017).
  if (!options.beforeEvents && !options.afterEvents && !options.restoreExtras) return applyImportStaged(db, source, options);
  try {
    return await db.$transaction(
      async (tx) => {
        // Rows may name, in responds_to, events that come later in the file (an export is
        // newest first). The checks below guarantee every reference exists by the end;
        // the database verifies the relations' foreign keys at commit instead of at each statement.
        await engineOf(tx).deferForeignKeys(tx);
        // The import waits for whatever it needs; the writes queued behind it are the ones that give up.
        await engineOf(tx).waitWithoutLimit(tx);
        await options.beforeEvents?.(tx);
        const report = await processRecords(tx, source, options, true);
        if (report.errorRows > 0 || report.fileErrors.length > 0) throw new ImportRejected(report);
        await options.afterEvents?.(tx, new Set(report.outcomes.filter((o) => o.action === "create").map((o) => o.id ?? 0)));
        await engineOf(tx).syncIdSequences(tx, ["Event", "Actor", "EventRevision"]);
        return { ...report, applied: true };
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportRejected) return error.report;
    throw error;
  }
}

/** Receives each batch's checked writes (file order) while no row has failed yet: a staged import's staging step. */
export type StageSink = (items: { write: BulkEventWrite; outcome: RowOutcome }[], actors: ActorDirectory) => Promise<void>;

export async function processRecords(
  db: Db,
  source: RecordSource,
  options: ImportOptions,
  write: boolean,
  stage?: StageSink,
): Promise<ImportReport> {
  const report: ImportReport = {
    applied: false,
    rows: 0,
    creates: 0,
    updates: 0,
    unchanged: 0,
    duplicates: 0,
    errorRows: 0,
    fileErrors: [],
    outcomes: [],
    newActors: [],
    newTags: [],
  };
  const actors = await ActorDirectory.load(db);
  const knownTags = new Set((await db.tag.findMany({ select: { slug: true } })).map((t) => t.slug));
  const newTags = new Map<string, string>();
  /** Ids defined by rows of this file, with the row that defines each. */
  const fileIds = new Map<number, number>();
  /** References to events that were neither in the database nor earlier in the file. */
  const pending: { outcome: RowOutcome; eventId: number }[] = [];
  /** Every checked row so far by its duplicate key, to find rows that repeat an earlier one. */
  const fileEvents = new Map<string, { row: number; title: string }[]>();

  for await (const batch of source()) {
    for (const record of batch) if (record.fileError) appendUpTo(report.fileErrors, record.errors, IMPORT_LIMITS.fileErrors);
    if (report.fileErrors.length > 0) continue;
    const ids = batch.flatMap((r) => (r.draft.id === null ? [] : [r.draft.id]));
    const existing = new Map(
      (await db.event.findMany({ where: { id: { in: ids } }, include: eventSnapshotInclude })).map((e) => [e.id, toEventSnapshot(e)]),
    );
    const targetIds = [...new Set(batch.flatMap((r) => r.draft.relations?.items.map((i) => i.eventId) ?? []))];
    const present = new Set((await db.event.findMany({ where: { id: { in: targetIds } }, select: { id: true } })).map((e) => e.id));

    const planned: { outcome: RowOutcome; write: BulkEventWrite }[] = [];
    /** The batch's valid rows in file order, for the duplicate check before anything is written. */
    const checked: { outcome: RowOutcome; input: EventInput; probe: EventProbe; isNew: boolean }[] = [];
    for (const record of batch) {
      report.rows += 1;
      const { draft, row } = record;
      const current = draft.id === null ? null : (existing.get(draft.id) ?? null);
      const outcome: RowOutcome = {
        row,
        action: "error",
        id: draft.id,
        title: shorten(draft.title ?? current?.title ?? ""),
        errors: record.errors.slice(0, IMPORT_LIMITS.rowErrors),
      };
      report.outcomes.push(outcome);

      if (draft.id !== null) {
        const earlier = fileIds.get(draft.id);
        if (earlier !== undefined) {
          outcome.errors.push({ row, column: options.columnOf(["id"]), message: `Event ${draft.id} is already on row ${earlier}.` });
        } else {
          fileIds.set(draft.id, row);
        }
      }

      const raw = mergeDraft(draft, current, actors, outcome, options.columnOf);
      for (const relation of draft.relations?.items ?? []) {
        if (relation.eventId === draft.id) {
          outcome.errors.push({ row, column: options.columnOf(["relations"]), message: "An event cannot respond to itself." });
        } else if (!present.has(relation.eventId) && !fileIds.has(relation.eventId)) {
          pending.push({ outcome, eventId: relation.eventId });
        }
      }
      const parsed = eventInputSchema.safeParse(raw, { reportInput: true });
      if (!parsed.success) appendUpTo(outcome.errors, issuesToErrors(parsed.error, row, options.columnOf), IMPORT_LIMITS.rowErrors);
      if (current?.deletedAt && parsed.success && !sameEvent(parsed.data, current)) {
        outcome.errors.push({
          row,
          column: options.columnOf(["id"]),
          message: `Event ${current.id} is in the trash; restore it before importing changes to it.`,
        });
      }
      if (outcome.errors.length > 0 || !parsed.success) {
        report.errorRows += 1;
        continue;
      }

      const input = parsed.data;
      for (const tag of input.tags) {
        const slug = slugify(tag);
        if (!knownTags.has(slug) && !newTags.has(slug)) newTags.set(slug, tag);
      }
      checked.push({ outcome, input, probe: probeOf(input), isNew: draft.id === null });
      if (current === null) {
        outcome.action = "create";
        if (write || stage) {
          const extras = draft.id === null ? undefined : options.restoreExtras?.(draft.id);
          const bookkeeping = extras ?? (draft.updatedAt ? { updatedAt: draft.updatedAt } : undefined);
          planned.push({ outcome, write: { action: "create", id: draft.id, input, bookkeeping } });
        }
      } else if (sameEvent(input, current)) {
        outcome.action = "unchanged";
      } else {
        outcome.action = "update";
        if (write || stage) planned.push({ outcome, write: { action: "update", current, input } });
      }
    }

    // Rows without an id that repeat an earlier row of the file or a recorded event. One
    // query per batch; events this file addresses by id are left out (their stored version
    // is about to change), so that the dry run and the apply find the same duplicates.
    const recorded = await findLikelyDuplicates(
      db,
      checked.filter((c) => c.isNew).map((c) => c.probe),
      { unrecordedFrom: PLACEHOLDER_BASE, excludeIds: fileIds },
    );
    for (const { outcome, probe, isNew } of checked) {
      const key = duplicateKey(probe);
      const earlier = fileEvents.get(key);
      if (isNew) {
        const inFile = earlier?.find((e) => similarTitles(e.title, probe.title));
        const inDatabase = recorded.get(probe)?.[0];
        if (inFile) outcome.duplicateOf = { row: inFile.row };
        else if (inDatabase !== undefined) outcome.duplicateOf = { eventId: inDatabase };
        if (outcome.duplicateOf && !options.createDuplicates) outcome.action = "duplicate";
      }
      const entry = { row: outcome.row, title: probe.title };
      if (earlier) earlier.push(entry);
      else fileEvents.set(key, [entry]);
      if (outcome.action === "create") report.creates += 1;
      else if (outcome.action === "update") report.updates += 1;
      else if (outcome.action === "unchanged") report.unchanged += 1;
    }
    const toWrite = planned.filter((p) => p.outcome.action !== "duplicate");
    // Once any row has failed nothing will be kept, so the rest is only checked, not written.
    if (write && report.errorRows === 0) {
      const writes: BulkEventWrite[] = [];
      for (const { write: w } of toWrite) writes.push({ ...w, input: await actors.materialise(db, w.input) });
      const ids = await writeEventsInBulk(db, writes, { userId: options.userId, kind: "import" });
      toWrite.forEach(({ outcome }, i) => (outcome.id = ids[i] ?? outcome.id));
    } else if (stage && report.errorRows === 0 && toWrite.length > 0) {
      await stage(toWrite, actors);
    }
    options.onProgress?.(report.rows);
  }

  for (const { outcome, eventId } of pending) {
    if (fileIds.has(eventId)) continue;
    if (outcome.errors.length === 0) {
      report.errorRows += 1;
      if (outcome.action === "create") report.creates -= 1;
      else if (outcome.action === "update") report.updates -= 1;
      else if (outcome.action === "unchanged") report.unchanged -= 1;
      outcome.action = "error";
    }
    outcome.errors.push({
      row: outcome.row,
      column: options.columnOf(["relations"]),
      message: `There is no event ${eventId}, neither in the database nor in this file.`,
    });
  }
  report.duplicates = report.outcomes.filter((o) => o.duplicateOf !== undefined && o.action !== "error").length;
  report.newActors = actors.newNames();
  report.newTags = [...newTags.values()];
  return report;
}

/** What the duplicate check compares of an event about to be written. */
function probeOf(input: EventInput): EventProbe {
  return {
    dateStart: input.date.start,
    dateEnd: input.date.end,
    type: input.type,
    title: input.title,
    initiatorIds: input.initiatorIds,
    targetIds: input.targetIds,
  };
}

/** The event as it will be written: the file's fields over the current event's (for an update). */
function mergeDraft(
  draft: EventDraft,
  current: EventSnapshot | null,
  actors: ActorDirectory,
  outcome: RowOutcome,
  columnOf: ColumnOf,
): EventInputRaw {
  const base: EventInputRaw | null = current ? snapshotToInput(current) : null;
  const actorIds = (refs: EventDraft["initiators"], field: "initiatorIds" | "targetIds"): number[] | undefined => {
    if (refs === undefined) return undefined;
    return refs.flatMap((ref) => {
      const found = actors.resolve(ref);
      if (typeof found === "number") return [found];
      outcome.errors.push({ row: outcome.row, column: columnOf([field]), message: found.error });
      return [];
    });
  };
  const sources = draft.sources?.map((source) => {
    // CSV carries only URL and title: keep what else is known about the same source.
    const known = current?.sources.find((s) => (source.url !== null ? s.url === source.url : s.url === null && s.title === source.title));
    return {
      url: source.url,
      title: source.title,
      publisher: source.publisher !== undefined ? source.publisher : (known?.publisher ?? null),
      publishedOn: source.publishedOn !== undefined ? source.publishedOn : (known?.publishedOn ?? null),
      archiveUrl: source.archiveUrl !== undefined ? source.archiveUrl : (known?.archiveUrl ?? null),
    };
  });
  const relations =
    draft.relations === undefined
      ? undefined
      : [
          ...(draft.relations.scope === "all" ? [] : (base?.relations ?? []).filter((r) => r.kind !== "responds-to")),
          ...draft.relations.items,
        ];
  return {
    title: draft.title ?? base?.title ?? "",
    summary: draft.summary ?? base?.summary,
    date: draft.date ?? base?.date ?? "",
    endDate: draft.endDate !== undefined ? draft.endDate : (base?.endDate ?? null),
    type: (draft.type ?? base?.type ?? "") as EventInputRaw["type"],
    status: (draft.status ?? base?.status) as EventInputRaw["status"],
    legalBasis: draft.legalBasis !== undefined ? draft.legalBasis : (base?.legalBasis ?? null),
    location: draft.location !== undefined ? draft.location : (base?.location ?? null),
    measures: (draft.measures ?? base?.measures ?? []) as EventInputRaw["measures"],
    initiatorIds: actorIds(draft.initiators, "initiatorIds") ?? base?.initiatorIds ?? [],
    targetIds: actorIds(draft.targets, "targetIds") ?? base?.targetIds ?? [],
    tags: draft.tags ?? base?.tags ?? [],
    sources: sources ?? base?.sources ?? [],
    relations: (relations ?? base?.relations ?? []) as EventInputRaw["relations"],
  };
}


/** Whether writing `input` would leave the event as it is (so a re-import changes nothing). */
function sameEvent(input: EventInput, current: EventSnapshot): boolean {
  const stored = eventInputSchema.safeParse(snapshotToInput(current));
  return stored.success && canonical(stored.data) === canonical(input);
}

function canonical(input: EventInput): string {
  return JSON.stringify({
    ...input,
    date: input.date.value,
    endDate: input.endDate?.value ?? null,
    initiatorIds: [...new Set(input.initiatorIds)],
    targetIds: [...new Set(input.targetIds)],
    measures: [...new Set(input.measures)].sort(),
    tags: [...new Set(input.tags.map(slugify))].sort(),
    relations: input.relations.map((r) => `${r.kind}:${r.eventId}`).sort(),
  });
}

function issuesToErrors(error: z.ZodError, row: number, columnOf: ColumnOf): RowError[] {
  return error.issues.map((issue) => ({ row, column: columnOf(issue.path), message: quoteInput(issue) }));
}

/** What a value that is not in a list is, by the field it was given for. */
const NOT_IN_LIST: Record<string, string> = {
  type: "is not an event type (docs/event-types.md lists them)",
  status: `is not a status; use ${EVENT_STATUSES.join(" or ")}`,
  measures: "is not a sanction measure (docs/csv.md lists them)",
  relations: "is not a kind of relation",
};

/**
 * The message with the value the file gave, so that the cell can be found and fixed:
 * `"sanktion" is not an event type …`, `"notaurl": Enter a full web address …`. Date
 * messages already start with the value ("2021-13-45: there is no month 13") and are kept.
 */
function quoteInput(issue: z.core.$ZodIssue): string {
  const input: unknown = issue.input;
  if (typeof input !== "string" && typeof input !== "number") return issue.message;
  const text = String(input).trim();
  if (text === "" || issue.message.startsWith(text)) return issue.message;
  const shown = `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;
  const field = String(issue.path[0] ?? "");
  if (issue.code === "invalid_value" && NOT_IN_LIST[field]) return `${shown} ${NOT_IN_LIST[field]}.`;
  return `${shown}: ${issue.message}`;
}

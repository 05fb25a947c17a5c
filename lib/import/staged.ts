import { randomUUID } from "node:crypto";
import type { Db, PrismaClient } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { writeEventsInBulk, type BulkEventWrite } from "@/lib/events/bulk-write";
import type { EventInput } from "@/lib/events/schema";
import { eventChildRows } from "@/lib/events/write";
import type { PlannedActor } from "@/lib/import/actors";
import { processRecords, type ImportOptions, type ImportReport, type RecordSource, type RowOutcome } from "@/lib/import/engine";

/**
 * Imports in bounded transactions (decision 0017). The file is checked row by row outside any
 * transaction and each batch's checked writes are staged in `ImportStagedRow` (one short
 * transaction per batch; nothing a reader looks at). Only when every row has passed is the run
 * marked "publishing"; its staged rows are then written to the events a batch per
 * transaction, and the relations last (a row may name an event further down the file). Other
 * writes take turns with these batches instead of waiting for the whole file.
 *
 * A failed file, or a process killed while staging, leaves nothing visible: the staged rows are
 * deleted at once, or by the next import or start (`recoverImportRuns`) once the run's
 * heartbeat is stale. A run killed while publishing was accepted whole, so recovery finishes it.
 */

/** Staged rows per transaction: a few hundred rows keep each hold of SQLite's write lock short. */
export const STAGE_BATCH = 250;

/** A run whose heartbeat is older than this belongs to a process that died. */
export const STALE_RUN_MS = 2 * 60 * 1000;

const STEP_TIMEOUT = { timeout: 60_000, maxWait: 30_000 };

type StagedPayload =
  | { action: "create"; id: number | null; input: EventInput; bookkeeping?: { version?: number; createdAt?: string; updatedAt?: string; deletedAt?: string | null }; actors: PlannedActor[] }
  | { action: "update"; current: Extract<BulkEventWrite, { action: "update" }>["current"]; input: EventInput; actors: PlannedActor[] };

function toPayload(write: BulkEventWrite, actors: PlannedActor[]): StagedPayload {
  if (write.action === "update") return { action: "update", current: write.current, input: write.input, actors };
  const b = write.bookkeeping;
  return {
    action: "create",
    id: write.id,
    input: write.input,
    actors,
    bookkeeping: b && {
      version: b.version,
      createdAt: b.createdAt?.toISOString(),
      updatedAt: b.updatedAt?.toISOString(),
      deletedAt: b.deletedAt === undefined ? undefined : (b.deletedAt?.toISOString() ?? null),
    },
  };
}

/** Checks the whole file, stages it, then publishes it in bounded steps; all rows or none. */
export async function applyImportStaged(db: PrismaClient, source: RecordSource, options: ImportOptions): Promise<ImportReport> {
  await recoverImportRuns(db);
  const runId = randomUUID();
  await db.importRun.create({ data: { id: runId, state: "staging", userId: options.userId } });
  const bySeq = new Map<number, RowOutcome>();
  let seq = 0;
  let report: ImportReport;
  try {
    report = await processRecords(db, source, options, false, async (items, actors) => {
      const rows = items.map(({ write, outcome }) => {
        seq += 1;
        bySeq.set(seq, outcome);
        return { runId, seq, payload: JSON.stringify(toPayload(write, actors.placeholdersOf(write.input))) };
      });
      await db.$transaction([db.importStagedRow.createMany({ data: rows }), db.importRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } })]);
    });
  } catch (error) {
    await discardRun(db, runId);
    throw error;
  }
  if (report.errorRows > 0 || report.fileErrors.length > 0) {
    await discardRun(db, runId);
    return report;
  }
  // The commit point: from here on the run is finished, by this process or by recovery.
  await db.importRun.update({ where: { id: runId }, data: { state: "publishing", heartbeatAt: new Date() } });
  const conflicts = await publishRun(
    db,
    runId,
    options.userId,
    (rowSeq, eventId) => {
      const outcome = bySeq.get(rowSeq);
      if (outcome) outcome.id = eventId;
    },
    options.onPublished,
  );
  for (const rowSeq of conflicts) {
    const outcome = bySeq.get(rowSeq);
    if (!outcome) continue;
    outcome.errors.push({
      row: outcome.row,
      column: options.columnOf(["id"]),
      message: `Event ${outcome.id ?? ""} changed in the database during the import; that change was kept and this row was not applied.`,
    });
  }
  return { ...report, applied: true };
}

/** Finishes or removes runs left by a process that died (heartbeat older than `staleAfterMs`). */
export async function recoverImportRuns(db: PrismaClient, staleAfterMs = STALE_RUN_MS): Promise<{ discarded: number; finished: number }> {
  const stale = await db.importRun.findMany({ where: { heartbeatAt: { lt: new Date(Date.now() - staleAfterMs) } }, select: { id: true, state: true, userId: true } });
  let discarded = 0;
  let finished = 0;
  for (const run of stale) {
    if (run.state === "staging") {
      await discardRun(db, run.id);
      discarded += 1;
    } else {
      await publishRun(db, run.id, run.userId, () => undefined);
      finished += 1;
    }
  }
  return { discarded, finished };
}

/** Deletes a run's staged rows a batch at a time, then the run. */
async function discardRun(db: PrismaClient, runId: string): Promise<void> {
  for (;;) {
    const rows = await db.importStagedRow.findMany({ where: { runId }, select: { seq: true }, orderBy: { seq: "asc" }, take: STAGE_BATCH * 4 });
    if (rows.length === 0) break;
    await db.importStagedRow.deleteMany({ where: { runId, seq: { lte: rows[rows.length - 1]?.seq ?? 0 } } });
  }
  await db.importRun.deleteMany({ where: { id: runId } });
}

/**
 * Writes a run's staged rows that are not yet published, a batch per transaction, then their
 * relations, then removes the run. Resumable: each batch marks its staged rows in the same
 * transaction that writes them. Returns the staged rows skipped as conflicts.
 */
async function publishRun(
  db: PrismaClient,
  runId: string,
  userId: number | null,
  onPublished: (seq: number, eventId: number) => void,
  afterBatch?: () => void | Promise<void>,
): Promise<number[]> {
  const conflicts: number[] = [];
  for (;;) {
    const rows = await db.importStagedRow.findMany({ where: { runId, outcome: null }, orderBy: { seq: "asc" }, take: STAGE_BATCH });
    if (rows.length === 0) break;
    const published = await db.$transaction(async (tx) => {
      const staged = rows.map((r) => ({ seq: r.seq, payload: JSON.parse(r.payload) as StagedPayload }));
      // An editor's change since the check wins: an update whose event moved on, or a create
      // whose id was taken meanwhile, is skipped and reported.
      const updateIds = staged.flatMap((s) => (s.payload.action === "update" ? [s.payload.current.id] : []));
      const createIds = staged.flatMap((s) => (s.payload.action === "create" && s.payload.id !== null ? [s.payload.id] : []));
      const stored = new Map(
        (await tx.event.findMany({ where: { id: { in: [...updateIds, ...createIds] } }, select: { id: true, version: true, deletedAt: true } })).map((e) => [e.id, e]),
      );
      const writes: { seq: number; write: BulkEventWrite }[] = [];
      const skipped: number[] = [];
      const actorIds = new Map<number, number>();
      for (const { seq, payload } of staged) {
        if (payload.action === "update") {
          const now = stored.get(payload.current.id);
          if (!now || now.version !== payload.current.version || now.deletedAt !== null) {
            skipped.push(seq);
            continue;
          }
        } else if (payload.id !== null && stored.has(payload.id)) {
          skipped.push(seq);
          continue;
        }
        const input = await withRealActors(tx, payload.input, payload.actors, actorIds);
        if (payload.action === "update") writes.push({ seq, write: { action: "update", current: payload.current, input } });
        else {
          const b = payload.bookkeeping;
          const bookkeeping = b && {
            version: b.version,
            createdAt: b.createdAt ? new Date(b.createdAt) : undefined,
            updatedAt: b.updatedAt ? new Date(b.updatedAt) : undefined,
            deletedAt: b.deletedAt === undefined ? undefined : b.deletedAt === null ? null : new Date(b.deletedAt),
          };
          writes.push({ seq, write: { action: "create", id: payload.id, input, bookkeeping } });
        }
      }
      const ids = await writeEventsInBulk(tx, writes.map((w) => w.write), { userId, kind: "import", relations: false });
      const done = writes.map((w, i) => ({ seq: w.seq, eventId: ids[i] ?? 0 }));
      for (const { seq, eventId } of done) {
        await tx.importStagedRow.update({ where: { runId_seq: { runId, seq } }, data: { outcome: "published", eventId } });
      }
      if (skipped.length > 0) await tx.importStagedRow.updateMany({ where: { runId, seq: { in: skipped } }, data: { outcome: "conflict" } });
      await engineOf(tx).syncIdSequences(tx, ["Event", "Actor"]);
      await tx.importRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } });
      conflicts.push(...skipped);
      return done;
    }, STEP_TIMEOUT);
    for (const { seq, eventId } of published) onPublished(seq, eventId);
    await afterBatch?.();
  }

  await db.importRun.update({ where: { id: runId }, data: { state: "linking", heartbeatAt: new Date() } });
  for (;;) {
    const rows = await db.importStagedRow.findMany({ where: { runId, outcome: "published" }, orderBy: { seq: "asc" }, take: STAGE_BATCH });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      const relations = rows.flatMap((r) => {
        const payload = JSON.parse(r.payload) as StagedPayload;
        return r.eventId === null ? [] : eventChildRows(r.eventId, payload.input, []).relations;
      });
      // A target skipped as a conflict (a create whose id was taken) is the only way one can be missing.
      const present = new Set((await tx.event.findMany({ where: { id: { in: [...new Set(relations.map((r) => r.toId))] } }, select: { id: true } })).map((e) => e.id));
      await engineOf(tx).insertRows(tx, "EventRelation", relations.filter((r) => present.has(r.toId)));
      await tx.importStagedRow.updateMany({ where: { runId, seq: { in: rows.map((r) => r.seq) } }, data: { outcome: "linked" } });
      await tx.importRun.update({ where: { id: runId }, data: { heartbeatAt: new Date() } });
    }, STEP_TIMEOUT);
  }
  await discardRun(db, runId);
  return conflicts;
}

/** Swaps placeholder actor ids for real actors: found by slug (an earlier batch made it) or created now. */
async function withRealActors(tx: Db, input: EventInput, planned: readonly PlannedActor[], made: Map<number, number>): Promise<EventInput> {
  if (planned.length === 0) return input;
  const real = async (id: number): Promise<number> => {
    const actor = planned.find((a) => a.placeholder === id);
    if (!actor) return id;
    const known = made.get(id);
    if (known !== undefined) return known;
    const existing = await tx.actor.findFirst({ where: { slug: actor.slug }, select: { id: true } });
    const createdId =
      existing?.id ??
      (await tx.actor.create({ data: { name: actor.name, slug: actor.slug, kind: actor.kind, isoCode: actor.isoCode }, select: { id: true } })).id;
    made.set(id, createdId);
    return createdId;
  };
  const initiatorIds: number[] = [];
  for (const id of input.initiatorIds) initiatorIds.push(await real(id));
  const targetIds: number[] = [];
  for (const id of input.targetIds) targetIds.push(await real(id));
  return { ...input, initiatorIds, targetIds };
}

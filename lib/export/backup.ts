import { setImmediate as nextTick } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import type { SnapshotLoader } from "@/lib/db/engine";
import { allEventIdBatches, EXPORT_BATCH_SIZE, readEventBatches } from "@/lib/export/read-events";

/** Identifies a backup file and the version of its layout (docs/csv.md, "Backup"). */
export const BACKUP_FORMAT = "demarche-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type BackupActor = {
  id: number;
  name: string;
  slug: string;
  kind: string;
  isoCode: string | null;
  parentId: number | null;
  /** Its aliases (docs/actors.md); absent in backups made before aliases existed. */
  aliases: { alias: string; kind: string; origin: string }[];
};

export type BackupRevision = {
  id: number;
  eventId: number;
  version: number;
  kind: string;
  /** The revision's snapshot, verbatim (a JSON text, as stored). */
  snapshot: string;
  /** Who made the change, by e-mail: user ids mean nothing in another database. */
  userEmail: string | null;
  createdAt: string;
};

/**
 * The full backup: every actor, every event (drafts and trash included, with all relations)
 * and every revision, as one JSON document written one record per line while it is read,
 * batch by batch. Accounts and sessions are not included.
 */
export async function* backupChunks(db: Db, now: Date, load?: SnapshotLoader): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(BACKUP_FORMAT)},"formatVersion":${BACKUP_FORMAT_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},\n`;

  yield `"actors":[`;
  yield* records(async (afterId) => {
    const actors = await db.actor.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: EXPORT_BATCH_SIZE,
      select: {
        id: true,
        name: true,
        slug: true,
        kind: true,
        isoCode: true,
        parentId: true,
        aliases: { select: { alias: true, kind: true, origin: true }, orderBy: { id: "asc" } },
      },
    });
    return actors satisfies BackupActor[];
  });

  yield `],\n"events":[`;
  let first = true;
  for await (const batch of readEventBatches(db, { ids: allEventIdBatches(db), publicOnly: false, load })) {
    yield (first ? "\n" : ",\n") + batch.map((e) => JSON.stringify(e)).join(",\n");
    first = false;
  }

  yield `],\n"revisions":[`;
  yield* records(async (afterId) => {
    const revisions = await db.eventRevision.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: EXPORT_BATCH_SIZE,
      select: { id: true, eventId: true, version: true, kind: true, snapshot: true, createdAt: true, user: { select: { email: true } } },
    });
    return revisions.map(({ user, createdAt, ...revision }): BackupRevision => ({
      ...revision,
      userEmail: user?.email ?? null,
      createdAt: createdAt.toISOString(),
    }));
  });
  yield "]}\n";
}

/** Records of one table by keyset on id, one per line, comma-separated. */
async function* records<T extends { id: number }>(read: (afterId: number) => Promise<T[]>): AsyncGenerator<string> {
  let afterId = 0;
  let first = true;
  for (;;) {
    const batch = await read(afterId);
    if (batch.length === 0) return;
    yield (first ? "\n" : ",\n") + batch.map((r) => JSON.stringify(r)).join(",\n");
    first = false;
    afterId = batch.at(-1)?.id ?? afterId;
    await nextTick();
  }
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listEventRevisions } from "@/lib/events/admin-queries";
import { backupChunks } from "@/lib/export/backup";
import { revertEvent } from "@/lib/events/write";
import { importFile } from "@/lib/import/import-file";
import { eventSnapshotSchema } from "@/lib/events/snapshot-schema";
import { createTestDatabase, type TestDatabase } from "./database";
import { loadExamples } from "./example-data";

/**
 * Issue 11, item 5: a backup rewrites history (revision authors, times, kinds, snapshots;
 * actors), so only admins may restore one, every field is checked, and the restore is on
 * the record. The shared client (`prisma`) holds the original data; each restore goes into
 * a fresh database.
 */
let dir: string;
let backup: string;
const targets: TestDatabase[] = [];

type Backup = {
  actors: { name: string; kind: string; isoCode: string | null }[];
  revisions: { kind: string; snapshot: string; userEmail: string | null; createdAt: string }[];
  events: unknown[];
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-restore-"));
  await loadExamples(prisma);
  backup = "";
  for await (const chunk of backupChunks(prisma, new Date())) backup += chunk;
});

afterAll(async () => {
  for (const target of targets) await target.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<TestDatabase> {
  const target = await createTestDatabase();
  targets.push(target);
  return target;
}

function write(name: string, document: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof document === "string" ? document : JSON.stringify(document));
  return file;
}

function forged(change: (b: Backup) => void): Backup {
  const copy = JSON.parse(backup) as Backup;
  change(copy);
  return copy;
}

describe("restoring a backup", () => {
  it("every snapshot the app writes passes the snapshot check (the check refuses no real backup)", () => {
    const parsed = JSON.parse(backup) as Backup;
    expect(parsed.revisions.length).toBeGreaterThan(0);
    for (const revision of parsed.revisions) expect(eventSnapshotSchema.safeParse(JSON.parse(revision.snapshot)).success).toBe(true);
  });

  it("is for admins only: an editor's upload of a backup is refused and writes nothing", async () => {
    const target = await emptyDatabase();
    const file = write("editor.json", backup);
    for (const mode of ["dry-run", "apply"] as const) {
      const report = await importFile(target.prisma, file, { mode, userId: null, canRestoreBackup: false });
      expect(report.applied).toBe(false);
      expect(report.fileErrors.map((e) => e.message)).toEqual([
        "Restoring a backup is for admins. Ask an admin, or import the events as a JSON export (an array of events) or CSV.",
      ]);
    }
    expect(await target.prisma.event.count()).toBe(0);
    expect(await target.prisma.eventRevision.count()).toBe(0);
    expect(await target.prisma.actor.count()).toBe(0);
  });

  it("refuses forged fields, naming them, and writes nothing", async () => {
    const target = await emptyDatabase();
    const cases: [string, (b: Backup) => void, RegExp][] = [
      ["actor kind", (b) => (b.actors[0]!.kind = "overlord"), /actors\[0\]\.kind: Not an actor kind/],
      ["ISO code", (b) => (b.actors[0]!.isoCode = "usa"), /actors\[0\]\.isoCode: An ISO 3166-1 code is two capital letters/],
      ["actor name", (b) => (b.actors[0]!.name = "n".repeat(5019)), /actors\[0\]\.name: At most 200 characters/],
      ["revision kind", (b) => (b.revisions[0]!.kind = "deleted for good"), /revisions\[0\]\.kind: Not a revision kind/],
      ["snapshot", (b) => (b.revisions[0]!.snapshot = "{not json"), /revisions\[0\]\.snapshot: Revision \d+'s snapshot is not an event snapshot/],
      [
        "snapshot of another event",
        (b) => (b.revisions[0]!.snapshot = b.revisions.find((r) => r.snapshot !== b.revisions[0]!.snapshot && JSON.parse(r.snapshot).id !== JSON.parse(b.revisions[0]!.snapshot).id)!.snapshot),
        /revisions\[0\]\.snapshot/,
      ],
      ["author", (b) => (b.revisions[0]!.userEmail = "not an address"), /revisions\[0\]\.userEmail/],
      ["future time", (b) => (b.revisions[0]!.createdAt = "2999-01-01T00:00:00.000Z"), /revisions\[0\]\.createdAt: This time is in the future/],
    ];
    for (const [name, change, message] of cases) {
      const report = await importFile(target.prisma, write(`${name}.json`, forged(change)), { mode: "apply", userId: null, canRestoreBackup: true });
      expect(report.applied, name).toBe(false);
      expect(report.fileErrors, name).toHaveLength(1);
      expect(report.fileErrors[0]!.message, name).toMatch(/^The backup cannot be restored: /);
      expect(report.fileErrors[0]!.message, name).toMatch(message);
      expect(report.fileErrors[0]!.message.length, name).toBeLessThan(1000);
    }
    expect(await target.prisma.event.count()).toBe(0);
    expect(await target.prisma.actor.count()).toBe(0);
  });

  it("records the restore as an audit entry by the admin who ran it", async () => {
    const target = await emptyDatabase();
    const admin = await target.prisma.user.create({ data: { email: "admin@example.org", passwordHash: "x", role: "admin" } });
    const file = write("admin.json", backup);
    expect(await target.prisma.auditLog.count({ where: { action: "backup.restore" } })).toBe(0);
    const dry = await importFile(target.prisma, file, { mode: "dry-run", userId: admin.id, canRestoreBackup: true });
    expect(dry.errorRows + dry.fileErrors.length).toBe(0);
    expect(await target.prisma.auditLog.count({ where: { action: "backup.restore" } })).toBe(0);

    const report = await importFile(target.prisma, file, { mode: "apply", userId: admin.id, canRestoreBackup: true });
    expect(report.applied).toBe(true);
    const entries = await target.prisma.auditLog.findMany({ where: { action: "backup.restore" } });
    expect(entries).toHaveLength(1);
    const parsed = JSON.parse(backup) as Backup & { exportedAt: string };
    expect(entries[0]).toMatchObject({ userId: admin.id, subjectType: "backup", subjectId: parsed.exportedAt });
    expect(JSON.parse(entries[0]!.details)).toMatchObject({
      events: parsed.events.length,
      actors: parsed.actors.length,
      revisions: parsed.revisions.length,
      createdEvents: parsed.events.length,
    });
  });
});

describe("a stored snapshot that cannot be read", () => {
  it("does not break the history page's data or a revert: it is shown as unreadable", async () => {
    const event = await prisma.event.findFirstOrThrow({ select: { id: true, version: true, title: true } });
    const broken = await prisma.eventRevision.create({ data: { eventId: event.id, version: event.version, kind: "update", snapshot: "{broken" } });
    await prisma.eventRevision.create({ data: { eventId: event.id, version: event.version, kind: "update", snapshot: JSON.stringify({ id: event.id }) } });
    const entries = await listEventRevisions(event.id);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.filter((e) => e.unreadable)).toHaveLength(2);
    expect(entries.find((e) => e.id === broken.id)).toMatchObject({ unreadable: true, title: event.title, changes: [] });
    await expect(prisma.$transaction((tx) => revertEvent(tx, event.id, broken.id, { userId: null }))).rejects.toThrow(
      "This revision cannot be restored: its stored snapshot is not readable.",
    );
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupChunks } from "@/lib/export/backup";
import { updateEvent } from "@/lib/events/write";
import { eventInputSchema } from "@/lib/events/schema";
import { importFile } from "@/lib/import/import-file";
import type { PrismaClient } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "./database";
import { eventIdsByTitle, loadExamples } from "./example-data";
import { exportCsvText as exportCsv } from "@/lib/export/export-text";

let original: TestDatabase;
let restored: TestDatabase;
let dir: string;
const now = new Date("2026-11-29T12:00:00Z");

async function backupText(prisma: PrismaClient): Promise<string> {
  let text = "";
  for await (const chunk of backupChunks(prisma, now)) text += chunk;
  return text;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-backup-"));
  original = await createTestDatabase();
  restored = await createTestDatabase();
  await loadExamples(original.prisma);
  const editor = await original.prisma.user.create({ data: { email: "editor@example.org", passwordHash: "x", role: "editor" } });
  await restored.prisma.user.create({ data: { email: "editor@example.org", passwordHash: "x", role: "editor" } });
  const ids = await eventIdsByTitle(original.prisma);
  // A draft, an event in the trash and an edited event with two revisions, all by the editor.
  const draftId = ids.get("Russia recalls its ambassador to Washington for consultations")!;
  await original.prisma.event.update({ where: { id: draftId }, data: { status: "draft" } });
  const trashed = ids.get("Biden proposes a summit with Putin in a phone call")!;
  await original.prisma.event.update({ where: { id: trashed }, data: { deletedAt: new Date("2026-11-01T00:00:00Z") } });
  const edited = ids.get("US expels 10 Russian diplomats")!;
  await original.prisma.$transaction(async (tx) => {
    const current = await tx.event.findUniqueOrThrow({ where: { id: edited }, include: { participants: true } });
    const input = eventInputSchema.parse({
      title: "US expels 10 Russian diplomats (edited)",
      date: current.dateStart,
      type: current.type,
      status: "published",
      initiatorIds: current.participants.filter((p) => p.role === "initiator").map((p) => p.actorId),
      targetIds: current.participants.filter((p) => p.role === "target").map((p) => p.actorId),
    });
    await updateEvent(tx, edited, input, { userId: editor.id });
  });
});

afterAll(async () => {
  await original.dispose();
  await restored.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores drafts, trash, actors and revisions into an empty database exactly", async () => {
    const backup = await backupText(original.prisma);
    const parsed = JSON.parse(backup) as {
      actors: { name: string; aliases: unknown[] }[];
      events: { status: string; deletedAt: string | null }[];
      revisions: unknown[];
    };
    // Aliases travel with their actor (and so round-trip, below).
    expect(parsed.actors.find((a) => a.name === "Russia")?.aliases).toContainEqual({ alias: "the Kremlin", kind: "metonym", origin: "builtin" });
    expect(parsed.actors.find((a) => a.name === "Sergey Lavrov")?.aliases).toEqual([{ alias: "Sergei Lavrov", kind: "transliteration", origin: "admin" }]);
    expect(parsed.events.some((e) => e.status === "draft")).toBe(true);
    expect(parsed.events.some((e) => e.deletedAt !== null)).toBe(true);
    expect(parsed.revisions.length).toBeGreaterThan(parsed.events.length);

    const file = path.join(dir, "backup.json");
    fs.writeFileSync(file, backup);
    const dry = await importFile(restored.prisma, file, { mode: "dry-run", userId: null, canRestoreBackup: true });
    expect(dry.kind).toBe("json");
    expect(dry.errorRows).toBe(0);
    expect(dry.creates).toBe(parsed.events.length);
    expect(await restored.prisma.event.count()).toBe(0);

    const report = await importFile(restored.prisma, file, { mode: "apply", userId: null, canRestoreBackup: true });
    expect(report.applied).toBe(true);
    expect(await backupText(restored.prisma)).toBe(backup);
    expect(await exportCsv(restored.prisma)).toBe(await exportCsv(original.prisma));
    const editedRevision = await restored.prisma.eventRevision.findFirst({ where: { kind: "update" }, include: { user: true } });
    expect(editedRevision?.user?.email).toBe("editor@example.org");
  });

  it("restoring the same backup again changes nothing", async () => {
    const backup = await backupText(restored.prisma);
    const file = path.join(dir, "again.json");
    fs.writeFileSync(file, backup);
    const report = await importFile(restored.prisma, file, { mode: "apply", userId: null, canRestoreBackup: true });
    expect(report.applied).toBe(true);
    expect(report.unchanged).toBe(report.rows);
    expect(await backupText(restored.prisma)).toBe(backup);
  });

  it("rejects a file that is not a backup, writing nothing", async () => {
    const file = path.join(dir, "other.json");
    fs.writeFileSync(file, JSON.stringify({ hello: "world" }));
    const report = await importFile(restored.prisma, file, { mode: "apply", userId: null, canRestoreBackup: true });
    expect(report.applied).toBe(false);
    expect(report.fileErrors[0]?.message).toMatch(/neither a JSON export .* nor a Demarche backup/);
  });
});

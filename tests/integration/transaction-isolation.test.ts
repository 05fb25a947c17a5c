import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "./database";

// Issue 11: on SQLite the app's client holds one connection per process, and queries from
// other requests used to run inside whichever interactive transaction was open on it.
const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class RolledBack extends Error {}

describe("interactive transactions and concurrent requests", () => {
  it("keeps another request's reads from seeing, and its writes from joining, a transaction later rolled back", async () => {
    let inserted!: () => void;
    const rowWritten = new Promise<void>((resolve) => (inserted = resolve));

    const importLike = prisma
      .$transaction(
        async (tx) => {
          await tx.actor.create({ data: { name: "Rolled back", slug: "rolled-back", kind: "state" } });
          inserted();
          await sleep(300);
          throw new RolledBack();
        },
        { timeout: 10_000 },
      )
      .catch((error: unknown) => error);

    await rowWritten;
    // A public page's read, while the transaction is open: only committed data.
    const seen = await prisma.actor.findMany({ where: { slug: "rolled-back" } });
    expect(seen).toEqual([]);
    // A failed sign-in's attempt row, written meanwhile: it must outlive the rollback.
    const attempt = await prisma.loginAttempt.create({ data: { email: "someone@example.org", ip: "198.51.100.7", success: false } });

    expect(await importLike).toBeInstanceOf(RolledBack);
    expect(await prisma.actor.count({ where: { slug: "rolled-back" } })).toBe(0);
    expect(await prisma.loginAttempt.findUnique({ where: { id: attempt.id } })).not.toBeNull();
  });

  it("still lets a transaction read its own uncommitted writes", async () => {
    await prisma.$transaction(async (tx) => {
      await tx.actor.create({ data: { name: "Own write", slug: "own-write", kind: "state" } });
      expect(await tx.actor.count({ where: { slug: "own-write" } })).toBe(1);
    });
    expect(await prisma.actor.count({ where: { slug: "own-write" } })).toBe(1);
  });
});

describe.skipIf(db.provider !== "sqlite")("a COMMIT that fails (SQLite)", () => {
  it("reports the error, leaves nothing behind, and the next write goes through promptly", async () => {
    const failed = await prisma
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        // Violates Actor.parentId's foreign key, which is only checked at COMMIT.
        await tx.actor.create({ data: { name: "Orphan", slug: "orphan", kind: "person", parentId: 999_999 } });
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failed).toBeInstanceOf(Error);
    expect(String(failed)).toMatch(/foreign ?key/i);

    const started = Date.now();
    const next = await Promise.race([
      prisma.loginAttempt.create({ data: { email: "after@example.org", ip: "198.51.100.8", success: false } }),
      sleep(3_000).then(() => "hung" as const),
    ]);
    expect(next).not.toBe("hung");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await prisma.actor.count({ where: { slug: "orphan" } })).toBe(0);

    // And a transaction after it commits normally.
    await prisma.$transaction((tx) => tx.actor.create({ data: { name: "After", slug: "after", kind: "state" } }));
    expect(await prisma.actor.count({ where: { slug: "after" } })).toBe(1);
  });
});

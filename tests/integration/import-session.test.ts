import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSessionUser, hashToken } from "@/lib/import/session";
import { createTestDatabase, type TestDatabase } from "./database";

let db: TestDatabase;
const now = new Date("2026-11-29T12:00:00Z");
const later = new Date("2026-12-06T12:00:00Z");

beforeAll(async () => {
  db = createTestDatabase();
  const make = async (email: string, role: string, disabled = false) =>
    (await db.prisma.user.create({ data: { email, role, disabled, passwordHash: "x" } })).id;
  const editor = await make("editor@example.org", "editor");
  const admin = await make("admin@example.org", "admin");
  const disabled = await make("gone@example.org", "editor", true);
  const reader = await make("reader@example.org", "reader");
  const session = (token: string, userId: number, extra: { revokedAt?: Date; expiresAt?: Date } = {}) =>
    db.prisma.session.create({ data: { id: hashToken(token), userId, expiresAt: extra.expiresAt ?? later, revokedAt: extra.revokedAt } });
  await session("editor-token", editor);
  await session("admin-token", admin);
  await session("revoked-token", editor, { revokedAt: now });
  await session("expired-token", editor, { expiresAt: now });
  await session("disabled-token", disabled);
  await session("reader-token", reader);
});

afterAll(() => db.dispose());

describe("the import's session check", () => {
  it("accepts live editor and admin sessions", async () => {
    expect(await findSessionUser(db.prisma, "editor-token", now)).toMatchObject({ role: "editor" });
    expect(await findSessionUser(db.prisma, "admin-token", now)).toMatchObject({ role: "admin" });
  });

  it("refuses unknown, revoked and expired sessions, disabled accounts and other roles", async () => {
    for (const token of [undefined, "", "nope", "revoked-token", "expired-token", "disabled-token", "reader-token"]) {
      expect(await findSessionUser(db.prisma, token, now)).toBeNull();
    }
  });
});

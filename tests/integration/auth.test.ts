import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import { findSessionUser, revokeSession, SESSION_TTL_MS } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { hashSessionToken } from "@/lib/auth/tokens";
import { createUser, setUserDisabled, setUserPassword, setUserRole, UserWriteError } from "@/lib/users/write";
import { createTestDatabase } from "./database";

const db = await createTestDatabase();
const prisma = db.prisma;
afterAll(() => db.dispose());

const PASSWORD = "correct horse battery staple";
let adminId: number;
beforeAll(async () => {
  adminId = await prisma.$transaction((tx) => createUser(tx, { email: "admin@example.org", name: null, role: "admin", password: PASSWORD }, null));
  await prisma.$transaction((tx) => createUser(tx, { email: "ed@example.org", name: "Ed", role: "editor", password: PASSWORD }, adminId));
});

const attempt = (email: string, password: string, ip = "198.51.100.1", now?: Date) => signIn(prisma, { email, password, ip }, now);

describe("sign-in", () => {
  it("stores an argon2id hash, opens a session stored only as the token's hash, and finds its user", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ed@example.org" } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await attempt(" ED@example.org ", PASSWORD);
    if (!result.ok) throw new Error("expected a session");
    const session = await prisma.session.findUniqueOrThrow({ where: { id: hashSessionToken(result.token) } });
    expect(session.id).not.toBe(result.token);
    expect(session.expiresAt.getTime() - session.createdAt.getTime()).toBe(SESSION_TTL_MS);
    expect(await findSessionUser(prisma, result.token)).toMatchObject({ email: "ed@example.org", role: "editor" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();

    await revokeSession(prisma, result.token);
    expect(await findSessionUser(prisma, result.token)).toBeNull();
    expect(await findSessionUser(prisma, "not-a-token")).toBeNull();
  });

  it("signing in again revokes the session the browser carried, so an old or planted session stops working", async () => {
    const first = await attempt("ed@example.org", PASSWORD);
    if (!first.ok) throw new Error("expected a session");
    const second = await signIn(prisma, { email: "ed@example.org", password: PASSWORD, ip: "198.51.100.1", previousToken: first.token });
    if (!second.ok) throw new Error("expected a session");
    expect(await findSessionUser(prisma, first.token)).toBeNull();
    expect(await findSessionUser(prisma, second.token)).toMatchObject({ email: "ed@example.org" });
    await revokeSession(prisma, second.token);
  });

  it("answers the same for a wrong password, an unknown account and a disabled account", async () => {
    expect(await attempt("ed@example.org", "wrong password", "198.51.100.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("nobody@example.org", PASSWORD, "198.51.100.2")).toEqual({ ok: false, reason: "invalid" });
    const disabled = await prisma.$transaction((tx) =>
      createUser(tx, { email: "gone@example.org", name: null, role: "editor", password: PASSWORD }, adminId),
    );
    await prisma.$transaction((tx) => setUserDisabled(tx, disabled, true, adminId));
    expect(await attempt("gone@example.org", PASSWORD, "198.51.100.2")).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires sessions and ends them when the user is disabled or changes password", async () => {
    const start = new Date("2030-01-01T00:00:00Z");
    const result = await attempt("ed@example.org", PASSWORD, "198.51.100.3", start);
    if (!result.ok) throw new Error("expected a session");
    expect(await findSessionUser(prisma, result.token, new Date(start.getTime() + SESSION_TTL_MS - 1000))).not.toBeNull();
    expect(await findSessionUser(prisma, result.token, new Date(start.getTime() + SESSION_TTL_MS))).toBeNull();

    const fresh = await attempt("ed@example.org", PASSWORD, "198.51.100.3");
    if (!fresh.ok) throw new Error("expected a session");
    const ed = await prisma.user.findUniqueOrThrow({ where: { email: "ed@example.org" } });
    await prisma.$transaction((tx) => setUserPassword(tx, ed.id, "another long password", adminId));
    expect(await findSessionUser(prisma, fresh.token)).toBeNull();
    expect(await attempt("ed@example.org", PASSWORD, "198.51.100.3")).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt("ed@example.org", "another long password", "198.51.100.3")).ok).toBe(true);
    await prisma.$transaction((tx) => setUserPassword(tx, ed.id, PASSWORD, adminId));
  });

  it("limits failed attempts per account, even with the right password afterwards, until the window passes", async () => {
    await prisma.$transaction((tx) => createUser(tx, { email: "target@example.org", name: null, role: "editor", password: PASSWORD }, adminId));
    const now = new Date("2031-01-01T12:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      // Each guess from another address: the account limit does not depend on the IP.
      expect(await attempt("target@example.org", `guess ${i}`, `203.0.113.${i}`, now)).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await attempt("target@example.org", PASSWORD, "203.0.113.200", now);
    expect(blocked).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(blocked.ok === false && blocked.reason === "rate-limited" && blocked.retryAfterMs).toBe(LOGIN_LIMITS.windowMs);
    // The same answer for an address without an account: the limit reveals nothing either.
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await attempt("ghost@example.org", "x", `203.0.114.${i}`, now);
    expect(await attempt("ghost@example.org", "x", "203.0.114.200", now)).toMatchObject({ reason: "rate-limited" });

    const later = new Date(now.getTime() + LOGIN_LIMITS.windowMs + 1000);
    expect((await attempt("target@example.org", PASSWORD, "203.0.113.200", later)).ok).toBe(true);
    // A success clears the count: one more failure does not block again.
    expect(await attempt("target@example.org", "oops", "203.0.113.200", later)).toEqual({ ok: false, reason: "invalid" });
    expect((await attempt("target@example.org", PASSWORD, "203.0.113.200", later)).ok).toBe(true);
  });

  it("limits failed attempts per IP across accounts", async () => {
    const now = new Date("2032-01-01T12:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await attempt(`spray${i}@example.org`, "password1", "192.0.2.66", now);
    expect(await attempt("ed@example.org", PASSWORD, "192.0.2.66", now)).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await attempt("ed@example.org", PASSWORD, "192.0.2.67", now)).ok).toBe(true);
    // The attempts live in the database, where every app instance sees them.
    expect(await prisma.loginAttempt.count({ where: { ip: "192.0.2.66", success: false } })).toBe(LOGIN_LIMITS.perIp);
  });
});

describe("user management", () => {
  it("keeps at least one active admin and records every change", async () => {
    await expect(prisma.$transaction((tx) => setUserRole(tx, adminId, "editor", adminId))).rejects.toBeInstanceOf(UserWriteError);
    await expect(prisma.$transaction((tx) => setUserDisabled(tx, adminId, true, adminId))).rejects.toThrow(/only admin/);
    await expect(
      prisma.$transaction((tx) => createUser(tx, { email: "ed@example.org", name: null, role: "editor", password: PASSWORD }, adminId)),
    ).rejects.toThrow("An account with this email address already exists.");
    const ed = await prisma.user.findUniqueOrThrow({ where: { email: "ed@example.org" } });
    await prisma.$transaction((tx) => setUserRole(tx, ed.id, "admin", adminId));
    await prisma.$transaction((tx) => setUserRole(tx, adminId, "editor", adminId));
    const actions = await prisma.auditLog.findMany({ where: { subjectType: "user", subjectId: String(ed.id) }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["user.create", "user.set-password", "user.set-role"]));
    expect(await hashPassword("x")).not.toBe(await hashPassword("x"));
  });
});

import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { clearLoginFailures, LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import { findSessionUser, revokeSession, SESSION_TTL_MS } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { createUser, setUserDisabled, setUserPassword, setUserRole } from "@/lib/users/write";
import { ExpectedError } from "@/lib/errors";
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
    // The stored id is the token's SHA-256, computed here independently of the app's helper,
    // and no row holds the token itself.
    const sha256 = createHash("sha256").update(result.token).digest("hex");
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sha256 } });
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    expect(await prisma.session.count({ where: { id: result.token } })).toBe(0);
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

  it("delays an account from one address after 5 failures, with growing waits, while its owner elsewhere still signs in", async () => {
    await prisma.$transaction((tx) => createUser(tx, { email: "target@example.org", name: null, role: "editor", password: PASSWORD }, adminId));
    const now = new Date("2031-01-01T12:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    for (let i = 0; i < LOGIN_LIMITS.pair; i++) {
      expect(await attempt("target@example.org", `guess ${i}`, "203.0.113.9", now)).toEqual({ ok: false, reason: "invalid" });
    }
    // Even the right password is not checked from that address until the delay is over…
    const blocked = await attempt("target@example.org", PASSWORD, "203.0.113.9", now);
    expect(blocked).toEqual({ ok: false, reason: "rate-limited", retryAfterMs: LOGIN_LIMITS.firstDelayMs });
    // …and hammering while blocked does not push the delay further out.
    for (let i = 0; i < 20; i++) await attempt("target@example.org", "hammer", "203.0.113.9", at(1000));
    expect(await attempt("target@example.org", "x", "203.0.113.9", at(10_000))).toMatchObject({ retryAfterMs: LOGIN_LIMITS.firstDelayMs - 10_000 });
    // The next guess after the delay is checked; the delay after it doubles.
    expect(await attempt("target@example.org", "guess 6", "203.0.113.9", at(LOGIN_LIMITS.firstDelayMs))).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("target@example.org", "x", "203.0.113.9", at(LOGIN_LIMITS.firstDelayMs))).toMatchObject({
      reason: "rate-limited",
      retryAfterMs: 2 * LOGIN_LIMITS.firstDelayMs,
    });
    // The owner, at another address, is not locked out by the guesser.
    expect((await attempt("target@example.org", PASSWORD, "198.51.100.77", at(LOGIN_LIMITS.firstDelayMs + 1))).ok).toBe(true);
    // A success clears the account's count: the guesser's address starts afresh too.
    expect(await attempt("target@example.org", "oops", "203.0.113.9", at(LOGIN_LIMITS.firstDelayMs + 2))).toEqual({ ok: false, reason: "invalid" });
  });

  it("delays an account guessed from many addresses, the same whether or not it exists", async () => {
    await prisma.$transaction((tx) => createUser(tx, { email: "spread@example.org", name: null, role: "editor", password: PASSWORD }, adminId));
    const now = new Date("2031-06-01T12:00:00Z");
    for (const email of ["spread@example.org", "ghost@example.org"]) {
      for (let i = 0; i < LOGIN_LIMITS.account; i++) {
        expect(await attempt(email, `guess ${i}`, `203.0.114.${i}`, now)).toEqual({ ok: false, reason: "invalid" });
      }
      expect(await attempt(email, PASSWORD, "203.0.114.250", now)).toEqual({ ok: false, reason: "rate-limited", retryAfterMs: LOGIN_LIMITS.firstDelayMs });
    }
    const later = new Date(now.getTime() + LOGIN_LIMITS.firstDelayMs);
    expect((await attempt("spread@example.org", PASSWORD, "203.0.114.250", later)).ok).toBe(true);
  });

  it("an admin's unlock clears an account's delays at once", async () => {
    await prisma.$transaction((tx) => createUser(tx, { email: "locked@example.org", name: null, role: "editor", password: PASSWORD }, adminId));
    const now = new Date("2031-09-01T12:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.account + 5; i++) await attempt("locked@example.org", "guess", `203.0.115.${i % 22}`, now);
    expect(await attempt("locked@example.org", PASSWORD, "203.0.115.1", now)).toMatchObject({ reason: "rate-limited" });
    expect(await clearLoginFailures(prisma, " Locked@Example.org")).toBeGreaterThanOrEqual(LOGIN_LIMITS.account);
    expect((await attempt("locked@example.org", PASSWORD, "203.0.115.1", now)).ok).toBe(true);
  });

  it("of 200 parallel wrong passwords, at most the limit reach the password check", async () => {
    await prisma.$transaction((tx) => createUser(tx, { email: "burst@example.org", name: null, role: "editor", password: PASSWORD }, adminId));
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt("burst@example.org", `parallel guess ${i}`, "203.0.116.1")));
    const checked = results.filter((r) => !r.ok && r.reason === "invalid").length;
    // Serialised reservations: exactly the free failures are checked, not one more (nor none).
    expect(checked).toBe(LOGIN_LIMITS.pair);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited")).toHaveLength(200 - checked);
    // Only the checked attempts stay recorded: refused reservations are removed.
    expect(await prisma.loginAttempt.count({ where: { email: "burst@example.org" } })).toBe(checked);
  });

  it("limits failed attempts per IP across accounts", async () => {
    const now = new Date("2032-01-01T12:00:00Z");
    for (let i = 0; i < LOGIN_LIMITS.ip; i++) await attempt(`spray${i}@example.org`, "password1", "192.0.2.66", now);
    expect(await attempt("ed@example.org", PASSWORD, "192.0.2.66", now)).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await attempt("ed@example.org", PASSWORD, "192.0.2.67", now)).ok).toBe(true);
    // The attempts live in the database, where every app instance sees them.
    expect(await prisma.loginAttempt.count({ where: { ip: "192.0.2.66", success: false } })).toBe(LOGIN_LIMITS.ip);
  });
});

describe("user management", () => {
  it("keeps at least one active admin and records every change", async () => {
    await expect(prisma.$transaction((tx) => setUserRole(tx, adminId, "editor", adminId))).rejects.toBeInstanceOf(ExpectedError);
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

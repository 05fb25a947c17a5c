import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { LOGIN_LIMITS } from "@/lib/auth/rate-limit";
import { createSession, findSessionUser } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { createTestDatabase } from "./database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const db = await createTestDatabase();
afterAll(() => db.dispose());

/** Runs `npm run user -- <args>` against the test database, without a terminal. */
function cli(args: string[], password?: string) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/user.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: db.url, ...(password === undefined ? {} : { DEMARCHE_PASSWORD: password }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("npm run user", () => {
  it("creates, lists, changes the password of and disables accounts", async () => {
    const created = cli(["create", "--email", "Admin@Example.org", "--role", "admin", "--name", "First Admin"], "first admin password");
    expect(created).toMatchObject({ status: 0 });
    expect(created.out).toMatch(/Created admin admin@example.org/);
    expect(cli(["create", "--email", "ed@example.org", "--role", "editor"], "editor password 1").status).toBe(0);
    const ed = await db.prisma.user.findUniqueOrThrow({ where: { email: "ed@example.org" } });
    expect(await verifyPassword(ed.passwordHash, "editor password 1")).toBe(true);

    const list = cli(["list"]);
    expect(list.status).toBe(0);
    expect(list.out).toMatch(/admin@example\.org\s+admin\s+never signed in/);
    expect(list.out).toMatch(/ed@example\.org\s+editor/);

    const { token } = await createSession(db.prisma, ed.id);
    expect(cli(["set-password", "--email", "ed@example.org"], "editor password 2").status).toBe(0);
    const changed = await db.prisma.user.findUniqueOrThrow({ where: { id: ed.id } });
    expect(await verifyPassword(changed.passwordHash, "editor password 2")).toBe(true);
    expect(await findSessionUser(db.prisma, token)).toBeNull();

    const disabled = cli(["disable", "--email", "ed@example.org"]);
    expect(disabled).toMatchObject({ status: 0 });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ed.id } })).disabled).toBe(true);
    expect(cli(["list"]).out).toMatch(/ed@example\.org\s+editor\s+DISABLED/);
    const audit = await db.prisma.auditLog.findMany({ where: { subjectId: String(ed.id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, a.userId])).toEqual([
      ["user.create", null],
      ["user.set-password", null],
      ["user.disable", null],
    ]);
  }, 60_000);

  it("unlock lifts the sign-in delays of an account at once", async () => {
    expect(cli(["create", "--email", "locked@example.org", "--role", "editor"], "locked password 1").status).toBe(0);
    const now = new Date();
    for (let i = 0; i < LOGIN_LIMITS.account; i++) {
      await signIn(db.prisma, { email: "locked@example.org", password: `guess ${i}`, ip: `203.0.113.${i}` }, now);
    }
    const signInNow = () => signIn(db.prisma, { email: "locked@example.org", password: "locked password 1", ip: "198.51.100.9" }, now);
    expect(await signInNow()).toMatchObject({ ok: false, reason: "rate-limited" });

    const unlocked = cli(["unlock", "--email", "Locked@example.org"]);
    expect(unlocked).toMatchObject({ status: 0 });
    expect(unlocked.out).toMatch(/Unlocked locked@example\.org: 20 failed sign-in attempt\(s\) forgotten/);
    expect((await signInNow()).ok).toBe(true);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "locked@example.org" } });
    expect(await db.prisma.auditLog.count({ where: { action: "user.unlock", subjectId: String(user.id) } })).toBe(1);
    expect(cli(["unlock", "--email", "nobody@example.org"]).out).toMatch(/There is no account for nobody@example.org/);
  }, 60_000);

  it("refuses bad input with a clear message and changes nothing", async () => {
    const before = await db.prisma.user.count();
    const cases: [string[], string | undefined, RegExp][] = [
      [["create", "--email", "x@example.org", "--role", "owner"], "long enough password", /--role: Choose editor or admin/],
      [["create", "--email", "x@example.org", "--role", "editor"], "short", /Use at least 12 characters/],
      [["create", "--email", "x@example.org", "--role", "editor"], undefined, /set DEMARCHE_PASSWORD/],
      [["create", "--email", "admin@example.org", "--role", "editor"], "long enough password", /already exists/],
      [["disable", "--email", "nobody@example.org"], undefined, /no account for nobody@example.org/],
      [["disable", "--email", "admin@example.org"], undefined, /only admin/],
      [["create", "--colour", "red"], undefined, /Unknown option '--colour'/],
    ];
    for (const [args, password, message] of cases) {
      const result = cli(args, password);
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.out, args.join(" ")).toMatch(message);
    }
    expect(await db.prisma.user.count()).toBe(before);
  }, 90_000);
});

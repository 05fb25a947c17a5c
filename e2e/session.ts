import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { BrowserContext } from "@playwright/test";

/** The database of the app under test (playwright.config.ts, E2E_DATABASE). */
const E2E_DATABASE_FILE = path.resolve(import.meta.dirname, "..", "data", "test", "e2e.db");

/** Prisma's SQLite adapter stores instants as ISO text with an explicit offset; match it so comparisons hold. */
const stored = (date: Date) => date.toISOString().replace("Z", "+00:00");

/**
 * Signs the browser in as a new user of the given role by writing the user and a session
 * row straight into the app's database and setting the session cookie: there is no sign-in
 * page on this branch (issue 4 builds it).
 */
export async function signInAs(context: BrowserContext, baseURL: string, role: "editor" | "admin"): Promise<{ email: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  const email = `${role}-${crypto.randomUUID()}@example.org`;
  const now = new Date();
  const db = new Database(E2E_DATABASE_FILE);
  try {
    db.pragma("busy_timeout = 5000");
    const user = db
      .prepare(`INSERT INTO "User" (email, name, passwordHash, role, disabled, createdAt, updatedAt) VALUES (?, ?, 'not-used', ?, 0, ?, ?)`)
      .run(email, `Test ${role}`, role, stored(now), stored(now));
    db.prepare(`INSERT INTO "Session" (id, userId, createdAt, expiresAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)`).run(
      crypto.createHash("sha256").update(token).digest("hex"),
      Number(user.lastInsertRowid),
      stored(now),
      stored(new Date(now.getTime() + 60 * 60 * 1000)),
      stored(now),
    );
  } finally {
    db.close();
  }
  await context.addCookies([{ name: "demarche_session", value: token, url: baseURL, httpOnly: true, sameSite: "Lax" }]);
  return { email };
}

import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { createPrismaClient, type PrismaClient } from "../lib/db/client";
import { resolveDatabaseTarget } from "../lib/db/url";
import { e2eDatabaseUrl } from "./database";
import { expect } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "..");

export type TestUser = { email: string; password: string; role: "editor" | "admin" };

/** Creates a new account through the user CLI, as an operator would; unique per call. */
export function createUser(role: "editor" | "admin"): TestUser {
  const email = `${role}-${Date.now()}-${crypto.randomBytes(3).toString("hex")}@example.org`;
  const password = `pw-${crypto.randomBytes(12).toString("hex")}`;
  execFileSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/user.ts", "create", "--email", email, "--role", role], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), DEMARCHE_PASSWORD: password },
    stdio: "pipe",
  });
  return { email, password, role };
}

export async function signIn(page: Page, user: TestUser, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Editors" })).toContainText(user.email);
}

/**
 * Reads the app's database directly, to check what a request did (or did not) change.
 * Through Prisma rather than SQL, so the checks hold on every database the app runs on.
 */
export async function withDatabase<T>(read: (db: PrismaClient) => Promise<T>): Promise<T> {
  const db = createPrismaClient(resolveDatabaseTarget(e2eDatabaseUrl(), ROOT));
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}

/** Everything an admin action could change; equal before and after means nothing was written. */
export function databaseFingerprint() {
  return withDatabase(async (db) => ({
    events: await db.event.count(),
    versions: (await db.event.aggregate({ _sum: { version: true } }))._sum.version,
    trashed: await db.event.count({ where: { deletedAt: { not: null } } }),
    revisions: await db.eventRevision.count(),
    actors: (await db.actor.findMany({ orderBy: { id: "asc" }, select: { name: true, kind: true, isoCode: true } })),
    users: await db.user.findMany({ orderBy: { id: "asc" }, select: { email: true, role: true, disabled: true } }),
    revokedSessions: await db.session.count({ where: { revokedAt: { not: null } } }),
    audit: await db.auditLog.count(),
  }));
}

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string; filename?: string };

/** Every server action of the build: its name, id and a page that serves it. */
export function serverActions(): { name: string; id: string; page: string }[] {
  const file = path.join(ROOT, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/admin/page";
    const page = `/${worker.replace(/^app\//, "").replace(/\/?page$/, "")}`.replace("[id]", "1");
    return { name: entry.exportedName ?? id, id, page: page === "/" ? "/admin" : page };
  });
}

/**
 * Calls a server action the way React does from the browser: a POST with the action's id
 * in the Next-Action header and the arguments encoded as a React reply (React 19.2+): the
 * root array in part "0", a FormData argument as "$K1" with its fields named "_1_<field>"
 * (the reply's prefix, "_", the part id, "_"), sent before the root. The older "1_<field>"
 * naming, or the root first, is read by this React as no fields at all, so a call would
 * reach the action with an empty form.
 */
export async function callServerAction(
  request: APIRequestContext,
  action: { id: string; page: string },
  args: { previousState?: unknown; form?: Record<string, string>; json?: readonly unknown[] },
  headers: Record<string, string> = {},
) {
  const common = { "Next-Action": action.id, Accept: "text/x-component", ...headers };
  if (args.json) {
    return request.post(action.page, { headers: { ...common, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args.json), maxRedirects: 0 });
  }
  const root = args.previousState === undefined ? ["$K1"] : [args.previousState, "$K1"];
  // The root goes last, as React sends it: the server parses it as soon as it arrives and
  // collects "$K1"'s fields from what came before. (A plain object would not do: its key
  // "0", being numeric, is always enumerated first.)
  const multipart = new FormData();
  for (const [key, value] of Object.entries(args.form ?? {})) multipart.append(`_1_${key}`, value);
  multipart.append("0", JSON.stringify(root));
  return request.post(action.page, { headers: common, multipart, maxRedirects: 0 });
}

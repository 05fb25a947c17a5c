/**
 * `npm run draft`, run as a script against a fresh test database holding one recorded
 * event: the draft restating it carries `duplicateOf`, the answer to it a `respondsTo`
 * candidate; standard output is only the JSON. Without a database the CLI still drafts.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventInputSchema } from "@/lib/events/schema";
import { createEvent } from "@/lib/events/write";
import type { Draft } from "@/lib/intake/types";
import { createTestDatabase } from "./database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const db = await createTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-draft-cli-"));
const article = path.join(dir, "article.txt");
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.dispose();
});

let recordedId = 0;

async function stateId(name: string, isoCode: string): Promise<number> {
  const found = await db.prisma.actor.findFirst({ where: { OR: [{ isoCode }, { name }] }, select: { id: true } });
  if (found) return found.id;
  return (await db.prisma.actor.create({ data: { name, slug: name.toLowerCase().replaceAll(" ", "-"), kind: "state", isoCode }, select: { id: true } })).id;
}

beforeAll(async () => {
  const us = await stateId("United States", "US");
  const ru = await stateId("Russia", "RU");
  const input = eventInputSchema.parse({
    title: "US expels 10 Russian diplomats",
    date: "2021-04-15",
    type: "diplomatic-expulsion",
    status: "published",
    initiatorIds: [us],
    targetIds: [ru],
  });
  recordedId = await createEvent(db.prisma, input, { userId: null });
  fs.writeFileSync(
    article,
    "The United States expelled 10 Russian diplomats on 15 April. " +
      "In retaliation, Russia expelled 10 US diplomats on Friday, the Foreign Ministry said.\n",
  );
}, 60_000);

function draft(env: NodeJS.ProcessEnv, extra: string[] = []) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/draft.ts", article, "--published", "2021-04-29", ...extra], {
    cwd: ROOT,
    encoding: "utf8",
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run draft with a database", () => {
  it("reports the recorded event a draft restates, and what the other answers", () => {
    const run = draft({ ...process.env, DATABASE_URL: db.url });
    expect(run.stderr).toMatch(/drafted with the database/);
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout) as { drafts: Draft[] };
    expect(Object.keys(parsed)).toEqual(["drafts"]);
    const us = parsed.drafts.find((d) => d.date === "2021-04-15");
    expect(us).toMatchObject({ type: "diplomatic-expulsion" });
    expect(us?.duplicateOf[0]).toMatchObject({ eventId: recordedId, date: "2021-04-15" });
    const russia = parsed.drafts.find((d) => d.date === "2021-04-23");
    expect(russia?.duplicateOf).toEqual([]);
    expect(russia?.respondsTo.map((c) => c.eventId)).toContain(recordedId);
    expect(run.stderr).toMatch(/1 possibly already recorded/);
  }, 60_000);

  it("drafts with the built-in gazetteer when told --no-db or when the database file is missing", () => {
    for (const run of [
      draft({ ...process.env, DATABASE_URL: db.url }, ["--no-db"]),
      draft({ ...process.env, DATABASE_URL: `file:${path.join(dir, "absent.db")}` }),
    ]) {
      expect(run.status).toBe(0);
      const parsed = JSON.parse(run.stdout) as { drafts: Draft[] };
      expect(parsed.drafts.find((d) => d.date === "2021-04-15")?.duplicateOf).toEqual([]);
      expect(run.stderr).toMatch(/built-in gazetteer/);
    }
    expect(fs.existsSync(path.join(dir, "absent.db"))).toBe(false);
  }, 60_000);
});

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-script-env-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run db:migrate`'s script in `dir` (as npm runs it in the project folder), without DATABASE_URL set. */
function migrateIn(env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== "DATABASE_URL"));
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["--tsconfig", path.join(ROOT, "tsconfig.json"), path.join(ROOT, "scripts/db-migrate.ts")], {
    cwd: dir,
    encoding: "utf8",
    env: { ...base, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("scripts read .env as `next start` does", () => {
  it("migrates the database named in .env, and a variable set in the environment wins over the file", () => {
    fs.writeFileSync(path.join(dir, ".env"), "DATABASE_URL=file:./from-dotenv.db\n");
    const fromFile = migrateIn();
    expect(fromFile.out).toContain(path.join(dir, "from-dotenv.db"));
    expect(fromFile.status).toBe(0);
    const db = new Database(path.join(dir, "from-dotenv.db"), { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM _prisma_migrations").get()).toMatchObject({ n: expect.any(Number) });
      expect((db.prepare("SELECT count(*) AS n FROM _prisma_migrations").get() as { n: number }).n).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    const overridden = migrateIn({ DATABASE_URL: `file:${path.join(dir, "from-environment.db")}` });
    expect(overridden.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "from-environment.db"))).toBe(true);
  });

  it("stops with a message naming the variable and the value when .env holds a bad one", () => {
    fs.writeFileSync(path.join(dir, ".env"), `DATABASE_URL=file:./bad.db\nDATABASE_POOL_SIZE=lots\n`);
    const result = migrateIn();
    expect(result.status).toBe(1);
    expect(result.out).toContain('DATABASE_POOL_SIZE="lots": DATABASE_POOL_SIZE must be a whole number from 1 to 1000');
    expect(fs.existsSync(path.join(dir, "bad.db"))).toBe(false);
  });
});

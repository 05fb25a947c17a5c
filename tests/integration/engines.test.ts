import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { migrateDatabase } from "../../scripts/lib/migrate";
import { copyBase, testProvider } from "./test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Shown = { query: string; ids: number[]; summary: string; problems: string[]; facets: unknown; chart: unknown; csv: string[]; embed: number[] };

/** What the app shows for the probe's queries on the database at `url` (tests/integration/engine-probe.ts). */
function probe(url: string): Shown[] {
  const out = execFileSync(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["--tsconfig", "bench/tsconfig.json", "tests/integration/engine-probe.ts", url],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  return JSON.parse(out.trim().split("\n").at(-1)!) as Shown[];
}

// Runs in the PostgreSQL pass of the suite (npm run test:postgres), beside a fresh SQLite
// database: the engine-specific code (FTS5 and pg_trgm search, the bulk readers, the
// change log) must show exactly the same thing for the same data.
describe.skipIf(testProvider() !== "postgresql")("SQLite and PostgreSQL show the same results for the same data", () => {
  it("gives the same ids, order, summaries, facets, chart and CSV for every query", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-engines-"));
    const postgres = await copyBase(inject("baseDatabase"));
    try {
      const sqliteTarget = resolveDatabaseTarget(`file:${path.join(dir, "engines.db")}`);
      migrateDatabase(sqliteTarget, { quiet: true });
      const onSqlite = probe(sqliteTarget.url);
      const onPostgres = probe(postgres.url);

      // The probe really exercised search: the folded words found what they should.
      const byQuery = new Map(onSqlite.map((s) => [s.query, s]));
      expect(byQuery.get("q=gencoglu")?.ids.length).toBeGreaterThan(1);
      expect(byQuery.get("q=Gen%C3%A7o%C4%9Flu")?.ids).toEqual(byQuery.get("q=gencoglu")?.ids);
      expect(byQuery.get("q=%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2")?.ids).toHaveLength(2);
      // A word after an underscore or a hyphen is a word of its own (FTS5's unicode61 rule).
      expect(byQuery.get("q=case")?.ids).toHaveLength(1);
      expect(byQuery.get("q=operation")?.ids).toHaveLength(1);
      expect(byQuery.get("q=nothing-like-this")?.ids).toEqual([]);
      expect(byQuery.get("")?.ids.length).toBeGreaterThan(20);

      for (const [i, shown] of onSqlite.entries()) {
        // The embed lists the page's events, in its order, on each engine.
        expect(shown.embed, `the embed of "${shown.query}" on SQLite`).toEqual(shown.ids);
        expect(onPostgres[i]?.embed, `the embed of "${shown.query}" on PostgreSQL`).toEqual(onPostgres[i]?.ids);
        expect(onPostgres[i], `PostgreSQL for "${shown.query}"`).toEqual(shown);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await postgres.dispose();
    }
  }, 180_000);
});

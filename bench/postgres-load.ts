/**
 * Puts a benchmark's SQLite database into PostgreSQL, so that both engines are measured on
 * exactly the same rows: the PostgreSQL database is migrated with the project's own
 * migrations, then every table is streamed across with `sqlite3 -csv … | psql \copy … FROM
 * STDIN` (the fastest bulk path both command-line tools offer), in foreign-key order.
 *
 * The database is named after the SQLite file (demarche_bench_events_1000000) on the server
 * of the given URL, and reused while its event count matches the file's.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { recreatePostgresDatabase, withDatabaseName } from "../lib/db/postgres-admin";
import { resolveDatabaseTarget } from "../lib/db/url";
import { migrateDatabase } from "../scripts/lib/migrate";

/**
 * Tables that the migrations fill; they are not copied. (COPY fires no rules, so the change
 * log, TimelineChange, is copied like any table.)
 */
const MAINTAINED_TABLES = new Set(["_prisma_migrations"]);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The PostgreSQL twin of a SQLite benchmark database; returns its URL. */
export async function loadIntoPostgres(sqliteFile: string, serverUrl: string): Promise<string> {
  const name = `demarche_bench_${path.basename(sqliteFile, ".db").replace(/[^A-Za-z0-9]/g, "_")}`;
  const url = withDatabaseName(serverUrl, name);
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  try {
    const events = Number(sqlite.prepare(`SELECT count(*) FROM "Event"`).pluck().get());
    if ((await eventCount(url)) === events) {
      // Made before the latest migrations? It gets them now.
      migrateDatabase(resolveDatabaseTarget(url), { quiet: true });
      await vacuum(url);
      return url;
    }

    console.log(`Loading ${path.basename(sqliteFile)} into PostgreSQL database ${name} (once; reused later)…`);
    const started = performance.now();
    await recreatePostgresDatabase(url);
    migrateDatabase(resolveDatabaseTarget(url), { quiet: true });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const table of await tablesInDependencyOrder(client)) {
        if (MAINTAINED_TABLES.has(table)) continue;
        const sqliteColumns = new Set(
          (sqlite.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name),
        );
        if (sqliteColumns.size === 0) continue;
        const columns = (await columnsOf(client, table)).filter((c) => sqliteColumns.has(c)).map(quote).join(", ");
        await pipe(
          ["sqlite3", ["-csv", sqliteFile, `SELECT ${columns} FROM ${quote(table)}`]],
          ["psql", [url, "-q", "-v", "ON_ERROR_STOP=1", "-c", `\\copy ${quote(table)} (${columns}) FROM STDIN WITH (FORMAT csv)`]],
        );
      }
      await resetSequences(client);
      await client.query("VACUUM (ANALYZE)");
    } finally {
      await client.end();
    }
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return url;
  } finally {
    sqlite.close();
  }
}

/**
 * Sets the visibility map (and the statistics) after a load or a migration that filled a
 * table, as autovacuum would soon after: the word search's index-only scans ("EventWord")
 * only skip the table's pages once they are marked all-visible.
 */
async function vacuum(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM (ANALYZE)");
  } finally {
    await client.end();
  }
}

/** Events in the database at `url`, or null when it does not exist or is not migrated. */
async function eventCount(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Event"`);
    return Number(result.rows[0]?.n);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return result.rows.map((r) => r.column_name);
}

/** The schema's tables, each after every table its foreign keys point to. */
async function tablesInDependencyOrder(client: pg.Client): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
  );
  const references = await client.query<{ from: string; to: string }>(
    `SELECT c.conrelid::regclass::text AS "from", c.confrelid::regclass::text AS "to"
     FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const dependsOn = new Map<string, string[]>();
  for (const r of references.rows) {
    const from = unquote(r.from);
    dependsOn.set(from, [...(dependsOn.get(from) ?? []), unquote(r.to)]);
  }
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const dependency of dependsOn.get(table) ?? []) if (dependency !== table) visit(dependency, [...path, table]);
    ordered.push(table);
  };
  for (const { name } of tables.rows) visit(name, []);
  return ordered;
}

/** Moves every serial column's sequence past the copied ids. */
async function resetSequences(client: pg.Client): Promise<void> {
  const serials = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of serials.rows) {
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
      [quote(table), column],
    );
  }
}

/** Runs `producer | consumer`; rejects with the stderr of whichever fails. */
function pipe(producer: [string, string[]], consumer: [string, string[]]): Promise<void> {
  return new Promise((resolve, reject) => {
    const from = spawn(producer[0], producer[1], { stdio: ["ignore", "pipe", "pipe"] });
    const to = spawn(consumer[0], consumer[1], { stdio: ["pipe", "ignore", "pipe"] });
    from.stdout.pipe(to.stdin);
    const errors: string[] = [];
    from.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
    to.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
    let pending = 2;
    const done = (label: string) => (code: number | null) => {
      if (code !== 0) reject(new Error(`${label} exited with ${code}: ${errors.join("")}`));
      else if (--pending === 0) resolve();
    };
    from.on("error", reject);
    to.on("error", reject);
    from.on("exit", done(producer[0]));
    to.on("exit", done(consumer[0]));
  });
}

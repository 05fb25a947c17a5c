import pg from "pg";

/** The same server URL pointing at another database. */
export function withDatabaseName(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_-]{1,63}$/.test(name)) throw new Error(`Unsupported PostgreSQL database name "${name}"`);
  return name;
}

/** Runs one statement on the server's maintenance database (for CREATE/DROP DATABASE). */
export async function runOnServer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the database named in `url` (tests only: it deletes everything in it). */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await runOnServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await runOnServer(url, `CREATE DATABASE "${name}"`);
}

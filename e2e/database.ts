import { withDatabaseName } from "../lib/db/postgres-admin";

/**
 * The database the end-to-end app runs on, created fresh by the web server at the start of
 * each run: a SQLite file, or (DEMARCHE_TEST_DATABASE=postgresql) a database on the server
 * named by DEMARCHE_POSTGRES_URL. Tests that insert their own rows connect to the same URL.
 */
export function e2eDatabaseUrl(): string {
  if (process.env.DEMARCHE_TEST_DATABASE === "postgresql") {
    const server = process.env.DEMARCHE_POSTGRES_URL;
    if (!server) throw new Error("DEMARCHE_TEST_DATABASE=postgresql needs DEMARCHE_POSTGRES_URL (see README).");
    // Named after the role so that two roles sharing a server never trip over each other's database.
    const role = decodeURIComponent(new URL(server).username || "postgres").replace(/[^A-Za-z0-9_]/g, "_");
    return withDatabaseName(server, `demarche_e2e_${role}`);
  }
  return "file:./data/test/e2e.db";
}

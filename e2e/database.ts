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
    return withDatabaseName(server, "demarche_e2e");
  }
  return "file:./data/test/e2e.db";
}

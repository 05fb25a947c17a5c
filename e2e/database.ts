/** The database the end-to-end app runs on, created fresh by the web server at the start of each run. */
export function e2eDatabaseUrl(): string {
  return "file:./data/test/e2e.db";
}

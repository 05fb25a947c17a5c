/**
 * `npm run test:postgres`: the integration and end-to-end suites again, on PostgreSQL.
 * Needs DEMARCHE_POSTGRES_URL: a server and a role that may create databases, e.g.
 * postgresql://demarche:demarche@localhost:5432/postgres. Without it the suite is skipped,
 * loudly (CI always sets it: .ci/run starts PostgreSQL).
 */
import "./lib/env";
import { readEnv } from "../lib/env";
import { bin, main, run } from "./lib/run";

await main(() => {
  if (!readEnv().DEMARCHE_POSTGRES_URL) {
    console.log(
      "\nPostgreSQL suite SKIPPED: DEMARCHE_POSTGRES_URL is not set. To run it, see README → Running the PostgreSQL suite.\n",
    );
    return;
  }
  const env = { ...process.env, DEMARCHE_TEST_DATABASE: "postgresql" };
  console.log("\nRunning the integration suite on PostgreSQL…");
  run(bin("vitest"), ["run", "--project", "integration"], { env });
  console.log("\nRunning the end-to-end suite on PostgreSQL…");
  run(bin("tsx"), ["scripts/ensure-chromium.ts"], { env });
  run(bin("playwright"), ["test"], { env });
});

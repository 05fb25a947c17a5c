/**
 * Imported first by every script: loads `.env` files exactly as `next start` does (Next's own
 * loader, @next/env, from the folder the script runs in, which `npm run` makes the project
 * folder), then validates the environment once (lib/env.ts). So `npm run db:migrate` migrates
 * the database the server will serve, and a bad value stops the script with a message naming
 * the variable instead of failing later. Variables already set in the environment win over
 * the files, as in Next. `next dev` reads the .env.development files; scripts do so only when
 * run with NODE_ENV=development (the `dev` script does not set it yet).
 */
import nextEnv from "@next/env";
import { EnvError, readEnv } from "../../lib/env";

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV === "development", { info: () => {}, error: (...args: unknown[]) => console.error(...args) });

try {
  readEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

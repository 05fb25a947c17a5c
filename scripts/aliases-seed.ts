/**
 * `npm run aliases:seed`: gives every state actor the built-in aliases it lacks (names from
 * i18n-iso-countries plus curated demonyms, capitals and metonyms). Idempotent: aliases an
 * admin typed or removed are left as they are. `npm start` and `npm run db:seed` do the same.
 */
import "./lib/env";
import { seedStateAliases } from "../lib/actors/alias-write";
import { createPrismaClient } from "../lib/db/client";
import { main } from "./lib/run";

await main(async () => {
  const prisma = createPrismaClient();
  try {
    const result = await prisma.$transaction((tx) => seedStateAliases(tx), { timeout: 60_000 });
    console.log(
      `${result.states} state actors: ${result.added} built-in aliases added, ${result.skipped} left out (already naming another actor, ambiguous or removed by an admin).`,
    );
  } finally {
    await prisma.$disconnect();
  }
});

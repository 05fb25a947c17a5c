import "./lib/env";
import path from "node:path";
import { seedStateAliases } from "../lib/actors/alias-write";
import { createPrismaClient } from "../lib/db/client";
import { loadExampleData, readExampleData } from "../lib/events/example-data";
import { main, ROOT } from "./lib/run";

const EXAMPLE_FILE = path.join(ROOT, "prisma", "example-events.json");

/**
 * Loads the example events into an empty database; leaves a database with events alone.
 * Either way, every state actor gets the built-in aliases it lacks (idempotent, docs/actors.md).
 */
export async function seedIfEmpty(): Promise<void> {
  const prisma = createPrismaClient();
  try {
    const existing = await prisma.event.count();
    if (existing > 0) {
      console.log(`The database already holds ${existing} events; example events not loaded.`);
      const aliases = await prisma.$transaction((tx) => seedStateAliases(tx), { timeout: 60_000 });
      if (aliases.added > 0) console.log(`Added ${aliases.added} built-in aliases to ${aliases.states} states.`);
      return;
    }
    const result = await loadExampleData(prisma, readExampleData(EXAMPLE_FILE));
    console.log(`Loaded ${result.events} example events and ${result.actors} actors from prisma/example-events.json.`);
  } finally {
    await prisma.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main(seedIfEmpty);
}

import { afterAll, inject } from "vitest";
import { closeEngines } from "@/lib/db/engine";
import { copyBase } from "./test-database";

// Modules that use the app's shared client (lib/db) read DATABASE_URL when first imported:
// point it at a fresh copy of the base database for each test file.
const copy = await copyBase(inject("baseDatabase"));
process.env.DATABASE_URL = copy.url;
delete (globalThis as { demarchePrisma?: unknown }).demarchePrisma;

afterAll(async () => {
  const shared = (globalThis as { demarchePrisma?: { $disconnect: () => Promise<void> } }).demarchePrisma;
  await shared?.$disconnect();
  delete (globalThis as { demarchePrisma?: unknown }).demarchePrisma;
  // The bulk readers (timeline, exports) hold their own connections to the copy.
  await closeEngines();
  await copy.dispose();
});

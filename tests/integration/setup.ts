import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Modules that use the app's shared client (lib/db) read DATABASE_URL when first imported:
// point it at a fresh copy of the base database for each test file.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-app-db-"));
const file = path.join(dir, "app.db");
fs.copyFileSync(inject("baseDatabaseFile"), file);
process.env.DATABASE_URL = `file:${file}`;
delete (globalThis as { demarchePrisma?: unknown }).demarchePrisma;

afterAll(async () => {
  const shared = (globalThis as { demarchePrisma?: { $disconnect: () => Promise<void> } }).demarchePrisma;
  await shared?.$disconnect();
  delete (globalThis as { demarchePrisma?: unknown }).demarchePrisma;
  fs.rmSync(dir, { recursive: true, force: true });
});

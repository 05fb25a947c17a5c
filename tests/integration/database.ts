import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";

export type TestDatabase = { file: string; url: string; prisma: PrismaClient; dispose: () => Promise<void> };

/** A fresh copy of the migrated base database, with its own client. */
export function createTestDatabase(): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-db-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(inject("baseDatabaseFile"), file);
  const target = resolveDatabaseTarget(file);
  const prisma = createPrismaClient(target);
  return {
    file,
    url: target.url,
    prisma,
    dispose: async () => {
      await prisma.$disconnect();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

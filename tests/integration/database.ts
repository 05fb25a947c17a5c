import { inject } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { engineOf } from "@/lib/db/engine";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { copyBase } from "./test-database";

export type TestDatabase = {
  provider: "sqlite" | "postgresql";
  url: string;
  /** The SQLite file, or null on PostgreSQL. */
  file: string | null;
  prisma: PrismaClient;
  dispose: () => Promise<void>;
};

/** A fresh copy of the migrated base database, with its own client. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = inject("baseDatabase");
  const copy = await copyBase(base);
  const prisma = createPrismaClient(resolveDatabaseTarget(copy.url));
  return {
    provider: base.provider,
    url: copy.url,
    file: copy.file,
    prisma,
    dispose: async () => {
      // The engine's fast readers (the exports' ids come from its facet index) hold connections too.
      await engineOf(prisma).closeReaders();
      await prisma.$disconnect();
      await copy.dispose();
    },
  };
}

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * The adapter factory the Prisma CLI uses for SQLite (prisma.config.ts).
 *
 * `migrate diff --from-migrations` replays each migration file into a shadow database with
 * a single `executeRaw`, which better-sqlite3 refuses for multi-statement scripts (P3006).
 * On the shadow connection only, such scripts are run with `executeScript` instead, which
 * makes the offline drift check possible (see docs/decisions/0001-prisma-js-engine.md).
 */
export function createMigrationAdapterFactory(url: string) {
  const base = new PrismaBetterSQLite3({ url, timeout: 10_000 });
  return {
    provider: "sqlite" as const,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    async connectToShadowDb(): Promise<SqliteAdapter> {
      const shadow = await base.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          if (query.args.length === 0 && /more than one statement/.test(String(error))) {
            await shadow.executeScript(query.sql);
            return 0;
          }
          throw error;
        }
      };
      return shadow;
    },
  };
}

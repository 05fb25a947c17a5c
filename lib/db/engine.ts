import type { Db, PrismaClient } from "@/lib/db/client";
import { postgresEngine } from "@/lib/db/postgres";
import { sqliteEngine } from "@/lib/db/sqlite";
import type { EventPage } from "@/lib/db/event-page-rows";
import type { DatabaseTarget } from "@/lib/db/url";
import type { EventSnapshot } from "@/lib/events/snapshot";
import type { IndexSource } from "@/lib/timeline/facet-index";

/**
 * Everything that differs between SQLite and PostgreSQL, behind one interface
 * (docs/decisions/0009-one-engine-layer.md). `lib/db/sqlite/` and `lib/db/postgres/` each
 * implement it; nothing else in lib/ asks which engine it runs on. Code that holds a
 * database handle (a Prisma client or a transaction) gets its engine with `engineOf(db)`;
 * the handle's engine is fixed when `createPrismaClient` builds it, so a helper never reads
 * DATABASE_URL behind its caller's back.
 */
export interface Engine {
  readonly provider: DatabaseTarget["provider"];
  /** The database it serves, as a stable key (the facet store keeps one index per key). */
  readonly key: string;
  /** A new Prisma client for this database (use `createPrismaClient`, which also tags it with this engine). */
  createClient(): PrismaClient;
  /** The timeline's bulk reads (facet index, change log, search) through the engine's fast reader. */
  readonly timeline: TimelineSource;
  /** The same word search as `timeline.search`, through a Prisma client or transaction (the same SQL). */
  searchIds(db: Db, words: readonly string[]): Promise<number[]>;
  /**
   * One public event with everything its page shows (lib/db/event-page-rows.ts), or null when
   * it does not exist or is not public: one prepared statement through the engine's fast
   * reader, so the event page, its embed, oEmbed and the API's event skip Prisma's per-query
   * compile and its query per relation. It sees committed writes only.
   */
  eventPage(id: number): Promise<EventPage | null>;
  /** Full snapshots through the engine's fast reader: the large exports. */
  snapshotLoader(): SnapshotLoader;
  /** Full snapshots through a Prisma client or transaction: small exports, scripts and tests. */
  prismaSnapshotLoader(db: Db): SnapshotLoader;
  /**
   * Inserts many rows into one table, several hundred per statement, each statement taking
   * all its rows as a single JSON parameter. Prisma's createMany costs more in its query
   * compiler than the database spends inserting. Every row must have the same keys (the
   * table's column names); columns not given take their defaults. Instants are written as
   * the engine's Prisma adapter writes them, so Prisma reads them back unchanged.
   */
  insertRows(db: Db, table: string, rows: readonly BulkRow[]): Promise<void>;
  /**
   * Makes the current transaction check foreign keys at commit instead of at each
   * statement, so rows may refer to rows written later in the same transaction (an import
   * file lists an event before the older one it responds to). Call first thing inside the
   * transaction; it ends with the transaction.
   */
  deferForeignKeys(tx: Db): Promise<void>;
  /**
   * Lets the current transaction wait for locks as long as it takes (an import, which must
   * not give up halfway), where every other write waits at most `busyWaitMs()` and then
   * reports a busy database (lib/db/busy.ts). Ends with the transaction.
   */
  waitWithoutLimit(tx: Db): Promise<void>;
  /**
   * After rows were inserted with explicit ids (an import or a restore keeps the file's
   * ids), moves each table's id generator past the largest id, so the next row created the
   * usual way does not collide.
   */
  syncIdSequences(tx: Db, tables: readonly IdTable[]): Promise<void>;
  /**
   * Serialises the current transaction with every other one that asks for the same keys,
   * until it ends (the sign-in limit's reservation, lib/auth/rate-limit.ts). PostgreSQL takes
   * transaction-scoped advisory locks, in the order given; on SQLite the transaction's first
   * write takes the database's write lock, which already serialises it, so nothing is done.
   */
  lockKeys(tx: Db, keys: readonly { namespace: number; key: string }[]): Promise<void>;
  /** Closes the fast reader's connections (tests and benchmarks that switch databases); it reopens on the next use. */
  closeReaders(): Promise<void>;
}

/**
 * The timeline's engine-specific reads: the facet index's bulk load, its change log and the
 * full-text search. Both engines give the same results for the same data
 * (tests/integration/timeline-source.test.ts, docs/decisions/0004-timeline-performance.md).
 */
export interface TimelineSource {
  /** The database it reads (the facet store keeps one index per key). */
  readonly key: string;
  /** The sequence number of the last change-log entry (0 when there is none). */
  latestChange(): Promise<number>;
  /** The public events' filter columns in timeline order, read in one snapshot with the last sequence number it includes. */
  loadAll(): Promise<{ seq: number; source: IndexSource }>;
  /** The events changed after `seq`, and the sequence number up to which they were read. */
  changesSince(seq: number): Promise<{ seq: number; eventIds: number[] }>;
  /** The current filter columns of those of `ids` that are public now (any order). */
  loadEvents(ids: readonly number[]): Promise<IndexSource>;
  /**
   * Ids (ascending) of the events, whatever their status, whose folded search text has every
   * word at the start of one of its words: "sanction" finds "sanctions", "gencoglu" finds
   * "gençoğlu". Words are letters and digits only (lib/timeline/filters.ts).
   */
  search(words: readonly string[]): Promise<number[]>;
}

/** Loads the snapshots of the given events, in the order of `ids` (ids that do not exist are skipped). */
export type SnapshotLoader = (ids: readonly number[], options: { publicRelationsOnly: boolean }) => Promise<EventSnapshot[]>;

/** One row for `insertRows`: column name to value. */
export type BulkRow = Record<string, string | number | Date | null>;

/** Tables whose rows the import may insert with the ids from the file. */
export type IdTable = "Event" | "Actor" | "EventRevision";

// One engine per database per process (their readers are opened once); dev-mode hot reloads keep them.
const globalForEngines = globalThis as unknown as { demarcheEngines?: Map<string, Engine> };

/** The engine of a database: the only place in lib/ that chooses by provider. */
export function engineFor(target: DatabaseTarget): Engine {
  const engines = (globalForEngines.demarcheEngines ??= new Map());
  // A SQLite target's url is its absolute file: one key per database either way.
  let engine = engines.get(target.url);
  if (!engine) {
    engine = target.provider === "postgresql" ? postgresEngine(target.url) : sqliteEngine(target.file, target.url);
    engines.set(target.url, engine);
  }
  return engine;
}

/** Closes every engine's fast readers (the end of a test file or a benchmark run). */
export async function closeEngines(): Promise<void> {
  for (const engine of globalForEngines.demarcheEngines?.values() ?? []) await engine.closeReaders();
}

/**
 * Where a client carries its engine. A symbol property: Prisma's interactive-transaction
 * and `$extends` clients are proxies over the client they came from and pass it through, so
 * a transaction knows its engine too.
 */
const ENGINE = Symbol.for("demarche.engine");

/** Tags a client with its engine (createPrismaClient does this for every client it builds). */
export function withEngine<T extends object>(client: T, engine: Engine): T {
  Object.defineProperty(client, ENGINE, { value: engine, enumerable: false });
  return client;
}

/** The engine of a Prisma client or transaction built by createPrismaClient. */
export function engineOf(db: Db): Engine {
  const engine = (db as { [ENGINE]?: Engine })[ENGINE];
  if (!engine) throw new Error("This database handle was not built by createPrismaClient (lib/db/client.ts), so its engine is unknown.");
  return engine;
}

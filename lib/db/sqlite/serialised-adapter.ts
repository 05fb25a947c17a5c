import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DriverAdapterError, type IsolationLevel, type SqlDriverAdapter, type SqlQuery, type SqlResultSet, type Transaction } from "@prisma/driver-adapter-utils";
import { busyWaitMs } from "@/lib/db/busy";

type Config = ConstructorParameters<typeof PrismaBetterSQLite3>[0];

/**
 * A FIFO async lock: `acquire` resolves with the function that releases it (idempotent). With
 * a wait bound it rejects with a SocketTimeout driver error (Prisma's P1008, "busy") when the
 * lock is not free in time; its place in the queue is then passed straight on.
 */
export class AsyncMutex {
  #tail: Promise<void> = Promise.resolve();

  async acquire(waitMs?: number): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => held);
    let released = false;
    const releaseOnce = () => {
      if (released) return;
      released = true;
      release();
    };
    if (waitMs === undefined) {
      await previous;
      return releaseOnce;
    }
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), waitMs)));
    const outcome = await Promise.race([previous.then(() => "acquired" as const), gaveUp]);
    clearTimeout(timer);
    if (outcome === "acquired") return releaseOnce;
    // Whoever queued behind us must not wait for a holder that left.
    void previous.then(releaseOnce);
    throw new DriverAdapterError({ kind: "SocketTimeout" });
  }

  async run<T>(work: () => Promise<T>, waitMs?: number): Promise<T> {
    const release = await this.acquire(waitMs);
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** Plain SELECTs may go to the read-only connection; anything else (RETURNING, PRAGMA…) is a write. */
function isRead(sql: string): boolean {
  return /^\s*SELECT\b/i.test(sql);
}

function isStatement(sql: string, word: "COMMIT" | "ROLLBACK"): boolean {
  return new RegExp(`^\\s*${word}\\b`, "i").test(sql);
}

/**
 * A transaction on the shared write connection that releases the adapter's lock however it
 * ends. Prisma ends a transaction by sending `COMMIT`/`ROLLBACK` through `executeRaw` and only
 * then calling `commit()`/`rollback()`; when that statement throws (SQLITE_FULL, a deferred
 * foreign key violated at commit) it never calls them, and the lock would be held forever.
 */
class SerialisedTransaction implements Transaction {
  readonly provider: Transaction["provider"];
  readonly adapterName: string;
  readonly options: Transaction["options"];
  #inner: Transaction;
  #release: () => void;
  #done = false;

  constructor(inner: Transaction, release: () => void) {
    this.#inner = inner;
    this.#release = release;
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
    this.options = inner.options;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.#inner.queryRaw(query);
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    const ending = isStatement(query.sql, "COMMIT") || isStatement(query.sql, "ROLLBACK");
    if (!ending) return this.#inner.executeRaw(query);
    try {
      return await this.#inner.executeRaw(query);
    } catch (error) {
      // A failed COMMIT leaves SQLite's transaction open: roll it back so the connection is
      // usable again, free the lock, and let Prisma report the original error.
      if (isStatement(query.sql, "COMMIT")) {
        await this.#inner.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] }).catch(() => undefined);
      }
      await this.#finish("rollback");
      throw error;
    }
  }

  commit(): Promise<void> {
    return this.#finish("commit");
  }

  rollback(): Promise<void> {
    return this.#finish("rollback");
  }

  async #finish(how: "commit" | "rollback"): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    try {
      await (how === "commit" ? this.#inner.commit() : this.#inner.rollback());
    } finally {
      this.#release();
    }
  }
}

/**
 * The SQLite driver adapter the app's Prisma client receives (decision 0008).
 *
 * better-sqlite3 gives a process one connection, and a Prisma interactive transaction issues
 * `BEGIN` on it: without this wrapper, any query from another request that arrives before the
 * `COMMIT` runs inside that transaction (it sees uncommitted rows, and its writes vanish if
 * the transaction rolls back). Here:
 * - every write and every transaction takes one async lock, so a write outside a
 *   transaction waits until the open one has ended;
 * - plain SELECTs outside a transaction go to a second, read-only connection, which in WAL
 *   mode sees only committed data and does not wait for the lock;
 * - the lock is released however a transaction ends, including when COMMIT throws.
 */
export class SerialisedSqliteAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter["provider"];
  readonly adapterName: string;
  readonly getConnectionInfo?: SqlDriverAdapter["getConnectionInfo"];
  #writer: SqlDriverAdapter;
  #openReader: (() => Promise<SqlDriverAdapter>) | undefined;
  #reader: Promise<SqlDriverAdapter> | undefined;
  #lock = new AsyncMutex();
  #waitMs: () => number;

  constructor(writer: SqlDriverAdapter, openReader: (() => Promise<SqlDriverAdapter>) | undefined, waitMs: () => number = busyWaitMs) {
    this.#writer = writer;
    this.#waitMs = waitMs;
    this.#openReader = openReader;
    this.provider = writer.provider;
    this.adapterName = writer.adapterName;
    const connectionInfo = writer.getConnectionInfo?.bind(writer);
    if (connectionInfo) this.getConnectionInfo = connectionInfo;
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (this.#openReader && isRead(query.sql)) {
      this.#reader ??= this.#openReader();
      return (await this.#reader).queryRaw(query);
    }
    return this.#lock.run(() => this.#writer.queryRaw(query), this.#waitMs());
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.#lock.run(() => this.#writer.executeRaw(query), this.#waitMs());
  }

  executeScript(script: string): Promise<void> {
    return this.#lock.run(() => this.#writer.executeScript(script), this.#waitMs());
  }

  /**
   * Prisma's `maxWait` does not stop a transaction from waiting for the adapter: it waits for
   * `startTransaction` however long it takes and only then reports P2028. So the wait is
   * bounded here, for transactions and single writes alike (lib/db/busy.ts).
   */
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.#lock.acquire(this.#waitMs());
    try {
      return new SerialisedTransaction(await this.#writer.startTransaction(isolationLevel), release);
    } catch (error) {
      release();
      throw error;
    }
  }

  async dispose(): Promise<void> {
    const reader = this.#reader;
    this.#reader = undefined;
    try {
      await this.#writer.dispose();
    } finally {
      if (reader) await (await reader).dispose();
    }
  }
}

/**
 * Drop-in replacement for `new PrismaBetterSQLite3(config)` that serialises writes and
 * transactions and sends reads to a read-only connection (in-memory databases, which a second
 * connection cannot see, keep every query on the write connection behind the lock).
 */
export class PrismaSerialisedSQLite3 {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  #config: Config;
  #base: PrismaBetterSQLite3;

  constructor(config: Config) {
    this.#config = config;
    this.#base = new PrismaBetterSQLite3(config);
    this.adapterName = this.#base.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const writer = await this.#base.connect();
    const file = this.#config.url.replace(/^file:/, "");
    const inMemory = file === ":memory:" || file === "";
    const openReader = inMemory
      ? undefined
      : () => new PrismaBetterSQLite3({ ...this.#config, readonly: true, fileMustExist: true }).connect();
    return new SerialisedSqliteAdapter(writer, openReader);
  }
}

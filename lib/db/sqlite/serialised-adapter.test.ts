import type { SqlDriverAdapter, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { describe, expect, it } from "vitest";
import { SerialisedSqliteAdapter } from "@/lib/db/sqlite/serialised-adapter";

const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });
const emptyResult = { columnNames: [], columnTypes: [], rows: [] };

/** A stand-in for the better-sqlite3 adapter that logs what reaches it. */
function fakeAdapter(log: string[], failing: RegExp | null = null): SqlDriverAdapter {
  const run = (prefix: string) => async (query: SqlQuery) => {
    log.push(`${prefix}${query.sql}`);
    if (failing?.test(query.sql)) throw new Error(`SQLITE_FULL: ${query.sql}`);
    return 0;
  };
  const transaction: Transaction = {
    provider: "sqlite",
    adapterName: "fake",
    options: { usePhantomQuery: false },
    queryRaw: async (query) => (log.push(`tx:${query.sql}`), emptyResult),
    executeRaw: run("tx:"),
    commit: async () => void log.push("tx:commit()"),
    rollback: async () => void log.push("tx:rollback()"),
  };
  return {
    provider: "sqlite",
    adapterName: "fake",
    queryRaw: async (query) => (log.push(query.sql), emptyResult),
    executeRaw: run(""),
    executeScript: async (script) => void log.push(script),
    startTransaction: async () => (log.push("BEGIN"), transaction),
    dispose: async () => undefined,
  };
}

const within = <T>(promise: Promise<T>, ms = 200) =>
  Promise.race([promise, new Promise<"timed out">((resolve) => setTimeout(() => resolve("timed out"), ms))]);

describe("SerialisedSqliteAdapter", () => {
  it("makes a write outside the transaction wait until the transaction has ended", async () => {
    const log: string[] = [];
    const adapter = new SerialisedSqliteAdapter(fakeAdapter(log), undefined);
    const tx = await adapter.startTransaction();
    const write = adapter.executeRaw(sql("INSERT outside"));
    await tx.executeRaw(sql("INSERT inside"));
    await tx.executeRaw(sql("ROLLBACK"));
    await tx.rollback();
    await write;
    expect(log).toEqual(["BEGIN", "tx:INSERT inside", "tx:ROLLBACK", "tx:rollback()", "INSERT outside"]);
  });

  it("sends SELECTs outside a transaction to the reader, without waiting", async () => {
    const log: string[] = [];
    const readerLog: string[] = [];
    const reader = fakeAdapter(readerLog);
    const adapter = new SerialisedSqliteAdapter(fakeAdapter(log), async () => reader);
    await adapter.startTransaction();
    expect(await within(adapter.queryRaw(sql("SELECT 1")))).toEqual(emptyResult);
    expect(readerLog).toEqual(["SELECT 1"]);
    expect(await within(adapter.queryRaw(sql("INSERT INTO t DEFAULT VALUES RETURNING id")))).toBe("timed out");
  });

  it("rolls back and frees the lock when COMMIT throws, and reports the error", async () => {
    const log: string[] = [];
    const adapter = new SerialisedSqliteAdapter(fakeAdapter(log, /^COMMIT$/), undefined);
    const tx = await adapter.startTransaction();
    await expect(tx.executeRaw(sql("COMMIT"))).rejects.toThrow(/SQLITE_FULL/);
    expect(await within(adapter.executeRaw(sql("INSERT next")))).toBe(0);
    expect(log).toEqual(["BEGIN", "tx:COMMIT", "tx:ROLLBACK", "tx:rollback()", "INSERT next"]);
  });

  it("frees the lock when ROLLBACK throws", async () => {
    const log: string[] = [];
    const adapter = new SerialisedSqliteAdapter(fakeAdapter(log, /^ROLLBACK$/), undefined);
    const tx = await adapter.startTransaction();
    await expect(tx.executeRaw(sql("ROLLBACK"))).rejects.toThrow(/SQLITE_FULL/);
    expect(await within(adapter.executeRaw(sql("INSERT next")))).toBe(0);
  });
});

describe("the bounded wait for the write lock (issue 11, item 7)", () => {
  it("gives up with a busy error after the wait, keeps the queue moving, and the next write goes through", async () => {
    const log: string[] = [];
    const adapter = new SerialisedSqliteAdapter(fakeAdapter(log), undefined, () => 50);
    const long = await adapter.startTransaction();
    const started = Date.now();
    const busy = await adapter.executeRaw(sql("INSERT busy")).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(busy).toMatchObject({ name: "DriverAdapterError", cause: { kind: "SocketTimeout" } });
    const busyTransaction = await adapter.startTransaction().catch((error: unknown) => error);
    expect(busyTransaction).toMatchObject({ cause: { kind: "SocketTimeout" } });
    // Queued behind the transaction, not yet timed out: runs as soon as it ends.
    const queued = adapter.executeRaw(sql("INSERT queued"));
    await long.commit();
    await queued;
    await adapter.executeRaw(sql("INSERT after"));
    expect(log).not.toContain("INSERT busy");
    expect(log.slice(-2)).toEqual(["INSERT queued", "INSERT after"]);
  });
});

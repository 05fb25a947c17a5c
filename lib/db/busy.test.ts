import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { afterEach, describe, expect, it } from "vitest";
import { busyWaitMs, DEFAULT_BUSY_WAIT_MS, isDatabaseBusy } from "@/lib/db/busy";

const withCode = (code: string) => Object.assign(new Error("x"), { code });

describe("isDatabaseBusy", () => {
  it("recognises the busy errors of both engines, by code", () => {
    expect(isDatabaseBusy(withCode("P1008"))).toBe(true);
    expect(isDatabaseBusy(withCode("P2028"))).toBe(true);
    expect(isDatabaseBusy(new DriverAdapterError({ kind: "SocketTimeout" }))).toBe(true);
    const lockTimeout = new DriverAdapterError({ kind: "postgres", code: "55P03", severity: "ERROR", message: "m", detail: undefined, column: undefined, hint: undefined, originalCode: "55P03", originalMessage: "m" });
    expect(isDatabaseBusy(lockTimeout)).toBe(true);
    const wrapped = Object.assign(new Error("raw"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: "55P03" } } } });
    expect(isDatabaseBusy(wrapped)).toBe(true);
  });

  it("does not take other failures for a busy database", () => {
    expect(isDatabaseBusy(withCode("P2002"))).toBe(false);
    expect(isDatabaseBusy(new DriverAdapterError({ kind: "UniqueConstraintViolation", constraint: undefined }))).toBe(false);
    expect(isDatabaseBusy(new Error("The database is busy"))).toBe(false);
    expect(isDatabaseBusy("P1008")).toBe(false);
    expect(isDatabaseBusy(null)).toBe(false);
  });
});

describe("busyWaitMs", () => {
  afterEach(() => {
    delete process.env.DEMARCHE_DB_BUSY_WAIT_MS;
  });

  it("reads DEMARCHE_DB_BUSY_WAIT_MS within its bounds; unset or empty is the default, anything else an error naming it", () => {
    expect(busyWaitMs()).toBe(DEFAULT_BUSY_WAIT_MS);
    expect(DEFAULT_BUSY_WAIT_MS).toBe(5_000);
    process.env.DEMARCHE_DB_BUSY_WAIT_MS = "1500";
    expect(busyWaitMs()).toBe(1500);
    process.env.DEMARCHE_DB_BUSY_WAIT_MS = "";
    expect(busyWaitMs()).toBe(DEFAULT_BUSY_WAIT_MS);
    for (const bad of ["abc", "10", "999999", "1.5"]) {
      process.env.DEMARCHE_DB_BUSY_WAIT_MS = bad;
      expect(() => busyWaitMs(), bad).toThrow(`DEMARCHE_DB_BUSY_WAIT_MS="${bad}": DEMARCHE_DB_BUSY_WAIT_MS must be a whole number from 100 to 120000`);
    }
  });
});

import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, readEnv } from "./env";

describe("parseEnv", () => {
  it("gives every default for an empty environment, and treats empty values as unset", () => {
    const env = parseEnv({ PORT: "", DATABASE_POOL_SIZE: " " });
    expect(env).toMatchObject({ PORT: 3000, DATABASE_POOL_SIZE: 10, DEMARCHE_DB_BUSY_WAIT_MS: 5_000, DEMARCHE_TRUSTED_PROXIES: 0, DEMARCHE_API_RATE_LIMIT: 120, DEMARCHE_API_RATE_WINDOW: 60, IMPORT_VERBOSE: "0" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DEMARCHE_PUBLIC_URL).toBeUndefined();
    expect(env.IMPORT_UPLOAD_DIR).toMatch(/demarche-imports$/);
  });

  it("parses good values", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_POOL_SIZE: "4", DEMARCHE_PUBLIC_URL: "https://demarche.example/path", DEMARCHE_TRUSTED_PROXIES: " 2 ", DEMARCHE_TEST_DATABASE: "postgresql" });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_POOL_SIZE: 4, DEMARCHE_PUBLIC_URL: "https://demarche.example", DEMARCHE_TRUSTED_PROXIES: 2, DEMARCHE_TEST_DATABASE: "postgresql" });
  });

  it.each([
    ["DATABASE_POOL_SIZE", "abc"],
    ["DATABASE_POOL_SIZE", "0"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
    ["DEMARCHE_DB_BUSY_WAIT_MS", "10"],
    ["DEMARCHE_TRUSTED_PROXIES", "-1"],
    ["DEMARCHE_API_RATE_WINDOW", "1e3"],
    ["DEMARCHE_PUBLIC_URL", "ftp://x.example"],
    ["IMPORT_VERBOSE", "yes"],
  ])("refuses %s=%s with a message naming the variable and the value", (name, value) => {
    let error: unknown;
    try {
      parseEnv({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toHaveLength(1);
    expect((error as EnvError).message).toContain(`${name}=${JSON.stringify(value)}: ${name} must be`);
    expect((error as EnvError).message).not.toMatch(/NaN/);
  });

  it("lists every bad variable at once and never prints a value that may hold a password", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "x", DEMARCHE_POSTGRES_URL: "mysql://u:secret@h/db" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toHaveLength(2);
    expect((error as EnvError).message).toContain("DEMARCHE_POSTGRES_URL=(value not shown)");
    expect((error as EnvError).message).not.toContain("secret");
  });
});

describe("readEnv", () => {
  it("parses process.env again when a variable it reads changed", () => {
    const before = process.env.DATABASE_POOL_SIZE;
    try {
      process.env.DATABASE_POOL_SIZE = "3";
      expect(readEnv().DATABASE_POOL_SIZE).toBe(3);
      process.env.DATABASE_POOL_SIZE = "7";
      expect(readEnv().DATABASE_POOL_SIZE).toBe(7);
      process.env.DATABASE_POOL_SIZE = "seven";
      expect(() => readEnv()).toThrow('DATABASE_POOL_SIZE="seven"');
    } finally {
      if (before === undefined) delete process.env.DATABASE_POOL_SIZE;
      else process.env.DATABASE_POOL_SIZE = before;
    }
  });
});

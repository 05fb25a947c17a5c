/**
 * Test databases for the integration suite, on SQLite (default) or PostgreSQL
 * (DEMARCHE_TEST_DATABASE=postgresql, with DEMARCHE_POSTGRES_URL naming a server and a role
 * that may create databases).
 *
 * The global setup migrates one base database per run; every test file then gets a copy:
 * a file copy on SQLite, `CREATE DATABASE … TEMPLATE base` on PostgreSQL.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runOnServer, withDatabaseName } from "../../lib/db/postgres-admin";

export type TestProvider = "sqlite" | "postgresql";

export type BaseDatabase = { provider: "sqlite"; file: string } | { provider: "postgresql"; serverUrl: string; name: string };

export function testProvider(): TestProvider {
  const value = process.env.DEMARCHE_TEST_DATABASE ?? "sqlite";
  if (value !== "sqlite" && value !== "postgresql") {
    throw new Error(`DEMARCHE_TEST_DATABASE must be "sqlite" or "postgresql", not "${value}"`);
  }
  return value;
}

export function postgresServerUrl(): string {
  const url = process.env.DEMARCHE_POSTGRES_URL;
  if (!url) {
    throw new Error(
      "The PostgreSQL test suite needs DEMARCHE_POSTGRES_URL, e.g. postgresql://demarche:demarche@localhost:5432/postgres " +
        "(a role allowed to create databases). See README: Running the PostgreSQL suite.",
    );
  }
  return url;
}

function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${crypto.randomBytes(4).toString("hex")}`;
}

/**
 * Drops a test database. WITH (FORCE) refuses (42501) when an autovacuum worker is in it,
 * as this role may not signal that worker; a plain DROP then makes autovacuum leave and waits.
 */
async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  try {
    await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    if ((error as { code?: unknown }).code !== "42501") throw error;
    await runOnServer(serverUrl, `DROP DATABASE IF EXISTS "${name}"`);
  }
}

/** Creates an empty database for the base (PostgreSQL) or picks a file (SQLite); returns its URL. */
export async function createEmptyBase(): Promise<{ base: BaseDatabase; url: string; dispose: () => Promise<void> }> {
  if (testProvider() === "postgresql") {
    const serverUrl = postgresServerUrl();
    const name = uniqueName("demarche_test_base");
    await runOnServer(serverUrl, `CREATE DATABASE "${name}"`);
    return {
      base: { provider: "postgresql", serverUrl, name },
      url: withDatabaseName(serverUrl, name),
      dispose: () => dropTestDatabase(serverUrl, name),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-test-"));
  const file = path.join(dir, "base.db");
  return {
    base: { provider: "sqlite", file },
    url: `file:${file}`,
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh copy of the migrated base database. */
export async function copyBase(base: BaseDatabase): Promise<{ url: string; file: string | null; dispose: () => Promise<void> }> {
  if (base.provider === "postgresql") {
    const name = uniqueName("demarche_test");
    await runOnServer(base.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${base.name}"`);
    return {
      url: withDatabaseName(base.serverUrl, name),
      file: null,
      dispose: () => dropTestDatabase(base.serverUrl, name),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-db-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(base.file, file);
  return { url: `file:${file}`, file, dispose: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

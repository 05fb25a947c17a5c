import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/sign-in";
import { isDatabaseBusy } from "@/lib/db/busy";
import { createEvent } from "@/lib/events/write";
import { exportCsvText } from "@/lib/export/export-text";
import { csvColumnOf, csvFileSource } from "@/lib/import/csv-source";
import { applyImport } from "@/lib/import/engine";
import { recoverImportRuns } from "@/lib/import/staged";
import { createUser } from "@/lib/users/write";
import { createTestDatabase } from "./database";
import { actorIdNamed, eventInput } from "./factories";
import { loadExamples } from "./example-data";

// Issue 11, item 7 (decision 0017): an import is checked and staged, then published in
// bounded transactions, so other writes take turns with it; all or nothing is kept by the
// staging table, through failures and kill -9.
process.env.DEMARCHE_DB_BUSY_WAIT_MS = "200";
const ROOT = path.resolve(import.meta.dirname, "../..");
const db = await createTestDatabase();
const prisma = db.prisma;
const PASSWORD = "correct horse battery staple";
const ROWS = 3_000;
let dir: string;
let header: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-staged-"));
  await loadExamples(prisma);
  russia = await actorIdNamed(prisma, "Russia");
  header = (parse(await exportCsvText(prisma)) as string[][])[0]!;
  await prisma.$transaction((tx) => createUser(tx, { email: "staged@example.org", name: null, role: "editor", password: PASSWORD }, null));
});

afterAll(async () => {
  delete process.env.DEMARCHE_DB_BUSY_WAIT_MS;
  await db.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A day per row, so that no row looks like a duplicate of another. */
const dayOf = (i: number) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** A CSV of ROWS new events titled `<prefix> <i>`; the last row has an impossible date when `failAtEnd`. */
function importFileOf(prefix: string, failAtEnd: boolean): string {
  const cell = (c: string, i: number) =>
    c === "title" ? `${prefix} ${i}` : c === "date" ? (failAtEnd && i === ROWS - 1 ? "2021-02-30" : dayOf(i)) : c === "type" ? "statement" : c === "initiators" ? "Russia" : "";
  const file = path.join(dir, `${prefix.replace(/\W/g, "-")}.csv`);
  fs.writeFileSync(file, [header.join(","), ...Array.from({ length: ROWS }, (_, i) => header.map((c) => cell(c, i)).join(",")), ""].join("\r\n"));
  return file;
}

let russia: number;
const input = (title: string) => eventInput({ title, date: "2022-04", status: "published", initiatorIds: [russia] });

const imported = (prefix: string) => prisma.event.count({ where: { title: { startsWith: `${prefix} ` } } });
const staging = async () => ({ runs: await prisma.importRun.count(), rows: await prisma.importStagedRow.count() });

/** Runs tests/integration/import-probe.ts and kills it (SIGKILL) once a line of its output matches `killAt`. */
function importKilledAt(file: string, killAt: RegExp, mode = ""): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // node itself with tsx's loader, not the tsx command: that one runs the script in a child
    // process, which a SIGKILL to the wrapper would leave running.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/import-probe.ts", db.url, file, mode], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: "bench/tsconfig.json" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const lines: string[] = [];
    let buffer = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        if (killAt.test(line)) child.kill("SIGKILL");
      }
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve(lines) : reject(new Error(`The import was not killed: ${lines.join(" | ")}`))));
  });
}

describe("a staged import", () => {
  it("lets a save and a sign-in through while it runs, then publishes every row", async () => {
    const file = importFileOf("Staged ok", false);
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    let importEnded = 0;
    const importing = applyImport(prisma, csvFileSource(file, 100), { userId: null, columnOf: csvColumnOf, onProgress: () => started() }).finally(
      () => (importEnded = Date.now()),
    );
    await running;
    let saveError: unknown = null;
    await prisma.$transaction((tx) => createEvent(tx, input("Saved during a staged import"), { userId: null })).catch((e: unknown) => (saveError = e));
    const savedAt = Date.now();
    const signedIn = await signIn(prisma, { email: "staged@example.org", password: PASSWORD, ip: "198.51.100.30" });
    const signedInAt = Date.now();
    const report = await importing;

    // Neither waited for the import's end, and neither was refused as busy (200 ms bound).
    expect(saveError === null ? "done" : isDatabaseBusy(saveError) ? "busy" : saveError).toBe("done");
    expect(signedIn.ok).toBe(true);
    expect(savedAt).toBeLessThan(importEnded);
    expect(signedInAt).toBeLessThan(importEnded);
    expect(report.applied).toBe(true);
    expect(report.creates).toBe(ROWS);
    expect(await imported("Staged ok")).toBe(ROWS);
    expect(await prisma.eventRevision.count({ where: { kind: "import", snapshot: { contains: "Staged ok" } } })).toBe(ROWS);
    expect(report.outcomes.every((o) => typeof o.id === "number" && o.id > 0)).toBe(true);
    expect(await staging()).toEqual({ runs: 0, rows: 0 });
  }, 120_000);

  it("leaves nothing, staged or visible, when a row fails", async () => {
    const report = await applyImport(prisma, csvFileSource(importFileOf("Staged failing", true), 100), { userId: null, columnOf: csvColumnOf });
    expect(report.applied).toBe(false);
    expect(report.errorRows).toBe(1);
    expect(await imported("Staged failing")).toBe(0);
    expect(await staging()).toEqual({ runs: 0, rows: 0 });
  }, 120_000);

  it("killed while checking, shows nothing and its staged rows are cleaned up", async () => {
    const lines = await importKilledAt(importFileOf("Staged killed", false), /^rows (1[5-9]|2\d)\d\d$/);
    expect(lines.some((l) => l.startsWith("rows"))).toBe(true);
    expect(await imported("Staged killed")).toBe(0);
    const left = await staging();
    expect(left.runs).toBe(1);
    expect(left.rows).toBeGreaterThan(0);
    // A run with a fresh heartbeat may still be running in another process: left alone.
    expect(await recoverImportRuns(prisma)).toEqual({ discarded: 0, finished: 0 });
    expect(await recoverImportRuns(prisma, 0)).toEqual({ discarded: 1, finished: 0 });
    expect(await staging()).toEqual({ runs: 0, rows: 0 });
    expect(await imported("Staged killed")).toBe(0);
  }, 120_000);

  it("killed while publishing an accepted file, is finished by recovery with every row once", async () => {
    await importKilledAt(importFileOf("Staged resumed", false), /^published 3$/, "slow-publish");
    const partial = await imported("Staged resumed");
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ROWS);
    expect(await recoverImportRuns(prisma, 0)).toEqual({ discarded: 0, finished: 1 });
    expect(await imported("Staged resumed")).toBe(ROWS);
    expect(await prisma.eventRevision.count({ where: { kind: "import", snapshot: { contains: "Staged resumed" } } })).toBe(ROWS);
    expect(await staging()).toEqual({ runs: 0, rows: 0 });
  }, 120_000);
});

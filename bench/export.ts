/**
 * `npm run bench:export`: export and import throughput and memory (figures only; nothing
 * asserts a timing). Prerequisite: the sqlite3 command-line tool (`apt-get install -y sqlite3`),
 * the practical ceiling the exporter is compared with (and psql with --database).
 *
 * 1. Builds (once; reused from data/bench/, git-ignored) databases of 10k, 100k and 1M events
 *    (bench/generate.ts, shared with bench:timeline); with --database postgresql://… (a
 *    server and a role that may create databases), their PostgreSQL twins on that server.
 * 2. Serves the production build on each and measures GET /export.csv (no filter and with a
 *    filter): rows/s and the peak RSS of the server process tree, while /login is requested
 *    every 200 ms (median and max latency, beside its idle latency) to show the export
 *    does not block the server. `measureExport` measures one running server of any engine.
 * 3. Runs `sqlite3 -csv` (or `psql \copy (…) TO STDOUT CSV`) with the same columns and order
 *    on the same database.
 * 4. Imports the 100k export into an empty database with `npm run import` (rows/s, peak RSS).
 *
 * Options: --rebuild (rebuild the databases), --skip-import, --sizes=10000,1000000 (--sizes= for
 * the import alone), --database <PostgreSQL server URL>.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabaseTarget } from "../lib/db/url";
import { exportCsvText } from "../lib/export/export-text";
import { hashBuildInputs, isBuildFresh, writeBuildStamp } from "../scripts/lib/build-freshness";
import { recreatePostgresDatabase, withDatabaseName } from "../lib/db/postgres-admin";
import { migrateDatabase } from "../scripts/lib/migrate";
import { bin, CommandFailed, main, ROOT, run } from "../scripts/lib/run";
import { benchDatabaseFile, generateBenchDatabase } from "./generate";
import { loadIntoPostgres } from "./postgres-load";

const BENCH_DIR = path.join(ROOT, "data", "bench");
const PORT = Number(process.env.BENCH_PORT ?? 3203);
const FILTER = "type=sanctions-imposed&from=2000";

const args = process.argv.slice(2);
const rebuild = args.includes("--rebuild");
const sizes = (args.find((a) => a.startsWith("--sizes="))?.slice(8) ?? "10000,1000000").split(",").map(Number).filter((n) => n > 0);
const databaseAt = args.indexOf("--database");
const postgresServer = databaseAt >= 0 ? args[databaseAt + 1] : undefined;
if (databaseAt >= 0 && !/^postgres(ql)?:\/\//.test(postgresServer ?? "")) {
  throw new Error("--database takes a PostgreSQL server URL, e.g. postgresql://user:password@localhost:5432/postgres");
}
const engine = postgresServer ? "PostgreSQL" : "SQLite";

type Sample = { peakRss: number; baselineRss: number };

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function sampler(pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, treeRss(pid));
    },
  };
}

/**
 * Counts CSV records in a byte stream: line feeds outside quoted fields (the export and
 * sqlite3 end records with CRLF, psql with LF; quoted fields may hold line breaks). A
 * doubled quote inside a field toggles twice, so it changes nothing.
 */
function recordCounter() {
  let count = 0;
  let quoted = false;
  return {
    add(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i] as number;
        if (byte === 34) quoted = !quoted;
        else if (byte === 10 && !quoted) count += 1;
      }
    },
    count: () => count,
  };
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

function databaseFor(count: number): string {
  const file = benchDatabaseFile(ROOT, count);
  if (rebuild || !fs.existsSync(file)) {
    const started = Date.now();
    process.stdout.write(`Building ${file} (${count} events)… `);
    generateBenchDatabase(file, count);
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return file;
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const server = spawn(bin("next"), ["start", "--port", String(PORT)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 200; i++) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/events/1`);
      await response.arrayBuffer();
      return server;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  server.kill();
  throw new CommandFailed("The server did not start.");
}

/** SIGTERM, then SIGKILL after 5 s: Next.js waits for open keep-alive connections before exiting. */
async function stopServer(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

/** A cheap page that needs the server but not the export: its latency shows whether the export blocks others. */
const PROBE_PATH = "/login";

type ProbeStats = { count: number; medianMs: number; maxMs: number };

/**
 * Requests PROBE_PATH one after another, 200 ms apart, until stopped; their latencies. The
 * probes take server time from the export they measure; spaced out, they cost it little.
 */
function probeLatency(baseUrl: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await (await fetch(`${baseUrl}${PROBE_PATH}`)).arrayBuffer();
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    async stop(): Promise<ProbeStats> {
      running = false;
      await loop;
      const sorted = [...latencies].sort((a, b) => a - b);
      return { count: sorted.length, medianMs: sorted[Math.floor(sorted.length / 2)] ?? 0, maxMs: sorted.at(-1) ?? 0 };
    },
  };
}

type ExportResult = { rows: number; ms: number; bytes: number; probes: ProbeStats; idleProbes: ProbeStats } & Sample;

/**
 * Measures one running server (any engine): downloads `/export.csv?<query>` to its end,
 * counting records, while sampling the RSS of the server's process tree and timing probe
 * requests to another page. The probes' idle latency is taken first for comparison.
 */
async function measureExport(baseUrl: string, serverPid: number, query: string): Promise<ExportResult> {
  const idle = probeLatency(baseUrl);
  await new Promise((r) => setTimeout(r, 1000));
  const idleProbes = await idle.stop();
  const baselineRss = treeRss(serverPid);
  const memory = sampler(serverPid);
  const probes = probeLatency(baseUrl);
  const started = performance.now();
  // Uncompressed, like sqlite3's output: compression belongs to the proxy in front, and
  // Next's gzip of a text stream would measure zlib rather than the export.
  const response = await fetch(`${baseUrl}/export.csv${query ? `?${query}` : ""}`, { headers: { "accept-encoding": "identity" } });
  let bytes = 0;
  const lines = recordCounter();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.length;
    lines.add(value);
  }
  const ms = performance.now() - started;
  return { rows: lines.count() - 1, ms, bytes, probes: await probes.stop(), idleProbes, peakRss: memory.stop(), baselineRss };
}

/** The same columns in the same order, straight from the database: the ceiling. */
function ceilingSql(where: string): string {
  if (postgresServer) {
    const names = (role: string, column: string) =>
      `(SELECT string_agg(a."${column}", '; ' ORDER BY p."position") FROM "EventParticipant" p JOIN "Actor" a ON a."id" = p."actorId" WHERE p."eventId" = e."id" AND p."role" = '${role}')`;
    const sources = (column: string) => `(SELECT string_agg("${column}", '; ' ORDER BY "position") FROM "Source" WHERE "eventId" = e."id")`;
    return `SELECT e."id",
      substr(e."dateStart", 1, CASE e."datePrecision" WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END) AS date,
      e."datePrecision" AS date_precision, e."dateStart" AS date_start, e."dateEnd" AS date_end, e."endDate" AS end_date, e."type", e."title", e."summary",
      ${names("initiator", "name")} AS initiators, ${names("target", "name")} AS targets,
      ${names("initiator", "isoCode")} AS initiator_codes, ${names("target", "isoCode")} AS target_codes,
      e."legalBasis" AS legal_basis,
      (SELECT string_agg(t."name", '; ') FROM "EventTag" et JOIN "Tag" t ON t."id" = et."tagId" WHERE et."eventId" = e."id") AS tags,
      e."location", ${sources("url")} AS source_urls, ${sources("title")} AS source_titles,
      (SELECT string_agg(r."toId"::text, '; ') FROM "EventRelation" r JOIN "Event" t ON t."id" = r."toId" WHERE r."fromId" = e."id" AND r."kind" = 'responds-to' AND t."status" = 'published' AND t."deletedAt" IS NULL) AS responds_to,
      e."status", e."updatedAt" AS updated_at
    FROM "Event" e WHERE e."status" = 'published' AND e."deletedAt" IS NULL ${where}
    ORDER BY e."dateStart" DESC, e."id" DESC`;
  }
  const names = (role: string, column: string) =>
    `(SELECT group_concat(v, '; ') FROM (SELECT a.${column} AS v FROM EventParticipant p JOIN Actor a ON a.id = p.actorId WHERE p.eventId = e.id AND p.role = '${role}' ORDER BY p.position))`;
  return `SELECT e.id,
    substr(e.dateStart, 1, CASE e.datePrecision WHEN 'year' THEN 4 WHEN 'month' THEN 7 ELSE 10 END) AS date,
    e.datePrecision AS date_precision, e.dateStart AS date_start, e.dateEnd AS date_end, e.endDate AS end_date, e.type, e.title, e.summary,
    ${names("initiator", "name")} AS initiators, ${names("target", "name")} AS targets,
    ${names("initiator", "isoCode")} AS initiator_codes, ${names("target", "isoCode")} AS target_codes,
    e.legalBasis AS legal_basis,
    (SELECT group_concat(t.name, '; ') FROM EventTag et JOIN Tag t ON t.id = et.tagId WHERE et.eventId = e.id) AS tags,
    e.location,
    (SELECT group_concat(url, '; ') FROM (SELECT url FROM Source WHERE eventId = e.id ORDER BY position)) AS source_urls,
    (SELECT group_concat(title, '; ') FROM (SELECT title FROM Source WHERE eventId = e.id ORDER BY position)) AS source_titles,
    (SELECT group_concat(r.toId, '; ') FROM EventRelation r JOIN Event t ON t.id = r.toId WHERE r.fromId = e.id AND r.kind = 'responds-to' AND t.status = 'published' AND t.deletedAt IS NULL) AS responds_to,
    e.status, e.updatedAt AS updated_at
  FROM Event e WHERE e.status = 'published' AND e.deletedAt IS NULL ${where}
  ORDER BY e.dateStart DESC, e.id DESC;`;
}

const CEILING_TOOL = postgresServer ? "psql \\copy … CSV" : "sqlite3 -csv";

/** Runs the ceiling's query with the engine's own command-line tool, counting the records it writes. */
async function timeCeiling(database: { file: string; url: string }, where: string): Promise<{ rows: number; ms: number; peakRss: number }> {
  const started = performance.now();
  const [command, commandArgs] = postgresServer
    ? ["psql", [database.url, "-q", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (${ceilingSql(where).replace(/\s+/g, " ")}) TO STDOUT WITH (FORMAT csv, HEADER)`]]
    : ["sqlite3", ["-csv", "-header", "-newline", "\r\n", database.file, ceilingSql(where)]];
  const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "inherit"] });
  const memory = sampler(child.pid ?? 0);
  const lines = recordCounter();
  child.stdout.on("data", (chunk: Buffer) => lines.add(chunk));
  const peakRss = await new Promise<number>((resolve, reject) =>
    child.on("exit", (code) => {
      const peak = memory.stop();
      if (code === 0) resolve(peak);
      else reject(new CommandFailed(`${command} exited with ${code}`));
    }),
  );
  return { rows: lines.count() - 1, ms: performance.now() - started, peakRss };
}

/** An empty, migrated database for the import: a file, or a database on the PostgreSQL server. */
async function emptyImportTarget(): Promise<string> {
  if (postgresServer) {
    const url = withDatabaseName(postgresServer, "demarche_bench_import_target");
    await recreatePostgresDatabase(url);
    migrateDatabase(resolveDatabaseTarget(url), { quiet: true });
    return url;
  }
  const target = path.join(BENCH_DIR, "import-target.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
  migrateDatabase(resolveDatabaseTarget(target), { quiet: true });
  return `file:${target}`;
}

async function benchImport(): Promise<void> {
  const source = databaseFor(100_000);
  const csv = source.replace(/\.db$/, ".csv");
  if (rebuild || !fs.existsSync(csv)) {
    const prisma = createPrismaClient(resolveDatabaseTarget(source));
    fs.writeFileSync(csv, await exportCsvText(prisma));
    await prisma.$disconnect();
  }
  const target = await emptyImportTarget();

  for (const mode of ["--dry-run", ""]) {
    console.log(`load average ${loadAverage()}`);
    const started = performance.now();
    const child = spawn(bin("tsx"), ["scripts/import.ts", csv, ...(mode ? [mode] : [])], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: target },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const memory = sampler(child.pid ?? 0);
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", () => undefined);
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    const peak = memory.stop();
    const ms = performance.now() - started;
    const summary = /(\d+) rows in [\d.]+ s \((\d+) rows\/s\)/.exec(output);
    console.log(
      `import 100k ${mode ? "dry run" : "apply  "}: exit ${code}, ${summary?.[1] ?? "?"} rows, ${summary?.[2] ?? "?"} rows/s inside the import, ` +
        `${rate(Number(summary?.[1] ?? 0), ms)} rows/s end to end (${(ms / 1000).toFixed(1)} s), peak RSS ${mb(peak)}`,
    );
    if (code !== 0) console.log(output.split("\n").slice(-15).join("\n"));
  }
}

await main(async () => {
  if (spawnSync("sqlite3", ["-version"]).status !== 0) {
    throw new CommandFailed("The sqlite3 command-line tool is needed: apt-get install -y sqlite3");
  }
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  if (postgresServer && spawnSync("psql", ["--version"]).status !== 0) {
    throw new CommandFailed("The psql command-line tool is needed: apt-get install -y postgresql-client");
  }
  console.log(`Engine: ${engine}`);
  const databases: [number, { file: string; url: string }][] = [];
  for (const n of sizes) {
    const file = databaseFor(n);
    databases.push([n, { file, url: postgresServer ? await loadIntoPostgres(file, postgresServer) : `file:${file}` }]);
  }
  if (!isBuildFresh(ROOT)) {
    console.log("Building the app…");
    const hash = hashBuildInputs(ROOT);
    run(bin("next"), ["build"], { quiet: true });
    writeBuildStamp(ROOT, hash);
  }

  for (const [count, database] of databases) {
    console.log(`\n== ${count} events on ${engine} (SQLite file ${mb(fs.statSync(database.file).size)}), load average ${loadAverage()}`);
    for (const [label, query, where] of [
      ["no filter", "", ""],
      [`?${FILTER}`, FILTER, `AND e."type" = 'sanctions-imposed' AND e."dateEnd" >= '2000-01-01'`],
    ] as const) {
      const ceiling = await timeCeiling(database, where);
      const server = await startServer(database.url);
      try {
        const baseUrl = `http://127.0.0.1:${PORT}`;
        // Warm-up requests, so the figures do not include loading the routes' code. The
        // timeline waits for the facet index, which the server loads at start: measuring
        // while it loads would count its transient memory as the export's.
        await (await fetch(`${baseUrl}${PROBE_PATH}`)).arrayBuffer();
        await (await fetch(`${baseUrl}/`)).arrayBuffer();
        // A small export read to its end: abandoning a large one would leave it open on the server.
        await (await fetch(`${baseUrl}/export.csv?from=2026-10`, { headers: { "accept-encoding": "identity" } })).arrayBuffer();
        const result = await measureExport(baseUrl, server.pid ?? 0, query);
        console.log(
          `${label.padEnd(40)} export.csv: ${result.rows} rows in ${(result.ms / 1000).toFixed(2)} s = ${rate(result.rows, result.ms)} rows/s ` +
            `(${mb(result.bytes)}); server RSS ${mb(result.baselineRss)} before, peak ${mb(result.peakRss)}`,
        );
        console.log(
          `${"".padEnd(40)} ${PROBE_PATH} during the export: median ${result.probes.medianMs.toFixed(0)} ms, max ${result.probes.maxMs.toFixed(0)} ms ` +
            `(${result.probes.count} requests; idle: median ${result.idleProbes.medianMs.toFixed(0)} ms, max ${result.idleProbes.maxMs.toFixed(0)} ms)`,
        );
        console.log(
          `${"".padEnd(40)} ${CEILING_TOOL}: ${ceiling.rows} rows in ${(ceiling.ms / 1000).toFixed(2)} s = ${rate(ceiling.rows, ceiling.ms)} rows/s; ` +
            `export at ${((rate(result.rows, result.ms) / Math.max(rate(ceiling.rows, ceiling.ms), 1)) * 100).toFixed(0)}% of the ceiling`,
        );
        if (result.rows !== ceiling.rows) console.log(`  ! row counts differ: export ${result.rows}, ${CEILING_TOOL} ${ceiling.rows}`);
      } finally {
        await stopServer(server);
      }
    }
  }

  if (!args.includes("--skip-import")) {
    console.log("\n== import");
    await benchImport();
  }
});

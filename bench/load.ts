/**
 * npm run bench:load [-- 10000] [--seconds 20] [--connections 32] [--database postgresql://…]
 *
 * Throughput and latency of the app's pages under load against a bare page of the same size
 * (bench/bare-page.ts), measured in the same run with the load average beside them (issue 15):
 * the app is the production server `npm start` runs (.next/demarche/serve.mjs, so a build must
 * exist: npm run build) on a bench database of N events (bench/generate.ts; with --database,
 * its PostgreSQL twin, bench/postgres-load.ts). For each address, `connections` keep-alive
 * clients send requests back to back for `seconds`; then the same against the bare page
 * serving that address's HTML. Prints requests/s, p50 and p99 and the ratio to the bare page.
 * The load generator runs on the same machine: both sides pay for it alike.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const seconds = Number(option("--seconds") ?? 20);
const connections = Number(option("--connections") ?? 32);
const postgresServer = option("--database");
const n = Number(args.find((a, i) => /^\d+$/.test(a) && !["--seconds", "--connections"].includes(args[i - 1] ?? "")) ?? 10_000);
if (!(seconds > 0 && connections > 0 && n > 0)) throw new Error("--seconds, --connections and N must be positive numbers");
if (postgresServer !== undefined && !/^postgres(ql)?:\/\//.test(postgresServer)) throw new Error("--database takes a PostgreSQL server URL");

const APP_PORT = 3190;
const BARE_PORT = 3191;
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

function get(agent: http.Agent, port: number, address: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "127.0.0.1", port, path: address, agent }, (response) => {
      let bytes = 0;
      response.on("data", (chunk: Buffer) => (bytes += chunk.length));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, bytes }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function waitFor(port: number, child: ChildProcess): Promise<void> {
  const agent = new http.Agent();
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`The server on port ${port} exited with ${child.exitCode}`);
    try {
      if ((await get(agent, port, "/")).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Nothing answered on port ${port} within 2 minutes`);
}

type Run = { requests: number; perSecond: number; p50: number; p99: number; errors: number };

async function hammer(port: number, address: string): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const start = performance.now();
        try {
          const { status } = await get(agent, port, address);
          if (status !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, perSecond: latencies.length / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), errors };
}

const { benchDatabaseFile, generateBenchDatabase } = await import("./generate");
const { migrateDatabase } = await import("../scripts/lib/migrate");
const { resolveDatabaseTarget } = await import("../lib/db/url");
const { isBuildFresh } = await import("../scripts/lib/build-freshness");
const { compileServer } = await import("../scripts/lib/compile-server");
if (!isBuildFresh(ROOT)) throw new Error("The production build is missing or older than the code: npm run build (or npm start once) first.");

const file = benchDatabaseFile(ROOT, n);
if (fs.existsSync(file)) migrateDatabase(resolveDatabaseTarget(`file:${file}`), { quiet: true });
else generateBenchDatabase(file, n);
const url = postgresServer ? await (await import("./postgres-load")).loadIntoPostgres(file, postgresServer) : `file:${file}`;

const server = compileServer();
const app = spawn(process.execPath, [server, "--port", String(APP_PORT), "--hostname", "127.0.0.1"], {
  cwd: ROOT,
  env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
const children: ChildProcess[] = [app];
try {
  await waitFor(APP_PORT, app);
  const agent = new http.Agent();
  // The newest public event's page (ids from the same generator on both engines).
  const page = await new Promise<string>((resolve, reject) =>
    http.get({ host: "127.0.0.1", port: APP_PORT, path: "/", agent }, (r) => {
      let html = "";
      r.setEncoding("utf8").on("data", (c: string) => (html += c)).on("end", () => resolve(html)).on("error", reject);
    }),
  );
  const eventId = /href="\/events\/(\d+)"/.exec(page)?.[1];
  if (!eventId) throw new Error("No event link on /");
  const addresses = ["/", `/events/${eventId}`, "/?q=pipeline"];
  console.log(`Engine: ${postgresServer ? "PostgreSQL" : "SQLite"}; N = ${n.toLocaleString("en-GB")}; ${connections} connections for ${seconds} s per address`);
  console.log(`${"address".padEnd(20)} ${"KB".padStart(6)} ${"app req/s".padStart(10)} ${"p50".padStart(7)} ${"p99".padStart(7)} ${"bare req/s".padStart(11)} ${"ratio".padStart(6)}  load (1/5/15 min)`);
  for (const address of addresses) {
    await hammer(APP_PORT, address); // warm-up, not counted
    const html = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-bare-"));
    const htmlFile = path.join(html, "page.html");
    const body = await new Promise<Buffer>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port: APP_PORT, path: address, agent }, (r) => {
        const chunks: Buffer[] = [];
        r.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks))).on("error", reject);
      }),
    );
    fs.writeFileSync(htmlFile, body);
    const measured = await hammer(APP_PORT, address);
    const bare = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [path.join(ROOT, "bench", "bare-page.ts"), String(BARE_PORT), htmlFile], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(bare);
    await waitFor(BARE_PORT, bare);
    const ceiling = await hammer(BARE_PORT, "/");
    bare.kill("SIGTERM");
    await new Promise((r) => bare.once("exit", r));
    fs.rmSync(html, { recursive: true, force: true });
    console.log(
      `${address.padEnd(20)} ${(body.length / 1024).toFixed(0).padStart(6)} ${measured.perSecond.toFixed(1).padStart(10)} ${measured.p50.toFixed(0).padStart(7)} ${measured.p99.toFixed(0).padStart(7)} ${ceiling.perSecond.toFixed(1).padStart(11)} ${(measured.perSecond / ceiling.perSecond).toFixed(2).padStart(5)}x  ${load()}${measured.errors + ceiling.errors > 0 ? `  (${measured.errors + ceiling.errors} errors)` : ""}`,
    );
  }
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

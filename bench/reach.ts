/**
 * npm run bench:reach [-- 10000 100000 1000000] [--runs 20] [--database postgresql://…]
 *
 * Server time of the addresses that take a view elsewhere (issue 13): the Atom and JSON
 * feeds, the calendar and the read API, called in-process through their route handlers
 * (query parsing, database, serialisation, the rate limit's write; no HTTP). Each is
 * printed beside a ceiling measured in the same process on the same data: the timeline
 * page's own read for the same query string (filter resolution + getTimelineView, what the
 * page's server component waits for), so the ratio says what following a view costs next
 * to looking at it. The issue's target is a median under 50 ms at 1M events.
 *
 * Databases are built once by bench/generate.ts (shared with bench:timeline) in data/bench/.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, quantile } from "./cli";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCENARIOS: [string, string][] = [
  ["no filters", ""],
  ["one initiator (us)", "initiator=us"],
  ["a type (sanctions-imposed)", "type=sanctions-imposed"],
  ["initiator+target+year", "initiator=ru&target=us&from=2021&to=2021"],
  ["a q word (pipeline)", "q=pipeline"],
];
const ADDRESSES = ["/feed.atom", "/feed.json", "/calendar.ics", "/api/v1/events"] as const;
type Row = { scenario: string; address: string; medianMs: number; p95Ms: number; ceilingMs: number; bytes: number };
type ChildResult = { n: number; rows: Row[]; single: { address: string; medianMs: number; ceilingMs: number }[] };


async function time(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = -3; run < runs; run++) {
    const start = performance.now();
    await work();
    if (run >= 0) samples.push(performance.now() - start);
  }
  return samples;
}

async function child(url: string, n: number, runs: number): Promise<void> {
  process.env.DATABASE_URL = url;
  process.env.DEMARCHE_API_RATE_LIMIT = "1000000";
  const { prisma } = await import("../lib/db");
  const { getPublicEvent } = await import("../lib/events/queries");
  const { getTimelineView } = await import("../lib/timeline/view");
  const { resolveTimelineQuery } = await import("../lib/timeline/page-data");
  const { currentFacetIndex } = await import("../lib/timeline/facet-store");
  const handlers: Record<(typeof ADDRESSES)[number], (r: Request) => Promise<Response>> = {
    "/feed.atom": (await import("../app/feed.atom/route")).GET,
    "/feed.json": (await import("../app/feed.json/route")).GET,
    "/calendar.ics": (await import("../app/calendar.ics/route")).GET,
    "/api/v1/events": (await import("../app/api/v1/events/route")).GET,
  };
  const eventRoute = (await import("../app/api/v1/events/[id]/route")).GET;
  const actorsRoute = (await import("../app/api/v1/actors/route")).GET;
  await currentFacetIndex(prisma);

  const rows: Row[] = [];
  for (const [scenario, query] of SCENARIOS) {
    const ceiling = await time(runs, async () => getTimelineView({ filters: (await resolveTimelineQuery(query)).resolved }));
    for (const address of ADDRESSES) {
      let bytes = 0;
      const samples = await time(runs, async () => {
        const response = await handlers[address](new Request(`http://bench.local${address}${query ? `?${query}` : ""}`));
        if (response.status !== 200) throw new Error(`${address}?${query} answered ${response.status}`);
        bytes = (await response.arrayBuffer()).byteLength;
      });
      rows.push({ scenario, address, medianMs: quantile(samples, 0.5), p95Ms: quantile(samples, 0.95), ceilingMs: quantile(ceiling, 0.5), bytes });
    }
  }
  const some = await prisma.event.findFirstOrThrow({ where: { status: "published", deletedAt: null }, orderBy: { id: "desc" }, select: { id: true } });
  const single = [
    {
      address: "/api/v1/events/:id",
      medianMs: quantile(
        await time(runs, async () => {
          const r = await eventRoute(new Request(`http://bench.local/api/v1/events/${some.id}`), { params: Promise.resolve({ id: String(some.id) }) });
          await r.arrayBuffer();
        }),
        0.5,
      ),
      ceilingMs: quantile(await time(runs, () => getPublicEvent(some.id)), 0.5),
    },
    {
      address: "/api/v1/actors",
      medianMs: quantile(await time(runs, async () => (await actorsRoute(new Request("http://bench.local/api/v1/actors"))).arrayBuffer()), 0.5),
      ceilingMs: quantile(await time(runs, () => prisma.actor.findMany({ take: 500, orderBy: { id: "asc" } })), 0.5),
    },
  ];
  await prisma.apiRateLimit.deleteMany({});
  process.stdout.write(`\nRESULT ${JSON.stringify({ n, rows, single } satisfies ChildResult)}\n`);
  await prisma.$disconnect();
}

async function parent(): Promise<void> {
  const { sizes: ns, runs, postgresServer } = benchArgs(process.argv.slice(2), { runs: 20 });
  const { benchDatabaseFile, generateBenchDatabase } = await import("./generate");
  const { migrateDatabase } = await import("../scripts/lib/migrate");
  const { resolveDatabaseTarget } = await import("../lib/db/url");
  const { loadIntoPostgres } = await import("./postgres-load");
  console.log(`Engine: ${postgresServer ? "PostgreSQL" : "SQLite"}; ${runs} runs per cell after 3 warm-ups`);
  for (const n of ns) {
    const file = benchDatabaseFile(ROOT, n);
    if (fs.existsSync(file)) migrateDatabase(resolveDatabaseTarget(`file:${file}`), { quiet: true });
    else {
      console.log(`Generating ${n.toLocaleString("en-GB")} events into ${path.relative(ROOT, file)} (once; reused later)…`);
      generateBenchDatabase(file, n);
    }
    const url = postgresServer ? await loadIntoPostgres(file, postgresServer) : `file:${file}`;
    const run = spawnSync(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      ["--tsconfig", path.join(ROOT, "bench", "tsconfig.json"), path.join(ROOT, "bench", "reach.ts"), "--child", url, String(n), String(runs)],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 1 << 26 },
    );
    const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (run.status !== 0 || !line) throw new Error(`Benchmark for N=${n} failed:\n${run.stdout}\n${run.stderr}`);
    print(JSON.parse(line.slice("RESULT ".length)) as ChildResult);
  }
}

function print(result: ChildResult): void {
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(`\nN = ${result.n.toLocaleString("en-GB")} events. Median (p95) server time in ms; ratio to the page's own read of the same view.`);
  console.log(`${"scenario".padEnd(28)} ${"address".padEnd(16)} ${"median".padStart(7)} ${"p95".padStart(7)} ${"page".padStart(7)} ${"ratio".padStart(6)} ${"KB".padStart(7)}`);
  for (const r of result.rows) {
    console.log(
      `${r.scenario.padEnd(28)} ${r.address.padEnd(16)} ${f(r.medianMs)} ${f(r.p95Ms)} ${f(r.ceilingMs)} ${(r.medianMs / r.ceilingMs).toFixed(2).padStart(6)} ${(r.bytes / 1024).toFixed(1).padStart(7)}`,
    );
  }
  for (const s of result.single) {
    console.log(`${"(one read)".padEnd(28)} ${s.address.padEnd(16)} ${f(s.medianMs)} ${"".padStart(7)} ${f(s.ceilingMs)} ${(s.medianMs / s.ceilingMs).toFixed(2).padStart(6)}`);
  }
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] ?? "", Number(process.argv[4]), Number(process.argv[5]));
} else {
  await parent();
}

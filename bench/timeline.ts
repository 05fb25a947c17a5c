/**
 * npm run bench:timeline [-- 10000 100000 1000000] [--runs 30] [--database postgresql://…]
 *
 * For each N, builds (once; reused from data/bench/) a database of N synthetic events,
 * and with --database a server URL, its PostgreSQL twin on that server (bench/postgres-load.ts),
 * then times in a fresh process, per scenario, the server work of the timeline page:
 *   resolve   the filter references (actor/tag lookups, FTS5 search) - database
 *   counts    total + every facet count + chart + page selection (the facet index)
 *   database  the page's 50 cards and the facet labels (Prisma)
 *   render    React server rendering (react-dom/server renderToString) of the timeline
 *             cards and the activity chart
 *   server    all of the above: what the page's server component waits for
 * and prints the median and p95 of each (ms). See docs/decisions/0004-timeline-performance.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, fmt, quantile } from "./cli";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SCENARIOS: [string, string][] = [
  ["first page, no filters", ""],
  ["one initiator (us)", "initiator=us"],
  ["a type (sanctions-imposed)", "type=sanctions-imposed"],
  ["a month (2021-04)", "from=2021-04&to=2021-04"],
  ["a q word (pipeline)", "q=pipeline"],
  ["initiator+target+year", "initiator=ru&target=us&from=2021&to=2021"],
];
const METRICS = ["resolve", "counts", "database", "render", "server"] as const;
type Metric = (typeof METRICS)[number];
type ScenarioResult = { name: string; total: number; samples: Record<Metric, number[]> };
type ChildResult = {
  n: number;
  publicEvents: number;
  indexBuildMs: number;
  indexHeapMb: number;
  scenarios: ScenarioResult[];
  /** After each of a few writes (trash, then restore, of a public event): the next request's catch-up of the index. */
  catchUpMs: number[];
  compactMs: number;
};


async function child(url: string, n: number, runs: number): Promise<void> {
  process.env.DATABASE_URL = url;
  const React = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { prisma } = await import("../lib/db");
  const { resolveFilterReferences } = await import("../lib/timeline/resolve");
  const { getTimelineView } = await import("../lib/timeline/view");
  const { currentFacetIndex, compactFacetIndexNow } = await import("../lib/timeline/facet-store");
  const { trashEvent, restoreEvent } = await import("../lib/events/write");
  const { parseTimelineFilters } = await import("../lib/timeline/filters");
  const { engineOf } = await import("../lib/db/engine");
  const searchEventIds = (words: readonly string[]) => engineOf(prisma).timeline.search(words);
  const { narrowToPeriod, timelineHref } = await import("../lib/timeline/links");
  const { Timeline } = await import("../components/timeline/timeline");
  const { ActivityChart } = await import("../components/timeline/activity-chart");

  const heapBefore = process.memoryUsage();
  const built = performance.now();
  const index = await currentFacetIndex(prisma);
  const indexBuildMs = performance.now() - built;
  const heapAfter = process.memoryUsage();
  const indexHeapMb = (heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 2 ** 20;

  const scenarios: ScenarioResult[] = [];
  for (const [name, query] of SCENARIOS) {
    const samples: Record<Metric, number[]> = { resolve: [], counts: [], database: [], render: [], server: [] };
    let total = 0;
    for (let run = -3; run < runs; run++) {
      const start = performance.now();
      const parsed = parseTimelineFilters(new URLSearchParams(query));
      const { resolved } = await resolveFilterReferences(prisma, parsed.filters, { search: searchEventIds });
      const resolvedAt = performance.now();
      const timings = { index: 0, counts: 0, database: 0 };
      const view = await getTimelineView({ filters: resolved, timings });
      const viewAt = performance.now();
      const html = renderToString(
        React.createElement(
          React.Fragment,
          null,
          React.createElement(ActivityChart, {
            unit: view.chart.unit,
            buckets: view.chart.buckets,
            hrefFor: (period: string) => timelineHref(narrowToPeriod(parsed.filters, period)),
          }),
          React.createElement(Timeline, { events: view.events }),
        ),
      );
      const end = performance.now();
      if (html.length < 100) throw new Error(`Nothing rendered for ${name}`);
      total = view.total;
      if (run < 0) continue; // warm-up
      samples.resolve.push(resolvedAt - start);
      samples.counts.push(timings.index + timings.counts);
      samples.database.push(timings.database);
      samples.render.push(end - viewAt);
      samples.server.push(end - start);
    }
    scenarios.push({ name, total, samples });
  }
  // Writes through lib/events/write.ts, each followed by what the next request pays to see it.
  const catchUpMs: number[] = [];
  const victims = await prisma.event.findMany({ where: { status: "published", deletedAt: null }, select: { id: true }, take: 5, orderBy: { id: "asc" } });
  for (const { id } of victims) {
    for (const write of [trashEvent, restoreEvent]) {
      await prisma.$transaction((tx) => write(tx, id, { userId: null }));
      const started = performance.now();
      await currentFacetIndex(prisma);
      catchUpMs.push(performance.now() - started);
    }
  }
  const compactStarted = performance.now();
  compactFacetIndexNow();
  const compactMs = performance.now() - compactStarted;

  const result: ChildResult = { n, publicEvents: index.size, indexBuildMs, indexHeapMb, scenarios, catchUpMs, compactMs };
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
  await prisma.$disconnect();
}

async function parent(): Promise<void> {
  const { sizes: ns, runs, postgresServer } = benchArgs(process.argv.slice(2), { runs: 30 });
  const { benchDatabaseFile, generateBenchDatabase } = await import("./generate");
  const { migrateDatabase } = await import("../scripts/lib/migrate");
  const { resolveDatabaseTarget } = await import("../lib/db/url");
  const { loadIntoPostgres } = await import("./postgres-load");
  console.log(`Engine: ${postgresServer ? "PostgreSQL" : "SQLite"}`);
  const results: ChildResult[] = [];
  for (const n of ns) {
    const file = benchDatabaseFile(ROOT, n);
    if (fs.existsSync(file)) {
      // A database generated before the latest migrations (the change log) gets them now.
      migrateDatabase(resolveDatabaseTarget(`file:${file}`), { quiet: true });
    } else {
      console.log(`Generating ${n.toLocaleString("en-GB")} events into ${path.relative(ROOT, file)} (once; reused later)…`);
      const started = performance.now();
      generateBenchDatabase(file, n);
      console.log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const url = postgresServer ? await loadIntoPostgres(file, postgresServer) : `file:${file}`;
    // A fresh process per N: the app's modules hold one database client each.
    const run = spawnSync(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      ["--tsconfig", path.join(ROOT, "bench", "tsconfig.json"), path.join(ROOT, "bench", "timeline.ts"), "--child", url, String(n), String(runs)],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 1 << 26 },
    );
    const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (run.status !== 0 || !line) throw new Error(`Benchmark for N=${n} failed:\n${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(line.slice("RESULT ".length)) as ChildResult;
    results.push(result);
    print(result, runs);
  }
  if (results.length > 1) {
    const first = results[0];
    const last = results.at(-1);
    if (first && last) {
      console.log(`\nServer time median, N=${last.n.toLocaleString("en-GB")} vs N=${first.n.toLocaleString("en-GB")}:`);
      for (const [i, s] of last.scenarios.entries()) {
        const a = quantile(first.scenarios[i]?.samples.server ?? [], 0.5);
        const b = quantile(s.samples.server, 0.5);
        console.log(`  ${s.name.padEnd(28)} ${(b / a).toFixed(2)}x`);
      }
    }
  }
}

function print(result: ChildResult, runs: number): void {
  console.log(
    `\nN = ${result.n.toLocaleString("en-GB")} events (${result.publicEvents.toLocaleString("en-GB")} public); facet index built in ${result.indexBuildMs.toFixed(0)} ms, ~${result.indexHeapMb.toFixed(0)} MB; ${runs} runs per scenario, ms`,
  );
  console.log(`${"scenario".padEnd(28)} ${"matches".padStart(8)}  ${METRICS.map((m) => `${m} med / p95`.padStart(17)).join(" ")}`);
  for (const s of result.scenarios) {
    const cells = METRICS.map((m) => `${fmt(quantile(s.samples[m], 0.5))} /${fmt(quantile(s.samples[m], 0.95))}`);
    console.log(`${s.name.padEnd(28)} ${String(s.total).padStart(8)}  ${cells.join(" ")}`);
  }
  console.log(
    `after a write (trash/restore through lib/events/write.ts), the next request's index catch-up: median ${fmt(quantile(result.catchUpMs, 0.5)).trim()} ms, max ${fmt(Math.max(...result.catchUpMs)).trim()} ms (${result.catchUpMs.length} writes); compaction in memory ${result.compactMs.toFixed(0)} ms`,
  );
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] ?? "", Number(process.argv[4]), Number(process.argv[5]));
} else {
  await parent();
}

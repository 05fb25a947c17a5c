/**
 * npm run bench:chains [-- 10000 100000 1000000] [--runs 30] [--ceiling 100]
 *
 * For each N, reuses (or builds once, as bench:timeline does) the database of N synthetic
 * events in data/bench/, then in a fresh process times the server work of a chain picture
 * for the most heavily linked public events (most relations, either direction):
 *   chain   getChainAround: the recursive walk (counted up to CHAIN_COUNT_LIMIT), the
 *           steps with their sides and the relations among them - database
 *   render  React server rendering of the chain's section (picture with its layout, list)
 *   server  both: what /chains/:id waits for
 * and, for information, listViewChains (/chains) for a few views. Prints median and p95
 * (ms) and fails (exit code 1) when a chain's median server time is above the ceiling
 * (100 ms by default, the issue's figure for 1M events).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchArgs, fmt, quantile } from "./cli";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VIEWS: [string, string][] = [
  ["all events", ""],
  ["one initiator (us)", "initiator=us"],
  ["a year (2021)", "from=2021&to=2021"],
];

type Samples = { chain: number[]; render: number[]; server: number[] };
type ChainResult = { id: number; degree: number; steps: number; total: string; samples: Samples };
type ChildResult = { n: number; chains: ChainResult[]; views: { name: string; chains: number; events: number; samples: number[] }[] };


async function child(url: string, n: number, runs: number): Promise<void> {
  process.env.DATABASE_URL = url;
  const React = await import("react");
  const { renderToString } = await import("react-dom/server");
  const { prisma } = await import("../lib/db");
  const { resolveFilterReferences } = await import("../lib/timeline/resolve");
  const { getChainAround, listViewChains, CHAIN_PAGE_LIMIT } = await import("../lib/patterns/chain-queries");
  const { ChainSection } = await import("../components/patterns/chain-section");
  const { parseTimelineFilters } = await import("../lib/timeline/filters");
  const { currentFacetIndex } = await import("../lib/timeline/facet-store");

  // The most linked public events (setup, not timed).
  const degrees = await prisma.$queryRaw<{ id: number | bigint; degree: number | bigint }[]>`
    SELECT x AS id, COUNT(*) AS degree FROM (
      SELECT "fromId" AS x FROM "EventRelation" UNION ALL SELECT "toId" AS x FROM "EventRelation"
    ) links JOIN "Event" e ON e."id" = links.x
    WHERE e."status" = 'published' AND e."deletedAt" IS NULL
    GROUP BY x ORDER BY degree DESC, x ASC LIMIT 3`;

  const chains: ChainResult[] = [];
  for (const row of degrees) {
    const id = Number(row.id);
    const samples: Samples = { chain: [], render: [], server: [] };
    let steps = 0;
    let total = "";
    for (let run = -3; run < runs; run++) {
      const start = performance.now();
      const chain = await getChainAround(id, CHAIN_PAGE_LIMIT);
      const read = performance.now();
      if (!chain) throw new Error(`Event ${id} is not public`);
      const html = renderToString(React.createElement(ChainSection, { chain, currentId: id, heading: "The chain", full: true }));
      const end = performance.now();
      if (!html.includes(`/events/${id}`)) throw new Error(`The chain of ${id} was not rendered`);
      steps = chain.steps.length;
      total = `${chain.countCapped ? ">" : ""}${chain.total}`;
      if (run < 0) continue; // warm-up
      samples.chain.push(read - start);
      samples.render.push(end - read);
      samples.server.push(end - start);
    }
    chains.push({ id, degree: Number(row.degree), steps, total, samples });
  }

  await currentFacetIndex(prisma); // loaded once per process, as at server start
  const views: ChildResult["views"] = [];
  for (const [name, query] of VIEWS) {
    const samples: number[] = [];
    let count = 0;
    let events = 0;
    for (let run = -1; run < Math.max(3, Math.floor(runs / 5)); run++) {
      const start = performance.now();
      const parsed = parseTimelineFilters(new URLSearchParams(query));
      const { resolved } = await resolveFilterReferences(prisma, parsed.filters);
      const data = await listViewChains(resolved, "longest");
      if (run >= 0) samples.push(performance.now() - start);
      count = data.count;
      events = data.total;
    }
    views.push({ name, chains: count, events, samples });
  }
  process.stdout.write(`\nRESULT ${JSON.stringify({ n, chains, views } satisfies ChildResult)}\n`);
  await prisma.$disconnect();
}

async function parent(): Promise<void> {
  const { sizes: ns, runs, option } = benchArgs(process.argv.slice(2), { runs: 30 }, ["--ceiling"]);
  const ceiling = Number(option("--ceiling") ?? 100);
  if (!Number.isFinite(ceiling) || ceiling <= 0) throw new Error("--ceiling takes a positive number of milliseconds");
  const { benchDatabaseFile, generateBenchDatabase } = await import("./generate");
  const { migrateDatabase } = await import("../scripts/lib/migrate");
  const { resolveDatabaseTarget } = await import("../lib/db/url");
  let failed = false;
  for (const n of ns) {
    const file = benchDatabaseFile(ROOT, n);
    if (fs.existsSync(file)) migrateDatabase(resolveDatabaseTarget(`file:${file}`), { quiet: true });
    else {
      console.log(`Generating ${n.toLocaleString("en-GB")} events into ${path.relative(ROOT, file)} (once; reused later)…`);
      generateBenchDatabase(file, n);
    }
    const run = spawnSync(
      path.join(ROOT, "node_modules", ".bin", "tsx"),
      ["--tsconfig", path.join(ROOT, "bench", "tsconfig.json"), path.join(ROOT, "bench", "chains.ts"), "--child", `file:${file}`, String(n), String(runs)],
      { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, maxBuffer: 1 << 26 },
    );
    const line = run.stdout.split("\n").find((l) => l.startsWith("RESULT "));
    if (run.status !== 0 || !line) throw new Error(`Benchmark for N=${n} failed:\n${run.stdout}\n${run.stderr}`);
    const result = JSON.parse(line.slice("RESULT ".length)) as ChildResult;
    console.log(`\nN = ${n.toLocaleString("en-GB")} events; ${runs} runs per chain, ms (ceiling: median server time ${ceiling} ms)`);
    console.log(`${"event".padEnd(10)} ${"links".padStart(6)} ${"steps".padStart(6)} ${"chain".padStart(7)}  ${["chain", "render", "server"].map((m) => `${m} med / p95`.padStart(17)).join(" ")}`);
    for (const c of result.chains) {
      const cells = (["chain", "render", "server"] as const).map((m) => `${fmt(quantile(c.samples[m], 0.5))} /${fmt(quantile(c.samples[m], 0.95))}`);
      const median = quantile(c.samples.server, 0.5);
      const verdict = median <= ceiling ? "ok" : `OVER ${ceiling} ms`;
      if (median > ceiling) failed = true;
      console.log(`${String(c.id).padEnd(10)} ${String(c.degree).padStart(6)} ${String(c.steps).padStart(6)} ${c.total.padStart(7)}  ${cells.join(" ")}  ${verdict}`);
    }
    for (const v of result.views) {
      console.log(`/chains ${v.name.padEnd(22)} ${String(v.chains).padStart(6)} chains of ${v.events} events: median ${fmt(quantile(v.samples, 0.5)).trim()} ms, max ${fmt(Math.max(...v.samples)).trim()} ms`);
    }
  }
  if (failed) {
    console.error(`\nA chain's median server time is above the ceiling of ${ceiling} ms.`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === "--child") {
  await child(process.argv[3] ?? "", Number(process.argv[4]), Number(process.argv[5]));
} else {
  await parent();
}

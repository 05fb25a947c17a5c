/**
 * npm run bench:embed [-- 10000 100000] [--runs 30]
 *
 * For each N, on the synthetic database of bench:timeline (data/bench/, built once), times
 * in-process the server work of the embed answers and prints median / p95 (ms) and the HTML
 * size: /embed for a few views (20 cards), /embed/events/:id, and the oEmbed answer.
 * Issue 13's budgets: median under 50 ms, under 60 KB of HTML for 20 events.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ORIGIN = "https://demarche.example";
const VIEWS: [string, string][] = [
  ["embed, no filters", ""],
  ["embed, one initiator (us)", "initiator=us"],
  ["embed, a type", "type=sanctions-imposed"],
  ["embed, initiator+target+year", "initiator=ru&target=us&from=2021&to=2021"],
];

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 30;
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--runs").map(Number);
  const n = sizes[0] ?? 10000;
  if (sizes.length > 1) console.log("One N per process; measuring", n);
  const { benchDatabaseFile, generateBenchDatabase } = await import("./generate");
  const file = benchDatabaseFile(ROOT, n);
  if (!fs.existsSync(file)) {
    console.log(`Building ${file} (${n} events)…`);
    generateBenchDatabase(file, n);
  }
  process.env.DATABASE_URL = `file:${file}`;
  const { loadTimelineEmbed, loadEventEmbed } = await import("../lib/embed/page-data");
  const { timelineEmbedBody, eventEmbedBody } = await import("../lib/embed/render");
  const { embedDocument } = await import("../lib/embed/document");
  const { oembedAnswer } = await import("../lib/embed/oembed-answer");
  const { prisma } = await import("../lib/db");
  const { currentFacetIndex } = await import("../lib/timeline/facet-store");
  await currentFacetIndex(prisma);

  const rows: { name: string; median: number; p95: number; bytes: number; cards: number }[] = [];
  async function time(name: string, work: () => Promise<string>): Promise<void> {
    const samples: number[] = [];
    let body = "";
    for (let run = -3; run < runs; run++) {
      const start = performance.now();
      body = await work();
      if (run >= 0) samples.push(performance.now() - start);
    }
    rows.push({ name, median: quantile(samples, 0.5), p95: quantile(samples, 0.95), bytes: Buffer.byteLength(body), cards: (body.match(/data-event-id=/g) ?? []).length });
  }
  for (const [name, query] of VIEWS) {
    await time(name, async () => {
      const model = await loadTimelineEmbed(query, ORIGIN);
      return embedDocument(model.summary, timelineEmbedBody(model));
    });
  }
  const chained = await prisma.eventRelation.findFirst({ select: { toId: true } });
  const eventId = chained?.toId ?? (await prisma.event.findFirstOrThrow({ where: { status: "published" }, select: { id: true } })).id;
  await time(`event embed (${eventId})`, async () => {
    const found = await loadEventEmbed(eventId);
    if (!found) throw new Error("no event");
    return embedDocument(found.event.title, eventEmbedBody(found.event, found.chain, ORIGIN));
  });
  await time("oEmbed, a filtered view", async () => {
    const answer = await oembedAnswer(new URLSearchParams({ url: `${ORIGIN}/?initiator=us`, format: "json" }), ORIGIN);
    if (!answer.ok) throw new Error(answer.error.message);
    return JSON.stringify(answer.body);
  });

  console.log(`\n${n.toLocaleString("en-GB")} events, ${runs} runs each (server time, ms; HTML size)`);
  console.log("scenario".padEnd(36), "median".padStart(8), "p95".padStart(8), "KB".padStart(7), "cards".padStart(6));
  for (const r of rows) {
    console.log(r.name.padEnd(36), r.median.toFixed(1).padStart(8), r.p95.toFixed(1).padStart(8), (r.bytes / 1024).toFixed(1).padStart(7), String(r.cards).padStart(6));
  }
  await prisma.$disconnect();
}

await main();

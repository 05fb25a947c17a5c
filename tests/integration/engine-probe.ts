/**
 * Run in a child process: loads the same data into the database whose URL is argv[2] (the
 * example events, then events whose texts exercise search folding and word boundaries) and
 * prints, as JSON, what the app shows for a battery of timeline queries: every matching id
 * in order (following "Load more"), the summary, the facets, the chart and the CSV export.
 * tests/integration/engines.test.ts compares the output of SQLite and PostgreSQL.
 */
process.env.DATABASE_URL = process.argv[2];

const { prisma } = await import("@/lib/db");
const { createEvent } = await import("@/lib/events/write");
const { eventInputSchema } = await import("@/lib/events/schema");
const { loadTimelinePage } = await import("@/lib/timeline/page-data");
const { exportCsvText } = await import("@/lib/export/export-text");
const { loadTimelineEmbed } = await import("@/lib/embed/page-data");
const { loadExamples } = await import("./example-data");

/** Titles whose words the search must find the same way on every engine. */
export const TRICKY_TITLES = [
  "Gençoğlu meets Петров in Zürich",
  "ПЕТРОВ and Ёлкин visit Йошкар-Ола",
  "S-400 delivery completed, EO 14024 cited",
  "S400 and EO14024 in one word",
  "snake_case words and co-operation with O'Brien",
  "Naïve café diplomacy in İstanbul and Łódź",
  "Straße of Øresund: Αθήνα replies",
  "北京 statement on 10 diplomats",
  "Sanctions, sanctioned, sanctioning: 2021-04 measures",
];

export const QUERIES = [
  "",
  "q=gencoglu",
  "q=Gen%C3%A7o%C4%9Flu",
  "q=genc",
  "q=coglu",
  "q=%D0%BF%D0%B5%D1%82%D1%80%D0%BE%D0%B2",
  "q=%D0%9F%D0%95%D0%A2",
  "q=%D1%91%D0%BB%D0%BA%D0%B8%D0%BD",
  "q=%D0%B8%D0%BE%D1%88%D0%BA%D0%B0%D1%80",
  "q=s-400",
  "q=s400",
  "q=400",
  "q=eo+14024",
  "q=14024",
  "q=snake_case",
  "q=case",
  "q=cooperation",
  "q=operation",
  "q=o%27brien",
  "q=brien",
  "q=naive+cafe",
  "q=istanbul",
  "q=lodz",
  "q=strasse",
  "q=oresund",
  "q=%CE%B1%CE%B8%CE%B7%CE%BD%CE%B1",
  "q=%E5%8C%97%E4%BA%AC",
  "q=sanction",
  "q=sanctions+russia",
  "q=diplomats+10",
  "q=expels",
  "q=caatsa",
  "q=nothing-like-this",
  "initiator=us",
  "initiator=ru&target=us",
  "actor=tr",
  "type=sanctions-imposed",
  "type=diplomatic-expulsion&type=sanctions-imposed",
  "from=2021-04&to=2021-04",
  "from=2020-12-10",
  "to=2019",
  "q=sanctions&from=2021",
  "sort=oldest",
  "basis=CAATSA+Section+231",
  "tag=s-400",
];

async function seed(): Promise<void> {
  await loadExamples(prisma);
  const actors = await prisma.actor.findMany({ orderBy: { id: "asc" }, select: { id: true } });
  for (const [i, title] of TRICKY_TITLES.entries()) {
    const input = eventInputSchema.parse({
      title,
      summary: `Probe event ${i + 1}.`,
      date: `2022-0${(i % 9) + 1}-1${i % 9}`,
      type: i % 2 === 0 ? "statement" : "sanctions-imposed",
      status: "published",
      initiatorIds: [actors[i % actors.length]!.id],
      targetIds: [actors[(i + 3) % actors.length]!.id],
      tags: [`probe ${i % 3}`],
    });
    await createEvent(prisma, input, { userId: null });
  }
}

type Shown = {
  query: string;
  ids: number[];
  summary: string;
  problems: string[];
  facets: unknown;
  chart: unknown;
  csv: string[];
  /** Every id /embed shows for the query, following its own "More events" links. */
  embed: number[];
};

async function embedIds(query: string): Promise<number[]> {
  const ids: number[] = [];
  for (let search: string | null = query; search !== null; ) {
    const model = await loadTimelineEmbed(search, "http://probe.test");
    ids.push(...model.events.map((e) => e.id));
    search = model.nextHref ? model.nextHref.replace(/^\/embed\?/, "") : null;
  }
  return ids;
}

async function show(query: string): Promise<Shown> {
  const first = await loadTimelinePage(query);
  const ids = first.view.events.map((e) => e.id);
  for (let cursor = first.view.nextCursor; cursor; ) {
    const next = await loadTimelinePage(`${query}&cursor=${encodeURIComponent(cursor)}`);
    ids.push(...next.view.events.map((e) => e.id));
    cursor = next.view.nextCursor;
  }
  // updated_at is the last column: the time of this run's writes, different on each engine.
  const csv = (await exportCsvText(prisma, query)).split("\r\n").map((line) => line.replace(/,[^,]*$/, ""));
  return {
    query,
    ids,
    summary: first.summary,
    problems: first.problems.map((p) => p.message),
    facets: first.view.facets,
    chart: first.view.chart,
    csv,
    embed: await embedIds(query),
  };
}

await seed();
const shown: Shown[] = [];
for (const query of QUERIES) shown.push(await show(query));
await prisma.$disconnect();
// Exit only once the output is flushed: a pipe's writes are asynchronous. Exiting at all
// ends the bulk readers' pools and the facet store's timers in one go.
await new Promise((resolve) => process.stdout.write(`${JSON.stringify(shown)}\n`, resolve));
process.exit(0);

/**
 * Run in a child process with a given TZ: loads the example data into the database whose
 * URL is argv[2] and prints what the app stores and shows for each event's date.
 */
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { formatStoredDate, formatInstantDay } from "@/lib/dates/partial-date";
import { loadExampleData, readExampleData } from "@/lib/events/example-data";
import { groupByYearAndMonth } from "@/lib/timeline/group";
import { EXAMPLE_FILE } from "./example-data";

const prisma = createPrismaClient(resolveDatabaseTarget(process.argv[2]));
await loadExampleData(prisma, readExampleData(EXAMPLE_FILE));
const events = await prisma.event.findMany({
  orderBy: [{ dateStart: "desc" }, { id: "desc" }],
  select: { title: true, datePrecision: true, dateStart: true, dateEnd: true, endDate: true },
});
console.log(
  JSON.stringify({
    tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
    offsetMinutes: new Date("2021-04-15T12:00:00Z").getTimezoneOffset(),
    events: events.map((e) => ({ ...e, shown: formatStoredDate(e.datePrecision, e.dateStart) })),
    groups: groupByYearAndMonth(events).map((y) => [y.year, y.months.map((m) => m.label)]),
    instant: formatInstantDay(new Date("2021-04-15T23:30:00Z")),
  }),
);
await prisma.$disconnect();

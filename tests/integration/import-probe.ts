/**
 * Run in a child process by staged-import.test.ts: applies the CSV file argv[3] to the
 * database whose URL is argv[2] and prints "rows N" as the check advances and "published N"
 * as staged batches are written, so that the test can kill it (kill -9) at a chosen step.
 * argv[4] = "slow-publish" pauses between published batches, so the kill lands inside them.
 */
export {};

process.env.DATABASE_URL = process.argv[2];
const file = process.argv[3] ?? "";
const slowPublish = process.argv[4] === "slow-publish";

const { prisma } = await import("@/lib/db");
const { csvColumnOf, csvFileSource } = await import("@/lib/import/csv-source");
const { applyImport } = await import("@/lib/import/engine");

let published = 0;
const report = await applyImport(prisma, csvFileSource(file, 100), {
  userId: null,
  columnOf: csvColumnOf,
  onProgress: (rows) => console.log(`rows ${rows}`),
  onPublished: async () => {
    published += 1;
    console.log(`published ${published}`);
    if (slowPublish) await new Promise((r) => setTimeout(r, 300));
  },
});
console.log(`done ${report.applied} ${report.rows}`);
await prisma.$disconnect();

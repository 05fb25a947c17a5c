/**
 * `npm run intake:accuracy [-- --json] [--since YYYY-MM-DD]`: per field, how often editors
 * changed what the drafter proposed, from the extraction records in DATABASE_URL (the same
 * figures as /admin/intake/accuracy). Exit code 2 for a usage error.
 */
import "./lib/env";
import { createPrismaClient } from "../lib/db/client";
import { resolveDatabaseTarget } from "../lib/db/url";
import { accuracyByField } from "../lib/intake/accuracy";
import { main } from "./lib/run";

const USAGE = "Usage: npm run intake:accuracy [-- --json] [--since YYYY-MM-DD]";

await main(async () => {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const sinceAt = args.indexOf("--since");
  const since = sinceAt >= 0 ? args[sinceAt + 1] : undefined;
  const known = args.every((a, i) => a === "--json" || a === "--since" || (i === sinceAt + 1 && sinceAt >= 0));
  if (!known || (sinceAt >= 0 && !/^\d{4}-\d{2}-\d{2}$/.test(since ?? ""))) {
    console.error(USAGE);
    process.exit(2);
  }
  const prisma = createPrismaClient(resolveDatabaseTarget());
  try {
    const report = await accuracyByField(prisma, since ? { since: new Date(`${since}T00:00:00Z`) } : {});
    if (json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    console.log(`${report.records} accepted drafts; ${report.unchanged} saved exactly as proposed.`);
    for (const f of report.fields) {
      console.log(`${f.label.padEnd(16)} changed ${String(f.changed).padStart(6)} of ${f.total}  (${(f.changedShare * 100).toFixed(1)}%)`);
    }
  } finally {
    await prisma.$disconnect();
  }
});

import path from "node:path";
import type { PrismaClient } from "@/lib/db/client";
import { loadExampleData, readExampleData } from "@/lib/events/example-data";

export const EXAMPLE_FILE = path.resolve(import.meta.dirname, "../../prisma/example-events.json");

export async function loadExamples(prisma: PrismaClient) {
  return loadExampleData(prisma, readExampleData(EXAMPLE_FILE));
}

/** Event ids by title, for readable assertions. */
export async function eventIdsByTitle(prisma: PrismaClient): Promise<Map<string, number>> {
  const events = await prisma.event.findMany({ select: { id: true, title: true } });
  return new Map(events.map((e) => [e.title, e.id]));
}

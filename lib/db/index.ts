import { createPrismaClient, type PrismaClient } from "@/lib/db/client";

// One client per process; dev-mode hot reloads would otherwise open a new one each time.
const globalForPrisma = globalThis as unknown as { demarchePrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.demarchePrisma ?? createPrismaClient();
globalForPrisma.demarchePrisma = prisma;

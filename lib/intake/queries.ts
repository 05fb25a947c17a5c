import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import { loadDraftContext } from "./context";

/** The drafter's context for the current request, read once however often it is asked for. */
export const draftContextForRequest = cache(() => loadDraftContext(prisma));

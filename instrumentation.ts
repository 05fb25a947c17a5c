/**
 * Runs once when a server instance starts: check the environment (a bad value stops the
 * start with a message naming the variable, docs/decisions/0020), then load the timeline's
 * facet index in the background so that the first reader does not wait for it
 * (docs/decisions/0004).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { readEnv } = await import("@/lib/env");
  readEnv();
  const { warmFacetIndex } = await import("@/lib/timeline/facet-store");
  const { prisma } = await import("@/lib/db");
  // Not awaited: the server starts answering at once; a request that comes before the load
  // has finished waits for the same load instead of starting another.
  warmFacetIndex(prisma).catch((error: unknown) => {
    console.error("Could not load the timeline's facet index at start; the first request will try again.", error);
  });
}

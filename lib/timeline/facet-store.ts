import "server-only";
import { FacetIndex } from "@/lib/timeline/facet-index";
import { loadIndexSource, readTimelineVersion } from "@/lib/timeline/sqlite-source";

type Cached = { version: string; index: FacetIndex; builtInMs: number };
const globalForIndex = globalThis as unknown as { demarcheFacetIndex?: Cached };

/**
 * The facet index for the current data. Checking the change counter costs one indexed
 * read; after any write the index is rebuilt once, by the first request that needs it.
 */
export function currentFacetIndex(): FacetIndex {
  const version = readTimelineVersion();
  const cached = globalForIndex.demarcheFacetIndex;
  if (cached && cached.version === version) return cached.index;
  const started = performance.now();
  const loaded = loadIndexSource();
  const index = new FacetIndex(loaded.source);
  globalForIndex.demarcheFacetIndex = { version: loaded.version, index, builtInMs: performance.now() - started };
  return index;
}

/** How long the last rebuild took (for the benchmark). */
export function lastFacetIndexBuildMs(): number | null {
  return globalForIndex.demarcheFacetIndex?.builtInMs ?? null;
}

export function forgetFacetIndex(): void {
  delete globalForIndex.demarcheFacetIndex;
}

/**
 * Building a base is resumable work: the loops yield every CHUNK iterations, so the store can
 * run a whole load or a compaction in slices between requests (`runAsync`) while tests and
 * small indexes run it at once (`runSync`).
 */
export type Work<T> = Generator<void, T, void>;
export const CHUNK_MASK = (1 << 15) - 1;

export function runSync<T>(work: Work<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Runs work in slices of about `sliceMs`, letting the event loop serve requests in between. */
export async function runAsync<T>(work: Work<T>, sliceMs = 15): Promise<T> {
  let started = performance.now();
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    if (performance.now() - started >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      started = performance.now();
    }
  }
}

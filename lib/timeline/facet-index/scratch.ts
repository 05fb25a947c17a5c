/**
 * Per-query scratch buffers, one position each: stamps mark the positions a query has
 * visited (`seen`) or found by search (`searched`), `matched` collects its base matches.
 * Allocating them per query would cost more than a small query itself.
 *
 * They belong to an index and are handed on to the index its `patch` returns, which
 * replaces it in the store; a compaction allocates new ones for its new base. Sharing them
 * is safe only because **every query of the index is synchronous**: a query fills and
 * reads them without yielding to the event loop, so two queries never interleave. A query
 * that awaited anything between filling and reading them would read another's results.
 */
export class Scratch {
  readonly seen: Int32Array;
  readonly searched: Int32Array;
  readonly matched: Int32Array;
  stamp = 0;

  constructor(size: number) {
    this.seen = new Int32Array(size);
    this.searched = new Int32Array(size);
    this.matched = new Int32Array(size);
  }

  /** A stamp no position holds yet. */
  nextStamp(): number {
    return ++this.stamp;
  }
}

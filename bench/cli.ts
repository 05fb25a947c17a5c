/**
 * What every synthetic-database benchmark reads from its command line, and the two small
 * statistics they print, so that `bench:timeline`, `bench:reach`, `bench:chains` and
 * `bench:embed` take the same arguments the same way.
 */

/** The value at quantile `q` (0..1) of `values`; 0 for none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Milliseconds in a fixed-width column. */
export const fmt = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1)).padStart(7);

export type BenchArgs = {
  /** Database sizes to run, in events (`10000 100000`), default 10k, 100k and 1M. */
  sizes: number[];
  runs: number;
  /** `--database postgresql://…`: run on a PostgreSQL copy of the same rows. */
  postgresServer: string | undefined;
  /** The value after any other `--name value` option this benchmark takes. */
  option: (name: string) => string | undefined;
};

/** Reads `[sizes…] [--runs N] [--database URL] [--<name> value…]`; bad values are a clear error. */
export function benchArgs(argv: readonly string[], defaults: { runs: number }, valueOptions: readonly string[] = []): BenchArgs {
  const takesValue = new Set(["--runs", "--database", ...valueOptions]);
  const option = (name: string) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const runsText = option("--runs");
  const runs = runsText === undefined ? defaults.runs : Number(runsText);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number of runs, not "${runsText}".`);
  const postgresServer = option("--database");
  if (argv.includes("--database") && !/^postgres(ql)?:\/\//.test(postgresServer ?? "")) {
    throw new Error("--database takes a PostgreSQL server URL, e.g. postgresql://user:password@localhost:5432/postgres");
  }
  const sizes = argv.filter((a, i) => /^\d+$/.test(a) && !takesValue.has(argv[i - 1] ?? "")).map(Number);
  return { sizes: sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000], runs, postgresServer, option };
}

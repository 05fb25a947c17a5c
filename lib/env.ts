import os from "node:os";
import path from "node:path";
import { z } from "zod";

/**
 * Every environment variable Demarche reads, parsed by one schema (docs/decisions/0020).
 * `.env.example` describes each. A bad value is an error that names the variable and the
 * value, at start (instrumentation.ts for the server, scripts/lib/env.ts for the scripts),
 * never a NaN that surfaces later. An empty value means unset, as in a `.env` line `PORT=`.
 *
 * Read directly elsewhere, because Next requires it: NODE_ENV (inlined into bundles, proxy.ts)
 * and NEXT_RUNTIME (instrumentation.ts). Children started by scripts get a copy of process.env.
 */
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be a whole number from ${min} to ${max}`);

const postgresUrl = (name: string) =>
  z
    .string()
    .trim()
    .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), `${name} must be a postgresql:// URL`);

export const envSchema = z.object({
  /** The database: postgres(ql):// selects PostgreSQL, anything else is a SQLite file (lib/db/url.ts). */
  DATABASE_URL: z.string().trim().optional(),
  /** Connections one app process keeps to PostgreSQL. */
  DATABASE_POOL_SIZE: wholeNumber("DATABASE_POOL_SIZE", 1, 1000).default(10),
  /** Port of the server started by `npm start` / `npm run serve`. */
  PORT: wholeNumber("PORT", 1, 65535).default(3000),
  /** How long a write waits for a busy database (lib/db/busy.ts, decision 0016). */
  DEMARCHE_DB_BUSY_WAIT_MS: wholeNumber("DEMARCHE_DB_BUSY_WAIT_MS", 100, 120_000).default(5_000),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (lib/auth/request.ts). */
  DEMARCHE_TRUSTED_PROXIES: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "DEMARCHE_TRUSTED_PROXIES must be a whole number of proxies (0 when clients connect directly)")
    .transform(Number)
    .default(0),
  /** Set by scripts/serve.ts in its own process: the client-address header is its own. */
  DEMARCHE_SERVED: z.enum(["1"], { error: "DEMARCHE_SERVED is set by scripts/serve.ts and can only be 1" }).optional(),
  /** The public origin for absolute links (lib/embed/origin.ts). */
  DEMARCHE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "DEMARCHE_PUBLIC_URL must be an http(s) URL such as https://demarche.example" })
    .transform((value) => new URL(value).origin)
    .optional(),
  /** The read API's requests per client and window, and the window in seconds. */
  DEMARCHE_API_RATE_LIMIT: wholeNumber("DEMARCHE_API_RATE_LIMIT", 1, 1_000_000).default(120),
  DEMARCHE_API_RATE_WINDOW: wholeNumber("DEMARCHE_API_RATE_WINDOW", 1, 86_400).default(60),
  /** Where an uploaded import file waits between the dry run and Apply. */
  IMPORT_UPLOAD_DIR: z
    .string()
    .trim()
    .default(() => path.join(/* turbopackIgnore: true */ os.tmpdir(), "demarche-imports")),
  /** `npm run import`: print every row's outcome. */
  IMPORT_VERBOSE: z.enum(["0", "1"], { error: "IMPORT_VERBOSE must be 0 or 1" }).default("0"),
  /** Password for `npm run user -- create / set-password` without a prompt. */
  DEMARCHE_PASSWORD: z.string().optional(),
  /** `npm start` switches Next's telemetry off unless this says 0. */
  NEXT_TELEMETRY_DISABLED: z.enum(["0", "1"], { error: "NEXT_TELEMETRY_DISABLED must be 0 or 1" }).optional(),
  /** Chromium for the end-to-end tests (scripts/ensure-chromium.ts). */
  CHROMIUM_PATH: z.string().trim().optional(),
  /** The PostgreSQL server the PostgreSQL test pass and `db:migration` use. */
  DEMARCHE_POSTGRES_URL: postgresUrl("DEMARCHE_POSTGRES_URL").optional(),
  /** Which database the test suites run on. */
  DEMARCHE_TEST_DATABASE: z.enum(["sqlite", "postgresql"], { error: "DEMARCHE_TEST_DATABASE must be sqlite or postgresql" }).optional(),
});

export type Env = z.infer<typeof envSchema>;
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A bad environment: one line per bad variable, each naming the variable and its value. */
export class EnvError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment (see .env.example):\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

const NAMES = Object.keys(envSchema.shape) as (keyof Env)[];
/** Values that may hold a password are named but never printed. */
const SECRET: ReadonlySet<string> = new Set(["DATABASE_URL", "DEMARCHE_POSTGRES_URL", "DEMARCHE_PASSWORD"]);

/** Parses the variables Demarche reads from `source`; throws EnvError on any bad value. */
export function parseEnv(source: EnvSource): Env {
  const raw: Record<string, string | undefined> = {};
  for (const name of NAMES) {
    const value = source[name];
    raw[name] = value === undefined || value.trim() === "" ? undefined : value;
  }
  const parsed = envSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const shown = SECRET.has(name) ? "(value not shown)" : JSON.stringify(raw[name] ?? "");
    return `${name}=${shown}: ${issue.message}`;
  });
  throw new EnvError(problems);
}

let cached: { key: string; env: Env } | null = null;

/**
 * The parsed environment of this process. Parsed again only when one of its variables
 * changed (tests and scripts/serve.ts set some at run time), so a read costs a string join.
 */
export function readEnv(source: EnvSource = process.env): Env {
  if (source !== process.env) return parseEnv(source);
  const key = NAMES.map((name) => source[name] ?? "\u0000").join("\u0001");
  if (cached?.key !== key) cached = { key, env: parseEnv(source) };
  return cached.env;
}

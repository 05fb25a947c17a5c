/**
 * `npm run draft -- article.txt --published 2021-04-29 [--today YYYY-MM-DD]`: drafts an
 * article and prints `{"drafts": [...]}` on standard output and nothing else there;
 * messages go to standard error. Exit 0 on success, 1 for bad input (empty, too large,
 * binary, bad or future publication date), 2 for a usage error.
 */
import fs from "node:fs";
import { draftArticle } from "./drafter";
import { IntakeInputError, MAX_ARTICLE_BYTES, detectPublicationDate } from "./text";
import { resolveDatabaseTarget } from "@/lib/db/url";
import { readEnv, type EnvSource } from "@/lib/env";
import type { Draft, DraftContext } from "./types";

export const DRAFT_USAGE = "Usage: npm run draft -- <article.txt|article.html|-> [--published YYYY-MM-DD] [--no-db]";

/** What the CLI drafts with, and what it does to the drafts afterwards. */
export type CliContext = {
  context: DraftContext;
  /** Where the context came from, for the message on standard error. */
  source: string;
  /** Fills `duplicateOf` and database `respondsTo` candidates (identity without a database). */
  enrich: (drafts: Draft[]) => Promise<Draft[]>;
  dispose: () => Promise<void>;
};

export type CliContextOptions = {
  /** `--no-db`: the built-in gazetteer only, even when a database exists. */
  noDatabase?: boolean;
  env?: EnvSource;
  /** The project root the default SQLite file is looked up from. */
  root?: string;
  stderr?: (s: string) => void;
};

const WITHOUT_DATABASE = (source: string): CliContext => ({
  context: { actors: [], legalBases: [] },
  source,
  enrich: async (drafts) => drafts,
  dispose: async () => {},
});

/**
 * The context the CLI drafts with. When a database is configured (DATABASE_URL, or the
 * app's default SQLite file data/demarche.db exists, resolved as the scripts resolve it),
 * the recorded actors, aliases and legal bases (`loadDraftContext`), and afterwards the
 * recorded events each draft may duplicate or respond to (`enrichDrafts`). Without one, or
 * when it cannot be read (not migrated, server down), the built-in gazetteer only, with a
 * message on standard error; never a failure.
 */
export async function loadCliContext(options: CliContextOptions = {}): Promise<CliContext> {
  const env = readEnv(options.env);
  const root = options.root ?? process.cwd();
  if (options.noDatabase) return WITHOUT_DATABASE("the built-in gazetteer (--no-db)");
  const target = resolveDatabaseTarget(env.DATABASE_URL, root);
  const configured = env.DATABASE_URL !== undefined;
  if (target.provider === "sqlite" && !fs.existsSync(target.file)) {
    if (configured) options.stderr?.(`No database at ${target.file}; drafting with the built-in gazetteer only.\n`);
    return WITHOUT_DATABASE("the built-in gazetteer (no database)");
  }
  // Loaded only when a database is there, so that the database-free path stays light.
  const { createPrismaClient } = await import("@/lib/db/client");
  const { enrichDrafts, loadDraftContext } = await import("./context");
  const prisma = createPrismaClient(target);
  try {
    const context = await loadDraftContext(prisma);
    return {
      context,
      source: `the database (${context.actors.length} actors)`,
      enrich: (drafts) => enrichDrafts(prisma, drafts),
      dispose: () => prisma.$disconnect(),
    };
  } catch (error) {
    await prisma.$disconnect().catch(() => {});
    const reason = error instanceof Error ? error.message.split("\n").find((l) => l.trim() !== "") ?? error.name : String(error);
    options.stderr?.(`Could not read the database (${reason.trim()}); drafting with the built-in gazetteer only.\n`);
    return WITHOUT_DATABASE("the built-in gazetteer (database unreadable)");
  }
}

export type CliIo = { stdout: (s: string) => void; stderr: (s: string) => void; readStdin: () => string };

function readArticle(file: string, io: CliIo): string {
  if (file === "-") return io.readStdin();
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new IntakeInputError("empty", `No such file: ${file}`);
  if (stat.size > MAX_ARTICLE_BYTES) throw new IntakeInputError("too-large", `${file} is larger than 2 MB; the drafter reads articles, not archives.`);
  const bytes = fs.readFileSync(file);
  if (bytes.includes(0)) throw new IntakeInputError("binary", `${file} is a binary file, not an article's text.`);
  return bytes.toString("utf8");
}

/** Runs the CLI; returns the exit code. */
export async function runDraftCli(argv: string[], io: CliIo, options: Omit<CliContextOptions, "noDatabase" | "stderr"> = {}): Promise<number> {
  const files: string[] = [];
  let published: string | null = null;
  let today: string | undefined;
  let noDatabase = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--published" || a === "--today") {
      const value = argv[++i];
      if (!value) {
        io.stderr(`${a} needs a date.\n${DRAFT_USAGE}\n`);
        return 2;
      }
      if (a === "--published") published = value;
      else today = value;
    } else if (a === "--no-db") noDatabase = true;
    else if (a.startsWith("--published=")) published = a.slice("--published=".length);
    else if (a.startsWith("--")) {
      io.stderr(`Unknown option ${a}.\n${DRAFT_USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.stderr(`${DRAFT_USAGE}\n`);
    return 2;
  }
  try {
    const text = readArticle(files[0] ?? "", io);
    if (!published) {
      published = detectPublicationDate(text);
      if (!published) throw new IntakeInputError("bad-publication-date", "No --published date given and the article has no dateline to read it from.");
      io.stderr(`Publication date read from the dateline: ${published}\n`);
    }
    const cli = await loadCliContext({ ...options, noDatabase, stderr: io.stderr });
    try {
      const result = draftArticle({ text, published }, cli.context, { today });
      for (const m of result.messages ?? []) io.stderr(`${m}\n`);
      const drafts = await cli.enrich(result.drafts);
      io.stdout(`${JSON.stringify({ drafts }, null, 2)}\n`);
      const duplicates = drafts.filter((d) => d.duplicateOf.length > 0).length;
      io.stderr(`${drafts.length} draft${drafts.length === 1 ? "" : "s"}, drafted with ${cli.source}${duplicates ? `; ${duplicates} possibly already recorded` : ""}.\n`);
      return 0;
    } finally {
      await cli.dispose();
    }
  } catch (error) {
    if (error instanceof IntakeInputError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

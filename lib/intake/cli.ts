/**
 * `npm run draft -- article.txt --published 2021-04-29 [--today YYYY-MM-DD]`: drafts an
 * article and prints `{"drafts": [...]}` on standard output and nothing else there;
 * messages go to standard error. Exit 0 on success, 1 for bad input (empty, too large,
 * binary, bad or future publication date), 2 for a usage error.
 */
import fs from "node:fs";
import { draftArticle } from "./drafter";
import { IntakeInputError, MAX_ARTICLE_BYTES, detectPublicationDate } from "./text";
import type { DraftContext } from "./types";

export const DRAFT_USAGE = "Usage: npm run draft -- <article.txt|article.html|-> [--published YYYY-MM-DD]";

/**
 * The context the CLI drafts with. Without a database: no known actors or legal bases, so
 * mentions resolve through the built-in gazetteer only. (The database-backed context is
 * loaded here once the ActorAlias table exists.)
 */
export async function loadCliContext(): Promise<DraftContext> {
  return { actors: [], legalBases: [] };
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
export async function runDraftCli(argv: string[], io: CliIo): Promise<number> {
  const files: string[] = [];
  let published: string | null = null;
  let today: string | undefined;
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
    } else if (a.startsWith("--published=")) published = a.slice("--published=".length);
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
    const result = draftArticle({ text, published }, await loadCliContext(), { today });
    for (const m of result.messages ?? []) io.stderr(`${m}\n`);
    io.stdout(`${JSON.stringify({ drafts: result.drafts }, null, 2)}\n`);
    io.stderr(`${result.drafts.length} draft${result.drafts.length === 1 ? "" : "s"}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof IntakeInputError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

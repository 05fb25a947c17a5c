import path from "node:path";
import { readEnv } from "../env";

/** Where the default SQLite database lives, relative to the project root (git-ignored). */
export const DEFAULT_SQLITE_FILE = "data/demarche.db";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

/**
 * Reads DATABASE_URL: postgres:// or postgresql:// selects PostgreSQL; anything else is
 * a SQLite file ("file:./data/x.db", "./data/x.db" or an absolute path). Relative SQLite
 * paths resolve against the project root so scripts, tests and the server agree.
 */
export function resolveDatabaseTarget(
  raw: string | undefined = readEnv().DATABASE_URL,
  root: string = process.cwd(),
): DatabaseTarget {
  const value = raw?.trim() ?? "";
  if (/^postgres(ql)?:\/\//i.test(value)) {
    return { provider: "postgresql", url: value };
  }
  let file = value === "" ? DEFAULT_SQLITE_FILE : value.replace(/^file:/i, "");
  file = file.split("?")[0] ?? file;
  if (file.startsWith("//")) file = file.slice(2);
  if (file === "") file = DEFAULT_SQLITE_FILE;
  const absolute = path.isAbsolute(file) ? file : path.resolve(root, file);
  return { provider: "sqlite", url: `file:${absolute}`, file: absolute };
}

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "@/lib/env";

/**
 * Files between the dry run and "Apply": stored server-side under the SHA-256 of their
 * content, so Apply names exactly the bytes that were checked (the browser sends only the
 * hash back) and the file is not uploaded twice. Files older than a day are removed.
 */
/** IMPORT_UPLOAD_DIR, default demarche-imports in the system temp folder (lib/env.ts). */
const uploadDir = () => readEnv().IMPORT_UPLOAD_DIR;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const HASH = /^[0-9a-f]{64}$/;

/**
 * A file in the upload folder. The folder comes from the environment at run time, so the
 * bundler is told not to trace it (it would otherwise include the whole project).
 */
function uploadPath(name: string): string {
  return path.join(/* turbopackIgnore: true */ uploadDir(), name);
}

/** A new temporary file in the upload folder (old uploads are cleared on the way). */
export function temporaryUploadPath(): string {
  fs.mkdirSync(/* turbopackIgnore: true */ uploadDir(), { recursive: true });
  removeOldUploads();
  return uploadPath(`upload-${crypto.randomUUID()}.part`);
}

/** Moves a fully received temporary file to its name by content hash. */
export function finishUpload(temporary: string, hash: string): { hash: string; path: string } {
  const final = uploadPath(hash);
  fs.renameSync(temporary, final);
  return { hash, path: final };
}

/** What the dry run found for an upload, kept beside it so the import page can show it after a redirect. */
export type StoredCheck<T> = { userId: number; fileName: string; report: T; createDuplicates?: boolean };

export function saveCheck<T>(hash: string, check: StoredCheck<T>): void {
  if (HASH.test(hash)) fs.writeFileSync(uploadPath(`${hash}.check-${check.userId}.json`), JSON.stringify(check));
}

/** The dry run of `hash` made by this user, or null (another user's checks are not shown). */
export function findCheck<T>(hash: string, userId: number): StoredCheck<T> | null {
  if (!HASH.test(hash) || !Number.isSafeInteger(userId)) return null;
  try {
    const check = JSON.parse(fs.readFileSync(uploadPath(`${hash}.check-${userId}.json`), "utf8")) as StoredCheck<T>;
    return check.userId === userId ? check : null;
  } catch {
    return null;
  }
}

/** The stored file for a hash from the browser, or null when it is malformed, gone or altered. */
export function findUpload(hash: string): string | null {
  if (!HASH.test(hash)) return null;
  const file = uploadPath(hash);
  if (!fs.existsSync(file)) return null;
  const actual = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  return actual === hash ? file : null;
}

export function removeUpload(hash: string): void {
  if (!HASH.test(hash)) return;
  fs.rmSync(uploadPath(hash), { force: true });
  for (const name of fs.readdirSync(/* turbopackIgnore: true */ uploadDir())) {
    if (name.startsWith(`${hash}.check-`)) fs.rmSync(uploadPath(name), { force: true });
  }
}

function removeOldUploads(): void {
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of fs.readdirSync(/* turbopackIgnore: true */ uploadDir())) {
    const file = uploadPath(name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // Removed concurrently by another request: nothing to do.
    }
  }
}

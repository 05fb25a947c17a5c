import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable, Transform } from "node:stream";

/**
 * Files between the dry run and "Apply": stored server-side under the SHA-256 of their
 * content, so Apply names exactly the bytes that were checked (the browser sends only the
 * hash back) and the file is not uploaded twice. Files older than a day are removed.
 */
const UPLOAD_DIR = process.env.IMPORT_UPLOAD_DIR ?? path.join(/* turbopackIgnore: true */ os.tmpdir(), "demarche-imports");
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const HASH = /^[0-9a-f]{64}$/;

/**
 * A file in the upload folder. The folder comes from the environment at run time, so the
 * bundler is told not to trace it (it would otherwise include the whole project).
 */
function uploadPath(name: string): string {
  return path.join(/* turbopackIgnore: true */ UPLOAD_DIR, name);
}

export async function saveUpload(file: Blob): Promise<{ hash: string; path: string }> {
  fs.mkdirSync(/* turbopackIgnore: true */ UPLOAD_DIR, { recursive: true });
  removeOldUploads();
  const temporary = uploadPath(`upload-${crypto.randomUUID()}.part`);
  const hash = crypto.createHash("sha256");
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  // Blob.stream() is a web stream; Node's pipeline wants a Node one.
  await pipeline(Readable.fromWeb(file.stream() as Parameters<typeof Readable.fromWeb>[0]), tap, fs.createWriteStream(temporary));
  const digest = hash.digest("hex");
  const final = uploadPath(digest);
  fs.renameSync(temporary, final);
  return { hash: digest, path: final };
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
  if (HASH.test(hash)) fs.rmSync(uploadPath(hash), { force: true });
}

function removeOldUploads(): void {
  const cutoff = Date.now() - MAX_AGE_MS;
  for (const name of fs.readdirSync(/* turbopackIgnore: true */ UPLOAD_DIR)) {
    const file = uploadPath(name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
    } catch {
      // Removed concurrently by another request: nothing to do.
    }
  }
}

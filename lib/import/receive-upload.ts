import crypto from "node:crypto";
import fs from "node:fs";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { MAX_UPLOAD_BYTES } from "@/lib/import/report-view";
import { finishUpload, temporaryUploadPath } from "@/lib/import/upload-store";

export type ReceivedUpload =
  | { ok: true; hash: string; path: string; fileName: string; fields: Record<string, string> }
  | { ok: false; problem: "too-large" | "no-file" | "not-a-form" };

/** Multipart framing around the file (boundaries, part headers, the small fields). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads a multipart form with one file field ("file") from a request, streaming the file
 * to the upload folder and hashing it on the way. Nothing is buffered beyond a chunk: a
 * Content-Length over the limit is refused before the body is read, and a body that turns
 * out longer (no length given, or a lying one) is cut off at `limit` bytes of file and
 * reported as too large, its partial file removed. The caller must have checked the
 * user's role first.
 */
export async function receiveUpload(request: Request, limit = MAX_UPLOAD_BYTES): Promise<ReceivedUpload> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body) return { ok: false, problem: "not-a-form" };
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit + FORM_OVERHEAD_BYTES) return { ok: false, problem: "too-large" };

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": type },
      limits: { files: 1, fileSize: limit, fields: 10, fieldSize: 4096, parts: 12, headerPairs: 20 },
    });
  } catch {
    return { ok: false, problem: "not-a-form" };
  }

  const body = Readable.fromWeb(request.body as Parameters<typeof Readable.fromWeb>[0]);
  return new Promise<ReceivedUpload>((resolve) => {
    let settled = false;
    const settle = (result: ReceivedUpload) => {
      if (settled) return;
      settled = true;
      // Stop reading a body we no longer want (Node discards the rest of the request).
      body.unpipe(parser);
      body.destroy();
      resolve(result);
    };
    let saving: Promise<ReceivedUpload> | null = null;
    /** The form's small fields (bounded by the parser's limits), by name; the first value of each. */
    const fields: Record<string, string> = {};
    parser.on("field", (name, value) => {
      if (!Object.hasOwn(fields, name)) fields[name] = value;
    });
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || saving) {
        stream.resume();
        return;
      }
      const temporary = temporaryUploadPath();
      const hash = crypto.createHash("sha256");
      let bytes = 0;
      let truncated = false;
      stream.once("limit", () => (truncated = true));
      const tap = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          hash.update(chunk);
          done(null, chunk);
        },
      });
      saving = pipeline(stream, tap, fs.createWriteStream(temporary)).then(
        () => {
          if (truncated) {
            fs.rmSync(temporary, { force: true });
            return { ok: false, problem: "too-large" } as const;
          }
          if (bytes === 0) {
            fs.rmSync(temporary, { force: true });
            return { ok: false, problem: "no-file" } as const;
          }
          const saved = finishUpload(temporary, hash.digest("hex"));
          return { ok: true, ...saved, fileName: (info.filename ?? "upload").slice(0, 200), fields } as const;
        },
        () => {
          fs.rmSync(temporary, { force: true });
          return { ok: false, problem: "not-a-form" } as const;
        },
      );
      // Past the limit there is no point reading on: answer now and stop the body; the
      // pipeline then fails and removes the partial file.
      stream.on("limit", () => {
        settle({ ok: false, problem: "too-large" });
        stream.destroy();
      });
    });
    parser.on("close", () => void (saving ?? Promise.resolve<ReceivedUpload>({ ok: false, problem: "no-file" })).then(settle));
    parser.on("error", () => settle({ ok: false, problem: "not-a-form" }));
    body.on("error", () => settle({ ok: false, problem: "not-a-form" }));
    body.pipe(parser);
  });
}

import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-upload-"));
process.env.IMPORT_UPLOAD_DIR = dir;
const { receiveUpload } = await import("./receive-upload");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const BOUNDARY = "----demarche-test-boundary";

function head(fileName = "events.csv"): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
}
const TAIL = `\r\n--${BOUNDARY}--\r\n`;

/** A request whose body is produced chunk by chunk, counting how much the server pulled. */
function streamingRequest(chunks: Iterable<Uint8Array>, headers: Record<string, string> = {}) {
  const iterator = chunks[Symbol.iterator]();
  const pulled = { bytes: 0, done: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) {
        pulled.done = true;
        controller.close();
        return;
      }
      pulled.bytes += next.value.length;
      controller.enqueue(next.value);
    },
  });
  const request = new Request("http://127.0.0.1/admin/import/upload", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    duplex: "half",
  } as RequestInit);
  return { request, pulled };
}

function* fileChunks(content: Buffer | null, megabytes = 0): Generator<Uint8Array> {
  yield Buffer.from(head());
  if (content) yield content;
  const block = Buffer.alloc(1024 * 1024, 97);
  for (let i = 0; i < megabytes; i++) yield block;
  yield Buffer.from(TAIL);
}

const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith(".part"));

describe("receiveUpload", () => {
  it("streams a file to the upload folder under its SHA-256", async () => {
    const content = Buffer.from("title,date,type,initiators\nA,2021,statement,US\n");
    const { request } = streamingRequest(fileChunks(content));
    const result = await receiveUpload(request, 1024);
    const hash = crypto.createHash("sha256").update(content).digest("hex");
    expect(result).toEqual({ ok: true, hash, path: path.join(dir, hash), fileName: "events.csv", fields: {} });
    expect(fs.readFileSync(path.join(dir, hash))).toEqual(content);
  });

  it("returns the form's small fields, also those sent after the file", async () => {
    const content = Buffer.from("title,date,type,initiators\nB,2021,statement,US\n");
    const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const chunks = [Buffer.from(field("before", "1") + head()), content, Buffer.from(`\r\n${field("createDuplicates", "on")}--${BOUNDARY}--\r\n`)];
    const result = await receiveUpload(streamingRequest(chunks).request, 1024);
    expect(result).toMatchObject({ ok: true, fields: { before: "1", createDuplicates: "on" } });
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const { request, pulled } = streamingRequest(fileChunks(null, 8), { "content-length": String(8 * 1024 * 1024 + 500) });
    expect(await receiveUpload(request, 1024 * 1024)).toEqual({ ok: false, problem: "too-large" });
    // At most what the stream itself fetched ahead (the first chunk, the part's headers).
    expect(pulled.bytes).toBeLessThan(1024);
  });

  it("stops reading a body without a length as soon as the file passes the limit, and keeps no partial file", async () => {
    const { request, pulled } = streamingRequest(fileChunks(null, 60));
    expect(await receiveUpload(request, 2 * 1024 * 1024)).toEqual({ ok: false, problem: "too-large" });
    expect(pulled.done).toBe(false);
    expect(pulled.bytes).toBeLessThan(8 * 1024 * 1024);
    // The partial file is removed once its stream has closed.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(leftovers()).toEqual([]);
  });

  it("names an empty file, a missing file and a body that is not a form", async () => {
    expect(await receiveUpload(streamingRequest(fileChunks(Buffer.alloc(0))).request, 1024)).toEqual({ ok: false, problem: "no-file" });
    const noFile = streamingRequest([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="x"\r\n\r\ny${TAIL}`)]);
    expect(await receiveUpload(noFile.request, 1024)).toEqual({ ok: false, problem: "no-file" });
    const json = new Request("http://127.0.0.1/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(await receiveUpload(json, 1024)).toEqual({ ok: false, problem: "not-a-form" });
  });
});

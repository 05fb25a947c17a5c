/**
 * Turns an async source of text chunks into a byte stream that reads the next chunk only
 * when the client has taken the previous one (pull-based). A slow download therefore holds
 * one batch in memory, not the whole export, and a client that disconnects stops the reads.
 */
export function textStream(chunks: AsyncIterable<string>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // Headers are already sent: the best a stream can do is end abnormally, so the
          // client sees a failed download rather than a silently truncated file.
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
}

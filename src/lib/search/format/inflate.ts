/**
 * Gzip inflation for index files, with the platform's DecompressionStream (the same in the
 * browser, its workers and Node): no inflater in the app's code.
 */

/**
 * The bytes of one gzip member. Written to and read from the DecompressionStream's own writer and
 * reader: not `new Blob([data]).stream()` piped through it and read with
 * `new Response(…).arrayBuffer()`, because Chromium reads a Blob's stream through the browser
 * process, several times slower per part (figures: docs/benchmark-notes.md).
 *
 * With `pause` (the widget's search in the page), a large member is written in slices with
 * `pause` awaited between them, so that its decompression is not one long task.
 *
 * @throws TypeError (rejects) when the data is not a whole, valid gzip member
 * @example const part = await inflate(await source.bytes('terms-0a1b2c3d.bin'));
 */
export async function inflate(data: Uint8Array, pause?: (stage?: string) => Promise<void>): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // A corrupt member errors the stream: the read below rejects, and says so for these too.
  if (pause && data.length > PAUSED_SLICE_BYTES) {
    // A large file's decompression runs as it is written: in slices, with `pause` between them.
    writeInSlices(writer, data, pause).catch(() => undefined);
  } else {
    writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
    writer.close().catch(() => undefined);
  }
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    size += read.value.length;
  }
  if (chunks.length === 1) return chunks[0]!;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/**
 * Compressed bytes written at once when `inflate` is given a pause (the widget's search in the
 * page): a slice inflates to a few hundred kilobytes at most, a few milliseconds of work.
 */
const PAUSED_SLICE_BYTES = 32 * 1024;

async function writeInSlices(writer: WritableStreamDefaultWriter<BufferSource>, data: Uint8Array, pause: (stage?: string) => Promise<void>): Promise<void> {
  for (let at = 0; at < data.length; at += PAUSED_SLICE_BYTES) {
    await writer.write(data.subarray(at, at + PAUSED_SLICE_BYTES) as Uint8Array<ArrayBuffer>);
    await pause('inflate slice');
  }
  await writer.close();
}

/** A gzip member of no bytes. */
const EMPTY_GZIP = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0);

/**
 * Inflates nothing, once: the first use of a DecompressionStream in a fresh worker costs setup
 * (docs/benchmark-notes.md). Called while the first parts are downloading, it takes that setup off
 * the way to the first results.
 */
export async function warmUpInflate(): Promise<void> {
  await inflate(EMPTY_GZIP);
}

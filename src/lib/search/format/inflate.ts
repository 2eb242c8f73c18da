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
 * @throws TypeError (rejects) when the data is not a whole, valid gzip member
 * @example const part = await inflate(await source.bytes('terms-0a1b2c3d.bin'));
 */
export async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  // A corrupt member errors the stream: the read below rejects, and says so for these too.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
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

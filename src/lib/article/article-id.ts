/**
 * Stable article ids: the same article gets the same id in every build, so `#a=<id>` links keep
 * working after the archive grows. Ids hash the URL identity (or the file path when there is no
 * URL) with cyrb53, a fast 53-bit string hash that needs no crypto API and runs the same everywhere.
 */

/** 53-bit hash of a string (cyrb53, public domain). */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return finish53(h1, h2);
}

/** 53-bit hash of bytes (cyrb53 over byte values), for content-addressed file names. */
export function hash53Bytes(data: Uint8Array, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < data.length; i++) {
    h1 = Math.imul(h1 ^ data[i]!, 2654435761);
    h2 = Math.imul(h2 ^ data[i]!, 1597334677);
  }
  return finish53(h1, h2);
}

function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The article id for a URL identity or file path: 11 base-36 characters, URL-safe.
 * @example articleId('rfa.org/mandarin/a.html') // e.g. '0k3j9x2m1qa'
 */
export function articleId(key: string, seed = 0): string {
  return hash53(key, seed).toString(36).padStart(11, '0');
}

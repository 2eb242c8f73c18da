/**
 * Vocabulary packs: the parts the hosted page's prefetch fetches ahead, `PACK_PARTS` consecutive
 * parts of one part table page in one file, so that the prefetch moves at the link's pace instead
 * of one part (≈ 5 KB) per round trip (docs/scale.md). A pack holds the parts' files exactly as
 * served (gzip), after a header naming each part's hash and length: whoever reads a pack (the
 * search worker, the service worker storing it) can split it into the parts without the part
 * table, and checks that it holds the parts it was asked for.
 *
 * A pack's name is derived from its parts' hashes (`packPath`): the reader works it out from the
 * part table page it has read, and the same parts always make the same pack, whichever build.
 * Parts stay files of their own: a search still fetches the one part it needs.
 */
import { hashBytes } from './content-hash.ts';
import type { TermPartEntry } from './index-format.ts';
import type { PartPageEntry } from './part-pages.ts';

/** Parts per pack: ≈ 40 KB, about as long on a 10 Mbit/s link as the round trip that asks for it. */
export const PACK_PARTS = 8;

/**
 * The older blocks' parts are packed only when the whole vocabulary is within this many bytes:
 * the largest budget the hosted page's prefetch can have (`VOCABULARY_BUDGET` at 10 Mbit/s or more,
 * `scaledBudget`). A larger vocabulary's prefetch fetches the newest block's parts alone.
 */
export const PACKED_VOCABULARY_LIMIT = 16_000_000;

/**
 * Which vocabularies the writer packs, given their parts' bytes: the newest block's always, the
 * older blocks' too when the whole vocabulary fits `PACKED_VOCABULARY_LIMIT`.
 * @example packedVocabularies(5e6, 4e6) // ['newestParts', 'parts']
 */
export function packedVocabularies(newestBytes: number, olderBytes: number): TermPacks['vocabularies'] {
  return olderBytes > 0 && newestBytes + olderBytes <= PACKED_VOCABULARY_LIMIT ? ['newestParts', 'parts'] : ['newestParts'];
}

/** The manifest's word on packs (absent: the index has none, the prefetch fetches part by part). */
export interface TermPacks {
  /** Parts per pack (`PACK_PARTS` when written). */
  parts: number;
  /** The vocabularies whose parts are packed: the newest block's always, the older blocks' when the whole vocabulary fits the largest prefetch budget. */
  vocabularies: Array<'newestParts' | 'parts'>;
}

/** The first bytes of a pack. */
const MAGIC = [0x4e, 0x53, 0x50, 0x4b]; // "NSPK"

const encoder = new TextEncoder();

/** A pack's file name, from its parts' hashes in order. */
export function packPath(partHashes: readonly string[]): string {
  return `pack-${hashBytes(encoder.encode(partHashes.join(',')))}.bin`;
}

/** True for the path of a pack. */
export function isPackPath(path: string): boolean {
  return /^pack-[0-9a-z]+\.bin$/.test(path);
}

/** One pack of a vocabulary: its path, the index in the vocabulary's part table of its first part, its parts' hashes. */
export interface PackEntry {
  path: string;
  first: number;
  hashes: string[];
}

/**
 * A vocabulary's packs: each page's parts (`pages[p][2]` of them, in table order in `parts`) cut
 * into runs of `size`, a page's last run shorter. Packs never span pages, so that a page read
 * alone names whole packs.
 *
 * @example packsOf([['a', 'p', 3, 0]], [['a', 'h1'], ['b', 'h2'], ['c', 'h3']], 2) // two packs: h1 h2, h3
 */
export function packsOf(pages: readonly PartPageEntry[], parts: readonly TermPartEntry[], size: number = PACK_PARTS): PackEntry[] {
  const packs: PackEntry[] = [];
  let start = 0;
  for (const page of pages) {
    const end = Math.min(parts.length, start + page[2]);
    for (let first = start; first < end; first += size) {
      const hashes = parts.slice(first, Math.min(end, first + size)).map(([, hash]) => hash);
      packs.push({ path: packPath(hashes), first, hashes });
    }
    start = end;
  }
  return packs;
}

/**
 * A pack's bytes: the header (magic, count as a 16-bit number, then per part its hash's length in a
 * byte, the hash in ASCII and its length as a 32-bit number, big-endian), then the parts' bytes.
 * (Fixed-width numbers rather than `bytes.ts`'s varints: the prefetch's chunk shares no module with
 * the search core's, so that neither waits for a third file.)
 */
export function encodePack(parts: ReadonlyArray<{ hash: string; bytes: Uint8Array }>): Uint8Array {
  const header = MAGIC.length + 2 + parts.reduce((sum, { hash }) => sum + 1 + hash.length + 4, 0);
  const data = new Uint8Array(header + parts.reduce((sum, { bytes }) => sum + bytes.length, 0));
  const view = new DataView(data.buffer);
  data.set(MAGIC);
  let at = MAGIC.length;
  view.setUint16(at, parts.length);
  at += 2;
  for (const { hash, bytes } of parts) {
    if (!/^[0-9a-z]{1,255}$/.test(hash)) throw new RangeError(`term-packs: ${hash} is not a part hash`);
    data[at++] = hash.length;
    for (let i = 0; i < hash.length; i++) data[at++] = hash.charCodeAt(i);
    view.setUint32(at, bytes.length);
    at += 4;
  }
  for (const { bytes } of parts) {
    data.set(bytes, at);
    at += bytes.length;
  }
  return data;
}

/**
 * A pack's parts, by hash (views into `data`), checked: the magic bytes, the header, and the
 * lengths adding up to the file's. With `expected`, the pack must hold exactly those hashes in
 * that order (another file under the name would otherwise hand out wrong parts).
 * @throws RangeError saying what is wrong
 */
export function decodePack(data: Uint8Array, expected?: readonly string[]): Map<string, Uint8Array> {
  if (data.length < MAGIC.length + 2 || MAGIC.some((byte, i) => data[i] !== byte)) throw new RangeError('not a vocabulary pack');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const cut = () => new RangeError('a vocabulary pack cut short');
  const count = view.getUint16(MAGIC.length);
  let at = MAGIC.length + 2;
  const heads: Array<[string, number]> = [];
  for (let i = 0; i < count; i++) {
    const length = data[at++];
    if (length === undefined || at + length + 4 > data.length) throw cut();
    heads.push([String.fromCharCode(...data.subarray(at, at + length)), view.getUint32(at + length)]);
    at += length + 4;
  }
  if (expected && (expected.length !== count || heads.some(([hash], i) => hash !== expected[i]))) throw new RangeError('a vocabulary pack holding other parts than its name says');
  const parts = new Map<string, Uint8Array>();
  for (const [hash, length] of heads) {
    if (at + length > data.length) throw cut();
    parts.set(hash, data.subarray(at, at + length));
    at += length;
  }
  if (at !== data.length) throw new RangeError('a vocabulary pack longer than its header says');
  return parts;
}

/**
 * The build's side of the part table pages (part-pages.ts): cutting a vocabulary's part table into
 * content-hashed pages. Apart from the reader's side, which the search worker loads: this one needs
 * the content hash.
 */
import { hashBytes } from '../format/content-hash.ts';
import type { IndexFile, TermPartEntry } from '../format/index-format.ts';
import { type PartPageEntry, partPagePath, partsPerPage } from '../format/part-pages.ts';

const encoder = new TextEncoder();

/**
 * Cuts a part table into pages: the files to write (gzip) and the manifest's entries (bytes 0:
 * the writer fills them in).
 *
 * @example cutPartPages([['a', 'h1'], ['b', 'h2']]) // { pages: [['a', '…', 2, 0]], files: [{ path: 'dir-….bin', … }] }
 */
export function cutPartPages(parts: readonly TermPartEntry[]): { pages: PartPageEntry[]; files: IndexFile[] } {
  const size = partsPerPage(parts.length);
  const pages: PartPageEntry[] = [];
  const files: IndexFile[] = [];
  for (let start = 0; start < parts.length; start += size) {
    const slice = parts.slice(start, start + size);
    const data = encoder.encode(JSON.stringify(slice.map(([first, hash]) => [first, hash])));
    const hash = hashBytes(data);
    files.push({ path: partPagePath(hash), data, gzip: true });
    pages.push([slice[0]![0], hash, slice.length, 0]);
  }
  return { pages, files };
}

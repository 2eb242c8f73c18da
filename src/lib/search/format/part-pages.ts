/**
 * The vocabulary's part table, paged: the manifest lists pages of it (a small top-level term
 * directory: each page's first term, content hash, part count and bytes), and each page is a
 * content-hashed file (`dir-<hash>.bin`, gzip) listing its parts' first terms and hashes. A query
 * fetches the pages of its terms' ranges, then the parts; the manifest every visitor downloads no
 * longer grows with the vocabulary (it grew by one entry per part: 14 KB gzip of the 16.8 KB at
 * 3,155 articles, see docs/scale.md).
 *
 * Pages are cut by count (`partsPerPage`): at most `MAX_PAGES` per vocabulary, at least
 * `MIN_PARTS_PER_PAGE` parts each, so that the directory stays small at any size and a page small
 * on a small archive.
 */
import type { TermPartEntry } from './index-format.ts';

/**
 * One page of a vocabulary's part table, as the manifest lists it: the page's first term (its
 * first part's), the content hash naming its file (`partPagePath`), how many parts it lists, and
 * the bytes (gzip) of those parts and of the page itself, filled in by the writer (0 before).
 */
export type PartPageEntry = [first: string, hash: string, parts: number, bytes: number];

/** Most pages per vocabulary: the manifest's directory stays under ~4 KB gzip whatever the archive's size. */
export const MAX_PAGES = 96;
/** Fewest parts per page (a page of 48 parts is about 0.8 KB gzip). */
export const MIN_PARTS_PER_PAGE = 48;

/** Path of a part table page's file. */
export function partPagePath(hash: string): string {
  return `dir-${hash}.bin`;
}

/** True for the path of a part table page. */
export function isPartPagePath(path: string): boolean {
  return /^dir-[0-9a-z]+\.bin$/.test(path);
}

/** Parts per page for a vocabulary of `parts` parts. */
export function partsPerPage(parts: number): number {
  return Math.max(MIN_PARTS_PER_PAGE, Math.ceil(parts / MAX_PAGES));
}

const decoder = new TextDecoder();

const HASH = /^[0-9a-z]{1,16}$/;

/**
 * Reads a page's bytes (inflated) and checks them against its manifest entry: as many parts as it
 * declares, first terms strictly ascending from the page's first term and below `next` (the next
 * page's first term), hashes of the index's shape. Another page's bytes under this name, or a
 * damaged one, would otherwise send queries to the wrong parts.
 * @throws RangeError saying what is wrong
 */
export function decodePartPage(data: Uint8Array, page: PartPageEntry, next: string | undefined): TermPartEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(data));
  } catch {
    throw new RangeError('not a part table page');
  }
  if (!Array.isArray(parsed) || parsed.length !== page[2]) throw new RangeError(`lists ${Array.isArray(parsed) ? parsed.length : 'no'} parts, the manifest says ${page[2]}`);
  const parts: TermPartEntry[] = [];
  let previous: string | null = null;
  for (const item of parsed as unknown[]) {
    if (!Array.isArray(item) || item.length !== 2 || typeof item[0] !== 'string' || typeof item[1] !== 'string' || !HASH.test(item[1])) throw new RangeError(`has an invalid part entry ${parts.length}`);
    const first = item[0];
    if (previous === null ? first !== page[0] : !(previous < first)) throw new RangeError(`its parts are out of order at entry ${parts.length}`);
    if (next !== undefined && !(first < next)) throw new RangeError('its terms are not in the range the manifest gives it');
    parts.push([first, item[1]]);
    previous = first;
  }
  return parts;
}

/** The part hashes a page's bytes (not gzip) list, without checks: for the writer, which made them. */
export function partHashesOfPage(data: Uint8Array | string): string[] {
  const text = typeof data === 'string' ? data : decoder.decode(data);
  return (JSON.parse(text) as Array<[string, string]>).map(([, hash]) => hash);
}

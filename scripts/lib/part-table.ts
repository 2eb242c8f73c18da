import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodePartPage, partPagePath, type Manifest, type PartPageEntry, type TermPartEntry } from '../../src/lib/search/index.ts';

/**
 * Every part a vocabulary's part table pages list, read from the index folder `dir` (Node only:
 * the benchmarks, the rebuild's part boundaries, tests).
 * @throws when a page cannot be read or does not match its manifest entry
 * @example readPartTable(dir, manifest.newestPartPages) // [['', 'a1b2c3d4'], ['中国', '…'], …]
 */
export function readPartTable(dir: string, pages: readonly PartPageEntry[]): TermPartEntry[] {
  return pages.flatMap((page, i) => decodePartPage(gunzipSync(readFileSync(path.join(dir, partPagePath(page[1])))), page, pages[i + 1]?.[0]));
}

/** Both vocabularies' parts of the index in `dir`: the older blocks' (`parts`) and the newest block's (`newestParts`). */
export function readPartTables(dir: string, manifest: Pick<Manifest, 'partPages' | 'newestPartPages'>): { parts: TermPartEntry[]; newestParts: TermPartEntry[] } {
  return { parts: readPartTable(dir, manifest.partPages), newestParts: readPartTable(dir, manifest.newestPartPages) };
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PreviousIndex } from '../../src/lib/search/build/index.ts';
import { decodeFacetValues, INDEX_VERSION, type Manifest, type PartPageEntry } from '../../src/lib/search/index.ts';
import { readPartTable } from '../lib/part-table.ts';

/**
 * What the index already in `out` decided (article numbers from its `ids/` shards, vocabulary
 * part boundaries and slots from its manifest), so that a rebuild keeps unchanged files' names.
 * Returns undefined when `out` holds no index of this version (the build then starts afresh).
 */
export function readPreviousIndex(out: string): PreviousIndex | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.version !== INDEX_VERSION || !Array.isArray(manifest.partPages) || !Array.isArray(manifest.newestPartPages) || typeof manifest.slots !== 'number') return undefined;
  // Part boundaries are in the part table's pages: an unreadable page means starting afresh.
  const boundaries = readPartBoundaries(out, manifest.partPages);
  const newestBoundaries = readPartBoundaries(out, manifest.newestPartPages);
  if (!boundaries || !newestBoundaries) return undefined;
  const numbers = new Map<string, number>();
  const shards = path.join(out, 'ids');
  if (existsSync(shards)) {
    for (const name of readdirSync(shards).sort()) {
      if (!name.endsWith('.json')) continue;
      try {
        const entries = JSON.parse(readFileSync(path.join(shards, name), 'utf8')) as Record<string, number>;
        for (const [id, number] of Object.entries(entries)) if (Number.isInteger(number) && number >= 0 && number < manifest.slots) numbers.set(id, number);
      } catch {
        return undefined; // a damaged shard: renumber rather than trust half of it
      }
    }
  }
  return {
    numbers,
    slots: manifest.slots,
    blockSize: manifest.blockSize,
    blocks: manifest.docs.length,
    boundaries,
    newestBoundaries,
    outletCodes: manifest.outletCodes ?? [],
    columnValues: readColumnValues(out, manifest),
  };
}

/** First terms of every part a vocabulary's pages list, or undefined when a page cannot be read. */
function readPartBoundaries(out: string, pages: readonly PartPageEntry[]): string[] | undefined {
  try {
    return readPartTable(out, pages).map(([first]) => first);
  } catch {
    return undefined;
  }
}

/**
 * Each categorical column's value names by code, from its `values-` file; a column whose file is
 * missing or damaged is left out (its codes start afresh: only its docs bytes change).
 */
function readColumnValues(out: string, manifest: Manifest): Map<string, readonly string[]> {
  const values = new Map<string, readonly string[]>();
  for (const column of Array.isArray(manifest.columns) ? manifest.columns : []) {
    try {
      values.set(column.name, decodeFacetValues(gunzipSync(readFileSync(path.join(out, column.file)))).names);
    } catch {
      // unreadable: new codes for this column
    }
  }
  return values;
}

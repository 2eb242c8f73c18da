import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PreviousIndex } from '../../src/lib/search/build/index.ts';
import { INDEX_VERSION, type Manifest } from '../../src/lib/search/index.ts';

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
  if (manifest.version !== INDEX_VERSION || !Array.isArray(manifest.parts) || !Array.isArray(manifest.newestParts) || typeof manifest.slots !== 'number') return undefined;
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
    boundaries: manifest.parts.map((part) => part[0]),
    newestBoundaries: manifest.newestParts.map((part) => part[0]),
    outletCodes: manifest.outletCodes ?? [],
  };
}

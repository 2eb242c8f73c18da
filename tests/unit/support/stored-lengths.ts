import type MiniSearch from 'minisearch';
import { storedLength } from '../../../src/lib/search/format/docs-table.ts';

/** MiniSearch's own tables, which it keeps private (the oracle below rewrites two of them). */
interface LengthTables {
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

/**
 * `index` with each document's field lengths as a docs block stores them (`storedLength`: one
 * byte, log scale) and the averages of those, as the build computes them: the oracle the split
 * index's scores are compared with, a whole-archive MiniSearch over the same lengths.
 */
export function withStoredLengths<T extends MiniSearch<never> | MiniSearch<Record<string, unknown>>>(index: T): T {
  // MiniSearch exposes no setter for the lengths; its private tables are rewritten in place.
  const tables = index as unknown as LengthTables;
  const sums: number[] = [];
  for (const [id, lengths] of tables._fieldLength) {
    const stored = lengths.map(storedLength);
    tables._fieldLength.set(id, stored);
    stored.forEach((length, field) => (sums[field] = (sums[field] ?? 0) + length));
  }
  tables._avgFieldLength = sums.map((sum) => sum / tables._fieldLength.size);
  return index;
}

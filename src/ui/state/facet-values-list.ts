/**
 * A categorical facet's values with their counts, as its box in the filter panel lists them, and
 * the selected values as the values files name them: pure, so the panel and the unit tests share it. Part of the facet controls' chunk (`CHUNK_OF_FOLDER`
 * in vite.config.ts), their only user: not downloaded before the first results.
 */
import type { Facets } from '../../lib/search/types.ts';
// Types only: the values files' codec is the search core's (a module both import would be a chunk of its own).
import type { FacetValueTable } from '../../lib/search/format/facet-values.ts';

/** One value of a facet, with the articles it would match. */
export interface FacetValue {
  name: string;
  count: number;
}

/**
 * The values of facet `name` with their counts, by count then name. With an answer that counted
 * the facet: its counts (by name, or by code named through `table`), and with `table` every other
 * value the archive has at 0 (hidden until "show all"). Without (the start page: the bare listing's
 * answer comes from the manifest, which counts only outlets and dates): `table`'s archive-wide
 * counts. Values no article holds any more (a code kept from an earlier build) are never listed.
 * Empty until an answer has counted the facet or the table is in.
 *
 * @example facetValues({ counts: { tag: { 香港: 3 } } }, { names: ['台湾', '香港'], counts: [9, 4], traditional: {} }, 'tag') // [{ name: '香港', count: 3 }, { name: '台湾', count: 0 }]
 * @example facetValues(undefined, { names: ['台湾', '香港'], counts: [9, 4], traditional: {} }, 'tag') // [{ name: '台湾', count: 9 }, { name: '香港', count: 4 }]
 */
export function facetValues(answer: Pick<Facets, 'counts' | 'byCode'> | undefined, table: FacetValueTable | undefined, name: string): FacetValue[] {
  const counts = new Map<string, number>();
  const byName = answer?.counts[name];
  const byCode = answer?.byCode?.[name];
  const isCounted = byName !== undefined || byCode !== undefined;
  for (const [value, count] of Object.entries(byName ?? {})) counts.set(value, count);
  if (byCode && table) for (const [code, count] of Object.entries(byCode)) counts.set(table.names[Number(code)] ?? '', count);
  counts.delete('');
  if (table) {
    table.names.forEach((value, code) => {
      if (table.counts[code]! > 0 && !counts.has(value)) counts.set(value, isCounted ? 0 : table.counts[code]!);
    });
  }
  const values = [...counts].map(([value, count]) => ({ name: value, count }));
  return values.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * `filters` with each value written in another form than the stored one (a traditional form in a
 * URL: `author=張三` for 张三) replaced by the stored name, or null when none is (nothing to change).
 * Values the tables do not know stay as they are (the page marks them unknown).
 *
 * @example storedFilters({ author: ['張三'] }, () => ({ names: ['张三'], counts: [1], traditional: { 0: '張三' } })) // { author: ['张三'] }
 */
export function storedFilters(filters: Readonly<Record<string, string[]>>, tableOf: (facet: string) => FacetValueTable | undefined): Record<string, string[]> | null {
  let changed = false;
  const out: Record<string, string[]> = {};
  for (const [facet, values] of Object.entries(filters)) {
    const table = tableOf(facet);
    out[facet] = table
      ? [
          ...new Set(
            values.map((value) => {
              const stored = storedName(table, value) ?? value;
              if (stored !== value) changed = true;
              return stored;
            }),
          ),
        ]
      : values;
  }
  return changed ? out : null;
}

/**
 * The stored name a filter value means: itself when the table has it, else the value whose
 * traditional form it is (a traditional form typed in a URL), else undefined.
 * @example storedName({ names: ['张三'], counts: [1], traditional: { 0: '張三' } }, '張三') // '张三'
 */
export function storedName(table: FacetValueTable, value: string): string | undefined {
  if (table.names.includes(value)) return value;
  for (const [code, form] of Object.entries(table.traditional)) if (form === value) return table.names[Number(code)];
  return undefined;
}

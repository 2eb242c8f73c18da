/**
 * The page's categorical filters as values: selecting and clearing, without runes, so that the
 * search state, the widget and the unit tests share them.
 */
import { type FacetValueTable, storedName } from '../../lib/search/format/facet-values.ts';

/**
 * `filters` with `value` of `facet` selected when it was not, and unselected when it was; with
 * `value` null, the facet's values replaced by `replacement` (default: none, the facet cleared). A facet
 * left without values is removed. Returns a new object.
 *
 * @example toggledFilter({ outlet: ['法广'] }, 'tag', '香港') // { outlet: ['法广'], tag: ['香港'] }
 */
export function toggledFilter(filters: Readonly<Record<string, string[]>>, facet: string, value: string | null, replacement: readonly string[] = []): Record<string, string[]> {
  const current = filters[facet] ?? [];
  const next = value === null ? [...replacement] : current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const out = { ...filters };
  if (next.length) out[facet] = next;
  else delete out[facet];
  return out;
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

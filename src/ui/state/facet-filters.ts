/**
 * The page's categorical filters as values: selecting and clearing, without runes, so that the
 * search state, the widget and the unit tests share them.
 */

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

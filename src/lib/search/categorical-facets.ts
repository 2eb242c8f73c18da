/**
 * The categorical facets, as data: each one's name (the `filters` key of a query, the URL
 * parameter, the CLI flag), the key its counts go under in the CLI's JSON, and where the compiler
 * takes its values from. Outlet is always the first. Adding a facet is one entry here (plus its
 * labels in the UI's messages); the docs table, the query, the worker protocol, the URL and the
 * CLI take it from this list or from the manifest. See docs/facets.md.
 */

/** One categorical facet. */
export interface CategoricalFacet {
  /** Filter name: `filters[name]` in a query, `name=` in the URL, `--name` in the CLI. */
  name: string;
  /** Key of its counts in the CLI's JSON (`facets.<key>`) and in a column entry of the manifest. */
  key: string;
  /**
   * Where an article's values come from: a field of the compiled article (`author`: one value
   * or none; `tags`: a list), or a front-matter key (its scalar or list of scalars). The outlet's
   * own column needs none.
   */
  source?: { article: 'author' | 'tags' } | { frontMatter: string };
}

/** The outlet facet: stored in the docs table's own outlet column, its names in the manifest. */
export const OUTLET_FACET = { name: 'outlet', key: 'outlets' } as const satisfies CategoricalFacet;

/** Facets every index has, in display order. */
export const CATEGORICAL_FACETS: readonly CategoricalFacet[] = [
  OUTLET_FACET,
  { name: 'author', key: 'authors', source: { article: 'author' } },
  { name: 'tag', key: 'tags', source: { article: 'tags' } },
];

/** The facets the docs table stores as generic columns (all but the outlet), in column order. */
export const DEFAULT_FACET_COLUMNS: readonly CategoricalFacet[] = CATEGORICAL_FACETS.slice(1);

/** Names of the facets every index has (what the URL reads before any manifest is known). */
export const FACET_NAMES: readonly string[] = CATEGORICAL_FACETS.map((facet) => facet.name);

/**
 * Selected values by facet name: `{ outlet: ['法广'], tag: ['香港', '台湾'] }`. Within a facet any
 * value matches (or); across facets every facet must match (and). Absent or empty keeps all.
 */
export type FacetFilters = Readonly<Record<string, readonly string[]>>;

/** The values selected for `name` in `filters` (none when it is absent). */
export function selectedValues(filters: FacetFilters | undefined, name: string): readonly string[] {
  return filters && Object.hasOwn(filters, name) ? filters[name]! : [];
}

/** True when `filters` selects any value of any facet. */
export function hasFacetFilters(filters: FacetFilters | undefined): boolean {
  return filters !== undefined && Object.values(filters).some((values) => values.length > 0);
}

/**
 * `filters` without empty lists and repeated values, keys in `FACET_NAMES` order first (then any
 * other, sorted): the same selection always gives the same object, for caches and URLs.
 */
export function normalizeFilters(filters: FacetFilters | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (!filters) return out;
  const names = Object.keys(filters).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const values = [...new Set(filters[name]!)].filter((value) => value !== '');
    if (values.length) out[name] = values;
  }
  return out;
}

function rank(name: string): number {
  const i = FACET_NAMES.indexOf(name);
  return i < 0 ? FACET_NAMES.length : i;
}

/** Names a declared facet may not take: the built-in facets, their keys, and the URL's other parameters. */
const RESERVED_NAMES = new Set([...CATEGORICAL_FACETS.flatMap((f) => [f.name, f.key]), 'q', 'from', 'to', 'sort', 'lang', 'date', 'dates', 'filter']);

/**
 * A facet declared by data: the values of front-matter key `key` (a scalar or a list), filtered
 * and counted under the same name (`--filter key=VALUE`, `facets.<key>` in the CLI's JSON).
 * Returns a sentence instead when `key` cannot be a facet's name.
 *
 * @example frontMatterFacet('region') // { name: 'region', key: 'region', source: { frontMatter: 'region' } }
 */
export function frontMatterFacet(key: string): CategoricalFacet | string {
  if (!/^[a-z][a-z0-9_-]{0,31}$/i.test(key)) return `a facet's front-matter key is a word of letters, digits, - and _ (up to 32), not "${key}"`;
  if (RESERVED_NAMES.has(key)) return `"${key}" is already a facet or a parameter of the page; pick another front-matter key`;
  return { name: key, key, source: { frontMatter: key } };
}

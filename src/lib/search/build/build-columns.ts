import type { Article } from '../../article/types.ts';
import type { CategoricalFacet } from '../categorical-facets.ts';
import type { FacetValueTable } from '../format/facet-values.ts';
import { traditionalForms } from './traditional-names.ts';

/** One categorical column as the build made it: each row's value codes and the names by code. */
export interface BuiltColumn {
  facet: CategoricalFacet;
  /** Per article number, its value codes (empty for holes and articles without a value). */
  rows: Array<readonly number[]>;
  /** Value names by code: the previous build's first (codes never change), then new ones. */
  values: string[];
  /** Values at least one article holds. */
  inUse: number;
  /** What the column's `values-` file holds: names, archive-wide counts and traditional forms by code. */
  table: FacetValueTable;
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * The values article `article` holds in `facet`, as its `source` says (see `CategoricalFacet`),
 * without empty and repeated values.
 * @example facetValuesOf({ ...article, tags: ['香港', '国安法'] }, { name: 'tag', key: 'tags', source: { article: 'tags' } }) // ['香港', '国安法']
 */
export function facetValuesOf(article: Article, facet: CategoricalFacet): readonly string[] {
  const source = facet.source;
  let values: readonly string[] = [];
  if (source && 'article' in source) values = source.article === 'author' ? (article.author ? [article.author] : []) : article.tags;
  else if (source && 'frontMatter' in source) values = article.frontMatter?.[source.frontMatter] ?? [];
  return values.length > 1 ? [...new Set(values)].filter((v) => v !== '') : values.filter((v) => v !== '');
}

/**
 * Builds one column over the articles by number. Codes of the previous build's `values` are kept;
 * new values follow, the most frequent first (smaller codes: fewer bytes in the docs table), ties by
 * name. Its values table counts each value's articles (live ones: a deleted article's value
 * counts 0) and gives each name's traditional form.
 */
export function buildColumn(byNumber: ReadonlyArray<Article | undefined>, facet: CategoricalFacet, previous: readonly string[] = []): BuiltColumn {
  // Array.from, not map: `byNumber` may be sparse (deleted articles' holes), and map keeps holes.
  const perRow = Array.from(byNumber, (article): readonly string[] => (article ? facetValuesOf(article, facet) : []));
  const counts = new Map<string, number>();
  for (const values of perRow) for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const values = [...previous];
  const code = new Map<string, number>(values.map((value, i) => [value, i]));
  const fresh = [...counts].filter(([value]) => !code.has(value)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [value] of fresh) {
    code.set(value, values.length);
    values.push(value);
  }
  const rows = perRow.map((list): readonly number[] => (list.length === 0 ? NONE : list.map((value) => code.get(value)!)));
  const table = { names: values, counts: values.map((value) => counts.get(value) ?? 0), traditional: traditionalForms(values) };
  return { facet, rows, values, inUse: counts.size, table };
}

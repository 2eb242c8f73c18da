/**
 * The search library's public entry: reading and searching a compiled index (the CLI, the
 * benchmarks, anything outside `src/lib/search`). The compiler's side is `build/index.ts`, kept
 * apart so that nothing reading an index pulls in the build. The page, its worker and the widget
 * name the modules they load instead (`tests/unit/layout.test.ts` checks that none of them
 * reaches `build/`): Vite splits their chunks by module, and one entry would put the whole engine
 * into the first chunk.
 */
export { Searcher, correctedText, type SearchResult } from './searcher.ts';
export type { IndexSource } from './load-index.ts';
export { IndexError, type Facets, type IndexErrorReason, type QueryRewrite, type SearchHit, type SearchQuery, type SearchResponse, type SortOrder } from './types.ts';
export { CATEGORICAL_FACETS, DEFAULT_FACET_COLUMNS, OUTLET_FACET, frontMatterFacet, normalizeFilters, type CategoricalFacet, type FacetFilters } from './categorical-facets.ts';
export { INDEX_VERSION, chunkPath, fragmentPath, htmlPath, partIndexOf, termPartPath, type ArticleFragment, type ArticlePreview, type IndexFile, type Manifest, type TermPartEntry } from './format/index-format.ts';
export { decodeFacetValues, type FacetValueTable } from './format/facet-values.ts';
export { decodePartPage, isPartPagePath, partHashesOfPage, partPagePath, type PartPageEntry } from './format/part-pages.ts';
export { decodePack, encodePack, isPackPath, PACK_PARTS, PACKED_VOCABULARY_LIMIT, packedVocabularies, packPath, packsOf, type PackEntry, type TermPacks } from './format/term-packs.ts';
export { parseQuery, type ParsedQuery } from './query/parse-query.ts';
export { MAX_QUERY_CHARS, MAX_QUERY_CLAUSES, limitQueryText, type QueryCut } from './query/query-limits.ts';
export { findSnippet, highlightRanges, RESULT_SNIPPET_CHARS, type Snippet, type TextRange } from './query/highlight.ts';
export { nearDuplicatePairs } from './query/collapse-similar.ts';
export { foldText, loadFoldingTable } from './text/fold.ts';
// The vocabulary as the worker reads it (scripts/bench/prefetch-order.ts replays queries against its parts).
export { TermPart } from './format/term-part.ts';
export { termRanges } from './query/first-parts.ts';

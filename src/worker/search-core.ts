/**
 * The search worker's core: the index reader, MiniSearch and the query engine, snippets and
 * marks. A chunk of its own, which the search service (`search-service.ts`, the worker's first
 * script or the widget's inline mode) asks for as it loads: meanwhile the service fetches the
 * manifest and the first query's index files, so that on a cold page the core's code and the
 * index parts it reads download together.
 */
export { findSnippet, highlightRanges, RESULT_SNIPPET_CHARS } from '../lib/search/query/highlight.ts';
export { Searcher } from '../lib/search/searcher.ts';

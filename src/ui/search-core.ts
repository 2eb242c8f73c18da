/**
 * The search worker's core: the index reader, MiniSearch and the query engine, snippets and
 * marks. A chunk of its own, which the worker's first script (`search-worker.ts`) asks for as it
 * starts: meanwhile that script fetches the manifest and the first query's index files, so that
 * on a cold page the core's code and the index parts it reads download together.
 */
export { findSnippet, highlightRanges, RESULT_SNIPPET_CHARS } from '../lib/search/highlight.ts';
export { Searcher } from '../lib/search/searcher.ts';
export { warmUpSearch } from '../lib/search/warm-up.ts';

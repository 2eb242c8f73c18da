/**
 * The numbers `query-limits.ts` enforces, apart from its code: the page's note on a cut query
 * names them without downloading the limiting itself (it runs in the worker).
 */

/** Longest query, in characters (code points); the rest is ignored. */
export const MAX_QUERY_CHARS = 256;
/** Most clauses (terms, phrases, exclusions) a query keeps; later ones are ignored. */
export const MAX_QUERY_CLAUSES = 16;

/**
 * The compiler's entry into the search library: articles in, index files out. Build-only: the
 * page, its worker and the widget never import it (`tests/unit/layout.test.ts`). Reading and
 * searching an index is `../index.ts`.
 */
export { indexFiles, type BuildOptions, type PreviousIndex } from './build-index.ts';
export { countLongWords, MAX_TERM_LENGTH } from '../text/term-length.ts';

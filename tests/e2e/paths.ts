import path from 'node:path';
import { REPO_ROOT } from '../helpers/paths.ts';

export { REPO_ROOT, SHARED_CORPUS } from '../helpers/paths.ts';
/** Where global-setup builds the real archive's index (ignored by git); served at /corpus/data/. */
export const CORPUS_INDEX = path.join(REPO_ROOT, '.cache/corpus-index');
/** The compile cache of that build, outside the served index (ignored by git). */
export const CORPUS_COMPILE_CACHE = path.join(REPO_ROOT, '.cache/corpus-compile-cache');

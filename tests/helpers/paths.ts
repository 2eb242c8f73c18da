import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Hand-written fixture articles (committed). */
export const FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/articles');
/** The real archive beside the repository (read at test time, never copied in). */
export const SHARED_CORPUS = path.resolve(REPO_ROOT, '../shared/corpus');
export const SHARED_SEEDS = path.resolve(REPO_ROOT, '../shared/seeds');

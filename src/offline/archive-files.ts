/**
 * What the service worker, the page and the keep-offline worker agree on: which index files are
 * which, the caches they live in, and the request headers that tie a file to an index version.
 * No DOM, no service-worker globals: imported by all three.
 *
 * The index folder (`data/` beside the hosted page) is written after `vite build` (`npm run
 * index`), so none of it is in the build's precache list: the service worker caches its files as
 * they are fetched (see docs/offline.md).
 */

/**
 * Sent by the search worker with every same-origin index fetch once it has read the manifest:
 * the `build` of the index the file is read for. The service worker keeps fragments, bodies and
 * id shards per build (their names do not change from build to build) and knows which build uses
 * which content-hashed file.
 */
export const BUILD_HEADER = 'x-archive-build';
/** Sent by the keep-offline worker: it stores what it fetches itself, the service worker passes it through. */
export const KEEP_HEADER = 'x-archive-keep';
/** The index folder, relative to the page (and to the service worker's scope). */
export const INDEX_FOLDER = 'data/';

/**
 * Files named by their content's hash (a pack: by its parts'): the same name is the same bytes in
 * every build. The service worker caches them cache-first, static hosts serve them immutable
 * (`scripts/lib/static-files.ts`), the index writer keeps one whose bytes it checked.
 */
const HASHED = /^(docs|terms|post|dir|values|pack)-[0-9a-z]+\.bin$/;
/** Files named by article number or id prefix, whose bytes a later build may change. */
const PER_BUILD = /^(a\/\d+\.json|h\/\d+\.html|ids\/[^/]+\.json)$/;

/** Kinds of index file, by path relative to the index folder. */
export type IndexFileKind = 'manifest' | 'hashed' | 'per-build' | 'other';

export function indexFileKind(path: string): IndexFileKind {
  if (path === 'manifest.json') return 'manifest';
  if (HASHED.test(path)) return 'hashed';
  if (PER_BUILD.test(path)) return 'per-build';
  return 'other';
}

/** The caches of one scope (the hosted page's folder): two archives on one origin never share them. */
export interface ArchiveCaches {
  /** Content-hashed index files, by URL: shared by every build that lists them. */
  files: string;
  /** Manifests, fragments, bodies and id shards, by URL with `?build=` (see `perBuildKey`). */
  perBuild: string;
  /** Bookkeeping (`META_*` keys): the latest build, which files each build read, what is kept offline. */
  meta: string;
  /** The absolute URL of a meta key (the service worker, the page and a worker resolve relative URLs differently). */
  metaUrl: (key: string) => string;
}

export function archiveCaches(scope: string): ArchiveCaches {
  return {
    files: `archive-files:${scope}`,
    perBuild: `archive-per-build:${scope}`,
    meta: `archive-meta:${scope}`,
    metaUrl: (key) => new URL(key, scope).href,
  };
}

/** Cache key of a per-build file (or a manifest) of build `build`. */
export function perBuildKey(url: string, build: string): string {
  const key = new URL(url);
  key.search = `?build=${encodeURIComponent(build)}`;
  return key.href;
}

/** The build a per-build cache key belongs to (see `perBuildKey`). */
export function buildOfKey(key: string): string | null {
  return new URL(key).searchParams.get('build');
}

/** Meta cache keys (relative to the scope). */
export const META_LATEST = '__archive/latest';
export const META_WANTED = '__archive/keep-wanted';
/** The last eviction pass (`EvictionRecord`): what it kept and removed, for a page or a test to read. */
export const META_LAST_EVICTION = '__archive/last-eviction';
export function metaLedgerKey(build: string): string {
  return `__archive/ledger/${encodeURIComponent(build)}`;
}
export function metaKeptKey(build: string): string {
  return `__archive/kept/${encodeURIComponent(build)}`;
}

/** What a finished "keep this archive offline" stored for one build (`metaKeptKey`). */
export interface KeptArchive {
  build: string;
  /** Index files kept, relative to the index folder. */
  files: string[];
  bytes: number;
  /** ISO date of completion. */
  date: string;
}

/** What the service worker's last eviction pass did (`META_LAST_EVICTION`). */
export interface EvictionRecord {
  /** Builds kept: the latest and those the open pages answer from. */
  live: string[];
  /** Builds removed. */
  evicted: string[];
  /** Some open page did not say which build it answers from: nothing was removed. */
  undecided: boolean;
  /** ISO date. */
  date: string;
}

/** Messages between the page and its service worker. */
export type PageToWorkerMessage =
  /** The page answers from `build`: older builds no page uses may go. */
  | { type: 'opened'; build: string }
  /** Files the search worker fetched before the service worker controlled it: store them. */
  | { type: 'adopt'; build: string; paths: string[] }
  /** A waiting service worker (a new app version) takes over: the page reloads. */
  | { type: 'skip-waiting' };

export type WorkerToPageMessage =
  /** A manifest fetched through the service worker names a build other than the one before. */
  { type: 'archive-updated'; build: string };

/** The service worker asks each page which build it answers from (over a MessageChannel). */
export const WHICH_BUILD = 'archive-which-build';

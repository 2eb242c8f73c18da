import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { indexFileKind } from '../../src/offline/archive-files.ts';

/** A file the static server may send, or the status to answer instead. */
export type StaticLookup = { file: string; size: number } | { status: 403 | 404 };

/**
 * Finds the file a request path names inside `root`, refusing what a local preview server must
 * never send: a path with a dot segment or dotfile anywhere (`/.cache/…`, `/.git/config`, `..`), and
 * anything whose real path (symbolic links resolved, the folder's own included) lies outside
 * `root`'s real path (`ln -s /etc/passwd dist/passwd.txt`, a link to a folder elsewhere). A folder
 * serves its `index.html`.
 *
 * @param root the mounted folder (absolute)
 * @param relative the request path below the mount, decoded, `/`-separated
 * @example await lookupStaticFile('/srv/dist', 'assets/index-x.js') // { file: '/srv/dist/assets/index-x.js', size: 1234 }
 */
export async function lookupStaticFile(root: string, relative: string): Promise<StaticLookup> {
  const segments = relative.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'))) return { status: 404 };
  const realRoot = await realpath(root).catch(() => null);
  if (!realRoot) return { status: 404 };
  let file = path.join(root, ...segments);
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return { status: 404 };
  const real = await realpath(file).catch(() => null);
  if (!real || !isInside(realRoot, real)) return { status: 403 };
  return { file: real, size: info.size };
}

/** Longest browsers may keep a file named by its content's hash (a year: it never changes). */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else is checked with the server each time (the build replaces it in place). */
const REVALIDATE = 'no-cache';

/**
 * The `Cache-Control` a file gets, as the README asks hosts to serve them: the app's `assets/`
 * and the index's content-hashed files (`docs-*`, `dir-*`, `terms-*`, `post-*`, `values-*`, `pack-*`) immutable, everything else
 * (`index.html`, `manifest.json`, `widget.js`, `a/`, `h/`, `ids/`) revalidated.
 *
 * @param relative the path below the mount, `/`-separated
 * @example cacheControlFor('assets/index-BkXq2a3Z.js') // 'public, max-age=31536000, immutable'
 */
export function cacheControlFor(relative: string): string {
  const clean = relative.replace(/^\/+/, '');
  return clean.startsWith('assets/') || indexFileKind(path.posix.basename(clean)) === 'hashed' ? IMMUTABLE : REVALIDATE;
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

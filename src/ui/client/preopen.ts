/**
 * The hosted page's head start. `src/boot/main.ts` calls `preopenIndex` (`src/boot/preopen-index.ts`)
 * before the app's code has arrived: the search worker's script starts downloading and the
 * manifest (which index.html already preloads) is fetched by the page, then handed to the worker.
 * The `SearchState` that mounts next takes this client over (`takePreopened`, here: the widget
 * loads this module, not the hosted page's entry) instead of starting from nothing, which saves
 * two round trips on the way to the first results.
 */
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { SearchWorkerClient } from './worker-client.ts';

/** A worker already opening an index. */
export interface Preopened {
  client: SearchWorkerClient;
  opening: Promise<Manifest>;
}

let preopened: { folder: string; value: Preopened } | null = null;

/**
 * The index folder's absolute URL, ending in `/` (what the worker is given).
 *
 * @example resolveIndexFolder('./data', 'https://host/search/') // 'https://host/search/data/'
 */
export function resolveIndexFolder(indexUrl: string, base: string = document.baseURI): string {
  return new URL(indexUrl.endsWith('/') ? indexUrl : `${indexUrl}/`, base).href;
}

/** Keeps `value` as the head start for `folder` (absolute): `src/boot/preopen-index.ts`, the hosted page's entry. */
export function holdPreopened(folder: string, value: Preopened): void {
  preopened = { folder, value };
}

/** The head start for `folder` (absolute), once: a later App (or a Retry) opens on its own. */
export function takePreopened(folder: string): Preopened | null {
  if (preopened?.folder !== folder) return null;
  const { value } = preopened;
  preopened = null;
  return value;
}

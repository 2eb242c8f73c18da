/**
 * The hosted page's head start. `main.ts` calls `preopenIndex` before the app's code has
 * arrived: the search worker's script starts downloading and the manifest (which index.html
 * already preloads) is fetched by the page, then handed to the worker. The `SearchState` that
 * mounts next takes this client over (`takePreopened`) instead of starting from nothing, which
 * saves two round trips on the way to the first results.
 */
import type { Manifest } from '../lib/search/index-format.ts';
import { SearchWorkerClient } from './worker-client.ts';

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

/** Starts the worker and opens the index at `indexUrl` (relative to the page). */
export function preopenIndex(indexUrl: string): Preopened {
  const folder = resolveIndexFolder(indexUrl);
  const client = new SearchWorkerClient();
  // Same request as index.html's <link rel="preload" as="fetch" crossorigin>: the browser reuses it.
  const manifest = fetch(new URL('manifest.json', folder)).then(
    async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined),
    () => undefined,
  );
  const opening = client.openWith(folder, manifest);
  // Failures are the SearchState's to show (it awaits `opening`); not an unhandled rejection here.
  opening.catch(() => undefined);
  // The hosted page's first search runs warm (the widget's does without: see search-service.ts).
  client.request('warmUp', {}).catch(() => undefined);
  const value = { client, opening };
  preopened = { folder, value };
  return value;
}

/**
 * Claims index.html's preloads of the worker's modules (`data-worker-module`, written by
 * scripts/vite/page-preloads.ts) with a fetch of the same URL: the worker imports them from the
 * HTTP cache, which the browser does not count as using the preload, and would warn about.
 */
export function claimWorkerPreloads(doc: Document = document): void {
  for (const link of doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"][data-worker-module]')) {
    fetch(link.href).catch(() => undefined);
  }
}

/** The head start for `folder` (absolute), once: a later App (or a Retry) opens on its own. */
export function takePreopened(folder: string): Preopened | null {
  if (preopened?.folder !== folder) return null;
  const { value } = preopened;
  preopened = null;
  return value;
}

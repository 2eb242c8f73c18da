/**
 * The hosted page's entry side of its head start (see `src/ui/client/preopen.ts`): starting the worker and
 * opening the index before the App's code arrives. Only `main.ts` imports it, so the widget
 * (which shares `preopen.ts` with the App) does not download it.
 */
import { holdPreopened, resolveIndexFolder, type Preopened } from '../ui/client/preopen.ts';
import { SearchWorkerClient } from '../ui/client/worker-client.ts';
import { takeEarlyWorker } from './early-worker.ts';

/** Starts the worker and opens the index at `indexUrl` (relative to the page). */
export function preopenIndex(indexUrl: string): Preopened {
  const folder = resolveIndexFolder(indexUrl);
  // The worker index.html started as it was parsed, and the manifest it fetched, when it did (early-worker.ts).
  const early = takeEarlyWorker(folder);
  const client = new SearchWorkerClient(undefined, early);
  // Else the same request as index.html's <link rel="preload" as="fetch" crossorigin>: the browser reuses it.
  const manifest = (early ? early.manifest : fetch(new URL('manifest.json', folder)).then((response) => (response.ok ? response.arrayBuffer() : undefined))).then(
    (bytes) => (bytes ? new Uint8Array(bytes) : undefined),
    () => undefined,
  );
  const opening = client.openWith(folder, manifest);
  // Failures are the SearchState's to show (it awaits `opening`); not an unhandled rejection here.
  opening.catch(() => undefined);
  // The hosted page's first search runs warm (the widget's does without: see search-service.ts).
  client.request('warmUp', {}).catch(() => undefined);
  const value = { client, opening };
  holdPreopened(folder, value);
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

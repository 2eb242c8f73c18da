/**
 * One index as the search service has it open: its searcher (or why it failed to open), and the
 * fetching around it: the files the first answer reads, fetched while the core downloads; the
 * vocabulary fetched ahead (`prefetch`); the paths fetched so far (`fetched`). Opening another
 * index makes a new session, so nothing of the old one's leaks into it.
 */
import type { Manifest, TermPartEntry } from '../lib/search/format/index-format.ts';
import { inflate } from '../lib/search/format/inflate.ts';
import { decodePartPage, partPagePath } from '../lib/search/format/part-pages.ts';
import { loadCode } from '../lib/search/code-unavailable.ts';
import type { IndexSource } from '../lib/search/load-index.ts';
import { firstAnswerFiles, termRanges } from '../lib/search/query/first-parts.ts';
import { parseQuery } from '../lib/search/query/parse-query.ts';
import { limitQueryText } from '../lib/search/query/query-limits.ts';
import type { Searcher } from '../lib/search/searcher.ts';
import { prepareFolding } from '../lib/search/text/fold.ts';
import { BUILD_HEADER } from '../offline/archive-files.ts';
import type { VocabularyPrefetch } from '../protocol/worker-protocol.ts';
import type { PrefetchQueue } from './prefetch-queue.ts';

/** Which kind of index file went in flight (+1) or landed (-1): the service's progress report. */
export type ReportFetch = (kind: 'manifest' | 'docs' | 'terms', change: 1 | -1) => void;

/** What the first answers need of the manifest, until the core has opened the index. */
type ManifestHead = Pick<Manifest, 'docs' | 'newestPartPages' | 'columns'>;

/** One index as the service has it open (see the module's comment); `openSession` makes one. */
export interface IndexSession {
  /** The index folder's URL, ending in `/`. */
  readonly url: string;
  /** Opens the index with the core's `Searcher` (on its way): `manifest`, its bytes if the page brought them. */
  open(core: Promise<{ Searcher: typeof Searcher }>, manifest?: Uint8Array): Promise<Searcher>;
  /** The index, opening or open; null before `open` and after a failed one (so that Retry opens again). */
  opening(): Promise<Searcher> | null;
  /** The open index; rejects with why it is not open. */
  ready(): Promise<Searcher>;
  /**
   * Fetches what the first answer to `text` reads (the docs block, the vocabulary parts) while the
   * index is still opening: the core's code is downloading meanwhile. Once it has opened the
   * index, it fetches what it needs itself.
   */
  fetchFirstAnswerFiles(text: string): Promise<void>;
  /**
   * Fetches the vocabulary parts `vocabularyWithin` picks (the `prefetch` request), once per
   * session, a few at a time and at low priority, so that a search's own requests go first; the
   * budget scaled by the connection, in `PrefetchQueue`'s order (`vocabulary-fetch.ts`, a chunk only
   * the hosted page asks for). Nothing is decoded: a search decodes the parts it needs as before,
   * from memory instead of the network.
   */
  prefetchVocabulary(opened: Searcher, budget: number): Promise<VocabularyPrefetch>;
  /** A search for `text` was asked: the prefetch (under way or to come) fetches its terms' neighbourhood next. */
  focusPrefetch(text: string): void;
  /** The open build and the index files fetched so far (paths relative to `url`): the `fetched` request. */
  fetched(): { build: string; paths: string[] };
}

/**
 * A session for the index at `url` (a folder URL ending in `/`), reporting its fetches to
 * `report`; `pause`, awaited around each file's decoding (`IndexSource.pause`): the search in the page.
 */
export function openSession(url: string, report: ReportFetch, pause?: (stage?: string) => Promise<void>): IndexSession {
  /** The open build, once read: same-origin fetches name it for the hosted page's service worker (`BUILD_HEADER`). */
  let build = '';
  let searcher: Promise<Searcher> | null = null;
  /** Why the last `open` failed (null once one succeeds): what a request that needs the index reports. */
  let openFailure: unknown = null;
  let vocabularyPrefetch: Promise<VocabularyPrefetch> | null = null;
  /** The running prefetch's queue, while it has parts left to hand out. */
  let prefetchQueue: PrefetchQueue | null = null;
  /** The last search's text: a prefetch that starts later puts its neighbourhood first. */
  let lastSearched: string | null = null;
  const fetchedPaths = new Set<string>();
  /** What the first answers need of the manifest of the index being opened, until the core has opened it. */
  let head: { manifest: Promise<ManifestHead | null> } | null = null;
  /** Index files fetched ahead (`prefetch`), by path: `source` reads them from here. */
  const prefetched = new Map<string, Promise<Uint8Array>>();
  /** The first answer's files, fetched before the core opened the index (`fetchFirstAnswerFiles`): each read once. */
  const ahead = new Map<string, Promise<Uint8Array>>();

  return {
    url,

    open(core, manifest) {
      ahead.clear();
      build = '';
      fetchedPaths.clear();
      const bytes = manifest ? Promise.resolve(manifest) : fetchTracked('manifest.json');
      const current = { manifest: bytes.then(readHeadOfManifest, () => null) };
      head = current;
      // Every query needs the newest block of the docs table: fetched before the core has arrived.
      void current.manifest.then((read) => read?.docs.at(-1) && fetchAhead(read.docs.at(-1)!.file));
      const opening = core.then(({ Searcher }) => Searcher.open(source(bytes)));
      searcher = opening;
      opening.then(
        (opened) => {
          if (head === current) head = null;
          if (searcher === opening) {
            openFailure = null;
            build = opened.manifest.build;
          }
        },
        // A failed open is forgotten, so that Retry opens again; its cause is what requests that
        // need the index report meanwhile (a shared #a= link on a damaged index says so).
        (error: unknown) => {
          if (searcher === opening) {
            searcher = null;
            openFailure = error;
          }
          if (head === current) head = null;
        },
      );
      return opening;
    },

    opening: () => searcher,

    async ready() {
      if (!searcher) throw openFailure ?? new Error('search-worker: the index is not open (send "open" first)');
      return searcher;
    },

    async fetchFirstAnswerFiles(text) {
      const current = head;
      if (!current) return;
      const manifest = await current.manifest;
      if (!manifest || head !== current) return;
      // Traditional characters need the folding table to be looked up as the index has them.
      if (!(await prepareFolding(limitQueryText(text).text).then(() => true, () => false)) || head !== current) return;
      const parsed = parseQuery(limitQueryText(text).text);
      const files = firstAnswerFiles(manifest, parsed);
      for (const file of files) fetchAhead(file);
      // The part table pages, once here, name the parts: fetched while the core is still on its way.
      const pages = new Map<number, TermPartEntry[]>();
      await Promise.all(
        manifest.newestPartPages.map(async (page, i) => {
          const path = partPagePath(page[1]);
          const bytes = files.includes(path) ? await ahead.get(path)?.catch(() => null) : null;
          if (!bytes) return;
          try {
            const data = bytes[0] === 0x1f && bytes[1] === 0x8b ? await inflate(bytes) : bytes;
            pages.set(i, decodePartPage(data, page, manifest.newestPartPages[i + 1]?.[0]));
          } catch {
            // A damaged page: the core reads it again and says so.
          }
        }),
      );
      if (head !== current || pages.size === 0) return;
      for (const file of firstAnswerFiles(manifest, parsed, (page) => pages.get(page))) fetchAhead(file);
    },

    prefetchVocabulary(opened, budget) {
      if (!vocabularyPrefetch) {
        // Only the hosted page asks, after its first results: the code is a chunk of its own.
        const started = loadCode(() => import('./vocabulary-fetch.ts')).then(({ fetchVocabulary }) =>
          fetchVocabulary(opened, budget, prefetched, (path) => fetchIndexFile(new URL(path, url), 'low'), {
            lastRanges: lastSearched === null ? null : termRanges(parseQuery(limitQueryText(lastSearched).text)),
            setQueue: (queue) => (prefetchQueue = queue),
          }),
        );
        // A chunk that could not be fetched is asked for again by the next prefetch.
        started.catch(() => {
          if (vocabularyPrefetch === started) vocabularyPrefetch = null;
        });
        vocabularyPrefetch = started;
      }
      return vocabularyPrefetch;
    },

    focusPrefetch(text) {
      lastSearched = text;
      if (prefetchQueue?.size) prefetchQueue.focus(termRanges(parseQuery(limitQueryText(text).text)));
    },

    fetched: () => ({ build, paths: [...fetchedPaths] }),
  };

  /**
   * Reads index files over HTTP, relative to the index folder, and reports index parts in flight.
   * `manifest`: the manifest's bytes, on their way already (used once). Files fetched ahead (the
   * first answer's, the vocabulary) are taken from memory.
   */
  function source(manifest?: Promise<Uint8Array>): IndexSource {
    let given = manifest;
    return {
      pause,
      async bytes(path) {
        if (path === 'manifest.json' && given) {
          const bytes = given;
          given = undefined;
          return bytes;
        }
        const early = takeAhead(path) ?? prefetched.get(path);
        if (early) {
          const bytes = await early.catch(() => null);
          if (bytes) return bytes;
        }
        // In the page, each fetch() in a task of its own: a page of results asks for a dozen
        // fragments at once, and each call costs the page's thread milliseconds (docs/widget.md).
        await pause?.(`asking for ${path}`);
        return fetchTracked(path);
      },
    };
  }

  /** An index file's bytes, the open build named for the hosted page's service worker; recorded for `fetched`. */
  async function fetchIndexFile(fileUrl: URL, priority: RequestPriority = 'auto'): Promise<Uint8Array> {
    // Same origin only: another origin would need a CORS preflight for the header (the widget's index).
    const named = build !== '' && fileUrl.origin === self.location.origin;
    // Listed as it starts, not as it ends: the service worker, once it controls the page, stores what
    // this list names (`adopt`), and a fetch under way at that moment goes past it.
    if (fileUrl.href.startsWith(url)) fetchedPaths.add(fileUrl.href.slice(url.length));
    return fetchBytes(fileUrl, priority, named ? { [BUILD_HEADER]: build } : undefined);
  }

  /** An index file, with its progress reported. */
  async function fetchTracked(path: string): Promise<Uint8Array> {
    const kind = progressKind(path);
    if (kind) report(kind, +1);
    try {
      return await fetchIndexFile(new URL(path, url));
    } finally {
      if (kind) report(kind, -1);
    }
  }

  /** Starts fetching `path` of the index being opened, for the core to find (once) when it reads it. */
  function fetchAhead(path: string): void {
    if (ahead.has(path) || prefetched.has(path)) return;
    const bytes = fetchTracked(path);
    bytes.catch(() => undefined); // the core fetches it again, and reports that
    ahead.set(path, bytes);
  }

  function takeAhead(path: string): Promise<Uint8Array> | undefined {
    const bytes = ahead.get(path);
    ahead.delete(path);
    return bytes;
  }
}

/** What the first answers need of the manifest (its docs blocks, the facets' value names, the newest vocabulary), or null when it is not readable JSON (the core says why). */
function readHeadOfManifest(bytes: Uint8Array): ManifestHead | null {
  try {
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Manifest>;
    if (!Array.isArray(manifest.docs) || !Array.isArray(manifest.newestPartPages)) return null;
    return { docs: manifest.docs, newestPartPages: manifest.newestPartPages, columns: Array.isArray(manifest.columns) ? manifest.columns : [] };
  } catch {
    return null;
  }
}

/** A file's bytes; an HTTP error status rejects, as a network failure does. */
async function fetchBytes(url: URL, priority: RequestPriority = 'auto', headers?: Record<string, string>): Promise<Uint8Array> {
  const response = await fetch(url, headers ? { priority, headers } : { priority });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} for ${response.url}`);
  return new Uint8Array(await response.arrayBuffer());
}

function progressKind(path: string): 'manifest' | 'docs' | 'terms' | null {
  if (path === 'manifest.json') return 'manifest';
  if (path.startsWith('docs-')) return 'docs';
  if (path.startsWith('terms-') || path.startsWith('post-') || path.startsWith('dir-')) return 'terms'; // a common term's chunks and the part table's pages count as its parts
  return null;
}

/**
 * The hosted page's service worker (built by vite-plugin-pwa's injectManifest from this file into
 * `sw.js`; registered by `register-offline.ts` after the first results, never by the widget).
 *
 * - The app shell (index.html, its scripts, icons, the web app manifest) is precached by Workbox.
 * - The index (`data/`, written after the build) is cached at runtime, one build at a time:
 *   content-hashed files cache-first, shared by every build that lists them (a vocabulary pack
 *   from the network, its parts stored as files of their own); the manifest
 *   network-first with a short timeout, then the latest build's copy; fragments, bodies and id
 *   shards cache-first under their build (the search worker names it in `x-archive-build`), so
 *   a new manifest never meets an older build's fragment, nor the reverse.
 * - A build no open page uses (and that is not the latest) is evicted with the files only it read.
 *
 * Details and the reasons for each choice: docs/offline.md.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkOnly, Strategy, type StrategyHandler } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types.js';
import { termPartPath, type Manifest } from '../lib/search/format/index-format.ts';
import { inflate } from '../lib/search/format/inflate.ts';
import { partHashesOfPage, partPagePath } from '../lib/search/format/part-pages.ts';
import { hashBytes } from '../lib/search/format/content-hash.ts';
import { decodePack, isPackPath } from '../lib/search/format/term-packs.ts';
import {
  archiveCaches,
  BUILD_HEADER,
  buildOfKey,
  INDEX_FOLDER,
  indexFileKind,
  KEEP_HEADER,
  META_LAST_EVICTION,
  META_LATEST,
  metaKeptKey,
  metaLedgerKey,
  perBuildKey,
  WHICH_BUILD,
  type EvictionRecord,
  type KeptArchive,
  type PageToWorkerMessage,
  type WorkerToPageMessage,
} from './archive-files.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

/** How long the manifest's network fetch may take before the cached one answers (ms). */
const MANIFEST_TIMEOUT_MS = 3000;
/** How long a page may take to say which build it answers from, before eviction goes on without it (ms). */
const WHICH_BUILD_TIMEOUT_MS = 1000;

const SCOPE = self.registration.scope;
const CACHES = archiveCaches(SCOPE);
const INDEX_URL = new URL(INDEX_FOLDER, SCOPE).href;

// A first install takes the page at once (it has nothing to be consistent with); a new version of
// the app waits until the page asks for it (`skip-waiting`, the update offer's Reload).
self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting();
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Navigations to the page itself (any query: `?q=…`, `?id=…`) get the precached index.html.
const pagePath = new URL(SCOPE).pathname;
// (Workbox matches the allowlist against the path and the query.)
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { allowlist: [new RegExp(`^${escapeRegExp(pagePath)}(index\\.html)?(\\?.*)?$`)] }));

/** Index path of a request (relative to the index folder), or null for anything else. */
function indexPath(url: URL): string | null {
  return url.href.startsWith(INDEX_URL) && url.search === '' ? url.href.slice(INDEX_URL.length) : null;
}

// ---- Which build read which content-hashed file (for eviction) ----

const ledger = new Map<string, Set<string>>();
const unsaved = new Set<string>();
let latest: Promise<string | null> | null = null;

function latestBuild(): Promise<string | null> {
  latest ??= caches
    .open(CACHES.meta)
    .then((cache) => cache.match(CACHES.metaUrl(META_LATEST)))
    .then((response) => response?.text() ?? null);
  return latest;
}

async function setLatestBuild(build: string): Promise<void> {
  latest = Promise.resolve(build);
  await (await caches.open(CACHES.meta)).put(CACHES.metaUrl(META_LATEST), new Response(build));
}

function record(build: string, path: string): void {
  let files = ledger.get(build);
  if (!files) ledger.set(build, (files = new Set()));
  if (files.has(path)) return;
  files.add(path);
  unsaved.add(build);
}

/** Writes the ledger's new entries (merged with what is stored). */
async function saveLedger(): Promise<void> {
  const cache = await caches.open(CACHES.meta);
  for (const build of [...unsaved]) {
    unsaved.delete(build);
    const stored = await readJson<string[]>(cache, CACHES.metaUrl(metaLedgerKey(build)));
    const files = new Set([...(stored ?? []), ...(ledger.get(build) ?? [])]);
    await cache.put(CACHES.metaUrl(metaLedgerKey(build)), Response.json([...files]));
  }
}

const ledgerPlugin: WorkboxPlugin = {
  async handlerWillStart({ request, event }) {
    const path = indexPath(new URL(request.url));
    const build = request.headers.get(BUILD_HEADER) ?? (await latestBuild());
    if (!path || !build) return;
    record(build, path);
    if ('waitUntil' in event) (event as ExtendableEvent).waitUntil(saveLedger());
  },
};

// ---- Routes of the index ----

// The keep-offline worker stores what it fetches itself (and sees quota errors): pass it through.
registerRoute(({ request, url }) => indexPath(url) !== null && request.headers.has(KEEP_HEADER), new NetworkOnly());

/**
 * The manifest: network first, with a timeout; a manifest from the network is stored as its build's
 * and becomes the latest; without the network (or too slow), the latest build's copy answers.
 */
class ManifestFirst extends Strategy {
  protected async _handle(request: Request, handler: StrategyHandler): Promise<Response> {
    const fromNetwork = handler.fetch(request).then(async (response) => {
      if (response.ok) await storeManifest(request.url, response.clone());
      return response;
    });
    // Stored even when the cached copy answered first.
    handler.waitUntil(fromNetwork.catch(() => undefined));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), MANIFEST_TIMEOUT_MS)));
    const first = await Promise.race([fromNetwork.catch(() => null), timeout]);
    clearTimeout(timer);
    if (first) return first;
    const build = await latestBuild();
    const cached = build ? await (await caches.open(CACHES.perBuild)).match(perBuildKey(request.url, build)) : undefined;
    if (cached) return cached;
    return fromNetwork; // nothing cached: the network's answer (or its failure), however late
  }
}

async function storeManifest(url: string, response: Response): Promise<void> {
  let build: unknown;
  try {
    build = ((await response.clone().json()) as { build?: unknown }).build;
  } catch {
    return; // not a manifest this app reads: never stored, never served offline
  }
  if (typeof build !== 'string') return;
  await (await caches.open(CACHES.perBuild)).put(perBuildKey(url, build), response);
  const before = await latestBuild();
  await setLatestBuild(build);
  if (before !== null && before !== build) {
    const message: WorkerToPageMessage = { type: 'archive-updated', build };
    for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
  }
}

registerRoute(({ url }) => indexPath(url) === 'manifest.json', new ManifestFirst());

/**
 * A vocabulary pack's parts (`term-packs.ts`), stored each under its own name, so that a search
 * that asks for one part, offline or on the next visit, finds it. The pack itself is not stored
 * (its parts would be there twice); a part whose bytes do not hash to its name is left out (the
 * search fetches it).
 */
async function storePackParts(pack: Response, build: string | null): Promise<void> {
  let parts: Map<string, Uint8Array>;
  try {
    parts = decodePack(new Uint8Array(await pack.arrayBuffer()));
  } catch {
    return; // not a pack: its parts are fetched one by one
  }
  const cache = await caches.open(CACHES.files);
  for (const [hash, bytes] of parts) {
    const path = termPartPath(hash);
    const url = new URL(path, INDEX_URL).href;
    if (await cache.match(url)) continue;
    if (hashBytes(await inflate(bytes).catch(() => new Uint8Array())) !== hash) continue;
    await cache.put(url, new Response(bytes.slice(), { headers: { 'content-type': 'application/octet-stream' } }));
    if (build) record(build, path);
  }
  if (build) await saveLedger();
}

const packParts: WorkboxPlugin = {
  async fetchDidSucceed({ request, response, event }) {
    if (response.ok) {
      const pack = response.clone();
      const stored = (async () => storePackParts(pack, request.headers.get(BUILD_HEADER) ?? (await latestBuild())))();
      if ('waitUntil' in event) (event as ExtendableEvent).waitUntil(stored.catch((error: unknown) => console.warn('archive: a pack’s parts not stored', error)));
    }
    return response;
  },
};

// Vocabulary packs (the hosted page's prefetch): from the network (or the HTTP cache), their parts
// stored as files of their own. Offline the prefetch's request fails, which it takes in its stride:
// the parts it would have brought are stored already.
registerRoute(({ url }) => isPackPath(indexPath(url) ?? ''), new NetworkOnly({ plugins: [packParts] }));

// Content-hashed files: the same name is the same bytes, whichever build asks.
registerRoute(({ url }) => indexFileKind(indexPath(url) ?? '') === 'hashed', new CacheFirst({ cacheName: CACHES.files, plugins: [ledgerPlugin] }));

// Fragments, bodies, id shards: under the build that asked (none named: not cached).
registerRoute(
  ({ request, url }) => indexFileKind(indexPath(url) ?? '') === 'per-build' && request.headers.has(BUILD_HEADER),
  new CacheFirst({
    cacheName: CACHES.perBuild,
    plugins: [{ cacheKeyWillBeUsed: async ({ request }) => perBuildKey(request.url, request.headers.get(BUILD_HEADER)!) }],
  }),
);

// ---- Messages from the page ----

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as PageToWorkerMessage;
  if (message?.type === 'skip-waiting') void self.skipWaiting();
  else if (message?.type === 'adopt') event.waitUntil(adopt(message.build, message.paths));
  else if (message?.type === 'opened') event.waitUntil(evictUnused().catch((error: unknown) => console.warn('archive: eviction failed', error)));
});

/**
 * Stores the files the search worker fetched before this service worker controlled it (the first
 * visit), from the HTTP cache where it has them: the visit's searches then answer offline too.
 */
async function adopt(build: string, paths: readonly string[]): Promise<void> {
  const [files, perBuild] = await Promise.all([caches.open(CACHES.files), caches.open(CACHES.perBuild)]);
  for (const path of ['manifest.json', ...paths]) {
    const kind = indexFileKind(path);
    const url = new URL(path, INDEX_URL).href;
    const cache = kind === 'hashed' ? files : perBuild;
    const key = kind === 'hashed' ? url : perBuildKey(url, build);
    if (kind === 'other' || (await cache.match(key))) continue;
    const response = await fetch(url, { cache: 'force-cache' }).catch(() => null);
    if (!response?.ok) continue;
    if (kind === 'manifest') {
      // Only the very build the page opened: a newer one deployed meanwhile is not this visit's.
      const read = (await response.clone().json().catch(() => null)) as { build?: unknown } | null;
      if (read?.build !== build) continue;
      if ((await latestBuild()) === null) await setLatestBuild(build);
    }
    if (isPackPath(path)) {
      await storePackParts(response, build);
      continue;
    }
    if (kind === 'hashed') record(build, path);
    await cache.put(key, response).catch((error: unknown) => console.warn(`archive: ${path} not stored`, error));
  }
  await saveLedger();
}

// ---- Eviction ----

/**
 * Builds the open pages answer from (each asked over a MessageChannel), or null when a page did not
 * answer: one whose offline side has not started yet (before its first results) may still read its
 * build's files, so nothing is removed until every open page can say.
 */
async function buildsInUse(): Promise<Set<string> | null> {
  const pages = await self.clients.matchAll({ type: 'window' });
  const answers = await Promise.all(
    pages.map(
      (page) =>
        new Promise<string | null>((resolve) => {
          const channel = new MessageChannel();
          const timer = setTimeout(() => resolve(null), WHICH_BUILD_TIMEOUT_MS);
          channel.port1.onmessage = (event: MessageEvent<unknown>) => {
            clearTimeout(timer);
            resolve(typeof event.data === 'string' ? event.data : null);
          };
          page.postMessage({ type: WHICH_BUILD }, [channel.port2]);
        }),
    ),
  );
  const builds = new Set<string>();
  for (const build of answers) {
    if (build === null) return null;
    builds.add(build);
  }
  return builds;
}

/**
 * Removes every build but the latest and those open pages use: its manifest, fragments, bodies and
 * id shards, its records, and the content-hashed files no remaining build read or kept.
 */
async function evictUnused(): Promise<void> {
  await saveLedger();
  const inUse = await buildsInUse();
  const [perBuild, files, meta] = await Promise.all([caches.open(CACHES.perBuild), caches.open(CACHES.files), caches.open(CACHES.meta)]);
  const done = (record: Omit<EvictionRecord, 'date'>) => meta.put(CACHES.metaUrl(META_LAST_EVICTION), Response.json({ ...record, date: new Date().toISOString() } satisfies EvictionRecord));
  if (!inUse) return done({ live: [], evicted: [], undecided: true });
  const live = inUse;
  const newest = await latestBuild();
  if (newest) live.add(newest);
  const builds = new Set<string>();
  for (const request of await perBuild.keys()) {
    const build = buildOfKey(request.url);
    if (build) builds.add(build);
  }
  const filesOf = new Map<string, Set<string>>();
  for (const request of await meta.keys()) {
    const match = /__archive\/(ledger|kept)\/([^/]+)$/.exec(request.url);
    if (!match) continue;
    const build = decodeURIComponent(match[2]!);
    builds.add(build);
    const read = await readJson<string[] | KeptArchive>(meta, request.url);
    const paths = Array.isArray(read) ? read : (read?.files ?? []);
    const set = filesOf.get(build) ?? new Set<string>();
    for (const path of paths) set.add(path);
    filesOf.set(build, set);
  }
  const dead = [...builds].filter((build) => !live.has(build));
  if (dead.length === 0) return done({ live: [...live], evicted: [], undecided: false });
  const kept = new Set<string>();
  for (const build of live) {
    for (const path of filesOf.get(build) ?? []) kept.add(path);
    // Files a remaining build names but has not read yet (a docs block or vocabulary part the deploy
    // left unchanged) stay too: its searches would need them, offline as well.
    // The manifest names the part table's pages; a page stored here names its parts.
    const manifest = await readJson<Pick<Manifest, 'docs' | 'partPages' | 'newestPartPages'>>(perBuild, perBuildKey(new URL('manifest.json', INDEX_URL).href, build));
    for (const block of manifest?.docs ?? []) {
      kept.add(block.file);
      kept.add(block.facets);
    }
    for (const [, hash] of [...(manifest?.partPages ?? []), ...(manifest?.newestPartPages ?? [])]) {
      const page = partPagePath(hash);
      kept.add(page);
      const stored = await files.match(new URL(page, INDEX_URL).href);
      if (!stored) continue;
      try {
        for (const part of partHashesOfPage(await inflate(new Uint8Array(await stored.arrayBuffer())))) kept.add(termPartPath(part));
      } catch {
        // A damaged page: its parts are fetched again by the search that needs them.
      }
    }
  }
  for (const request of await perBuild.keys()) {
    const build = buildOfKey(request.url);
    if (build && !live.has(build)) await perBuild.delete(request);
  }
  for (const build of dead) {
    for (const path of filesOf.get(build) ?? []) if (!kept.has(path)) await files.delete(new URL(path, INDEX_URL).href);
    await meta.delete(CACHES.metaUrl(metaLedgerKey(build)));
    await meta.delete(CACHES.metaUrl(metaKeptKey(build)));
    ledger.delete(build);
  }
  await done({ live: [...live], evicted: dead, undecided: false });
}

async function readJson<T>(cache: Cache, key: string): Promise<T | null> {
  const response = await cache.match(key);
  return response ? ((await response.json().catch(() => null)) as T | null) : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "Keep this archive offline", off the page's thread: fetches every file a search can need (the
 * docs table's blocks, both vocabularies' parts, every chunk those parts name, and each article's
 * fragment, which a result row shows; optionally each article's reader body) into the service worker's caches, reporting progress, then records
 * the build as kept. Started by `offline-session.svelte.ts`; cancelled by terminating it.
 *
 * It stores files itself (its requests carry `KEEP_HEADER`, which the service worker passes
 * through) so that a quota error reaches it: it stops and says so. Each file is stored whole or
 * not at all (Cache API), and the build counts as kept only once every file is in.
 */
import { chunkPath, fragmentPath, htmlPath, termPartPath, type Manifest } from '../lib/search/format/index-format.ts';
import { inflate } from '../lib/search/format/inflate.ts';
import { decodePartPage, partPagePath } from '../lib/search/format/part-pages.ts';
import { TermPart } from '../lib/search/format/term-part.ts';
import { archiveCaches, KEEP_HEADER, META_WANTED, metaKeptKey, perBuildKey, type KeptArchive } from './archive-files.ts';

export interface KeepRequest {
  /** The index folder's absolute URL, ending in `/`. */
  indexUrl: string;
  /** The service worker's scope (names the caches). */
  scope: string;
  manifest: Pick<Manifest, 'build' | 'docs' | 'columns' | 'partPages' | 'newestPartPages' | 'fields' | 'slots'>;
  /** Also every article's reader body (reading offline, not only searching). */
  bodies: boolean;
}

export type KeepReport =
  | { type: 'progress'; done: number; files: number }
  | { type: 'done'; kept: KeptArchive }
  | { type: 'failed'; reason: 'quota' | 'network' | 'other'; message: string };

/** Files fetched at once. */
const CONCURRENCY = 6;
/** Progress reports at most this often (ms). */
const REPORT_EVERY_MS = 150;

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<KeepRequest>) => {
  keep(event.data).then(
    (kept) => post({ type: 'done', kept }),
    (error: unknown) => post(failure(error)),
  );
};

function post(report: KeepReport): void {
  scope.postMessage(report);
}

async function keep({ indexUrl, scope: swScope, manifest, bodies }: KeepRequest): Promise<KeptArchive> {
  const names = archiveCaches(swScope);
  const [files, perBuild, meta] = await Promise.all([caches.open(names.files), caches.open(names.perBuild), caches.open(names.meta)]);
  // The part table pages name the vocabulary parts, which name their chunks: each is queued as its lister arrives.
  const queue: string[] = [...manifest.docs.flatMap((block) => [block.file, block.facets]), ...manifest.columns.map((column) => column.file), ...[...manifest.partPages, ...manifest.newestPartPages].map(([, hash]) => partPagePath(hash))];
  const pages = new Map([manifest.partPages, manifest.newestPartPages].flatMap((table) => table.map((page, i) => [partPagePath(page[1]), { page, next: table[i + 1]?.[0] }] as const)));
  const seen = new Set(queue);
  const perBuildPaths: string[] = [];
  for (let number = 0; number < manifest.slots; number++) perBuildPaths.push(fragmentPath(number));
  if (bodies) for (let number = 0; number < manifest.slots; number++) perBuildPaths.push(htmlPath(number));
  let done = 0;
  let count = 0;
  let lastReport = 0;
  const report = (force = false) => {
    if (!force && performance.now() - lastReport < REPORT_EVERY_MS) return;
    lastReport = performance.now();
    post({ type: 'progress', done, files: count });
  };

  /** One file's bytes, from the cache or fetched and stored; null for a per-build file the index no longer has (a deleted article's number). */
  const take = async (path: string, perBuildFile: boolean): Promise<Uint8Array | null> => {
    const url = new URL(path, indexUrl).href;
    const cache = perBuildFile ? perBuild : files;
    const key = perBuildFile ? perBuildKey(url, manifest.build) : url;
    const cached = await cache.match(key);
    if (cached) return new Uint8Array(await cached.arrayBuffer());
    const response = await fetch(url, { headers: { [KEEP_HEADER]: '1' } });
    if (perBuildFile && response.status === 404) return null;
    if (!response.ok) throw new KeepError('network', `HTTP ${response.status} for ${path}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    await cache.put(key, new Response(bytes, { headers: { 'content-type': response.headers.get('content-type') ?? 'application/octet-stream' } }));
    return bytes;
  };

  const kept: string[] = [];
  const lane = async (paths: string[], perBuildFile: boolean) => {
    while (paths.length > 0) {
      const path = paths.shift()!;
      const bytes = await take(path, perBuildFile);
      if (!bytes) continue;
      const page = pages.get(path);
      if (page) {
        for (const [, hash] of decodePartPage(await inflate(bytes), page.page, page.next)) {
          const part = termPartPath(hash);
          if (!seen.has(part)) {
            seen.add(part);
            paths.push(part);
          }
        }
      }
      if (path.startsWith('terms-')) {
        // A vocabulary part names its common terms' chunks: those are needed too.
        for (const hash of new TermPart(await inflate(bytes), manifest.fields.length).chunkHashes()) {
          const chunk = chunkPath(hash);
          if (!seen.has(chunk)) {
            seen.add(chunk);
            paths.push(chunk);
          }
        }
      }
      if (!perBuildFile) kept.push(path);
      done += bytes.length;
      count++;
      report();
    }
  };
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, () => lane(queue, false)));
    await Promise.all(Array.from({ length: CONCURRENCY }, () => lane(perBuildPaths, true)));
  } catch (error) {
    // What was stored until then (whole files), before the failure: the page says how far it got.
    report(true);
    throw error;
  }
  // The manifest of this very build: an offline visit opens it (the service worker stored it, unless evicted meanwhile).
  const manifestUrl = new URL('manifest.json', indexUrl).href;
  if (!(await perBuild.match(perBuildKey(manifestUrl, manifest.build)))) {
    const response = await fetch(manifestUrl, { headers: { [KEEP_HEADER]: '1' } });
    const read = response.ok ? ((await response.clone().json()) as { build?: string }) : null;
    if (read?.build !== manifest.build) throw new KeepError('network', 'the archive was updated while it was being kept: reload');
    await perBuild.put(perBuildKey(manifestUrl, manifest.build), response);
  }
  report(true);
  const record: KeptArchive = { build: manifest.build, files: kept, bytes: done, date: new Date().toISOString() };
  await meta.put(names.metaUrl(metaKeptKey(manifest.build)), Response.json(record));
  await meta.put(names.metaUrl(META_WANTED), new Response(bodies ? 'bodies' : 'search'));
  return record;
}

class KeepError extends Error {
  constructor(
    readonly reason: 'quota' | 'network',
    message: string,
  ) {
    super(message);
  }
}

function failure(error: unknown): KeepReport {
  if (error instanceof KeepError) return { type: 'failed', reason: error.reason, message: error.message };
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return { type: 'failed', reason: 'quota', message: error.message };
  if (error instanceof TypeError) return { type: 'failed', reason: 'network', message: error.message };
  return { type: 'failed', reason: 'other', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

/**
 * The hosted page's offline side, started after its first results (never by the widget):
 * registers the service worker (`sw.ts`), hands it what the first visit fetched before it was
 * there, watches for a newer index or app (the update offer), and runs "keep this archive
 * offline" (`keep-worker.ts`). What `UpdateNotice.svelte` and `OfflineControl.svelte` show.
 */
import type { Manifest } from '../lib/search/format/index-format.ts';
import { archiveCaches, buildOfKey, INDEX_FOLDER, META_WANTED, metaKeptKey, WHICH_BUILD, type KeptArchive, type PageToWorkerMessage, type WorkerToPageMessage } from './archive-files.ts';
import type { KeepReport, KeepRequest } from './keep-worker.ts';

/** How often an open page asks whether the archive was updated, besides coming back online or into view (ms). */
const UPDATE_CHECK_EVERY_MS = 15 * 60 * 1000;
/** After coming back online, the update check waits this long (ms). */
const ONLINE_SETTLE_MS = 1000;

export type KeepStatus = 'idle' | 'running' | 'kept' | 'failed';

/** What the search worker fetched so far (the worker protocol's `fetched`). */
export type FetchedFiles = () => Promise<{ build: string; paths: string[] }>;

export class OfflineSession {
  /** A newer index (`archive`) or a newer app (`app`) is available: the update offer. */
  update: 'archive' | 'app' | null = $state(null);
  /** True once a service worker controls the page; false without one (an insecure origin, a browser that blocks them): no keep-offline control. */
  supported = $state(false);
  keepStatus: KeepStatus = $state('idle');
  /** Bytes stored so far by a running keep, and what it will store without the reader bodies. */
  keepDone = $state(0);
  readonly keepTotal: number;
  /** Also every article's reader body, chosen before starting. */
  keepBodies = $state(false);
  readonly bodiesBytes: number;
  /**
   * Why the last keep stopped: `needed` bytes; for quota, `free` when the browser's estimate said
   * there was not enough before anything downloaded, or null when the storage ran out during the
   * download (the estimate had said there was room), with `stored` bytes by then.
   */
  keepFailure: { reason: 'quota' | 'network' | 'other'; needed: number; free: number | null; stored: number } | null = $state.raw(null);
  /** The kept copy of this build, once complete. */
  kept: KeptArchive | null = $state.raw(null);

  private registration: ServiceWorkerRegistration | null = null;
  private keeper: Worker | null = null;
  private readonly stops: Array<() => void> = [];
  private readonly indexUrl: string;

  constructor(
    private readonly manifest: Manifest,
    private readonly fetched: FetchedFiles,
  ) {
    this.indexUrl = new URL(INDEX_FOLDER, document.baseURI).href;
    const sizes = manifest.sizes;
    // What a search needs (docs blocks, vocabulary parts, chunks) and what its result rows show (fragments).
    this.keepTotal =
      manifest.docs.reduce((sum, block) => sum + block.bytes + block.facetBytes, 0) +
      manifest.columns.reduce((sum, column) => sum + column.bytes, 0) +
      [...manifest.partPages, ...manifest.newestPartPages].reduce((sum, page) => sum + page[3], 0) +
      (sizes ? sizes.postings + sizes.fragments : 0);
    this.bodiesBytes = sizes?.bodies ?? 0;
  }

  get build(): string {
    return this.manifest.build;
  }

  /** Registers the service worker and starts watching for updates. Resolves once it is set up (or found unavailable). */
  async start(): Promise<void> {
    this.watchForUpdates();
    if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
    const container = navigator.serviceWorker;
    const wasControlled = container.controller !== null;
    const onMessage = (event: MessageEvent<unknown>) => this.onWorkerMessage(event);
    container.addEventListener('message', onMessage);
    this.stops.push(() => container.removeEventListener('message', onMessage));
    let registration: ServiceWorkerRegistration;
    try {
      registration = await container.register(new URL('sw.js', document.baseURI), { scope: './' });
    } catch (error) {
      // Service workers blocked (a browser setting, a private window): the page works as before.
      console.warn('news-archive-search: no offline support here:', error);
      return;
    }
    this.registration = registration;
    this.watchAppUpdates(registration, wasControlled);
    await this.readKept();
    if (!wasControlled) {
      // The first visit: the service worker claims this page once it is active. What the search
      // worker fetched before that is handed over, so that this visit's searches answer offline too.
      await controlled();
      const { build, paths } = await this.fetched();
      this.tell({ type: 'adopt', build, paths });
    }
    // The control shows once a service worker answers for this page: what it keeps is then used offline.
    this.supported = true;
    this.tell({ type: 'opened', build: this.build });
    // Kept before, and this is a newer build: bring the kept copy up to date (only its changed files download).
    const wanted = await this.readWanted();
    if (wanted && !this.kept && navigator.onLine) void this.keep(wanted === 'bodies');
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
    this.cancelKeep();
  }

  /** Asks whether the archive (or the app) on the server is newer than the one this page answers from. */
  async checkForUpdate(): Promise<void> {
    // A new sw.js is otherwise looked for only when a page is opened: an open page would never offer it.
    this.registration?.update().catch(() => undefined);
    try {
      const response = await fetch(new URL('manifest.json', this.indexUrl), { cache: 'no-cache' });
      if (!response.ok) return;
      const { build } = (await response.json()) as { build?: unknown };
      if (typeof build === 'string' && build !== this.build) this.update ??= 'archive';
    } catch {
      // Offline, or the server is away: ask again later.
    }
  }

  /** The update offer's Reload: a waiting app version takes over first. */
  reload(): void {
    const waiting = this.registration?.waiting;
    if (this.update === 'app' && waiting) {
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      waiting.postMessage({ type: 'skip-waiting' } satisfies PageToWorkerMessage);
    } else {
      location.reload();
    }
  }

  /** Starts keeping this build offline (with every article's reader body when `bodies`). */
  async keep(bodies = this.keepBodies): Promise<void> {
    const registration = this.registration;
    if (!registration || this.keepStatus === 'running') return;
    this.keepBodies = bodies;
    this.keepFailure = null;
    const needed = this.keepTotal + (bodies ? this.bodiesBytes : 0);
    const estimate = await navigator.storage?.estimate?.().catch(() => null);
    const free = estimate?.quota !== undefined ? estimate.quota - (estimate.usage ?? 0) : null;
    if (free !== null && free < needed) {
      this.keepStatus = 'failed';
      this.keepFailure = { reason: 'quota', needed, free, stored: 0 };
      return;
    }
    // Asked once the visitor chose to keep the archive: a browser grants it or not, and says nothing.
    await navigator.storage?.persist?.().catch(() => false);
    this.keepStatus = 'running';
    this.keepDone = 0;
    const keeper = new Worker(new URL('./keep-worker.ts', import.meta.url), { type: 'module', name: 'keep-offline' });
    this.keeper = keeper;
    const { build, docs, columns, partPages, newestPartPages, fields, slots } = this.manifest;
    const request: KeepRequest = { indexUrl: this.indexUrl, scope: registration.scope, manifest: { build, docs, columns, partPages, newestPartPages, fields, slots }, bodies };
    keeper.onmessage = (event: MessageEvent<KeepReport>) => {
      const report = event.data;
      if (report.type === 'progress') {
        this.keepDone = report.done;
      } else if (report.type === 'done') {
        this.finishKeep();
        this.kept = report.kept;
        this.keepStatus = 'kept';
      } else {
        this.finishKeep();
        console.warn('news-archive-search: keeping the archive offline stopped:', report.message);
        this.keepStatus = 'failed';
        // A quota error during the download: the estimate said there was room, so its figure would mislead.
        this.keepFailure = { reason: report.reason, needed, free: null, stored: this.keepDone };
      }
    };
    keeper.onerror = (event) => {
      this.finishKeep();
      console.warn('news-archive-search: keeping the archive offline failed:', event.message);
      this.keepStatus = 'failed';
      this.keepFailure = { reason: 'other', needed, free: null, stored: this.keepDone };
    };
    keeper.postMessage(request);
  }

  /** Stops a running keep: what is stored stays (whole files), the archive does not count as kept. */
  cancelKeep(): void {
    if (!this.keeper) return;
    this.finishKeep();
    this.keepStatus = 'idle';
  }

  /** Removes the kept copy: its files (searches fetch what they need again) and its record. */
  async removeKept(): Promise<void> {
    this.cancelKeep();
    const registration = this.registration;
    if (!registration) return;
    const names = archiveCaches(registration.scope);
    const [files, perBuild, meta] = await Promise.all([caches.open(names.files), caches.open(names.perBuild), caches.open(names.meta)]);
    const kept = this.kept ?? (await readKept(meta, names.metaUrl(metaKeptKey(this.build))));
    for (const path of kept?.files ?? []) await files.delete(new URL(path, this.indexUrl).href);
    // Its fragments and bodies too; the manifest stays (this page's build opens offline as a visit left it).
    const manifestUrl = new URL('manifest.json', this.indexUrl).href;
    for (const request of await perBuild.keys()) {
      if (buildOfKey(request.url) === this.build && !request.url.startsWith(`${manifestUrl}?`)) await perBuild.delete(request);
    }
    await meta.delete(names.metaUrl(metaKeptKey(this.build)));
    await meta.delete(names.metaUrl(META_WANTED));
    this.kept = null;
    this.keepStatus = 'idle';
    this.keepFailure = null;
  }

  private finishKeep(): void {
    this.keeper?.terminate();
    this.keeper = null;
  }

  private async readKept(): Promise<void> {
    const names = archiveCaches(this.registration!.scope);
    const meta = await caches.open(names.meta);
    const kept = await readKept(meta, names.metaUrl(metaKeptKey(this.build)));
    if (kept) {
      this.kept = kept;
      this.keepStatus = 'kept';
    }
  }

  private async readWanted(): Promise<'search' | 'bodies' | null> {
    const names = archiveCaches(this.registration!.scope);
    const response = await (await caches.open(names.meta)).match(names.metaUrl(META_WANTED));
    const text = await response?.text();
    return text === 'bodies' ? 'bodies' : text ? 'search' : null;
  }

  private tell(message: PageToWorkerMessage): void {
    navigator.serviceWorker.controller?.postMessage(message);
  }

  private onWorkerMessage(event: MessageEvent<unknown>): void {
    const data = event.data as WorkerToPageMessage | { type: typeof WHICH_BUILD } | null;
    if (data?.type === WHICH_BUILD) event.ports[0]?.postMessage(this.build);
    else if (data?.type === 'archive-updated' && data.build !== this.build) this.update ??= 'archive';
  }

  /** A newer index: asked when the page comes back online or into view, and every 15 minutes. */
  private watchForUpdates(): void {
    const check = () => void this.checkForUpdate();
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    // A connection that has just come back is often not usable yet (in Chromium, not yet for the service worker).
    let settle: ReturnType<typeof setTimeout> | undefined;
    const onOnline = () => {
      clearTimeout(settle);
      settle = setTimeout(check, ONLINE_SETTLE_MS);
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(check, UPDATE_CHECK_EVERY_MS);
    this.stops.push(() => {
      window.removeEventListener('online', onOnline);
      clearTimeout(settle);
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    });
  }

  /** A newer app (a new sw.js installed while this page is controlled): offered like a newer index. */
  private watchAppUpdates(registration: ServiceWorkerRegistration, wasControlled: boolean): void {
    const offer = () => {
      if (registration.waiting && navigator.serviceWorker.controller) this.update = 'app';
    };
    if (wasControlled) offer();
    registration.addEventListener('updatefound', () => {
      registration.installing?.addEventListener('statechange', offer);
    });
  }
}

async function readKept(meta: Cache, key: string): Promise<KeptArchive | null> {
  const response = await meta.match(key);
  return response ? ((await response.json().catch(() => null)) as KeptArchive | null) : null;
}

/** Resolves once a service worker controls this page. */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}

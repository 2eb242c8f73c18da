/**
 * The page's side of the search worker: typed requests that resolve with the worker's reply,
 * and progress reports. Each request carries a counter that its reply repeats, so replies may
 * arrive in any order; whoever asked decides whether a reply is still wanted.
 *
 * When no worker can start (a host page's CSP without `worker-src`, a browser without module
 * workers, an exception in the worker's first script), the same search service runs in the page
 * instead (`search-inline.ts`, a chunk loaded only then), on a `MessageChannel`: the client
 * chooses the transport, the protocol is the same. Requests the worker never answered are sent
 * again there, in order, so the visitor's query is not lost; the visitor is told nothing.
 */
import workerUrl from '../../worker/search-worker.ts?worker&url';
import type { Manifest } from '../../lib/search/format/index-format.ts';
import type { EarlyWorker } from '../../boot/early-worker.ts';
import type { LoadProgress, RequestType, SearchAnswer, WorkerApi, WorkerFailure, WorkerReply, WorkerRequest } from '../../protocol/worker-protocol.ts';

/** A request the worker could not answer; `failure` says why, for the visitor and the console. */
export class WorkerRequestError extends Error {
  override name = 'WorkerRequestError';
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
  }
}

/** Where the search service runs: in a worker, or in the page (the widget's inline mode). */
export type SearchMode = 'worker' | 'inline';

/**
 * How long a started worker may take to answer its first message before the search moves into
 * the page. Its first script is 10 KB: long enough for a slow phone network, short enough that a
 * worker a browser silently never runs does not leave the visitor waiting for ever.
 */
const WORKER_START_TIMEOUT_MS = 8000;

/** A worker was refused or failed before it ran on this page: later clients go inline at once. */
let workerRefused = false;

interface Pending {
  /** The request, kept until answered: sent again to the page's service when the worker never started. */
  message: WorkerRequest;
  resolve: (result: never) => void;
  reject: (error: WorkerRequestError) => void;
  onPartial?: (answer: SearchAnswer) => void;
}

/** How a request is sent (see `SearchWorkerClient.request`). */
export interface RequestOptions {
  transfer?: Transferable[];
  onPartial?: (answer: SearchAnswer) => void;
}

export class SearchWorkerClient {
  private worker: Worker | null = null;
  /** The in-page service's port, once the client has gone inline (see `goInline`). */
  private inline: Promise<MessagePort> | null = null;
  /** The worker has sent a message: it runs (its requests may transfer buffers, and its failures are failures). */
  private workerAlive = false;
  private currentMode: SearchMode | null = null;
  private modeListener: (mode: SearchMode) => void = () => undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests wait for this before they are posted (see `holdUntil`). */
  private gate: Promise<void> | null = null;
  private progressListener: (progress: LoadProgress) => void;
  /** The latest progress report, for a listener that arrives late. */
  private lastProgress: LoadProgress | null = null;

  /** A worker started before this client (index.html's, see `src/boot/early-worker.ts`): the first `start` takes it. */
  private early: EarlyWorker | null;

  constructor(onProgress: (progress: LoadProgress) => void = () => undefined, early: EarlyWorker | null = null) {
    this.progressListener = onProgress;
    this.early = early;
  }

  /** Who hears progress reports from now on; hears the latest one at once. */
  set onProgress(listener: (progress: LoadProgress) => void) {
    this.progressListener = listener;
    if (this.lastProgress) listener(this.lastProgress);
  }

  /** Where the search runs, once known: `worker` when the worker has answered, `inline` once in the page. */
  get mode(): SearchMode | null {
    return this.currentMode;
  }

  /** Who hears where the search runs; hears it at once when known. */
  set onMode(listener: (mode: SearchMode) => void) {
    this.modeListener = listener;
    if (this.currentMode) listener(this.currentMode);
  }

  /**
   * Opens the index with the manifest the page is fetching itself (the hosted page's head start,
   * `preopen.ts`): "open" is posted once `manifest` settles (without bytes when that fetch
   * failed: the worker then fetches, and reports, itself), and requests made meanwhile wait
   * behind it, in order, so that no search reaches the worker before the index it needs.
   */
  openWith(indexUrl: string, manifest: Promise<Uint8Array | undefined>): Promise<Manifest> {
    this.start();
    let opening!: Promise<Manifest>;
    const gate = manifest.then(
      (bytes) => {
        opening = this.post('open', bytes ? { indexUrl, manifest: bytes } : { indexUrl }, { transfer: bytes ? [bytes.buffer] : [] });
      },
      () => {
        opening = this.post('open', { indexUrl }, {});
      },
    );
    this.gate = gate;
    void gate.then(() => {
      if (this.gate === gate) this.gate = null;
    });
    return gate.then(() => opening);
  }

  /**
   * Sends a request; resolves with the reply, rejects with a `WorkerRequestError`.
   * `transfer` lists buffers to move to the worker instead of copying them; `onPartial` receives
   * the partial answers of a `search` sent with `progressive: true`.
   */
  request<K extends RequestType>(type: K, params: WorkerApi[K]['params'], options: RequestOptions = {}): Promise<WorkerApi[K]['result']> {
    return this.gate ? this.gate.then(() => this.post(type, params, options)) : this.post(type, params, options);
  }

  private post<K extends RequestType>(type: K, params: WorkerApi[K]['params'], { transfer = [], onPartial }: RequestOptions): Promise<WorkerApi[K]['result']> {
    const id = this.nextId++;
    const message = { id, type, params } as WorkerRequest;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { message, resolve: resolve as Pending['resolve'], reject, onPartial });
      this.send(message, transfer);
    });
  }

  private send(message: WorkerRequest, transfer: Transferable[]): void {
    if (this.inline) {
      void this.inline.then((port) => port.postMessage(message, transfer), () => undefined);
      return;
    }
    // Null when the client has just gone inline: that sent every pending request, this one too.
    const worker = this.start();
    // Until the worker has shown it runs, buffers are copied, not moved: the request may have to
    // go to the page's service instead.
    worker?.postMessage(message, this.workerAlive ? transfer : []);
  }

  /** Stops the worker (or closes the page's service); pending requests reject. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    void this.inline?.then((port) => port.close(), () => undefined);
    this.inline = null;
    this.rejectAll({ kind: 'bug', message: 'worker-client: the search worker was stopped' });
  }

  /** The worker, started if need be; null when the client goes inline instead. */
  private start(): Worker | null {
    if (this.worker) return this.worker;
    if (workerRefused) {
      this.goInline();
      return null;
    }
    const early = this.early;
    this.early = null;
    if (early?.error) {
      // Its script failed before this client listened (a CSP refusal, no module workers).
      early.worker.terminate();
      this.goInline(early.error);
      return null;
    }
    let worker: Worker;
    try {
      worker = early?.worker ?? createWorker();
    } catch (error) {
      // Some browsers refuse at once (a CSP violation thrown as a SecurityError).
      this.goInline(String(error));
      return null;
    }
    this.workerAlive = false;
    const started = setTimeout(() => {
      if (this.worker !== worker || this.workerAlive) return;
      worker.terminate();
      this.worker = null;
      this.goInline(`no answer in ${WORKER_START_TIMEOUT_MS} ms`);
    }, WORKER_START_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (!this.workerAlive && this.worker === worker) {
        this.workerAlive = true;
        clearTimeout(started);
        this.setMode('worker');
      }
      this.receive(event.data);
    };
    // The worker's script could not load or run (a CSP refusal, no module workers, offline).
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      clearTimeout(started);
      if (this.worker !== worker) return;
      this.worker = null;
      const reason = event.message || 'script error';
      // It never ran: search in the page instead. It ran, then failed: fail what is pending, start afresh next time.
      if (!this.workerAlive) this.goInline(reason);
      else this.rejectAll({ kind: 'unavailable', message: `worker-client: the search worker failed (${reason})` });
    };
    this.worker = worker;
    // Answered as soon as its first script runs: the sign that it does.
    worker.postMessage({ id: 0, type: 'ping', params: {} } satisfies WorkerRequest);
    return worker;
  }

  /**
   * Moves the search into the page: loads the service's chunk, opens a channel to it and sends
   * it, in order, every request not answered yet. `reason`: why the worker could not run (logged
   * once, as information: the visitor sees nothing, the host page gets no error).
   */
  private goInline(reason?: string): void {
    if (this.inline) return;
    if (reason !== undefined && !workerRefused) console.info(`news-archive-search: no search worker (${reason}); searching in the page instead.`);
    workerRefused = true;
    const inline = import('../../worker/search-inline.ts').then(({ openInlineSearch }) => {
      const port = openInlineSearch();
      port.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
      return port;
    });
    this.inline = inline;
    inline.then(
      () => this.setMode('inline'),
      (error: unknown) => {
        // Offline, or the chunk is blocked too: what is pending fails; the next request tries again.
        if (this.inline === inline) this.inline = null;
        this.rejectAll({ kind: 'unavailable', message: `worker-client: the search could not start in the page (${String(error)})` });
      },
    );
    for (const { message } of this.pending.values()) void inline.then((port) => port.postMessage(message), () => undefined);
  }

  private setMode(mode: SearchMode): void {
    if (this.currentMode === mode) return;
    this.currentMode = mode;
    this.modeListener(mode);
  }

  private receive(reply: WorkerReply): void {
    if (reply.id === undefined) {
      this.lastProgress = reply.progress;
      this.progressListener(reply.progress);
      return;
    }
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if ('partial' in reply) {
      pending.onPartial?.(reply.partial);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.ok) pending.resolve(reply.result as never);
    else pending.reject(new WorkerRequestError(reply.failure));
  }

  private rejectAll(failure: WorkerFailure): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(new WorkerRequestError(failure));
  }
}

/**
 * Starts the worker from its built file beside this module. Browsers refuse `new Worker` for a
 * script on another origin (the widget served from the search's host): then a same-origin
 * `blob:` module imports it (the host sends CORS headers, as it must for the widget itself).
 */
function createWorker(): Worker {
  const url = new URL(workerUrl, import.meta.url);
  const options: WorkerOptions = { type: 'module', name: 'news-archive-search' };
  if (url.origin === location.origin) return new Worker(url, options);
  const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  try {
    return new Worker(shim, options);
  } finally {
    // Later, not now: the worker fetches the blob after the constructor returns.
    setTimeout(() => URL.revokeObjectURL(shim), 10_000);
  }
}

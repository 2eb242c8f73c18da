/**
 * The page's side of the search worker: typed requests that resolve with the worker's reply,
 * and progress reports. Each request carries a counter that its reply repeats, so replies may
 * arrive in any order; whoever asked decides whether a reply is still wanted.
 */
import workerUrl from './search-worker.ts?worker&url';
import type { Manifest } from '../lib/search/index-format.ts';
import type { LoadProgress, RequestType, SearchAnswer, WorkerApi, WorkerFailure, WorkerReply, WorkerRequest } from './worker-protocol.ts';

/** A request the worker could not answer; `failure` says why, for the visitor and the console. */
export class WorkerRequestError extends Error {
  override name = 'WorkerRequestError';
  constructor(readonly failure: WorkerFailure) {
    super(failure.message);
  }
}

interface Pending {
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
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Requests wait for this before they are posted (see `holdUntil`). */
  private gate: Promise<void> | null = null;
  private progressListener: (progress: LoadProgress) => void;
  /** The latest progress report, for a listener that arrives late. */
  private lastProgress: LoadProgress | null = null;

  constructor(onProgress: (progress: LoadProgress) => void = () => undefined) {
    this.progressListener = onProgress;
  }

  /** Who hears progress reports from now on; hears the latest one at once. */
  set onProgress(listener: (progress: LoadProgress) => void) {
    this.progressListener = listener;
    if (this.lastProgress) listener(this.lastProgress);
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
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], reject, onPartial });
      worker.postMessage({ id, type, params } as WorkerRequest, transfer);
    });
  }

  /** Stops the worker; pending requests reject. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll({ kind: 'bug', message: 'worker-client: the search worker was stopped' });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = createWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    // The worker's script could not load (offline, blocked): fail what is pending, start afresh next time.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.rejectAll({ kind: 'unavailable', message: `worker-client: the search worker failed to start (${event.message || 'script error'})` });
    };
    this.worker = worker;
    return worker;
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

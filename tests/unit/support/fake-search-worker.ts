/**
 * A stand-in for the search worker in the search state's unit tests: it records every request
 * and answers only when the test says, in whatever order the test chooses.
 */
import type { Manifest } from '../../../src/lib/search/format/index-format.ts';
import type { SearchQuery } from '../../../src/lib/search/types.ts';
import type { HeadStart } from '../../../src/ui/client/head-start.ts';
import type { StateConnection, StateWorker } from '../../../src/ui/state/types.ts';
import { WorkerRequestError, type RequestOptions, type SearchMode } from '../../../src/ui/client/worker-client.ts';
import type { LoadProgress, RequestType, SearchAnswer, WorkerApi, WorkerFailure } from '../../../src/protocol/worker-protocol.ts';

/** A request the state sent, still waiting for the test's answer. */
export interface PendingRequest<K extends RequestType = RequestType> {
  type: K;
  params: WorkerApi[K]['params'];
  options: RequestOptions;
  resolve(result: WorkerApi[K]['result']): void;
  reject(error: unknown): void;
}

export class FakeSearchWorker implements StateWorker {
  readonly sent: PendingRequest[] = [];
  terminated = false;
  progressListener: (progress: LoadProgress) => void = () => undefined;
  modeListener: (mode: SearchMode) => void = () => undefined;

  set onProgress(listener: (progress: LoadProgress) => void) {
    this.progressListener = listener;
  }

  set onMode(listener: (mode: SearchMode) => void) {
    this.modeListener = listener;
  }

  request<K extends RequestType>(type: K, params: WorkerApi[K]['params'], options: RequestOptions = {}): Promise<WorkerApi[K]['result']> {
    return new Promise((resolve, reject) => {
      const pending: PendingRequest<K> = { type, params, options, resolve, reject };
      this.sent.push(pending as unknown as PendingRequest);
    });
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The requests of `type` sent so far, oldest first. */
  requests<K extends RequestType>(type: K): Array<PendingRequest<K>> {
    return this.sent.filter((request) => request.type === type) as unknown as Array<PendingRequest<K>>;
  }

  /** The latest request of `type` (fails the test when there is none). */
  last<K extends RequestType>(type: K): PendingRequest<K> {
    const request = this.requests(type).at(-1);
    if (!request) throw new Error(`no ${type} request was sent`);
    return request;
  }
}

/** A connection to `worker`, optionally with the index already opening and a head start for one query. */
export function connection(worker: FakeSearchWorker, extra: { opening?: Promise<Manifest>; headStart?: HeadStart } = {}): () => StateConnection {
  return () => ({
    client: worker,
    opening: extra.opening ?? null,
    takeHeadStart: (_query: SearchQuery) => extra.headStart ?? null,
  });
}

/** A failure as the worker reports it. */
export function workerError(kind: WorkerFailure['kind'], message = 'test failure'): WorkerRequestError {
  return new WorkerRequestError({ kind, message });
}

/** A manifest for a small archive of `articles` articles from two outlets (the newest three listed). */
export function testManifest(articles = 40): Manifest {
  const newest = [0, 1, 2].map((number) => ({
    number,
    id: `n${number}`,
    title: `最新文章${number}`,
    outlet: number % 2 ? '美国之音' : '法广',
    date: `2026-01-0${number + 1}`,
    url: `https://example.org/${number}`,
    lead: { text: `导语${number}`, start: 0, highlights: [], leadingEllipsis: false, trailingEllipsis: false },
  }));
  const partial: Partial<Manifest> = {
    articles,
    outlets: [
      { name: '法广', count: articles / 2 },
      { name: '美国之音', count: articles / 2 },
    ],
    facets: { outlets: { 法广: articles / 2, 美国之音: articles / 2 }, dates: {}, dateBucket: 'year' },
    dates: { first: '2025-01-01', last: '2026-01-03' },
    newest,
  };
  return partial as Manifest;
}

/** An answer with hits `numbers` of `total` matches; `searched` articles of `of` (partial when fewer). */
export function answerOf(numbers: number[], total = numbers.length, searched = { articles: 40, of: 40 }): SearchAnswer {
  return {
    total,
    approximate: searched.articles < searched.of,
    hits: numbers.map((number) => ({ number, score: 1, terms: [] })),
    facets: { outlets: { 法广: total }, dates: {}, dateBucket: 'year' },
    searched,
  };
}

/** Lets the state's timers (its zero-delay keystroke coalescing) and promise callbacks run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Summaries (title marks, snippet) of the results on screen: rows are watched with an
 * IntersectionObserver, and the rows that come into view are asked for in one batch, for the
 * query text of the answer they belong to. Rows never shown cost nothing.
 */
import type { Attachment } from 'svelte/attachments';
import { WorkerRequestError } from '../client/worker-client.ts';
import type { ArticleSummary, WorkerApi } from '../../protocol/worker-protocol.ts';

type SummariesReply = WorkerApi['summaries']['result'];

/**
 * A map whose reads are reactive: one version for the whole map (summaries arrive in batches, and
 * a page holds a few dozen rows), instead of `SvelteMap`'s per-key signals and its runtime.
 */
class ReactiveMap<K, V> {
  private readonly map = new Map<K, V>();
  private changes = 0;
  private version = $state(0);

  get(key: K): V | undefined {
    void this.version;
    return this.map.get(key);
  }

  has(key: K): boolean {
    void this.version;
    return this.map.has(key);
  }

  keys(): MapIterator<K> {
    void this.version;
    return this.map.keys();
  }

  set(key: K, value: V): void {
    if (this.map.get(key) === value) return;
    this.map.set(key, value);
    this.changed();
  }

  delete(key: K): void {
    if (this.map.delete(key)) this.changed();
  }

  clear(): void {
    if (this.map.size === 0) return;
    this.map.clear();
    this.changed();
  }

  /** Written, never read here: a change made inside an effect does not make it depend on the map. */
  private changed(): void {
    this.version = ++this.changes;
  }
}

export class SummaryLoader {
  /** Summaries by article number (possibly made for an older query until refreshed). */
  readonly summaries = new ReactiveMap<number, ArticleSummary>();
  /** Rows whose summary could not be loaded. */
  readonly failed = new ReactiveMap<number, true>();
  private readonly visible = new Set<number>();
  private readonly watched = new WeakMap<Element, number>();
  private observer: IntersectionObserver | null = null;
  private readonly queue = new Set<number>();
  private readonly inFlight = new Set<string>();

  /**
   * @param load asks the worker for summaries
   * @param text the query text summaries are made for now
   * @param onFailure reports a failure (`retry()` then tries the failed rows again)
   */
  constructor(
    private readonly load: (numbers: number[], text: string) => Promise<SummariesReply>,
    private readonly text: () => string,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** An attachment for a result row: asks for its summary once it scrolls into view. */
  watch(number: number): Attachment {
    return (element) => {
      this.observer ??= new IntersectionObserver((entries) => this.onVisibility(entries), { rootMargin: '200px 0px' });
      this.watched.set(element, number);
      this.observer.observe(element);
      return () => {
        this.observer?.unobserve(element);
        this.visible.delete(number);
      };
    };
  }

  /** Summaries known without asking (the manifest's newest articles, for the empty query). */
  seed(summaries: readonly ArticleSummary[]): void {
    for (const summary of summaries) if (!this.summaries.has(summary.number)) this.summaries.set(summary.number, summary);
  }

  /** After a new answer: refreshes the summaries of the rows that stay on screen. */
  refresh(rows: readonly number[]): void {
    this.request(rows.filter((number) => this.visible.has(number)));
  }

  /** Asks again for every summary that failed; those on screen load now, the others when shown. */
  retry(): void {
    const failed = [...this.failed.keys()];
    this.failed.clear();
    this.request(failed.filter((number) => this.visible.has(number)));
  }

  disconnect(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    const appeared: number[] = [];
    for (const entry of entries) {
      const number = this.watched.get(entry.target);
      if (number === undefined) continue;
      if (entry.isIntersecting) {
        this.visible.add(number);
        appeared.push(number);
      } else {
        this.visible.delete(number);
      }
    }
    this.request(appeared);
  }

  /** Queues summaries that are missing or made for another query; sends them in one request. */
  private request(numbers: readonly number[]): void {
    const text = this.text();
    for (const number of numbers) {
      if (this.summaries.get(number)?.text === text || this.inFlight.has(key(text, number))) continue;
      this.queue.add(number);
    }
    if (this.queue.size > 0) queueMicrotask(() => this.flush(text));
  }

  private flush(text: string): void {
    const numbers = [...this.queue];
    this.queue.clear();
    if (numbers.length > 0) this.receive(numbers, text, this.load(numbers, text));
  }

  /**
   * Takes summaries of `numbers` for `text` that were asked for elsewhere (the page's head
   * start, `head-start.ts`): shown at once when `reply` is one, else when it arrives; meanwhile
   * the rows do not ask again.
   */
  adopt(numbers: readonly number[], text: string, reply: SummariesReply | Promise<SummariesReply>): void {
    if (reply instanceof Promise) this.receive(numbers, text, reply);
    else this.apply(numbers, text, reply);
  }

  private receive(numbers: readonly number[], text: string, reply: Promise<SummariesReply>): void {
    for (const number of numbers) this.inFlight.add(key(text, number));
    const settle = () => numbers.forEach((number) => this.inFlight.delete(key(text, number)));
    reply.then(
      (value) => {
        settle();
        this.apply(numbers, text, value);
      },
      (error: unknown) => {
        settle();
        for (const number of numbers) this.failed.set(number, true);
        this.onFailure(error);
      },
    );
  }

  private apply(numbers: readonly number[], text: string, { summaries, failed, failure }: SummariesReply): void {
    const current = this.text();
    for (const summary of summaries) {
      // A late answer for an older query never replaces a summary made for the current one.
      if (summary.text !== current && this.summaries.get(summary.number)?.text === current) continue;
      this.summaries.set(summary.number, summary);
      this.failed.delete(summary.number);
    }
    for (const number of failed) this.failed.set(number, true);
    if (failure) this.onFailure(new WorkerRequestError(failure));
    // What is on screen without a summary for the current words asks now: all of it when the
    // query changed meanwhile, else what the reply left out (a head start overtaken by typing).
    this.request(numbers.filter((number) => this.visible.has(number) && (text !== current || !this.failed.has(number))));
  }
}

function key(text: string, number: number): string {
  return `${text}\n${number}`;
}

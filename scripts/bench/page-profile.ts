/**
 * Diagnostics for the cold loads of the page benchmark, off unless asked for (they cost time):
 *
 * - `BENCH_PAGE_PROFILE=PREFIX`: a V8 CPU profile of the page and one of its search worker, from
 *   navigation to the first results painted, written to `PREFIX-<query>.cpuprofile` and
 *   `PREFIX-<query>-worker.cpuprofile` (open them in Chromium's DevTools, Performance panel).
 * - `BENCH_PAGE_DEBUG=1` (see `coldRun`) also prints the console lines of the page and the
 *   worker that start with `[t] ` and end with an absolute time (`performance.timeOrigin +
 *   performance.now()`), as milliseconds since navigation: a debug build's own timeline.
 */
import { writeFileSync } from 'node:fs';
import type { BrowserContext, CDPSession } from '@playwright/test';

/** A CPU profile being taken of a page and of the worker it starts. */
export interface ColdProfile {
  /** Stops both profiles and writes them (`query` names the files). */
  save(query: string): Promise<void>;
}

const SAMPLING_US = 200;

/**
 * Starts profiling the page of `cdp` (call before navigating). The worker is held at its first
 * line until its profiler runs (`waitForDebuggerOnStart`), so its start is in the profile too.
 */
export async function startColdProfile(cdp: CDPSession, prefix: string): Promise<ColdProfile> {
  let workerSession: string | null = null;
  const replies = new Map<number, (result: unknown) => void>();
  let id = 0;
  // The worker's own DevTools session, reached through the page's (not flattened).
  const inWorker = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      replies.set(++id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId: workerSession!, message: JSON.stringify({ id, method, params }) });
    });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
  });
  cdp.on('Target.attachedToTarget', async (event) => {
    if (event.targetInfo.type !== 'worker' || workerSession) return;
    workerSession = event.sessionId;
    await inWorker('Profiler.enable');
    await inWorker('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await inWorker('Profiler.start');
    await inWorker('Runtime.runIfWaitingForDebugger');
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
  await cdp.send('Profiler.start');
  return {
    async save(query) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(`${prefix}-${query}.cpuprofile`, JSON.stringify(profile));
      if (!workerSession) return;
      const result = (await inWorker('Profiler.stop')) as { profile: unknown };
      writeFileSync(`${prefix}-${query}-worker.cpuprofile`, JSON.stringify(result.profile));
    },
  };
}

/** Collects the `[t] label … time` console lines of the context's pages and workers. */
export function collectTimeline(context: BrowserContext): { lines: string[] } {
  const timeline = { lines: [] as string[] };
  const keep = (text: string) => {
    if (text.startsWith('[t] ')) timeline.lines.push(text);
  };
  context.on('page', (page) => {
    page.on('console', (message) => keep(message.text()));
    page.on('worker', (worker) => worker.on('console', (message) => keep(message.text())));
  });
  return timeline;
}

/** A timeline line with its absolute time turned into ms since `origin` (the page's timeOrigin). */
export function timelineLine(line: string, origin: number): string {
  const at = line.lastIndexOf(' ');
  const time = Number(line.slice(at + 1));
  return Number.isFinite(time) ? `${line.slice(0, at)} ${(time - origin).toFixed(0)} ms` : line;
}

/**
 * The worker the App's search state talks to: the one the hosted page started ahead of it
 * (`preopen.ts`, with its head start), else a new one. Tests pass their own connection instead.
 */
import { takeHeadStart } from '../client/head-start.ts';
import { takePreopened } from '../client/preopen.ts';
import { SearchWorkerClient } from '../client/worker-client.ts';
import type { StateConnection } from './types.ts';

/** Connects to the index at `indexFolder` (absolute, as `resolveIndexFolder` gives it). */
export function connectWorker(indexFolder: string): StateConnection {
  const preopened = takePreopened(indexFolder);
  return {
    client: preopened?.client ?? new SearchWorkerClient(),
    opening: preopened?.opening ?? null,
    // Only the worker that ran it has its fragments at hand: the head start goes with the preopened client.
    takeHeadStart: preopened ? takeHeadStart : () => null,
  };
}

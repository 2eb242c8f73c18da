/**
 * Resolves once every task already queued on this thread has run: `scheduler.postTask` at
 * background priority where the browser has it (Chromium, in workers too), else a zero timeout
 * (behind the tasks queued before it). Unlike `yieldToPage` (`scheduler.yield`, whose continuation
 * goes first), for work that may wait: the search worker's warm-up.
 *
 * @example for (const step of steps) { step(); await behindOtherTasks(); }
 */
export function behindOtherTasks(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void> } }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined, { priority: 'background' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Lets the page run between two stages of the widget's search when it runs in the page (its
 * inline mode, `search-inline.ts`): input, rendering and the host's own tasks come first, so that
 * no stage of a search adds to another's task (issue #19: no task over 50 ms). Resolves in a
 * later task: `scheduler.yield()` where the browser has it (the search's continuation then goes
 * before other queued tasks), else a message to itself (not `setTimeout`, which browsers delay
 * by 4 ms once nested).
 *
 * @example for (const part of parts) { decode(part); await yieldToPage(); }
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

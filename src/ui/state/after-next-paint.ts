/**
 * Runs `run` after the next paint: a task queued from an animation frame runs after that frame is
 * painted. A page in a background tab gets no frames, so a timer runs it after `fallbackMs` anyway.
 * Returns the function that cancels it.
 *
 * @example const cancel = afterNextPaint(() => (hasControls = true));
 */
export function afterNextPaint(run: () => void, fallbackMs = 200): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    cancel();
    run();
  };
  let task: ReturnType<typeof setTimeout> | undefined;
  // The frame functions it starts with, kept: the one that cancels is called later, from a timer.
  const frames = typeof requestAnimationFrame === 'function' ? { request: requestAnimationFrame.bind(globalThis), cancel: cancelAnimationFrame.bind(globalThis) } : null;
  const frame = frames ? frames.request(() => (task = setTimeout(once))) : null;
  const fallback = setTimeout(once, frame === null ? 0 : fallbackMs);
  function cancel(): void {
    done = true;
    if (frames && frame !== null) frames.cancel(frame);
    clearTimeout(task);
    clearTimeout(fallback);
  }
  return cancel;
}

/**
 * The start view's wait for a search before what waits for the first results comes anyway (ms):
 * the App's deferred parts (`after-first-results.svelte.ts`), the widget's App (`src/widget/first-paint.ts`).
 */
export const START_VIEW_WAIT_MS = 1000;

import { afterEach, describe, expect, it } from 'vitest';
import { afterNextPaint } from '../../src/ui/state/after-next-paint.ts';

type FrameGlobals = { requestAnimationFrame?: (callback: () => void) => number; cancelAnimationFrame?: (id: number) => void };
const scope = globalThis as unknown as FrameGlobals;

afterEach(() => {
  delete scope.requestAnimationFrame;
  delete scope.cancelAnimationFrame;
});

describe('afterNextPaint', () => {
  it('runs once from the fallback timer when no frame comes, cancelling the frame with the functions it started with', async () => {
    const cancelled: number[] = [];
    scope.requestAnimationFrame = () => 7;
    scope.cancelAnimationFrame = (id) => cancelled.push(id);
    let runs = 0;
    afterNextPaint(() => runs++, 5);
    // The page's globals gone before the timer fires (a test environment torn down): still cancelled, still run.
    delete scope.requestAnimationFrame;
    delete scope.cancelAnimationFrame;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(1);
    expect(cancelled).toEqual([7]);
  });

  it('runs in a task after the frame, not twice', async () => {
    let frame: (() => void) | null = null;
    scope.requestAnimationFrame = (callback) => ((frame = callback), 1);
    scope.cancelAnimationFrame = () => undefined;
    let runs = 0;
    afterNextPaint(() => runs++, 1000);
    frame!();
    expect(runs).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(runs).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { behindOtherTasks } from '../../src/worker/behind-other-tasks.ts';

describe('behindOtherTasks', () => {
  it('resolves after the tasks queued before it', async () => {
    const ran: string[] = [];
    setTimeout(() => ran.push('queued before'), 0);
    await behindOtherTasks();
    ran.push('after');
    expect(ran).toEqual(['queued before', 'after']);
  });

  it('uses the scheduler at background priority where there is one', async () => {
    const asked: unknown[] = [];
    const scope = globalThis as { scheduler?: unknown };
    scope.scheduler = { postTask: (task: () => void, options: unknown) => (asked.push(options), Promise.resolve(task())) };
    try {
      await behindOtherTasks();
    } finally {
      delete scope.scheduler;
    }
    expect(asked).toEqual([{ priority: 'background' }]);
  });
});

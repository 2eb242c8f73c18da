import { describe, expect, it } from 'vitest';
import { createProgress, PIPE_INTERVAL_MS } from '../../scripts/lib/progress.ts';

/** A stream that records what is written, and a clock the test moves. */
function setup(isTTY: boolean) {
  const writes: string[] = [];
  let now = 0;
  const progress = createProgress({ isTTY, write: (text: string) => writes.push(text) }, { label: 'indexing', finishing: 'writing the index', now: () => now });
  return { writes, progress, at: (ms: number) => (now = ms) };
}

describe('createProgress in a pipe', () => {
  it('writes one line at each tenth of the files, and says nothing in the first second', () => {
    const { writes, progress, at } = setup(false);
    for (let done = 1; done <= 1000; done++) {
      at(done * 20); // 50 files a second: 20 s in all
      progress.update(done, 1000);
    }
    progress.done();
    expect(writes).toHaveLength(10);
    expect(writes[0]).toBe('indexing 100/1000 files (10%), 2 s\n');
    expect(writes.at(-1)).toBe('indexing 1000/1000 files (100%), 20 s; writing the index…\n');
    expect(writes.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
  });

  it('writes a line every 15 s when a tenth takes longer', () => {
    const { writes, progress, at } = setup(false);
    for (let second = 1; second <= 60; second++) {
      at(second * 1000);
      progress.update(second, 1000); // one file a second: no tenth within a minute
    }
    expect(writes).toEqual([`indexing 15/1000 files (1%), 15 s\n`, `indexing 30/1000 files (3%), 30 s\n`, `indexing 45/1000 files (4%), 45 s\n`, `indexing 60/1000 files (6%), 60 s\n`]);
    expect(PIPE_INTERVAL_MS).toBe(15_000);
  });

  it('writes nothing for a build done within a second (the summary says it all)', () => {
    const { writes, progress, at } = setup(false);
    for (let done = 1; done <= 50; done++) {
      at(done * 10);
      progress.update(done, 50);
    }
    expect(writes).toEqual([]);
  });
});

describe('createProgress on a terminal', () => {
  it('rewrites one line, with no time left until enough files are done', () => {
    const { writes, progress, at } = setup(true);
    at(3000); // the workers' start-up: three seconds before the first file
    progress.update(1, 1000);
    at(3500);
    progress.update(20, 1000);
    expect(writes.at(-1)).toBe('\r20/1000 files\x1b[K');
    at(6000);
    progress.update(110, 1000); // 109 files in 3 s since the first: 36 a second
    expect(writes.at(-1)).toBe('\r110/1000 files  36 files/s  24 s left\x1b[K');
    at(30_000);
    progress.update(1000, 1000);
    expect(writes.at(-1)).toBe('\r1000/1000 files  37 files/s  writing the index…\x1b[K');
    progress.done();
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });

  it('does not count files taken from the cache in the rate', () => {
    const { writes, progress, at } = setup(true);
    at(100);
    progress.update(900, 1000); // 900 reused at once
    at(4100);
    progress.update(980, 1000); // 80 compiled in 4 s: 20 a second
    expect(writes.at(-1)).toBe('\r980/1000 files  20 files/s  1 s left\x1b[K');
  });
});

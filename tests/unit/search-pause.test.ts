import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';
import { FIXTURES } from '../helpers/paths.ts';

let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'nas-pause-'));
  await buildArchiveIndex({ input: FIXTURES, out, cache: false, now: Date.UTC(2026, 0, 1) });
}, 60_000);
afterAll(() => rm(out, { recursive: true, force: true }));

/** A pause that resolves in a later task (as the widget's inline mode does), counting its calls. */
function countingPause(): { pause: () => Promise<void>; calls: () => number } {
  let calls = 0;
  return {
    pause: () => {
      calls++;
      return new Promise((resolve) => setTimeout(resolve, 0));
    },
    calls: () => calls,
  };
}

describe('a search with a pause between its stages (the widget searching in the page)', () => {
  const queries = ['王毅', '', '香港 -国安法', '"国家安全"', 'huawei', '臺灣'];

  it('gives the same answers as without it, and awaits it at every stage of a step', async () => {
    for (const text of queries) {
      // Fresh readers: the same files are fetched and decoded in both runs.
      const plain = await (await Searcher.open(fileIndexSource(out))).search({ text, limit: 10 });
      const { pause, calls } = countingPause();
      const paused = await (await Searcher.open(fileIndexSource(out))).search({ text, limit: 10 }, { pause });
      expect(paused, text).toEqual(plain);
      // Before its postings, its docs rows, its scoring, its filtering and its counts.
      expect(calls(), text).toBeGreaterThanOrEqual(4);
    }
  });

  it('pauses in each step of a progressive search too, with the same final answer', async () => {
    const searcher = await Searcher.open(fileIndexSource(out));
    const { pause, calls } = countingPause();
    let steps = 0;
    let last: Awaited<ReturnType<Searcher['search']>> | undefined;
    for await (const answer of searcher.searchProgressively({ text: '香港' }, { pause })) {
      steps++;
      last = answer;
    }
    expect(calls()).toBeGreaterThanOrEqual(4 * steps);
    expect(last).toEqual(await (await Searcher.open(fileIndexSource(out))).search({ text: '香港' }));
  });
});

describe('an index source with a pause (the widget searching in the page)', () => {
  it('awaits it before and after decoding each index file, and between the manifest\u2019s stages, with the same answers', async () => {
    const { pause, calls } = countingPause();
    const decoded: string[] = [];
    // Every `.bin` (docs blocks, vocabulary parts, postings chunks) is decompressed and decoded; JSON files are not.
    const source = { ...fileIndexSource(out, (file) => void (file.endsWith('.bin') && decoded.push(file))), pause };
    const paused = await (await Searcher.open(source)).search({ text: '香港 -国安法', limit: 10 });
    expect(paused).toEqual(await (await Searcher.open(fileIndexSource(out))).search({ text: '香港 -国安法', limit: 10 }));
    expect(decoded.length).toBeGreaterThan(1);
    // Four for the manifest (read, parsed, checked, laid out), two for each binary file (and one
    // per 32 KB slice of a large one's compressed bytes: the fixture's are smaller).
    expect(calls()).toBe(4 + 2 * decoded.length);
  });
});

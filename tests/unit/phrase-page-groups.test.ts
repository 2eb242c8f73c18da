import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';

let tmp: string;
let searcher: Searcher;

/** Six parts of one video (near-duplicates, one similar group) that rank first for the phrase, and three other stories with it. */
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-phrase-groups-'));
  const input = path.join(tmp, 'in');
  const out = path.join(tmp, 'out');
  await mkdir(input);
  const write = (name: string, title: string, date: string, body: string) =>
    writeFile(path.join(input, name), `---\ntitle: "${title}"\ndate: ${date}\nfrom: https://video.example/${name}\ntags: [城寨]\n---\n<p>${body}</p>`);
  for (const part of [1, 2, 3, 4, 5, 6]) await write(`part-${part}.md`, `码头工人夜谈 - 05/03/18「夜谈」${part}/6`, `2018-03-05T0${part}:00:00Z`, `码头工人讨论生计，码头工人的第${part}节。`);
  await write('other-1.md', '渡轮停航以后', '2018-04-01T00:00:00Z', '码头工人说，停航以后生意难做。');
  await write('other-2.md', '海边的周末', '2018-05-01T00:00:00Z', '几位码头工人周末去海边钓鱼。');
  await write('other-3.md', '书店开张', '2018-06-01T00:00:00Z', '一位码头工人在码头旁边开了一家书店。');
  await buildArchiveIndex({ input, out, cache: false, now: Date.UTC(2026, 0, 1) });
  searcher = await Searcher.open(fileIndexSource(out));
}, 60_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('a phrase query whose best hits are near-duplicates', () => {
  it('confirms as many candidates as fill the page with similar groups, not the page size in articles', async () => {
    const response = await searcher.search({ text: '"码头工人"', limit: 3 });
    // The video's six parts are one row (more than a batch of checks): the page still shows three rows.
    expect(response.hits).toHaveLength(3);
    expect(response.hits[0]!.similar).toHaveLength(5);
    expect(new Set(response.hits.map((hit) => hit.number)).size).toBe(3);
  });
});

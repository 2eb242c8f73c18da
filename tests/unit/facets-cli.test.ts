import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';
import { runScript as run } from '../helpers/run-script.ts';

/** Six hand-written articles: two by 王小明, one by 李华, one whose `author` is its outlet, a CDT body with "Post tags:", one without front matter. */
const ARCHIVE = path.join(REPO_ROOT, 'tests/fixtures/facets');

interface SearchJson {
  total: number;
  results: Array<{ title: string }>;
  facets: Record<string, Record<string, number>>;
  unknown?: Record<string, string[]>;
}

let tmp: string;
let index: string;
async function search(...args: string[]): Promise<SearchJson> {
  const { code, stdout, stderr } = await run('search.ts', ['--index', index, '--json', '--limit', '20', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as SearchJson;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-facets-'));
  index = path.join(tmp, 'index');
  const built = await run('build-index.ts', ['--input', ARCHIVE, '--out', index, '--no-cache', '--facet', 'region']);
  expect(built.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('a facet declared by data (a front-matter key, --facet region)', () => {
  it('is counted in the CLI\'s JSON beside outlets, authors and tags', async () => {
    const all = await search('');
    expect(all.total).toBe(6);
    expect(all.facets['region']).toEqual({ 华北: 2, 华南: 2 });
    expect(Object.keys(all.facets)).toEqual(['outlets', 'authors', 'tags', 'region', 'dates']);
  });

  it('filters with --filter region=VALUE, its own counts unfiltered and the others narrowed', async () => {
    const south = await search('--filter', 'region=华南');
    expect(south.results.map((r) => r.title).sort()).toEqual(['农村学校的一天', '河流治理的二十年']);
    expect(south.facets['region']).toEqual({ 华北: 2, 华南: 2 });
    expect(south.facets['authors']).toEqual({ 王小明: 1, 李华: 1 });
  });

  it('matches nothing for a facet the index does not have, and says so in `unknown`', async () => {
    const json = await search('--filter', 'colour=red');
    expect(json.total).toBe(0);
    expect(json.unknown).toEqual({ colour: ['red'] });
  });

  it('names the values the archive does not have in `unknown`, and only those', async () => {
    const json = await search('--author', '王小明', '--author', '无此人', '--tag', '城市');
    expect(json.total).toBeGreaterThan(0);
    expect(json.unknown).toEqual({ author: ['无此人'] });
    expect((await search('--author', '王小明')).unknown).toBeUndefined();
  });

  it('says so in the text for people too', async () => {
    const { code, stdout } = await run('search.ts', ['--index', index, '--tag', '无此标签', '城市']);
    expect(code).toBe(0);
    expect(stdout).toContain('No article has tag "无此标签": the archive has no such value.');
  });

  it('refuses a front-matter key that is already a facet, with exit code 2', async () => {
    const { code, stderr } = await run('build-index.ts', ['--input', ARCHIVE, '--out', path.join(tmp, 'other'), '--no-cache', '--facet', 'tag']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--facet: "tag" is already a facet/);
  });
});

describe('author and tag facets', () => {
  it('keep person authors (not an outlet as author) and topic tags (not outlet names, not news), with the CDT "Post tags:" line', async () => {
    const all = await search('');
    expect(all.facets['authors']).toEqual({ 王小明: 2, 李华: 1 });
    expect(all.facets['tags']).toEqual({ 城市: 2, 评论: 2, 环境: 1, 教育: 1, 审查: 1, 短视频: 1 });
  });

  it('add up within a facet (--tag a --tag b) and narrow across facets (--author with --tag)', async () => {
    expect((await search('--tag', '评论', '--tag', '环境')).total).toBe(3);
    const both = await search('--author', '王小明', '--tag', '评论');
    expect(both.results.map((r) => r.title)).toEqual(['城市的夜晚与灯光']);
    // Each facet's counts apply the other facet's filter, not its own.
    expect(both.facets['tags']).toEqual({ 城市: 1, 评论: 1, 环境: 1 });
    expect(both.facets['authors']).toEqual({ 王小明: 1, 李华: 1 });
    expect(both.facets['outlets']).toEqual({ 美国之音: 1 });
  });

  it('finds an author\'s articles by the name, which is in no title or text', async () => {
    const found = await search('王小明');
    expect(found.results.map((r) => r.title).sort()).toEqual(['城市的夜晚与灯光', '河流治理的二十年']);
  });
});

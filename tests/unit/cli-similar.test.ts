import type { ResultJson } from '../../scripts/search.ts';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.ts';

const exec = promisify(execFile);
const script = (name: string) => path.join(REPO_ROOT, 'scripts', name);
const run = async (name: string, args: string[]) => (await exec(process.execPath, ['--import', 'tsx/esm', script(name), ...args], { cwd: REPO_ROOT })).stdout;

let tmp: string;
let out: string;

/** Three parts of one video and two unrelated stories that share a word. */
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-cli-similar-'));
  const input = path.join(tmp, 'in');
  out = path.join(tmp, 'out');
  await mkdir(input);
  const write = (name: string, title: string, date: string, body: string) =>
    writeFile(path.join(input, name), `---\ntitle: "${title}"\ndate: ${date}\nfrom: https://video.example/${name}\ntags: [城寨]\n---\n<p>${body}</p>`);
  for (const part of [1, 2, 3]) await write(`part-${part}.md`, `渡轮停航之后 - 05/03/18「夜谈」${part}/3`, `2018-03-05T0${part}:00:00Z`, `渡轮停航之后，码头工人讨论生计，第${part}节。`);
  await write('other-1.md', '码头的新邻居', '2018-04-01T00:00:00Z', '码头旁边开了一家书店。');
  await write('other-2.md', '码头工人的周末', '2018-05-01T00:00:00Z', '码头工人周末去海边钓鱼。');
  await run('build-index.ts', ['--input', input, '--out', out, '--no-cache']);
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('npm run search --json with near-duplicates', () => {
  it('collapses them into similar (same fields), keeps total as articles and adds groups', async () => {
    const json = JSON.parse(await run('search.ts', ['--index', out, '--json', '码头']) ) as { total: number; groups: number; results: ResultJson[] };
    expect(json.total).toBe(5);
    expect(json.groups).toBe(3);
    expect(json.results).toHaveLength(3);
    const video = json.results.find((r) => r.similar)!;
    expect(video.title).toMatch(/^渡轮停航之后/);
    expect(video.similar).toHaveLength(2);
    expect(Object.keys(video.similar![0]!).sort()).toEqual(['date', 'id', 'outlet', 'score', 'title', 'url']);
    const ids = [video.id, ...video.similar!.map((r) => r.id)];
    expect(new Set(ids).size).toBe(3);
    expect(json.results.filter((r) => r !== video).every((r) => !('similar' in r))).toBe(true);
  });

  it('lists every article flat with --no-collapse', async () => {
    const json = JSON.parse(await run('search.ts', ['--index', out, '--json', '--no-collapse', '码头'])) as { total: number; groups: number; results: ResultJson[] };
    expect(json.total).toBe(5);
    expect(json.groups).toBe(5);
    expect(json.results).toHaveLength(5);
    expect(json.results.every((r) => !('similar' in r))).toBe(true);
  });

  it('says how many similar follow each result for people', async () => {
    const text = await run('search.ts', ['--index', out, '渡轮']);
    expect(text).toMatch(/^3 results in 1 group \(near-duplicates collapsed\)\n/);
    expect(text).toContain('   2 similar:\n   - 渡轮停航之后');
  });
});

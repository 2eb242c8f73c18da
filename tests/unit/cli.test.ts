import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../scripts/compiler/build-archive-index.ts';
import { readPartTable } from '../../scripts/lib/part-table.ts';
import type { Manifest } from '../../src/lib/search/format/index-format.ts';
import { FIXTURES, REPO_ROOT } from '../helpers/paths.ts';
import { runScript } from '../helpers/run-script.ts';


/** Output folders the scripts wrote: their default compile caches (in the repo's node_modules/.cache) are removed after. */
const outs = new Set<string>();

/** `runScript`, noting the output folder so that its default compile cache is removed after. */
async function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = args.indexOf('--out');
  if (out >= 0 && args[out + 1]) outs.add(args[out + 1]!);
  return runScript(script, args);
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'nas-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  for (const out of outs) await rm(defaultCacheDir(out, REPO_ROOT), { recursive: true, force: true });
});

describe('npm run index', () => {
  it('exits 2 with one sentence for a missing input folder', async () => {
    const { code, stderr } = await run('build-index.ts', ['--input', path.join(tmp, 'nope'), '--out', path.join(tmp, 'out')]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(/^The input folder .*nope does not exist or is not a folder\.$/);
  });

  it('exits 2 for a folder without article files', async () => {
    await mkdir(path.join(tmp, 'empty'));
    await writeFile(path.join(tmp, 'empty', 'notes.pdf'), 'x');
    const { code, stderr } = await run('build-index.ts', ['--input', path.join(tmp, 'empty'), '--out', path.join(tmp, 'out')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/holds no article files/);
  });

  it('indexes what it can, names each skipped file, and exits 1 only with --strict', async () => {
    const input = path.join(tmp, 'mixed');
    await mkdir(input);
    await writeFile(path.join(input, 'good.md'), '[好文章](https://www.dw.com/zh/good)\n------\n<p>正文</p>');
    await writeFile(path.join(input, 'empty.md'), '');
    const out = path.join(tmp, 'mixed-out');
    const report = path.join(tmp, 'report.json');
    const lenient = await run('build-index.ts', ['--input', input, '--out', out, '--report', report]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('skipped empty.md: file is empty');
    expect(lenient.stdout).toMatch(/Indexed 1 of 2 files \(1 skipped, 0 duplicate URLs merged\)/);
    const strict = await run('build-index.ts', ['--input', input, '--out', out, '--strict']);
    expect(strict.code).toBe(1);
  });
});

describe('npm run index, run again', () => {
  it('recompiles nothing unchanged, and --cache / --no-cache choose the compile cache', async () => {
    const out = path.join(tmp, 'again-out');
    const cache = path.join(tmp, 'again-cache');
    const first = await run('build-index.ts', ['--input', FIXTURES, '--out', out, '--cache', cache]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Compiled \d+ files, 0 from the cache/);
    const second = await run('build-index.ts', ['--input', FIXTURES, '--out', out, '--cache', cache]);
    expect(second.stdout).toMatch(/Compiled 0 files, \d+ from the cache; kept the numbers of the index in the folder; wrote 0 files/);
    const uncached = await run('build-index.ts', ['--input', FIXTURES, '--out', out, '--no-cache', '--fresh']);
    expect(uncached.stdout).toMatch(/Compiled \d+ files, 0 from the cache; wrote 0 files/);
  });

  it('cuts blocks of --block-size article numbers (10,000 without it) and refuses a bad size', async () => {
    const manifestOf = async (dir: string) => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as { blockSize: number; docs: unknown[]; articles: number };
    const plain = path.join(tmp, 'blocks-default');
    expect((await run('build-index.ts', ['--input', FIXTURES, '--out', plain, '--no-cache'])).code).toBe(0);
    expect(await manifestOf(plain)).toMatchObject({ blockSize: 10_000, docs: [expect.anything()] });
    const small = path.join(tmp, 'blocks-3');
    expect((await run('build-index.ts', ['--input', FIXTURES, '--out', small, '--no-cache', '--block-size', '3'])).code).toBe(0);
    const manifest = await manifestOf(small);
    expect(manifest.blockSize).toBe(3);
    expect(manifest.docs).toHaveLength(Math.ceil(manifest.articles / 3));
    const bad = await run('build-index.ts', ['--input', FIXTURES, '--out', small, '--block-size', 'zero']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--block-size takes a whole number above 0, not "zero"/);
  });
});

describe('news-archive-search (the package command)', () => {
  it('names its commands for an unknown one, with exit 2 and one line', async () => {
    const { code, stderr } = await run('news-archive-search.ts', ['bild']);
    expect(code).toBe(2);
    expect(stderr).toBe('news-archive-search: unknown command "bild"; the commands are build, index, search, serve (news-archive-search --help shows the usage)\n');
  });

  it('prints each command\'s usage under its own name, and refuses a bad --lang or --base in one line', async () => {
    const help = await run('news-archive-search.ts', ['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: news-archive-search build --input DIR --out DIR \[--base PATH\] \[--title TEXT\] \[--lang zh-Hans\|zh-Hant\|en\]/);
    expect((await run('news-archive-search.ts', ['index', '--help'])).stdout).toMatch(/^usage: news-archive-search index --input DIR --out DIR/);
    const lang = await run('news-archive-search.ts', ['build', '--input', FIXTURES, '--out', path.join(tmp, 'site'), '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('news-archive-search build: --lang takes zh-Hans, zh-Hant or en, not "fr" (news-archive-search build --help shows the usage)\n');
    const base = await run('news-archive-search.ts', ['build', '--input', FIXTURES, '--out', path.join(tmp, 'site'), '--base', 'search/']);
    expect(base.code).toBe(2);
    expect(base.stderr.split('\n')).toHaveLength(2);
    expect(existsSync(path.join(tmp, 'site'))).toBe(false);
  });
});

describe('the compile cache', () => {
  it('is nowhere under --out: by default in node_modules/.cache of the working directory, keyed by the output folder', async () => {
    const out = path.join(tmp, 'published');
    const cache = defaultCacheDir(out, REPO_ROOT);
    await rm(cache, { recursive: true, force: true });
    try {
      expect((await run('build-index.ts', ['--input', FIXTURES, '--out', out])).code).toBe(0);
      expect(path.relative(path.join(REPO_ROOT, 'node_modules/.cache/news-archive-search'), cache)).toMatch(/^published-[0-9a-f]{8}$/);
      const records = (await readdir(cache, { recursive: true })).filter((name) => name.endsWith('.json'));
      expect(records.length).toBeGreaterThanOrEqual(10);
      // Every file under OUT is an index file; no cache record, no .cache folder.
      const published = await readdir(out, { recursive: true });
      expect(published.filter((name) => name.split(path.sep).some((part) => part.startsWith('.')))).toEqual([]);
      const recordNames = new Set(records.map((name) => path.basename(name)));
      expect(published.filter((name) => recordNames.has(path.basename(name)))).toEqual([]);
      expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  });

  it('is refused inside --out with exit 2, and --cache with --no-cache is a usage error', async () => {
    const out = path.join(tmp, 'refused');
    const inside = await run('build-index.ts', ['--input', FIXTURES, '--out', out, '--cache', path.join(out, '.cache')]);
    expect(inside.code).toBe(2);
    expect(inside.stderr.trim()).toMatch(/^The compile cache .* would be inside the output folder .*refused, which is published; pass --cache with a folder outside it, or --no-cache\.$/);
    expect(existsSync(out)).toBe(false);
    const both = await run('build-index.ts', ['--input', FIXTURES, '--out', out, '--cache', path.join(tmp, 'c'), '--no-cache']);
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toBe('npm run index: --cache and --no-cache exclude each other (npm run index -- --help shows the usage)');
  });
});

describe('npm run search --json', () => {
  it('prints total, results and facets in the documented shape', async () => {
    const out = path.join(tmp, 'fixtures-index');
    expect((await run('build-index.ts', ['--input', FIXTURES, '--out', out])).code).toBe(0);
    const { code, stdout } = await run('search.ts', ['--index', out, '--json', '--sort', 'newest', '王毅']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { total: number; results: Array<Record<string, unknown>>; facets: { outlets: Record<string, number>; dates: Record<string, number> } };
    expect(json.total).toBe(3);
    expect(Object.keys(json.results[0]!).sort()).toEqual(['date', 'id', 'outlet', 'score', 'title', 'url']);
    expect(json.results.map((r) => r['date'])).toEqual([...json.results.map((r) => r['date'])].sort().reverse());
    expect(json.facets.outlets).toEqual({ 联合早报: 1, 自由亚洲电台: 1, 法广: 1 });
    expect(Object.values(json.facets.dates).reduce((a, b) => a + b, 0)).toBe(3);
    const filtered = JSON.parse((await run('search.ts', ['--index', out, '--json', '--outlet', '法广', '--outlet', '联合早报', '王毅'])).stdout) as { total: number };
    expect(filtered.total).toBe(2);
  });

  it('prints readable results with highlighted snippets for people', async () => {
    const out = path.join(tmp, 'fixtures-index');
    const { stdout } = await run('search.ts', ['--index', out, '臺灣']);
    expect(stdout).toMatch(/^1 result\n/);
    expect(stdout).toContain('【臺灣】');
  });

  it('exits 2 on bad arguments', async () => {
    expect((await run('search.ts', ['--index', tmp, '--sort', 'random', 'x'])).code).toBe(2);
    expect((await run('search.ts', ['--index', path.join(tmp, 'none'), 'x'])).code).toBe(2);
    const unknown = await run('search.ts', ['--index', tmp, '--limt', '3', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('npm run search: unknown option --limt (did you mean --limit?) (npm run search -- --help shows the usage)\n');
    const help = await run('search.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: npm run search -- --index DIR /);
  });
});

describe('npm run index: what it prints of file names', () => {
  it('escapes control characters in a skipped file’s name, so it prints one honest line', async () => {
    const input = path.join(tmp, 'spoof');
    await mkdir(input);
    await writeFile(path.join(input, 'good.md'), '[好文章](https://www.dw.com/zh/good)\n------\n<p>正文</p>');
    await writeFile(path.join(input, 'x\nskipped good.md: \u001b[31mspoofed.md'), '');
    const { code, stderr } = await run('build-index.ts', ['--input', input, '--out', path.join(tmp, 'spoof-out')]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('\u001b');
    expect(stderr.split('\n').filter((line) => line.startsWith('skipped'))).toEqual(['skipped x\\nskipped good.md: \\x1b[31mspoofed.md: file is empty']);
  });
});

describe('npm run index heals a damaged index folder', () => {
  it('rewrites a part truncated to 10 bytes on the next build, with or without the cache or the old numbers', async () => {
    const out = path.join(tmp, 'heal-out');
    expect((await run('build-index.ts', ['--input', FIXTURES, '--out', out])).code).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    const part = path.join(out, `terms-${readPartTable(out, manifest.newestPartPages)[0]![1]}.bin`);
    const whole = await readFile(part);
    for (const flags of [[], ['--no-cache'], ['--fresh']]) {
      await writeFile(part, whole.subarray(0, 10));
      const again = await run('build-index.ts', ['--input', FIXTURES, '--out', out, ...flags]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/wrote 1 files \(1 damaged, rewritten\)/);
      expect(await readFile(part)).toEqual(whole);
    }
    const search = await run('search.ts', ['--index', out, '--json', '香港']);
    expect(search.code).toBe(0);
  });
});

import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { buildArchiveIndex, type BuildArchiveOptions, type BuildArchiveResult } from '../../scripts/compiler/build-archive-index.ts';
import { fileIndexSource } from '../../scripts/lib/file-source.ts';
import { Searcher } from '../../src/lib/search/searcher.ts';

const NOW = Date.UTC(2026, 0, 1);
/** Small blocks: 300 articles fill two and start a third, which the new day's 40 join. */
const LAYOUT = { blockSize: 128, chunkBytes: 150, now: NOW } satisfies Partial<BuildArchiveOptions>;

let root: string;
const dir = (name: string) => path.join(root, name);
/** Each output folder has its compile cache beside it (the default would be under node_modules/.cache). */
const build = (input: string, out: string, extra: Partial<BuildArchiveOptions> = {}): Promise<BuildArchiveResult> =>
  buildArchiveIndex({ input: dir(input), out: dir(out), cache: dir(`${out}-cache`), ...LAYOUT, ...extra });

/** Relative path → bytes of every file of an index folder. */
async function snapshot(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const file = path.relative(folder, path.join(entry.parentPath, entry.name));
    if (entry.isFile()) files.set(file, await readFile(path.join(folder, file)));
  }
  return files;
}

const hashedNames = (files: Map<string, Buffer>) => [...files.keys()].filter((f) => /^(docs|terms|post)-/.test(f));

async function scores(out: string, text: string): Promise<Map<string, number>> {
  const searcher = await Searcher.open(fileIndexSource(dir(out)));
  const response = await searcher.search({ text, limit: 1000 });
  return new Map((await searcher.results(response.hits)).map((r) => [r.id, r.score]));
}

let base: Map<string, Buffer>;
let first: BuildArchiveResult;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'nas-incremental-'));
  await generateCorpus({ out: dir('archive'), count: 300, seed: 'incremental', from: '2024-01-01', to: '2024-12-31', workers: 0 });
  first = await build('archive', 'index');
  base = await snapshot(dir('index'));
  await cp(dir('index'), dir('before'), { recursive: true });
  // The next day: a dozen outlets' new articles, in a folder of their own.
  await generateCorpus({ out: dir('archive/2025/01/01'), count: 40, seed: 'next day', from: '2025-01-01', to: '2025-01-01', workers: 0 });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('an incremental rebuild', () => {
  let second: BuildArchiveResult;
  let after: Map<string, Buffer>;
  beforeAll(async () => {
    second = await build('archive', 'index');
    after = await snapshot(dir('index'));
  }, 120_000);

  it('compiles only the new files', () => {
    expect(first.cache.compiled).toBe(300);
    expect(second.cache.compiled).toBe(40);
    expect(second.cache.reused).toBe(300);
    expect(second.incremental).toBe(true);
  });

  it('writes the same folder as recompiling every file', async () => {
    // The same previous index, no cache: every file compiled again.
    await build('archive', 'before', { cache: false });
    const full = await snapshot(dir('before'));
    expect([...full.keys()].sort()).toEqual([...after.keys()].sort());
    for (const [file, bytes] of after) expect(Buffer.compare(bytes, full.get(file)!), file).toBe(0);
  });

  it('keeps the names of the files the new articles do not touch', () => {
    const before = new Set(hashedNames(base));
    const now = hashedNames(after);
    const newest = first.manifest.docs.length - 1;
    // Docs blocks before the newest one are untouched; the old articles' fragments keep their bytes.
    for (const block of first.manifest.docs.slice(0, newest)) expect(now).toContain(block.file);
    for (let n = 0; n < first.manifest.slots; n++) expect(after.get(`a/${n}.json`)?.equals(base.get(`a/${n}.json`)!), `a/${n}.json`).toBe(true);
    // The older blocks' vocabulary and chunks are untouched: only the newest block's files change.
    expect(first.manifest.parts.length).toBeGreaterThan(0);
    for (const [, hash] of first.manifest.parts) expect(now).toContain(`terms-${hash}.bin`);
    for (const chunk of [...before].filter((f) => f.startsWith('post-'))) expect(now).toContain(chunk);
    expect([...before].filter((f) => f.startsWith('post-')).length).toBeGreaterThan(0);
    expect(second.write.unchanged).toBeGreaterThan(second.write.written);
  });

  it('numbers the new articles after the old ones and ranks like a fresh build', async () => {
    expect(second.manifest.slots).toBe(first.manifest.slots + second.manifest.articles - first.manifest.articles);
    expect(second.manifest.newest[0]!.number).toBeGreaterThanOrEqual(first.manifest.slots);
    await build('archive', 'fresh', { cache: false, fresh: true });
    for (const text of ['中国', '台湾 经济', 'covid']) {
      const a = await scores('index', text);
      const b = await scores('fresh', text);
      expect([...a.keys()].sort(), text).toEqual([...b.keys()].sort());
      for (const [id, score] of a) expect(score, `${text} ${id}`).toBeCloseTo(b.get(id)!, 9);
    }
  });

  it('rewrites nothing when nothing changed', async () => {
    const third = await build('archive', 'index');
    expect(third.cache.compiled).toBe(0);
    expect(third.write.written).toBe(0);
    expect(third.write.removed).toBe(0);
  });
});

describe('a changed or deleted file', () => {
  it('is reflected: the new text is found, the old text and the deleted article are not', async () => {
    const searcher = await Searcher.open(fileIndexSource(dir('index')));
    const articles = searcher.manifest.articles;
    const all = await searcher.results((await searcher.search({ text: '', sort: 'oldest', limit: 3 })).hits);
    const files = await listArticles(dir('archive'));
    const [changed, deleted] = await Promise.all(all.slice(0, 2).map((r) => findFile(files, r.url)));
    const text = await readFile(changed!, 'utf8');
    await writeFile(changed!, text.replace(all[0]!.title, '独一无二的测试标题'));
    await unlink(deleted!);

    const result = await build('archive', 'index');
    expect(result.cache.compiled).toBe(1);
    expect(result.cache.pruned).toBe(1);
    const reopened = await Searcher.open(fileIndexSource(dir('index')));
    const found = await reopened.results((await reopened.search({ text: '独一无二的测试标题' })).hits);
    expect(found.map((r) => r.id)).toEqual([all[0]!.id]);
    expect(found[0]!.number).toBe(all[0]!.number);
    expect((await reopened.search({ text: `"${all[0]!.title}"` })).hits.map((h) => h.number)).not.toContain(all[0]!.number);
    expect(await reopened.reader.numberOf(all[1]!.id)).toBeNull();
    expect(reopened.manifest.articles).toBe(articles - 1);
    const everything = await reopened.search({ text: '', limit: 1000 });
    expect(everything.total).toBe(articles - 1);
    expect(everything.hits.map((h) => h.number)).not.toContain(all[1]!.number);
    await expect(readFile(path.join(dir('index'), `a/${all[1]!.number}.json`))).rejects.toThrow();
  });
});

async function listArticles(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The archive file that names `url` (the generator writes it into every header style). */
async function findFile(files: string[], url: string): Promise<string | undefined> {
  const host = new URL(url).pathname;
  for (const file of files) if ((await readFile(file, 'utf8')).includes(host)) return file;
  return undefined;
}

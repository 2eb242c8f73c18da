/**
 * `npm start [-- --input DIR] [--port N] [--count N]`
 *
 * The one command for a first look: generates a sample archive (deterministic, in `.sample/`, once),
 * builds the app into `dist/`, indexes the archive into `dist/data/` and serves `dist/` at
 * http://localhost:4173. With --input, your own archive is indexed instead of the sample.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildArchiveIndex, defaultCacheDir } from './compiler/build-archive-index.ts';
import { readArgs } from './lib/cli-args.ts';
import { formatSummary } from './lib/format-summary.ts';
import { createProgress } from './lib/progress.ts';
import { serveStatic } from './serve-static.ts';

const root = path.resolve(import.meta.dirname, '..');
const parsed = readArgs(
  {
    name: 'npm start',
    usage: 'usage: npm start -- [--input DIR] [--port N] [--count N]',
    options: {
      input: { type: 'string', value: 'DIR' },
      port: { type: 'string', default: '4173', value: 'N' },
      count: { type: 'string', default: '3000', value: 'N' },
    },
  },
  process.argv.slice(2),
);
if (typeof parsed === 'number') process.exit(parsed);
const { values } = parsed;

let input = values.input;
if (!input) {
  input = path.join(root, '.sample', `articles-${values.count}`);
  if (!existsSync(input)) {
    console.log(`Generating a sample archive of ${values.count} articles in ${path.relative(root, input)} …`);
    const { generateCorpus } = await import('./generate-corpus.ts');
    await generateCorpus({ out: input, count: Number(values.count), seed: 1 });
  }
}

console.log('Building the app (vite build) …');
const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`Indexing ${input} …`);
const progress = createProgress(process.stderr, { label: 'indexing', finishing: 'building and writing the index' });
const started = performance.now();
const out = path.join(root, 'dist', 'data');
// dist/ is emptied by every vite build: the compile cache is kept outside it (and out of the served files).
const { report, bytes } = await buildArchiveIndex({ input, out, cache: defaultCacheDir(out, root), onProgress: progress.update });
progress.done();
console.log(formatSummary(report, path.relative(root, out), bytes, performance.now() - started));

const port = Number(values.port);
await serveStatic([{ prefix: '/', dir: path.join(root, 'dist') }], port);
console.log(`\nServing http://localhost:${port}/  (Ctrl+C to stop)`);

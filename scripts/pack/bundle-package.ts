/**
 * `npm run pack:build` (and npm's `prepack`): what the published package runs, built into
 * `release/` so that it needs neither tsx nor Vite nor any other dev dependency:
 *
 * - `release/site/`: the search page and the widget (`vite build` with the project's config, no index);
 * - `release/cli/`: the `news-archive-search` command and the compiler's worker, bundled from
 *   scripts/ to JavaScript (Vite's server-side build: Node built-ins and the runtime dependencies,
 *   jsdom, dompurify, yaml, minisearch, opencc-js, stay imports), one flat folder, so that the
 *   compiler finds `compile-worker.js` beside its own chunk and `build` finds `../site/`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RELEASE = path.join(ROOT, 'release');

await rm(RELEASE, { recursive: true, force: true });

await build({ root: ROOT, logLevel: 'warn', build: { outDir: path.join(RELEASE, 'site'), emptyOutDir: true } });

await build({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: path.join(RELEASE, 'cli'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        'news-archive-search': path.join(ROOT, 'scripts/news-archive-search.ts'),
        'compile-worker': path.join(ROOT, 'scripts/compiler/compile-worker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      checks: { bundlerTimings: false },
    },
  },
});
console.log(`bundle-package: ${path.relative(process.cwd(), RELEASE) || '.'}/site and /cli written`);

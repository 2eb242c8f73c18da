/**
 * What the widget downloads (issue #5: under 60 KB gzip counting every chunk it loads, index
 * excluded): starting at `dist/widget.js`, every chunk it imports, the worker script it starts,
 * and the chunks loaded lazily (the reader, the folding table), each gzip -9, by when it loads.
 *
 *   node --import tsx/esm scripts/bench/widget-size.ts [DIST]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb, table } from './stats.ts';

/** When a chunk is fetched: with the widget, to search (the worker's), or on demand. */
export type ChunkTiming = 'static' | 'worker' | 'lazy';

export interface WidgetChunk {
  file: string;
  gzip: number;
  timing: ChunkTiming;
}

// `import … from "./x.js"` / `import "./x.js"`, `import("./x.js")` (any quotes), and bare "assets/x-hash.js"
// strings (the worker URL, Vite's preload lists).
const STATIC_IMPORT = /\bimport\s*(?:[\w${},*\s]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
const CHUNK_NAME = /["'`]((?:\.{1,2}\/|assets\/)?[\w.-]+-[\w-]{8}\.js)["'`]/g;

/**
 * Walks the chunk graph from `widget.js`. A chunk reached only through `import()` is lazy; the
 * worker script (its imports, and the core it imports as it starts) counts as loaded to search.
 *
 * @throws Error when `distDir` has no widget.js (run `npm run build`)
 */
export function measureWidgetSize(distDir: string): WidgetChunk[] {
  if (!existsSync(path.join(distDir, 'widget.js'))) throw new Error(`widget-size: no widget.js in ${distDir}: run npm run build first`);
  const found = new Map<string, WidgetChunk>();
  const rank: Record<ChunkTiming, number> = { static: 0, worker: 1, lazy: 2 };
  const visit = (file: string, timing: ChunkTiming): void => {
    const known = found.get(file);
    if (known && rank[known.timing] <= rank[timing]) return;
    const code = readFileSync(path.join(distDir, file), 'utf8');
    found.set(file, { file, gzip: gzipSync(code, { level: 9 }).length, timing });
    const resolve = (specifier: string) => path.normalize(specifier.startsWith('assets/') ? specifier : path.join(path.dirname(file), specifier));
    const statics = new Set([...code.matchAll(STATIC_IMPORT)].map((m) => resolve(m[1]!)));
    const dynamics = new Set([...code.matchAll(DYNAMIC_IMPORT)].map((m) => resolve(m[1]!)));
    for (const next of statics) visit(next, timing);
    // The worker's first script imports its core (search-core.ts) as it starts: loaded to search too.
    for (const next of dynamics) visit(next, timing === 'worker' && /(^|\/)search-core-[\w-]{8}\.js$/.test(next) ? 'worker' : 'lazy');
    for (const m of code.matchAll(CHUNK_NAME)) {
      const next = resolve(m[1]!);
      if (statics.has(next) || dynamics.has(next)) continue;
      visit(next, /search-worker/.test(next) ? (timing === 'lazy' ? 'lazy' : 'worker') : 'lazy');
    }
  };
  visit('widget.js', 'static');
  return [...found.values()].sort((a, b) => rank[a.timing] - rank[b.timing] || b.gzip - a.gzip);
}

/**
 * The chunks on demand that one ordinary session loads besides the search: full mode, simplified
 * Chinese, a query in simplified characters, one article opened in the widget's reader (with its
 * related stories). Not the compact mode, the other languages or the folding table.
 */
const SESSION_CHUNKS = /(^|\/)(ReaderView|related)-[\w-]{8}\.js$/;

/** The table `npm run bench` prints. */
export function formatWidgetSize(chunks: readonly WidgetChunk[]): string {
  const sum = (timings: ChunkTiming[]) => chunks.filter((c) => timings.includes(c.timing)).reduce((a, c) => a + c.gzip, 0);
  const session = sum(['static', 'worker']) + chunks.filter((c) => c.timing === 'lazy' && SESSION_CHUNKS.test(c.file)).reduce((a, c) => a + c.gzip, 0);
  const label: Record<ChunkTiming, string> = { static: 'with the widget', worker: 'its worker', lazy: 'on demand' };
  return [
    'Widget download (gzip -9, index excluded), from dist/widget.js',
    table([['chunk', 'loaded', 'gzip'], ...chunks.map((c) => [c.file, label[c.timing], kb(c.gzip)])]),
    table([
      ['figure', 'value', 'target'],
      ['to search (widget + worker)', kb(sum(['static', 'worker'])), '< 60 KB'],
      ['one session (search, then an article in the reader)', kb(session), '< 60 KB'],
      ['every chunk it can load', kb(sum(['static', 'worker', 'lazy'])), '< 60 KB'],
    ]),
  ].join('\n');
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) console.log(formatWidgetSize(measureWidgetSize(path.resolve(process.argv[2] ?? 'dist'))));

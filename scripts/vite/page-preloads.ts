/**
 * Preloads in the built index.html for what the first results wait for besides the entry: the
 * search worker's core. Their hashed names are known only once the bundle is
 * written (the core comes from Vite's worker build), so this plugin adds the links then, after
 * the entry's own, in the order the page needs them:
 *
 * - The worker's core (`search-core-<hash>.js`), `<link rel="preload" as="fetch" crossorigin>`:
 *   a worker's own script is fetched by the browser apart from the page's preloads (a preload of
 *   it downloads twice), but the modules a worker imports are read from the HTTP cache like any
 *   other request. The core then arrives with the entry, not a round trip after the worker's
 *   first script, and is compiled (and warmed up, see `warm-up.ts`) while the first index parts
 *   download. The page claims the preload with a `fetch` of the same URL (`as="fetch"`), else
 *   the browser would warn that it went unused.
 * - Not the App (`mount-app-<hash>.js`, `app-<hash>.js`): the page's first results are painted
 *   without it (src/boot/hosted-first-paint.ts), and its 30 KB come after them. A link that opens
 *   the App at once (filters, dates, an article) imports it as the entry runs.
 * - Not the facet column's controls (`facet-controls-<hash>.js`): `FacetPanel` asks for them once
 *   the first results are painted, and a preload would spend the first results' bandwidth on them.
 *
 * And, before those links, an inline script that starts the search worker itself
 * (`search-worker-<hash>.js`, see src/boot/early-worker.ts): a worker's script cannot be
 * preloaded, and started by the entry it was asked for only once the entry had arrived and run.
 *
 * Measured (interleaved cold loads, `npm run bench`'s harness): see the README's Benchmark.
 */
import type { Plugin } from 'vite';
import { earlyWorkerScript } from '../../src/boot/early-worker.ts';

const HTML = 'index.html';
/** Marks the preloads that the page claims with a `fetch` of its own (`claimWorkerPreloads` in src/boot/preopen-index.ts). */
export const WORKER_MODULE_ATTRIBUTE = 'data-worker-module';

/** What index.html preloads, by chunk name (`assets/<name>-<hash>.js`), and how. */
export const PAGE_PRELOADS = [
  { name: 'search-core', link: 'worker-module' },
] as const;

/** `worker-module`: a preload the page claims with a fetch (see above); `script`: one its own `import()` uses. */
export type PreloadKind = 'worker-module' | 'script';

/**
 * `html` with one link per file before `</head>` (after the entry's script and modulepreloads).
 *
 * @example withPreloads('<head></head>', [{ file: 'assets/app-AbCd1234.js', link: 'script' }])
 */
export function withPreloads(html: string, files: ReadonlyArray<{ file: string; link: PreloadKind }>): string {
  const links = files.map(({ file, link }) =>
    link === 'worker-module'
      ? `<link rel="preload" href="./${file}" as="fetch" crossorigin="anonymous" ${WORKER_MODULE_ATTRIBUTE}>`
      : `<link rel="preload" href="./${file}" as="script" crossorigin="anonymous">`,
  );
  if (!html.includes('</head>')) throw new Error(`page-preloads: ${HTML} has no </head>`);
  return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
}

/** `html` with the inline script that starts the worker at `workerFile` before `</head>`. */
export function withEarlyWorker(html: string, workerFile: string): string {
  if (!html.includes('</head>')) throw new Error(`page-preloads: ${HTML} has no </head>`);
  return html.replace('</head>', `  <script>${earlyWorkerScript(workerFile)}</script>\n  </head>`);
}

export function pagePreloads(): Plugin {
  return {
    name: 'page-preloads',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle[HTML];
      if (page?.type !== 'asset') return;
      const files = PAGE_PRELOADS.map(({ name, link }) => {
        const pattern = new RegExp(`^assets/${name}-[\\w-]{8}\\.js$`);
        const found = Object.keys(bundle).filter((file) => pattern.test(file));
        if (found.length !== 1) this.error(`page-preloads: expected one assets/${name}-<hash>.js in the bundle, found ${found.length ? found.join(', ') : 'none'}`);
        return { file: found[0]!, link };
      });
      const workers = Object.keys(bundle).filter((file) => /^assets\/search-worker-[\w-]{8}\.js$/.test(file));
      if (workers.length !== 1) this.error(`page-preloads: expected one assets/search-worker-<hash>.js in the bundle, found ${workers.length ? workers.join(', ') : 'none'}`);
      try {
        page.source = withPreloads(withEarlyWorker(String(page.source), workers[0]!), files);
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}

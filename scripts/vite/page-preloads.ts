/**
 * Preloads in the built index.html for what the first results wait for besides the entry: the
 * search worker's core and the App's chunks. Their hashed names are known only once the bundle is
 * written (the core comes from Vite's worker build), so this plugin adds the links then, after
 * the entry's own, in the order the page needs them:
 *
 * - The worker's core (`search-core-<hash>.js`), `<link rel="preload" as="script" crossorigin>`:
 *   a worker's own script is fetched by the browser apart from the page's preloads (a preload of
 *   it downloads twice), but the modules a worker imports are read from the HTTP cache like any
 *   other request. The core then arrives with the entry, not a round trip after the worker's
 *   first script, and is compiled (and warmed up, see `warm-up.ts`) while the first index parts
 *   download.
 * - The App (`mount-app-<hash>.js`, `app-<hash>.js`), `<link rel="modulepreload">`: `main.ts` still
 *   mounts it only once the worker's first script runs, but its 30 KB no longer share the
 *   connections with the first results' fragments.
 *
 * Measured (interleaved cold loads, `npm run bench`'s harness): see the README's Benchmark.
 */
import type { Plugin } from 'vite';

const HTML = 'index.html';

/** What index.html preloads, by chunk name (`assets/<name>-<hash>.js`), and how. */
export const PAGE_PRELOADS = [
  { name: 'search-core', link: 'preload' },
  { name: 'mount-app', link: 'modulepreload' },
  { name: 'app', link: 'modulepreload' },
] as const;

/**
 * `html` with one link per file before `</head>` (after the entry's script and modulepreloads).
 *
 * @example withPreloads('<head></head>', [{ file: 'assets/app-AbCd1234.js', link: 'modulepreload' }])
 */
export function withPreloads(html: string, files: ReadonlyArray<{ file: string; link: 'preload' | 'modulepreload' }>): string {
  const links = files.map(({ file, link }) =>
    link === 'preload' ? `<link rel="preload" href="./${file}" as="script" crossorigin="anonymous">` : `<link rel="modulepreload" crossorigin href="./${file}">`,
  );
  if (!html.includes('</head>')) throw new Error(`page-preloads: ${HTML} has no </head>`);
  return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
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
      try {
        page.source = withPreloads(String(page.source), files);
      } catch (error) {
        this.error((error as Error).message);
      }
    },
  };
}

import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { adoptedStyles } from './scripts/vite/adopted-styles.ts';
import { hostedPageCsp } from './scripts/vite/hosted-page-csp.ts';
import { inlineSearchChunk, inlineSearchGuard } from './scripts/vite/inline-search-chunk.ts';
import { pagePreloads } from './scripts/vite/page-preloads.ts';

/**
 * Vite wraps each `import()` in a preload helper that fetches the chunk's imports alongside it
 * with `<link rel="modulepreload">` elements added to `document.head`: in the widget, the host
 * page's head. This helper starts the same fetches with `import()` instead (a chunk's imports
 * are evaluated before it anyway), touches no page element and dispatches no event on `window`,
 * and is 0.1 KB instead of 0.8 KB gzip.
 */
function plainPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'plain-preload-helper',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : undefined),
    load: (source) =>
      source === id
        ? 'export const __vitePreload = (load, deps, importer) => { for (const dep of deps || []) import(new URL(dep, importer).href).catch(() => {}); return load(); };'
        : undefined,
  };
}

/**
 * Chunks (see `codeSplitting` below) follow folders: a module goes into the chunk of the nearest
 * folder listed here (or of its own path, where one is listed), so a new file lands in its folder's chunk. `null`: not grouped, each module
 * loaded when first asked for (or, for src/boot, in the page's entry). Folders not listed
 * (src/boot, src/worker, src/offline, src/lib) are placed by Vite's own splitting.
 * - preopen: what the page's entry shares with the App and the widget (the worker client first);
 * - app: everything the App needs before its first paint, in one chunk: the Svelte runtime, the
 *   search state, the App's components and the simplified strings;
 * - archive-files: what the search service shares with the hosted page's offline side;
 * - on-demand (`null`): the reader (with DOMPurify and its strings), the rewrites line, the
 *   active-filter chips, the language selector, the compact box, the offline controls, the other
 *   languages, each a chunk of its own; the facet column's controls (`facet-controls/`: the outlet
 *   list and the date inputs, with their strings and the lists' order) one chunk, laid out after
 *   the first results (the widget's download budget, docs/widget.md).
 */
const CHUNK_OF_FOLDER: ReadonlyMap<string, string | null> = new Map([
  ['src/protocol', 'preopen'],
  ['src/ui/client', 'preopen'],
  ['src/ui', 'app'],
  ['src/ui/components/facet-controls', null],
  ['src/ui/components/on-demand', null],
  ['src/ui/i18n/on-demand', null],
  // Files listed on their own: the language list, which the entry reads from the URL before any
  // string; the page's history and the vocabulary prefetch, which go with src/boot (the hosted
  // page's own, not the widget's); the facet lists' order and values, which go with the facet
  // controls (their only user);
  // what the search service shares with the hosted page's offline side (see `inlineSearchGuard`).
  ['src/ui/i18n/lang.ts', 'preopen'],
  // What the widget's first paint (src/widget/first-paint.ts, in widget.js) shares with the App:
  // the strings, the status line's words, the start view's listing, the sort control's value, the
  // article links; in the chunk both load first, not in the App's (which the widget asks for
  // only after its first results).
  ['src/ui/i18n/i18n.ts', 'preopen'],
  ['src/ui/state/status-text.ts', 'preopen'],
  ['src/ui/state/manifest-listing.ts', 'preopen'],
  ['src/ui/state/shown-sort.ts', 'preopen'],
  ['src/ui/state/after-next-paint.ts', 'preopen'],
  ['src/ui/state/url-state.ts', 'preopen'],
  ['src/ui/state/facet-filters.ts', 'preopen'],
  // The query's operators, which the App (the "search without" suggestions) shares with the
  // page's copy of the search: in the App's chunk, the widget's inline mode would wait for it.
  ['src/lib/search/query/query-operators.ts', 'preopen'],
  // The first paint's search and page (src/widget/first-paint*.ts), which the hosted page's entry
  // and widget.js both show before the App; the site's remembered language, which the hosted
  // page's first paint reads. Compact mode's layout and the widget's sheet stay in widget.js.
  ['src/widget/first-paint.ts', 'preopen'],
  ['src/widget/first-paint-view.ts', 'preopen'],
  ['src/widget/first-paint-css.ts', 'preopen'],
  ['src/ui/state/remembered-lang.ts', 'preopen'],
  ['src/ui/state/history-sync.ts', null],
  ['src/ui/state/vocabulary-prefetch-once.ts', null],
  ['src/ui/state/facet-order.ts', null],
  ['src/ui/state/facet-values-list.ts', null],
  ['src/offline/archive-files.ts', 'archive-files'],
  ['node_modules/svelte', 'app'],
]);

const ROOT = import.meta.dirname;

/** The chunk of a module: the entry of its own path or its nearest folder in `CHUNK_OF_FOLDER`. */
export function chunkOfModule(id: string): string | null {
  // Vite's preload helper goes with the first chunk every page loads.
  if (id.includes('vite/preload-helper')) return 'preopen';
  const file = id.split('?')[0]!.replaceAll('\\', '/');
  const root = ROOT.replaceAll('\\', '/');
  const relative = file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
  for (let folder = relative; folder; folder = folder.slice(0, Math.max(0, folder.lastIndexOf('/')))) {
    const chunk = CHUNK_OF_FOLDER.get(folder);
    if (chunk !== undefined) return chunk;
  }
  return null;
}

export default defineConfig({
  // Relative base: the built app (and widget.js, with every chunk it loads) works from any folder of any static host.
  base: './',
  plugins: [
    plainPreloadHelper(),
    // No chunk of the hosted page, or of every widget, imports the inline search's (scripts/vite/inline-search-chunk.ts).
    inlineSearchGuard(),
    // Component CSS as constructed sheets, not `<style>` elements: nothing a CSP's style-src governs.
    adoptedStyles(),
    svelte({
      // Styles stay in the components' JS: inside the widget's shadow root, a page stylesheet would not apply.
      emitCss: false,
    }),
    // index.html preloads the worker's core and the App's chunks (scripts/vite/page-preloads.ts).
    pagePreloads(),
    // dist/content-security-policy.txt: the header the hosted page needs, with index.html's style hash.
    hostedPageCsp(),
    // dist/sw.js: the hosted page's service worker (src/offline/sw.ts, Workbox), with the app shell's
    // precache list. Registered by the page itself after its first results (src/offline/register-offline.ts);
    // the index (data/, written after this build) is cached at runtime. See docs/offline.md.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/offline',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        rollupFormat: 'iife',
        // The hosted page's shell: index.html, its scripts (the reader and the languages too, for
        // offline reading), icons and the web app manifest. Not the widget (other sites' pages,
        // never under this worker), not the index (data/ is written after the build).
        globPatterns: ['index.html', 'assets/*.js', 'icons/*', 'manifest.webmanifest'],
        globIgnores: ['data/**', 'widget.js'],
        // Hashed file names need no revision.
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8}\.js$/,
      },
    }),
  ],
  // The dev server's pre-bundled Svelte gets the same replacement.
  optimizeDeps: { rolldownOptions: { plugins: [adoptedStyles()] } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: { index: 'index.html', widget: 'src/widget/index.ts' },
      // No plugin-timing block in the build's output: on a loaded machine the Svelte compiler's
      // share trips it on every build, and nothing here can act on it.
      checks: { bundlerTimings: false },
      // The embed snippet names the widget's file: no hash in it.
      output: {
        entryFileNames: (chunk) => (chunk.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js'),
        // The page's own copy of the search core (the widget's inline mode, src/worker/search-inline.ts)
        // is named apart from the worker's, which index.html preloads.
        chunkFileNames: (chunk) => (chunk.name === 'search-core' ? 'assets/inline-core-[hash].js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            // What the page's entry shares with the App and the widget, on its own.
            { name: 'preopen', test: (id) => chunkOfModule(id) === 'preopen', priority: 2 },
            // Everything the App needs before its first paint, in one chunk instead of six: the
            // Svelte runtime, the search state, the App's components and the simplified strings.
            { name: 'app', test: (id) => chunkOfModule(id) === 'app', priority: 1 },
            { name: 'archive-files', test: (id) => chunkOfModule(id) === 'archive-files', priority: 2 },
            // The widget's inline mode: the page's copy of the search as one file, by its import
            // graph rather than a folder (it takes modules of src/lib too: scripts/vite/inline-search-chunk.ts).
            { name: inlineSearchChunk() },
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});

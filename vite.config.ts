import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { adoptedStyles } from './scripts/vite/adopted-styles.ts';
import { hostedPageCsp } from './scripts/vite/hosted-page-csp.ts';
import { inlineSearchChunk, inlineSearchGuard, SHARED_WITH_OFFLINE } from './scripts/vite/inline-search-chunk.ts';
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
 * Chunks (see `codeSplitting` below). The page's entry runs before the App's code is asked for
 * (src/main.ts): its graph stays small and apart. Modules of the widget's and the App's first
 * paint go into one chunk; the chunks loaded on demand stay apart.
 */
const UI_MODULE = /src[\\/]ui[\\/]([\w.-]+)$/;
/** The page entry's modules that the App and the widget use too (the worker client first). */
const SHARED_WITH_ENTRY = /^(preopen|worker-client|search-request|head-start|lang)\.ts$/;
/** The hosted page's own: its head start, boot box, early search, font warm-up, URL reading and history; the worker's script. */
const PAGE_OR_WORKER_ONLY = /^(preopen-index|offer-head-start|boot-box|early-search|font-warmup|url-read|history-sync|mount-app|search-worker)\.ts$/;
/** Loaded on demand: the reader (with DOMPurify and its strings), the rewrites line, the compact box, the facet column's controls and their strings (after the first results), the offline controls, the other languages, the search service in the page (the widget's inline mode) and its hosted-page-only vocabulary prefetch. */
const ON_DEMAND = /^(ReaderView\.svelte|QueryRewrites\.svelte|reader-messages\.ts|facet-controls\.ts|facet-messages\.ts|OutletFacet\.svelte|DateFacet\.svelte|date-range\.ts|CompactSearch\.svelte|OfflineControl\.svelte|UpdateNotice\.svelte|messages-|sanitize\.ts|mark-text\.ts|search-(inline|service|core)\.ts|yield-to-page\.ts|vocabulary-fetch\.ts)/;

function isSharedWithEntry(id: string): boolean {
  const ui = UI_MODULE.exec(id)?.[1];
  return (ui !== undefined && SHARED_WITH_ENTRY.test(ui)) || /vite[\\/]preload-helper/.test(id);
}

function isAppModule(id: string): boolean {
  if (/node_modules[\\/]svelte[\\/]/.test(id)) return true;
  const ui = UI_MODULE.exec(id)?.[1];
  return ui !== undefined && !SHARED_WITH_ENTRY.test(ui) && !PAGE_OR_WORKER_ONLY.test(ui) && !ON_DEMAND.test(ui);
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
        // The page's own copy of the search core (the widget's inline mode, src/ui/search-inline.ts)
        // is named apart from the worker's, which index.html preloads.
        chunkFileNames: (chunk) => (chunk.name === 'search-core' ? 'assets/inline-core-[hash].js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            // What the page's entry shares with the App and the widget, on its own.
            { name: 'preopen', test: isSharedWithEntry, priority: 2 },
            // Everything the App needs before its first paint, in one chunk instead of six: the
            // Svelte runtime, the search state, the App's components and the simplified strings.
            { name: 'app', test: isAppModule, priority: 1 },
            // What the search service shares with the hosted page's offline side, on its own.
            { name: 'archive-files', test: SHARED_WITH_OFFLINE, priority: 2 },
            // The widget's inline mode: the page's copy of the search as one file (scripts/vite/inline-search-chunk.ts).
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

import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin, Rollup } from 'vite';

/**
 * The page's entry imports the App dynamically (so that it can start the worker first, see
 * src/main.ts); this preloads those chunks from index.html, as Vite does for static imports.
 * Not the worker's script: a worker fetches its own and would not wait for a preload in flight.
 */
function preloadEntryImports(): Plugin {
  return {
    name: 'preload-entry-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        // The entry's static imports are Vite's to preload already.
        const preloaded = new Set([chunk.fileName, ...chunk.imports]);
        const wanted = new Set<string>();
        const add = (file: string) => {
          const found = bundle[file] as Rollup.OutputChunk | undefined;
          if (preloaded.has(file) || wanted.has(file) || found?.type !== 'chunk') return;
          wanted.add(file);
          found.imports.forEach(add);
        };
        chunk.dynamicImports.forEach(add);
        return [...wanted].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  // Relative base: the built app (and widget.js, with every chunk it loads) works from any folder of any static host.
  base: './',
  plugins: [
    preloadEntryImports(),
    svelte({
      // Styles stay in the components' JS: inside the widget's shadow root, a page stylesheet would not apply.
      emitCss: false,
      // Only the widget's wrapper is a custom element; it renders the same App as the page.
      dynamicCompileOptions: ({ filename }) => (filename.endsWith('.ce.svelte') ? { customElement: true } : undefined),
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      input: { index: 'index.html', widget: 'src/widget/index.ts' },
      // The embed snippet names the widget's file: no hash in it.
      output: { entryFileNames: (chunk) => (chunk.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js') },
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
  },
});

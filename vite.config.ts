import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative base: the built app (and widget.js, with every chunk it loads) works from any folder of any static host.
  base: './',
  plugins: [
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

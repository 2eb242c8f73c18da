/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // Svelte 5 reads TypeScript in components natively: no preprocessor needed.
  compilerOptions: { runes: true },
  // The widget wrapper is compiled as a custom element by vite.config.ts (dynamicCompileOptions);
  // svelte-check compiles every file without it and would warn that customElement is unused.
  warningFilter: (warning) => !(warning.code === 'options_missing_custom_element' && warning.filename?.endsWith('.ce.svelte')),
};

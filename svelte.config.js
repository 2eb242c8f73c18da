/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // Svelte 5 reads TypeScript in components natively: no preprocessor needed.
  compilerOptions: { runes: true },
};

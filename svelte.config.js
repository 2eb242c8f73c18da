/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // Svelte 5 reads TypeScript in components natively. Styles lose their comments and runs of
  // whitespace before they are compiled into the components' JS (no component styles hold strings).
  preprocess: {
    style: ({ content }) => ({ code: content.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ') }),
  },
  compilerOptions: {
    runes: true,
    // No `window.__svelte` version marker: the widget adds no globals to the host page.
    discloseVersion: false,
    // `s…` instead of `svelte-…`: the scoping class is repeated in every element and selector.
    cssHash: ({ hash, css, filename }) => `s${hash(filename ?? css)}`,
  },
};

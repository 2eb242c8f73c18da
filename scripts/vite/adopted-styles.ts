/**
 * Component CSS without `<style>` elements (issue #5: the widget under a strict CSP). Svelte
 * compiles each component's CSS into its JS (`css: 'injected'`) and hands it, when the component
 * first mounts, to `append_styles` in its runtime (`svelte/src/internal/client/dom/css.js`),
 * which appends a `<style>` element to the shadow root or the document head: an inline style to a
 * CSP. This plugin loads a replacement for that one module that finds the root the same way and
 * adopts a constructed sheet there (src/ui/components/adopt-styles.ts). Everything else stays Svelte's: the
 * CSS is where it was (no request; the replacement costs 73 bytes gzip), lazily loaded components
 * bring their own, each root gets only the components it shows, in the order they first mount.
 *
 * The replaced module is Svelte's internals: its text is pinned, and a Svelte whose `css.js`
 * differs stops the build, to be compared with the replacement below and the hash updated.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SVELTE_CSS_MODULE = /[\\/]node_modules[\\/]svelte[\\/]src[\\/]internal[\\/]client[\\/]dom[\\/]css\.js$/;
/** SHA-256 of the `css.js` the replacement was written from (svelte 5.57.3). */
const REVIEWED_SHA256 = '21c6e63d358f1a62fa8fe1f9e9b3903612ecc80f59647c295592c515ea58303a';
const ADOPT_MODULE = fileURLToPath(new URL('../../src/ui/components/adopt-styles.ts', import.meta.url));

/**
 * The original's root finding, kept as it is (its imports resolve next to the original): the
 * effect runs once the anchor is in its final tree, and the anchor of a branch rendered in an
 * offscreen fragment is replaced by the branch's first node.
 */
const REPLACEMENT = `import { effect } from '../reactivity/effects.js';
import { active_effect } from '../runtime.js';
import { adoptComponentCss } from ${JSON.stringify(ADOPT_MODULE)};

export function append_styles(anchor, css) {
	effect(() => {
		anchor = active_effect?.parent?.nodes?.start ?? anchor;
		adoptComponentCss(anchor.getRootNode(), css);
	});
}
`;

/** The plugin for the build and for the dev server's pre-bundled Svelte alike (the same hooks). */
export function adoptedStyles(): Plugin {
  let isReplaced = false;
  return {
    name: 'adopted-styles',
    enforce: 'pre',
    load(id) {
      if (!SVELTE_CSS_MODULE.test(id)) return undefined;
      const digest = createHash('sha256').update(readFileSync(id)).digest('hex');
      if (digest !== REVIEWED_SHA256) {
        this.error(
          `adopted-styles: ${id} is not the one scripts/vite/adopted-styles.ts replaces (sha256 ${digest}). ` +
            'Compare it with REPLACEMENT there, update that, then REVIEWED_SHA256.',
        );
      }
      isReplaced = true;
      return REPLACEMENT;
    },
    buildEnd(error) {
      // Svelte moved `append_styles`: without this, components would quietly go back to `<style>` elements.
      if (!error && this.environment?.mode === 'build' && !isReplaced) this.error(`adopted-styles: Svelte's append_styles module was never loaded; see scripts/vite/adopted-styles.ts.`);
    },
  };
}

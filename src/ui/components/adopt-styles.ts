/**
 * Component CSS as constructed style sheets: what Svelte's `append_styles` does with a `<style>`
 * element, done with `new CSSStyleSheet()` and `adoptedStyleSheets` (the build loads a
 * replacement for Svelte's module that calls this, see scripts/vite/adopted-styles.ts). A CSP
 * treats a `<style>` element as an inline style, refused without `style-src 'unsafe-inline'`; a
 * sheet built through the CSSOM is not governed by `style-src` (the widget's end-to-end tests run
 * under policies without it, one with no `style-src` at all), so neither the widget nor the
 * hosted page needs its host's CSP to allow any style for the components.
 */

/** What the Svelte compiler passes for a component with a `<style>` block (`css: 'injected'`). */
export interface ComponentCss {
  /** The component's scoping class (`s…`, svelte.config.js), one per component file. */
  hash: string;
  code: string;
}

/**
 * One sheet per component, shared by every root that shows it (each widget's shadow root, the
 * hosted page's document): the CSS is parsed once however many widgets a page holds. The text is
 * kept beside it to see a change (reading it back from `cssRules` would serialise the sheet).
 */
const SHEETS = new Map<string, { sheet: CSSStyleSheet; code: string }>();

/**
 * Adds the component's sheet to `root` (the document or the shadow root its first element is
 * in), once, after the sheets adopted before it: the cascade order of Svelte's `<style>`
 * elements, which are appended in the order components first mount. Any other root (a detached
 * tree) stands for its document, as Svelte appends to `document.head` then.
 */
export function adoptComponentCss(root: Node, css: ComponentCss): void {
  const target = root instanceof ShadowRoot || root instanceof Document ? root : root.ownerDocument;
  if (!target) return;
  if (!('adoptedStyleSheets' in target)) return appendStyleElement(target, css);
  let entry = SHEETS.get(css.hash);
  if (!entry) {
    entry = { sheet: new CSSStyleSheet(), code: '' };
    SHEETS.set(css.hash, entry);
  }
  // A component edited in the dev server keeps its hash (it is the file's): every root follows at once.
  if (entry.code !== css.code) {
    entry.sheet.replaceSync(css.code);
    entry.code = css.code;
  }
  const { sheet } = entry;
  // Assigned, not pushed: Chromium before 99 (and the first spec) made it a frozen array.
  if (!target.adoptedStyleSheets.includes(sheet)) target.adoptedStyleSheets = [...target.adoptedStyleSheets, sheet];
}

/**
 * Browsers without constructed sheets (Firefox before 101, Safari before 16.4) get what Svelte
 * itself does, a `<style>` element per component and root: styled wherever the host's CSP allows
 * inline styles, as before this module.
 */
function appendStyleElement(target: Document | ShadowRoot, css: ComponentCss): void {
  const parent = target instanceof ShadowRoot ? target : target.head;
  if (!parent || parent.querySelector(`style[data-svelte-css="${css.hash}"]`)) return;
  const style = (target instanceof ShadowRoot ? target.ownerDocument : target).createElement('style');
  style.dataset.svelteCss = css.hash;
  style.textContent = css.code;
  parent.appendChild(style);
}


/**
 * The hosted page's first paint's sheet: the widget's first-paint rules (`first-paint-css.ts`, the
 * App's own measures) scoped to index.html's boot box, plus the hosted page's header and padding
 * (`App.svelte` outside the widget). Adopted on the document while the boot box shows, dropped
 * with it: the App's elements never meet these rules.
 */
import { FIRST_PAINT_RULES, PALETTE_CSS, PALETTE_DARK_CSS } from '../widget/first-paint-css.ts';

/**
 * `css` with each selector inside `scope`: `.news-search` (the page's own element) becomes
 * `scope`, anything else a descendant of it. Plain rules and `@media` blocks of plain rules only
 * (what `first-paint-css.ts` writes).
 *
 * @example scopedCss('.news-search.stale .list{opacity:.5}\nmark,a{color:red}', '#boot')
 * // '#boot.stale .list{opacity:.5}\n#boot mark,#boot a{color:red}'
 */
export function scopedCss(css: string, scope: string): string {
  return css.replace(/(^|[{}])([^{}@]+)\{/g, (_match, before: string, selectors: string) => {
    const lead = selectors.match(/^\s*/)![0];
    const scoped = selectors
      .trim()
      .split(',')
      .map((selector) => {
        const trimmed = selector.trim();
        return trimmed.startsWith('.news-search') ? scope + trimmed.slice('.news-search'.length) : `${scope} ${trimmed}`;
      })
      .join(',');
    return `${before}${lead}${scoped}{`;
  });
}

/** The boot box as the App's `.news-search` (index.html already gives it the App's width, padding and font), its header, and the first paint's rules. */
export const HOSTED_FIRST_PAINT_CSS = `#boot{${PALETTE_CSS};padding-bottom:3rem;color:var(--fg);color-scheme:light}
@media (prefers-color-scheme:dark){#boot{${PALETTE_DARK_CSS}}}
#boot .top{display:flex;align-items:center;justify-content:space-between;gap:1rem}
#boot h1{margin:.25rem 0 .75rem;font-size:clamp(1.3rem,4vw,1.75rem);line-height:1.2}
${scopedCss(FIRST_PAINT_RULES, '#boot')}`;

/**
 * A widget's shadow root as its first paint's place (`first-paint.ts`): the full page or compact
 * mode's combobox in a `.root` element, under a sheet shared by every widget (a `<style>` where
 * constructed sheets are missing, as `adopt-styles.ts`). In widget.js only: the hosted page's
 * place is its boot box (`src/boot/hosted-first-paint.ts`).
 */
import { FIRST_PAINT_CSS } from './first-paint-css.ts';
import { compactLayout } from './first-paint-compact.ts';
import { fullLayout } from './first-paint-view.ts';
import type { FirstPaintPlace } from './first-paint.ts';

let sheet: CSSStyleSheet | null = null;

/** The place in `root`, for compact mode or the full page. */
export function shadowPlace(root: ShadowRoot, compact: boolean, placeholder: string | undefined): FirstPaintPlace {
  let style: HTMLStyleElement | null = null;
  let shown: HTMLElement | null = null;
  return {
    root,
    show(t, lang) {
      const layout = (compact ? compactLayout : fullLayout)(t, lang, placeholder);
      if ('adoptedStyleSheets' in root) {
        if (!sheet) {
          sheet = new CSSStyleSheet();
          sheet.replaceSync(FIRST_PAINT_CSS);
        }
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      } else {
        style = document.createElement('style');
        style.textContent = FIRST_PAINT_CSS;
        (root as ParentNode).append(style);
      }
      shown = document.createElement('div');
      shown.className = 'root';
      shown.append(layout.main);
      root.append(shown);
      return layout;
    },
    remove() {
      shown?.remove();
      style?.remove();
      if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}

/**
 * Font set-up ahead of the App. The first time a page lays out text in a given font, size and
 * weight, the browser looks the font up (on Linux, through a synchronous call to its browser
 * process for each one), in the App's first layout, on the way to the first results (figures:
 * docs/benchmark-notes.md). `warmUpFonts` lays out one short
 * line in each of the App's text styles while the page is waiting for the network anyway, so that
 * the App's first layout finds them ready.
 *
 * `TEXT_STYLES` lists the styles of the hosted page's start and results pages (the reader and
 * the widget's compact mode come later, off the first results' path); `tests/e2e/fonts.e2e.ts`
 * checks that the App uses no other.
 */

/** One text style of the App: CSS `font-size` (as the App's CSS writes it) and `font-weight`. */
export interface TextStyle {
  size: string;
  weight: number;
  numeric?: 'tabular-nums';
}

/** The App's font stack (`--font` in App.svelte, when the host page sets no `--news-search-font`). */
export const APP_FONT_STACK = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

export const TEXT_STYLES: readonly TextStyle[] = [
  { size: '1rem', weight: 400 }, // body, snippets, buttons
  { size: '1rem', weight: 600 }, // facet legends
  { size: 'clamp(1.3rem, 4vw, 1.75rem)', weight: 700 }, // h1
  { size: '1.15rem', weight: 400 }, // the search box
  { size: '1.1rem', weight: 700 }, // result titles, headings
  { size: '0.9rem', weight: 400 }, // facet rows, outlet names
  { size: '0.9rem', weight: 400, numeric: 'tabular-nums' }, // facet counts
  { size: '0.85rem', weight: 400 }, // result meta (outlet, date), hints
  { size: '0.85rem', weight: 600 }, // the timeline's current level in its breadcrumb
  { size: '0.8rem', weight: 400 }, // the date facet's axis and inputs
];

/** Simplified, traditional, Latin and digits: each script's font is looked up. */
const SAMPLE = '新闻檔案 Search 2026';

/**
 * Lays out `SAMPLE` in every style of `TEXT_STYLES`, out of sight and out of the accessibility
 * tree, inside `container` (index.html's boot shell: it goes when the App replaces the shell):
 * one style per task, each laid out at once. In one task, with the page's first layout, the
 * lookups were the cold load's longest task (53 ms here, 450 ms with the CPU 4× slower, where a
 * style's lookup takes 1–14 ms / up to 60 ms): apart, no step blocks input or the worker's
 * replies for long. Marks the box `data-warmed` when every style is laid out.
 */
export async function warmUpFonts(container: HTMLElement, doc: Document = document, nextTask: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0))): Promise<void> {
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = `position:absolute;left:-9999px;top:0;white-space:nowrap;visibility:hidden;font-family:${APP_FONT_STACK}`;
  container.append(box);
  for (const style of TEXT_STYLES) {
    await nextTask();
    // The App has replaced the shell: its own layout has looked the rest up.
    if (!box.isConnected) return;
    const line = doc.createElement('div');
    line.style.fontSize = style.size;
    line.style.fontWeight = String(style.weight);
    if (style.numeric) line.style.fontVariantNumeric = style.numeric;
    line.textContent = SAMPLE;
    box.append(line);
    // Laid out now, in this task: the font lookup is this step's work.
    void line.offsetWidth;
  }
  box.dataset.warmed = '';
}

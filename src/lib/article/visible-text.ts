/**
 * How much of a body a reader would see: the measure behind the cleaner's guard (a furniture rule
 * never removes most of an article) and behind the compiler's text-loss report.
 */
import { isHiddenStyle } from './body-furniture.ts';
import { isElement, isText, nextAfterSubtree, nextInTree } from './body-dom.ts';

/** Elements whose text is never shown: code, metadata, raw-text containers. */
const INVISIBLE_TAGS = new Set(['script', 'style', 'template', 'noscript', 'title', 'head', 'textarea', 'select', 'option']);

/**
 * Non-whitespace characters of the text a reader would see in `root` (0 when it is hidden itself): text nodes outside
 * scripts, styles and other raw-text or hidden elements (`hidden`, `display:none`). Counting
 * characters, not words, so Chinese and English weigh alike.
 * @example countVisibleChars(div) // for <div><p>正文 text</p><script>x()</script></div>: 6
 */
export function countVisibleChars(root: Node): number {
  if (isElement(root) && isInvisible(root)) return 0;
  let count = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (isElement(node) && isInvisible(node)) {
      node = nextAfterSubtree(node, root);
      continue;
    }
    if (isText(node)) count += countNonSpace(node.data);
    node = nextInTree(node, root);
  }
  return count;
}

/** Non-whitespace characters of a string (the same measure, for extracted text). */
export function countNonSpace(text: string): number {
  return text.replace(/\s+/g, '').length;
}

function isInvisible(element: Element): boolean {
  return INVISIBLE_TAGS.has(element.localName) || element.hasAttribute('hidden') || isHiddenStyle(element.getAttribute('style') ?? '');
}

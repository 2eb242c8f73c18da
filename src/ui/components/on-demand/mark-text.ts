/**
 * Highlights in rendered article HTML: the text of an element (its text nodes joined), and
 * `<mark>` elements wrapped around ranges of that text. Built from DOM nodes, never from markup,
 * so marks can never inject anything.
 */
import type { TextRange } from '../../../lib/search/query/highlight.ts';

/** The element's text nodes, in document order, joined. Offsets match `markRanges`. */
export function textOf(root: Element): string {
  return textNodes(root)
    .map((node) => node.data)
    .join('');
}

/**
 * Wraps each range of `textOf(root)` in `<mark>`; a range that crosses elements (`王<b>毅</b>`)
 * becomes one mark per text node. Ranges must be sorted and must not overlap.
 */
export function markRanges(root: Element, ranges: readonly TextRange[]): void {
  if (ranges.length === 0) return;
  const nodes = textNodes(root);
  let offset = 0;
  const spans = nodes.map((node) => {
    const start = offset;
    offset += node.data.length;
    return { node, start, end: offset };
  });
  // Last node first, last range first: splitting a node keeps the offsets before the split valid.
  for (let i = spans.length - 1; i >= 0; i--) {
    const { node, start, end } = spans[i]!;
    for (let r = ranges.length - 1; r >= 0; r--) {
      const [from, to] = ranges[r]!;
      if (to <= start || from >= end) continue;
      wrap(node, Math.max(from, start) - start, Math.min(to, end) - start);
    }
  }
}

function wrap(node: Text, from: number, to: number): void {
  if (to < node.data.length) node.splitText(to);
  const middle = from > 0 ? node.splitText(from) : node;
  const mark = node.ownerDocument.createElement('mark');
  middle.parentNode!.insertBefore(mark, middle);
  mark.appendChild(middle);
}

function textNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

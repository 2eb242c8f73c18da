/**
 * Small DOM operations the body cleaner repeats: walking without recursion, unwrapping and
 * renaming elements, tidying what cleaning leaves behind (empty wrappers, runs of `<br>`),
 * plain-text extraction and truncation at an element boundary. They work on any `Document`
 * (jsdom or a browser's) and never recurse, so deep trees cannot overflow the stack.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start and end a line of plain text. */
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
/** Elements that mean something without text, so they are never "empty". */
const MEANINGFUL_WITHOUT_TEXT = new Set(['img', 'br', 'hr', 'td', 'th', 'tr', 'thead', 'tbody', 'tfoot', 'col', 'colgroup']);
/** Void elements: serialized as a start tag only. */
const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** True for element nodes (a type guard that works across windows, unlike `instanceof`). */
export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** True for text nodes (a type guard that works across windows, unlike `instanceof`). */
export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** True when the (lower-case) tag starts and ends a line of plain text. */
export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

/** The node after `node`'s subtree in document order, staying inside `root`. */
export function nextAfterSubtree(node: Node, root: Node): Node | null {
  let current: Node | null = node;
  while (current && current !== root) {
    if (current.nextSibling) return current.nextSibling;
    current = current.parentNode;
  }
  return null;
}

/** The next node in document order (children first), staying inside `root`. */
export function nextInTree(node: Node, root: Node): Node | null {
  return node.firstChild ?? nextAfterSubtree(node, root);
}

/** Replaces `element` by its children; returns the first of them (or what followed `element`). */
export function unwrap(element: Element, root: Node): Node | null {
  const parent = element.parentNode;
  const next = element.firstChild ?? nextAfterSubtree(element, root);
  if (!parent) return next;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
  return next;
}

/** Replaces `element` by a new, attribute-less element named `tag` holding the same children. */
export function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.parentNode?.replaceChild(replacement, element);
  return replacement;
}

/** Whitespace-collapsed, trimmed text content. */
export function collapsedText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** True for a text node holding only whitespace (including full-width and non-breaking spaces). */
export function isBlankText(node: Node): boolean {
  return isText(node) && !/\S/.test(node.data);
}

/** All elements under `root` (not `root` itself) in document order. */
export function elementsInOrder(root: Element): Element[] {
  const elements: Element[] = [];
  for (let node = nextInTree(root, root); node; node = nextInTree(node, root)) {
    if (isElement(node)) elements.push(node);
  }
  return elements;
}

/**
 * Removes elements left with no text and nothing visual (no image, rule or table cell), bottom
 * up, so wrappers of removed ads disappear with them; `<br>`-only blocks count as empty.
 */
export function removeEmptyElements(root: Element): void {
  const elements = elementsInOrder(root);
  for (let i = elements.length - 1; i >= 0; i--) {
    const element = elements[i]!;
    if (!MEANINGFUL_WITHOUT_TEXT.has(element.localName) && isEmpty(element)) element.remove();
  }
}

/** Empty: children are only whitespace text and `<br>`s. Valid bottom-up, after the children were judged. */
function isEmpty(element: Element): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (isText(child)) {
      if (/\S/.test(child.data)) return false;
    } else if (isElement(child) && child.localName !== 'br') {
      return false;
    }
  }
  return true;
}

/**
 * Drops `<br>`s at the start or end of their parent and keeps at most two in a row: archived
 * bodies often pad paragraphs with runs of line breaks.
 */
export function collapseBreaks(root: Element): void {
  for (const br of Array.from(root.getElementsByTagName('br'))) {
    if (!br.parentNode) continue;
    let before = 0;
    let sibling = br.previousSibling;
    while (sibling && (isBlankText(sibling) || (isElement(sibling) && sibling.localName === 'br'))) {
      if (isElement(sibling)) before++;
      sibling = sibling.previousSibling;
    }
    const atStart = sibling === null;
    let after = br.nextSibling;
    while (after && (isBlankText(after) || (isElement(after) && after.localName === 'br'))) after = after.nextSibling;
    const atEnd = after === null;
    if (atStart || atEnd || before >= 2) br.remove();
  }
}

/**
 * Removes line breaks, rules, blank text and empty elements from the very start and end of the
 * body, descending into the first and last blocks (footers end in `<br><hr>` once their text is
 * gone), and trims the whitespace of the first and last text.
 */
export function trimEdges(root: Element): void {
  trimEdge(root, 'lastChild');
  trimEdge(root, 'firstChild');
}

function trimEdge(root: Element, side: 'firstChild' | 'lastChild'): void {
  let parent: Node = root;
  for (;;) {
    const edge: ChildNode | null = parent[side];
    if (!edge) {
      if (parent === root) return;
      const emptied = parent as Element;
      parent = emptied.parentNode ?? root;
      emptied.remove();
      continue;
    }
    if (isText(edge)) {
      if (/\S/.test(edge.data)) {
        edge.data = side === 'firstChild' ? edge.data.replace(/^\s+/, '') : edge.data.replace(/\s+$/, '');
        return;
      }
      edge.remove();
    } else if (isElement(edge)) {
      const tag = edge.localName;
      if (tag === 'br' || tag === 'hr') edge.remove();
      else if (tag === 'img' || MEANINGFUL_WITHOUT_TEXT.has(tag) || tag === 'table') return;
      else parent = edge;
    } else {
      edge.remove();
    }
  }
}

/**
 * The visible plain text under `root`: one line per block, whitespace collapsed within a line,
 * no blank lines, `<br>` breaks a line, image alt text left out, table cells space-separated.
 */
export function extractText(root: Element): string {
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed) lines.push(collapsed);
    line = '';
  };
  let preDepth = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    if (isText(node)) {
      if (preDepth > 0 && node.data.includes('\n')) {
        const parts = node.data.split('\n');
        parts.forEach((part, index) => {
          if (index > 0) flush();
          line += part;
        });
      } else {
        line += node.data;
      }
    } else if (isElement(node)) {
      const tag = node.localName;
      if (tag === 'br') flush();
      else if (tag === 'td' || tag === 'th') line += ' ';
      else if (BLOCK_TAGS.has(tag)) flush();
      if (tag === 'pre') preDepth++;
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      leaveElement(node);
    }
    // Climb out of finished parents, closing their lines, then move to the next sibling.
    let current: Node = node;
    while (current !== root && !current.nextSibling) {
      const parent: Node | null = current.parentNode;
      if (!parent || parent === root) {
        current = root;
        break;
      }
      if (isElement(parent)) leaveElement(parent);
      current = parent;
    }
    node = current === root ? null : current.nextSibling;
  }
  flush();
  return lines.join('\n');

  function leaveElement(element: Element): void {
    const tag = element.localName;
    if (tag === 'pre') preDepth--;
    if (BLOCK_TAGS.has(tag)) flush();
  }
}

/**
 * Cuts the serialized children of `root` down to at most `maxChars` characters of HTML, at an
 * element boundary: whole nodes are kept while they fit; the first one that does not fit is
 * entered (if its tags fit) or dropped, and everything after it goes. Text nodes are never split.
 *
 * @returns true when anything was removed.
 */
export function truncateChildren(root: Element, maxChars: number): boolean {
  if (root.innerHTML.length <= maxChars) return false;
  let budget = maxChars;
  let parent: Element = root;
  for (;;) {
    let child = parent.firstChild;
    while (child) {
      const size = serializedLength(child);
      if (size > budget) break;
      budget -= size;
      child = child.nextSibling;
    }
    if (!child) return true;
    while (child.nextSibling) child.nextSibling.remove();
    if (isElement(child) && child.firstChild && !VOID_TAGS.has(child.localName)) {
      const tags = child.outerHTML.length - child.innerHTML.length;
      if (tags < budget) {
        budget -= tags;
        parent = child;
        continue;
      }
    }
    child.remove();
    return true;
  }
}

function serializedLength(node: Node): number {
  if (isElement(node)) return node.outerHTML.length;
  if (isText(node)) {
    // The HTML serializer escapes &, <, > and U+00A0 in text: & → &amp; (+4), < → &lt; (+3), …
    const escapes = node.data.match(/[&<>\u00a0]/g);
    let extra = 0;
    for (const character of escapes ?? []) extra += character === '&' ? 4 : character === '\u00a0' ? 5 : 3;
    return node.data.length + extra;
  }
  return 0;
}

/**
 * Keeps pathological markup — 100,000 nested `<div>`s, endless unclosed tags, tens of thousands
 * of siblings — from blowing the stack or the time budget. jsdom's tree building, its serializer
 * and parts of DOMPurify recurse per level, and jsdom's child-list bookkeeping makes every
 * insertion or removal cost time proportional to the number of siblings. So the markup is capped
 * before parsing (a cheap tag-stack scan: depth, children per element, elements in all) and the
 * parsed tree once more for depth. Everything here is loop-based; nothing recurses.
 */

/** Nesting deeper than this is flattened. Real article bodies in the archive stay below 15. */
export const MAX_NESTING_DEPTH = 128;
/** More child elements than this in one element are flattened. The archive's widest has ~400. */
export const MAX_CHILD_ELEMENTS = 1000;
/** More elements than this in one body are flattened. The archive's largest body has ~4,500. */
export const MAX_ELEMENTS = 10_000;
/**
 * Unclosed formatting tags (`<b>`, `<font>`, …) beyond this are dropped. The parser reopens every
 * unclosed formatting element inside each new block, so `<p><b class=1><p><b class=2>…` grows
 * depth linearly and the node count quadratically: 800 such pairs took 40 s before this cap. Real bodies keep a handful open at most.
 */
export const MAX_OPEN_FORMATTING = 12;

const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
/** Elements whose content the tokenizer treats as text: a `<div>` inside a script is not a tag. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Start tags that implicitly close an open `<p>` (the common "unclosed paragraph" case). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'li', 'dd', 'dt',
]);
/**
 * For start tags that close an open sibling of their own kind: which open tag they close (with
 * everything inside it), and where the search stops.
 */
const IMPLIED_CLOSE: ReadonlyMap<string, { closes: ReadonlySet<string>; stopAt: ReadonlySet<string> }> = new Map([
  ['li', { closes: new Set(['li']), stopAt: new Set(['ul', 'ol', 'menu', 'table', 'td', 'th', 'template']) }],
  ['dt', { closes: new Set(['dt', 'dd']), stopAt: new Set(['dl', 'table', 'td', 'th', 'template']) }],
  ['dd', { closes: new Set(['dt', 'dd']), stopAt: new Set(['dl', 'table', 'td', 'th', 'template']) }],
  ['td', { closes: new Set(['td', 'th']), stopAt: new Set(['tr', 'table', 'template']) }],
  ['th', { closes: new Set(['td', 'th']), stopAt: new Set(['tr', 'table', 'template']) }],
  ['tr', { closes: new Set(['tr']), stopAt: new Set(['table', 'tbody', 'thead', 'tfoot', 'template']) }],
  ...['tbody', 'thead', 'tfoot'].map((tag): [string, { closes: ReadonlySet<string>; stopAt: ReadonlySet<string> }] => [
    tag,
    { closes: new Set(['tbody', 'thead', 'tfoot']), stopAt: new Set(['table', 'template']) },
  ]),
  ['option', { closes: new Set(['option']), stopAt: new Set(['select', 'datalist', 'template']) }],
]);
/** The HTML parser's formatting elements: the ones it reopens ("reconstructs") in later blocks. */
const FORMATTING_TAGS = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** End tags of these close across open cells and rows (`</tr>` closes the open `<td>` too). */
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup']);
/** Elements an end tag of an ordinary element cannot reach past. */
const SCOPE_BOUNDARIES = new Set(['td', 'th', 'caption', 'applet', 'object', 'marquee', 'html', 'svg', 'math']);
const P_SCOPE_BARRIERS = new Set(['table', 'td', 'th', 'caption', 'button', 'object', 'marquee', 'applet', 'template', 'svg', 'math']);
const TAG_NAME = /[A-Za-z][^\s/>]*/y;

/** Result of {@link limitMarkup}. */
export interface LimitedMarkup {
  html: string;
  /** True when tags were dropped to respect a limit. */
  flattened: boolean;
}

/** The caps {@link limitMarkup} enforces. */
export interface MarkupLimits {
  maxDepth: number;
  maxChildElements: number;
  maxElements: number;
  maxOpenFormatting: number;
}

export const DEFAULT_MARKUP_LIMITS: Readonly<MarkupLimits> = Object.freeze({
  maxDepth: MAX_NESTING_DEPTH,
  maxChildElements: MAX_CHILD_ELEMENTS,
  maxElements: MAX_ELEMENTS,
  maxOpenFormatting: MAX_OPEN_FORMATTING,
});

/**
 * Drops start tags (and their end tags) that would nest deeper than `maxDepth`, give one element
 * more than `maxChildElements` child elements, exceed `maxElements` in all, or leave more than
 * `maxOpenFormatting` formatting elements unclosed; all text is kept.
 * The tag stack models the parser's common implied end tags (`<p>`, `<li>`, table cells), so
 * sloppy but ordinary markup is left byte-for-byte unchanged. Linear time: `indexOf` scans only.
 *
 * @example limitMarkup('<b>'.repeat(3) + 'x', { ...DEFAULT_MARKUP_LIMITS, maxDepth: 2 }).html // '<b><b>x'
 */
export function limitMarkup(html: string, limits: Readonly<MarkupLimits> = DEFAULT_MARKUP_LIMITS): LimitedMarkup {
  const stack: string[] = [];
  /** Child elements of each open element (index 0: the body itself), parallel to `stack`. */
  const children: number[] = [0];
  let elements = 0;
  /** Formatting elements opened and not yet closed by an end tag, by name (the parser's "active" list, roughly). */
  const formatting = new Map<string, number>();
  let openFormatting = 0;
  const dropped = new Map<string, number>();
  const pieces: string[] = [];
  let copiedUpTo = 0;
  let foreignDepth = 0; // inside <svg>/<math>, `<x/>` really closes
  let position = html.indexOf('<');
  const drop = (start: number, end: number): void => {
    pieces.push(html.slice(copiedUpTo, start));
    copiedUpTo = end;
  };

  while (position !== -1 && position < html.length - 1) {
    const next = html.charCodeAt(position + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const close = html.startsWith('<!--', position) ? html.indexOf('-->', position + 4) : html.indexOf('>', position + 2);
      if (close === -1) break; // the rest is one unterminated comment: text for the parser
      position = html.indexOf('<', close + 1);
      continue;
    }
    const isEnd = next === 0x2f; /* / */
    TAG_NAME.lastIndex = position + (isEnd ? 2 : 1);
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      position = html.indexOf('<', position + 1);
      continue;
    }
    const tagEnd = html.indexOf('>', TAG_NAME.lastIndex);
    if (tagEnd === -1) break; // no tag can close after this point
    const name = nameMatch[0].toLowerCase();
    const after = tagEnd + 1;

    if (isEnd) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        drop(position, after);
      } else {
        const open = formatting.get(name) ?? 0;
        if (open > 0) {
          formatting.set(name, open - 1);
          openFormatting--;
        }
        const index = openElementInScope(stack, name);
        if (index !== -1) foreignDepth -= popTo(stack, children, index);
      }
      position = html.indexOf('<', after);
      continue;
    }

    closeImplied(stack, children, name);
    const selfClosing = html.charCodeAt(tagEnd - 1) === 0x2f;
    const opens = !VOID_TAGS.has(name) && !(selfClosing && foreignDepth > 0);
    const siblings = children[stack.length] ?? 0;
    const isFormatting = opens && FORMATTING_TAGS.has(name);
    if (
      elements >= limits.maxElements ||
      siblings >= limits.maxChildElements ||
      (opens && stack.length >= limits.maxDepth) ||
      (isFormatting && openFormatting >= limits.maxOpenFormatting)
    ) {
      if (opens) dropped.set(name, (dropped.get(name) ?? 0) + 1);
      drop(position, after);
    } else {
      elements++;
      if (isFormatting) {
        formatting.set(name, (formatting.get(name) ?? 0) + 1);
        openFormatting++;
      }
      children[stack.length] = siblings + 1;
      if (opens) {
        stack.push(name);
        children[stack.length] = 0;
        if (name === 'svg' || name === 'math') foreignDepth++;
      }
    }
    position = RAW_TEXT_TAGS.has(name) ? skipRawText(html, name, after) : html.indexOf('<', after);
  }

  if (pieces.length === 0) return { html, flattened: false };
  pieces.push(html.slice(copiedUpTo));
  return { html: pieces.join(''), flattened: true };
}

/**
 * Where the end tag `name` closes: the nearest open `name`, unless a table cell, caption or
 * other scope boundary sits above it, in which case the parser ignores the end tag (a stray
 * `</div>` inside `<td>` does not close the table). Table parts close across their own kind.
 */
function openElementInScope(stack: readonly string[], name: string): number {
  const tableEnd = TABLE_PARTS.has(name);
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i]!;
    if (open === name) return i;
    if (open === 'table' || open === 'template' || (!tableEnd && SCOPE_BOUNDARIES.has(open))) return -1;
  }
  return -1;
}

/** Pops the stack down to (and including) `index`; returns how many foreign roots were closed. */
function popTo(stack: string[], children: number[], index: number): number {
  let foreignClosed = 0;
  while (stack.length > index) {
    const name = stack.pop();
    if (name === 'svg' || name === 'math') foreignClosed++;
  }
  children.length = index + 1;
  return foreignClosed;
}

function closeImplied(stack: string[], children: number[], name: string): void {
  if (CLOSES_P.has(name)) {
    for (let i = stack.length - 1; i >= 0; i--) {
      const open = stack[i]!;
      if (open === 'p') {
        popTo(stack, children, i);
        break;
      }
      if (P_SCOPE_BARRIERS.has(open)) break;
    }
  }
  const rule = IMPLIED_CLOSE.get(name);
  if (!rule) return;
  for (let i = stack.length - 1; i >= 0; i--) {
    const open = stack[i]!;
    if (rule.closes.has(open)) {
      popTo(stack, children, i);
      return;
    }
    if (rule.stopAt.has(open)) return;
  }
}

function skipRawText(html: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}[\\s/>]`, 'ig');
  closing.lastIndex = from;
  const match = closing.exec(html);
  return match ? match.index : -1;
}

/**
 * Flattens every element that sits deeper than `maxDepth` below `root`: the element at the limit
 * keeps its text, images and line breaks, in order, as direct children. Iterative.
 *
 * @returns true when anything was flattened.
 */
export function flattenDeepElements(root: Element, maxDepth = MAX_NESTING_DEPTH): boolean {
  let flattened = false;
  let node: Node | null = root.firstChild;
  let depth = 1;
  while (node) {
    if (node.nodeType === 1 && depth >= maxDepth && hasElementChild(node)) {
      flattenInto(node as Element);
      flattened = true;
    }
    if (node.firstChild && node.nodeType === 1 && depth < maxDepth) {
      node = node.firstChild;
      depth++;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return flattened;
}

function hasElementChild(node: Node): boolean {
  for (let child = node.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) return true;
  return false;
}

/** Replaces `element`'s subtree by its text nodes, images and `<br>`s, in document order. */
function flattenInto(element: Element): void {
  const keep: Node[] = [];
  let node: Node | null = element.firstChild;
  while (node) {
    if (node.nodeType === 3) keep.push(node);
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag === 'img' || tag === 'br') keep.push(node);
      else if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== element && !node.nextSibling) node = node.parentNode;
    node = node && node !== element ? node.nextSibling : null;
  }
  while (element.firstChild) element.removeChild(element.firstChild);
  for (const kept of keep) element.appendChild(kept);
}

/**
 * The cleaner's main pass: one walk over the parsed body in document order that drops furniture
 * (by tag, class/id/attributes, link target, image source), resolves lazy images and relative
 * URLs, unwraps and renames what the policy would otherwise flatten, and notes what can only be
 * judged once the walk is over (boilerplate blocks, link lists, noscript copies, captions).
 */
import {
  BOILERPLATE_TRIGGER,
  classifyBoilerplate,
  isEmojiImage,
  isFeedPromoUrl,
  isFurnitureAttribute,
  isFurnitureImage,
  isFurnitureToken,
  isHiddenStyle,
  isLinkOnlyText,
  isShareUrl,
  isSubscribeUrl,
} from './body-furniture.ts';
import { collapsedText, isBlockTag, isElement, isText, nextAfterSubtree, nextInTree, rename, unwrap } from './body-dom.ts';
import { limitMarkup } from './body-limits.ts';
import { resolveUrl } from './body-urls.ts';
import { isAllowedAttribute } from './sanitize-policy.ts';
import { countVisibleChars } from './visible-text.ts';

/** Removed with everything inside: never article text, or page furniture by nature. */
const DROP_TAGS = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noembed', 'noframes',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'map', 'area', 'link', 'meta', 'base', 'title', 'head',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter',
  'dialog', 'param',
]);
/**
 * Furniture by nature, but removed only while they hold less than half of the body's text: a
 * site that wraps its story in `<footer>` or a custom element must not lose it.
 */
const FURNITURE_TAGS = new Set(['nav', 'footer']);
/** Containers the policy does not allow: become `<div>` so their text keeps its own line. */
const RENAME: ReadonlyMap<string, string> = new Map([
  ['h1', 'h2'],
  ...['section', 'article', 'header', 'main', 'aside', 'address', 'center', 'details', 'summary', 'fieldset', 'hgroup']
    .map((tag): [string, string] => [tag, 'div']),
  ['strike', 's'],
  ['del', 's'],
  ['tt', 'code'],
  ['kbd', 'code'],
  ['samp', 'code'],
]);
/** Inline wrappers that carry nothing once their attributes are gone. */
const UNWRAP_TAGS = new Set(['span', 'font', 'o:p', 'picture', 'abbr', 'acronym', 'big', 'nobr', 'label', 'ins', 'bdi', 'bdo']);
/** A list is "only links" when at least this share of each item's text is link text. */
const LINK_TEXT_SHARE = 0.8;
/** Visible characters an element needs before the furniture guard treats it as the story. */
const MIN_STORY_CHARS = 200;
/** Lazy-loading attributes, most specific first; the real image URL is in one of them. */
const LAZY_SOURCE_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-actualsrc'];

/** What the walk found that the passes after it act on. */
export interface CleanContext {
  baseUrl: string | undefined;
  /** Blocks found to be boilerplate during the walk, removed after it. */
  doomed: Set<Element>;
  /** Blocks whose text was already classified. */
  checked: WeakSet<Element>;
  /** Lists whose items are only links: removed after the walk unless they are all there is. */
  linkLists: Element[];
  /** Images that came out of `<noscript>`: dropped when the page shows the same image anyway. */
  noscriptImages: Set<Element>;
  /** Every `<figcaption>` met: those outside a `<figure>` may turn their wrapper into one. */
  captions: Element[];
  /**
   * Visible characters of the whole body before cleaning. A furniture rule (class, id, attribute,
   * `<nav>`/`<footer>`, custom element) never removes an element holding more than half of them:
   * those rules are for small furniture, and a WordPress `<article class="tag-share-lab">` is the
   * story. `Infinity` turns the guard off.
   */
  visibleChars: number;
  /** Elements a furniture rule matched but the guard kept (they held most of the body's text). */
  spared: Element[];
}

/** A fresh, empty {@link CleanContext}. */
export function createCleanContext(baseUrl: string | undefined, visibleChars = Infinity): CleanContext {
  return { baseUrl, doomed: new Set(), checked: new WeakSet(), linkLists: [], noscriptImages: new Set(), captions: [], visibleChars, spared: [] };
}

/**
 * The main walk: one pass in document order, removing, unwrapping and fixing as it goes. Blocks
 * and lists that need the whole picture are recorded in `context` for the caller.
 */
export function cleanTree(root: Element, context: CleanContext): void {
  let node: Node | null = root.firstChild;
  while (node) {
    if (isElement(node)) {
      node = cleanElement(node, root, context);
    } else if (isText(node)) {
      if (BOILERPLATE_TRIGGER.test(node.data)) markBoilerplate(node, root, context);
      node = nextAfterSubtree(node, root);
    } else {
      const next = nextAfterSubtree(node, root);
      node.parentNode?.removeChild(node); // comments, processing instructions
      node = next;
    }
  }
}

/** Cleans one element; returns the node to visit next. */
function cleanElement(element: Element, root: Element, context: CleanContext): Node | null {
  const tag = element.localName;
  if (DROP_TAGS.has(tag)) return removeSubtree(element, root);
  if (FURNITURE_TAGS.has(tag) || tag.includes('-') || isFurnitureElement(element)) {
    if (!holdsMostOfBody(element, context)) return removeSubtree(element, root);
    // The story itself: keep it (a plain container) and judge what is inside it one by one.
    context.spared.push(element);
    if (FURNITURE_TAGS.has(tag) || tag.includes('-')) return nextInTree(rename(element, 'div'), root);
  }
  if (tag === 'noscript') return unwrapNoscript(element, root, context);
  if (tag === 'img') return cleanImage(element, root, context);
  if (tag === 'a' && !cleanLink(element, context)) return removeSubtree(element, root);
  if ((tag === 'ul' || tag === 'ol') && isLinkList(element)) context.linkLists.push(element);
  if (tag === 'figcaption') context.captions.push(element);

  stripAttributes(element, tag);
  if (UNWRAP_TAGS.has(tag)) return unwrap(element, root);
  const renamed = RENAME.get(tag);
  const current = renamed ? rename(element, renamed) : element;
  return nextInTree(current, root);
}

/**
 * True when removing `element` would take the story with it: more than half of the body's visible
 * text, at least {@link MIN_STORY_CHARS} characters of it (a caption label or an app button in a
 * two-line body is still furniture), and mostly not link text (a related-links box stays furniture).
 */
function holdsMostOfBody(element: Element, context: CleanContext): boolean {
  if (context.visibleChars === Infinity) return false;
  const chars = countVisibleChars(element);
  if (chars < MIN_STORY_CHARS || chars * 2 <= context.visibleChars) return false;
  let linkChars = 0;
  for (const link of Array.from(element.querySelectorAll('a[href]'))) linkChars += countVisibleChars(link);
  return linkChars * 2 < chars;
}

function removeSubtree(element: Element, root: Element): Node | null {
  const next = nextAfterSubtree(element, root);
  element.remove();
  return next;
}

/** True for ad slots, share bars, promos and hidden chrome, judged by attributes alone. */
function isFurnitureElement(element: Element): boolean {
  if (!element.hasAttributes()) return false;
  for (const name of element.getAttributeNames()) {
    if (name === 'class') {
      for (const token of (element.getAttribute('class') ?? '').split(/\s+/)) if (token && isFurnitureToken(token)) return true;
    } else if (name === 'id') {
      if (isFurnitureToken((element.getAttribute('id') ?? '').trim())) return true;
    } else if (name === 'style') {
      if (isHiddenStyle(element.getAttribute('style') ?? '')) return true;
    } else if (name === 'hidden' || isFurnitureAttribute(name)) {
      return true;
    }
  }
  return false;
}

/** Keeps only the attributes the policy allows on `tag`; the sanitizer checks them again. */
function stripAttributes(element: Element, tag: string): void {
  if (!element.hasAttributes()) return;
  for (const name of element.getAttributeNames()) {
    if (!isAllowedAttribute(tag, name)) element.removeAttribute(name);
  }
}

/**
 * jsdom parses `<noscript>` content as raw text (scripting flag on), browsers' inert documents
 * parse it as markup. Either way the content becomes real nodes in place of the element.
 */
function unwrapNoscript(noscript: Element, root: Element, context: CleanContext): Node | null {
  const onlyChild = noscript.firstChild;
  if (onlyChild && !onlyChild.nextSibling && isText(onlyChild) && onlyChild.data.includes('<')) {
    // Parse in a <div> context: inside <noscript> itself jsdom would read it as raw text again.
    const holder = noscript.ownerDocument.createElement('div');
    holder.innerHTML = limitMarkup(onlyChild.data).html;
    noscript.replaceChildren(...Array.from(holder.childNodes));
  }
  for (const image of Array.from(noscript.getElementsByTagName('img'))) context.noscriptImages.add(image);
  return unwrap(noscript, root);
}

/** Resolves the image's real source and drops it if it is furniture; returns the next node. */
function cleanImage(image: Element, root: Element, context: CleanContext): Node | null {
  const next = nextAfterSubtree(image, root);
  const lazy = LAZY_SOURCE_ATTRIBUTES.map((name) => image.getAttribute(name))
    .map((value) => (value ? resolveUrl(value, context.baseUrl) : ''))
    .find((value) => value !== '');
  const src = lazy ?? resolveUrl(image.getAttribute('src') ?? '', context.baseUrl);
  const alt = (image.getAttribute('alt') ?? '').trim();
  const facts = {
    src,
    alt,
    width: image.getAttribute('width'),
    height: image.getAttribute('height'),
    style: image.getAttribute('style') ?? '',
    hasPingerMark: image.hasAttribute('pinger-seen'),
  };
  if (!src || isFurnitureImage(facts)) {
    image.remove();
    return next;
  }
  if (isEmojiImage((image.getAttribute('class') ?? '').split(/\s+/), src)) {
    // Emoji read better as their text code ("[挤眼]") than as unsized inline images.
    if (alt) image.replaceWith(image.ownerDocument.createTextNode(alt));
    else image.remove();
    return next;
  }
  stripAttributes(image, 'img');
  image.setAttribute('src', src);
  return next;
}

/**
 * Fixes a link's target, or reports that the link is furniture (share, feed promo, subscribe
 * banner, "...more") and must go with its content.
 */
function cleanLink(link: Element, context: CleanContext): boolean {
  const raw = link.getAttribute('href');
  if (raw === null) return true;
  if (isShareUrl(raw) || isFeedPromoUrl(raw)) return false;
  const text = collapsedText(link);
  if (text && isLinkOnlyText(text)) return false;
  if (isSubscribeUrl(raw)) {
    // A banner (image only) goes; a sentence keeps its words and loses the link.
    if (!text) return false;
    link.removeAttribute('href');
    return true;
  }
  const href = resolveUrl(raw, context.baseUrl);
  if (href) link.setAttribute('href', href);
  else link.removeAttribute('href');
  return true;
}

/** Looks at the block around a suspicious text node and marks it for removal if it is boilerplate. */
function markBoilerplate(text: Text, root: Element, context: CleanContext): void {
  const block = enclosingBlock(text, root);
  if (!block || context.checked.has(block)) return;
  context.checked.add(block);
  const kind = classifyBoilerplate(collapsedText(block));
  if (kind === 'block') context.doomed.add(block);
  else if (kind === 'block-with-link' && block.querySelector('a[href]')) context.doomed.add(block);
  else if (kind === 'label') {
    context.doomed.add(block);
    const list = block.nextElementSibling;
    if (list && (list.localName === 'ul' || list.localName === 'ol')) context.doomed.add(list);
  }
}

/** The nearest block ancestor inside `root`, or null inside a quotation (quoted text is content). */
function enclosingBlock(node: Node, root: Element): Element | null {
  let block: Element | null = null;
  for (let current = node.parentNode; current && current !== root; current = current.parentNode) {
    if (!isElement(current)) continue;
    if (current.localName === 'blockquote' || current.localName === 'q') return null;
    if (!block && (isBlockTag(current.localName) || current.localName === 'td' || current.localName === 'th')) block = current;
  }
  return block;
}

/** A list whose every non-empty item is (almost) all link text: a related-articles box. */
function isLinkList(list: Element): boolean {
  let items = 0;
  for (const item of Array.from(list.children)) {
    if (item.localName !== 'li') continue;
    const text = collapsedText(item);
    if (!text) continue;
    let linkText = 0;
    for (const link of Array.from(item.querySelectorAll('a[href]'))) linkText += collapsedText(link).length;
    if (linkText < text.length * LINK_TEXT_SHARE) return false;
    items++;
  }
  return items > 0;
}

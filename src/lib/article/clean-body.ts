/**
 * Turns an archived article body (scraped HTML) into clean, safe HTML for the reader and plain
 * text for the index. DOM-only: runs on any `Document` — jsdom in the compiler, the browser's own
 * elsewhere — and never imports jsdom.
 */
import type { DOMPurify } from 'dompurify';
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
  titleKey,
} from './body-furniture.ts';
import {
  collapseBreaks,
  collapsedText,
  extractText,
  isBlockTag,
  isElement,
  isText,
  nextAfterSubtree,
  nextInTree,
  removeEmptyElements,
  rename,
  trimEdges,
  truncateChildren,
  unwrap,
} from './body-dom.ts';
import { flattenDeepElements, limitMarkup } from './body-limits.ts';
import { applySanitizePolicy, isAllowedAttribute, isHttpUrl, sanitizeArticleNode } from './sanitize-policy.ts';

/** What {@link cleanArticleBody} needs from its surroundings. */
export interface CleanBodyEnv {
  /** Any document of the window `purify` was created for; the cleaner parses in a detached, inert document made from it. */
  document: Document;
  /** A DOMPurify instance for that window. The sanitize policy is applied to it if it is not already. */
  purify: DOMPurify;
  /** The article's URL: relative and protocol-relative links and images are resolved against it. */
  baseUrl?: string;
  /** The article's title: a heading at the top of the body that repeats it is removed. */
  title?: string;
  /** Upper bound for the returned HTML; longer bodies are cut at an element boundary. */
  maxHtmlChars?: number;
}

/** The cleaned body. */
export interface CleanedBody {
  /** Sanitized HTML (strict policy), furniture removed. */
  html: string;
  /**
   * Visible plain text: one line per block, no blank lines, image alt text left out, captions
   * kept. Never truncated. Its first line is often the outlet's date or byline line (RFI's
   * `26/09/2023 - 11:37`, Reuters/VOA/DW `<i>` stamps), kept on purpose for date parsing.
   */
  text: string;
  /** True when `html` was cut to `maxHtmlChars`. */
  truncated: boolean;
  /** True when nesting deeper than the limit was flattened (or, at worst, reduced to text). */
  deepNesting: boolean;
}

/** Removed with everything inside: never article text, or page furniture by nature. */
const DROP_TAGS = new Set([
  'script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'noembed', 'noframes',
  'svg', 'math', 'canvas', 'video', 'audio', 'source', 'track', 'map', 'area', 'link', 'meta', 'base', 'title', 'head',
  'form', 'input', 'button', 'select', 'textarea', 'option', 'optgroup', 'datalist', 'output', 'progress', 'meter',
  'dialog', 'param', 'nav', 'footer',
]);
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
/** Lazy-loading attributes, most specific first; the real image URL is in one of them. */
const LAZY_SOURCE_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-actualsrc'];
/** A list is "only links" when at least this share of each item's text is link text. */
const LINK_TEXT_SHARE = 0.8;
/** jsdom walks every NodeIterator ever made on a document at each node removal (see workDocument). */
const WORK_DOCUMENT_USES = 16;

interface CleanContext {
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
}

/**
 * Cleans and sanitizes one article body. Parses once (in an inert document), removes ads,
 * share bars, paywall and newsletter promotions, feed footers, related-link lists, tracking
 * pixels, icons, empty wrappers and a heading that repeats the title; resolves lazy images and
 * relative URLs; sanitizes with the strict policy; then serializes and extracts the plain text.
 *
 * Does not throw for any markup: unclosed tags are the parser's business, and nesting deeper
 * than `MAX_NESTING_DEPTH` (128) or wider than `MAX_CHILD_ELEMENTS` (1,000) is flattened first
 * (`deepNesting: true`), which also bounds the time one body can take. Reuse one `env` for a
 * whole archive: the cleaner parses in a private, periodically replaced detached document.
 *
 * @example
 * const env = createDomEnv(); // scripts/lib/dom-env.ts
 * cleanArticleBody('<p>正文</p><div id="dfp-ad-imu1"></div>', env)
 * // { html: '<p>正文</p>', text: '正文', truncated: false, deepNesting: false }
 */
export function cleanArticleBody(html: string, env: CleanBodyEnv): CleanedBody {
  applySanitizePolicy(env.purify);
  const limited = limitMarkup(html);
  const { root, deepNesting: parsedDeep } = parseBody(workDocument(env.document), limited.html);
  let deepNesting = limited.flattened || parsedDeep;
  if (flattenDeepElements(root)) deepNesting = true;

  const context: CleanContext = {
    baseUrl: env.baseUrl,
    doomed: new Set(),
    checked: new WeakSet(),
    linkLists: [],
    noscriptImages: new Set(),
    captions: [],
  };
  cleanTree(root, context);
  for (const block of context.doomed) block.remove();
  removeDuplicateNoscriptImages(root, context.noscriptImages);
  removeLinkLists(root, context.linkLists);
  if (env.title) removeTitleHeading(root, env.title);
  // Tidy before sanitizing: DOMPurify leaves a live child list on every node, after which each
  // removal in jsdom costs time proportional to the number of siblings.
  tidy(root, context.captions);
  const content = innermostLoneWrapper(root);
  sanitizeArticleNode(env.purify, content);

  const text = extractText(content);
  let output = content.innerHTML;
  let truncated = false;
  if (env.maxHtmlChars !== undefined && output.length > env.maxHtmlChars) {
    truncated = truncateChildren(content, Math.max(0, env.maxHtmlChars));
    removeEmptyElements(content);
    output = content.innerHTML;
  }
  // Detach the tree: DOMPurify's node iterators stay reachable until the current job ends, and
  // with an empty root they no longer keep the whole article alive.
  content.textContent = '';
  return { html: output, text, truncated, deepNesting };
}

const workDocuments = new WeakMap<Document, { document: Document; uses: number }>();

/**
 * A detached HTML document for parsing: it has no browsing context, so nothing in it loads or
 * runs. Rotated every few articles because jsdom registers each NodeIterator (DOMPurify makes
 * several per call) in a per-document weak set that it walks on every node removal, and weak
 * references are only cleared between jobs: one document for a whole archive turns quadratic.
 */
function workDocument(owner: Document): Document {
  let entry = workDocuments.get(owner);
  if (!entry || entry.uses >= WORK_DOCUMENT_USES) {
    entry = { document: owner.implementation.createHTMLDocument(''), uses: 0 };
    workDocuments.set(owner, entry);
  }
  entry.uses++;
  return entry.document;
}

function parseBody(document: Document, html: string): { root: Element; deepNesting: boolean } {
  const root = document.createElement('div');
  try {
    root.innerHTML = html;
    return { root, deepNesting: false };
  } catch (error) {
    // Only the parser's own recursion can fail here (jsdom recurses per ancestor on insertion).
    // Fall back to the text alone: `<` is escaped, so the second parse builds no elements.
    if (!(error instanceof RangeError)) throw error;
    const fallback = document.createElement('div');
    fallback.innerHTML = html.replace(/<[^<>]*>/g, ' ').replace(/</g, '&lt;');
    return { root: fallback, deepNesting: true };
  }
}

/** The main walk: one pass in document order, removing, unwrapping and fixing as it goes. */
function cleanTree(root: Element, context: CleanContext): void {
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
  if (DROP_TAGS.has(tag) || tag.includes('-') || isFurnitureElement(element)) return removeSubtree(element, root);
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

/**
 * An absolute http(s) URL for an attribute value, or '' when there is none: fixes the
 * Economist's doubled prefix (`https://www.economist.comhttps://…`), gives protocol-relative
 * URLs `https:`, resolves relative ones against `baseUrl`, drops page-internal `#` links.
 */
export function resolveUrl(value: string, baseUrl: string | undefined): string {
  let url = value.trim();
  if (!url || url.startsWith('#')) return '';
  const doubled = /^https?:\/\/[^/?#]+?(https?:\/\/.+)$/i.exec(url);
  if (doubled) url = doubled[1]!;
  if (url.startsWith('//')) url = `https:${url}`;
  if (isHttpUrl(url)) return url;
  if (!baseUrl || /^[a-z][a-z0-9+.-]*:/i.test(url)) return ''; // another scheme, or nothing to resolve against
  try {
    const resolved = new URL(url, baseUrl).href;
    return isHttpUrl(resolved) ? resolved : '';
  } catch {
    return ''; // a base URL that is not a URL resolves nothing
  }
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

function removeLinkLists(root: Element, lists: Element[]): void {
  const live = lists.filter((list) => root.contains(list));
  if (live.length === 0) return;
  const listText = live.reduce((sum, list) => sum + collapsedText(list).length, 0);
  // When the links are most of the body (an index page, BBC's weekly round-up), they are the content.
  if (listText * 2 >= collapsedText(root).length) return;
  for (const list of live) list.remove();
}

function removeDuplicateNoscriptImages(root: Element, noscriptImages: Set<Element>): void {
  if (noscriptImages.size === 0) return;
  const shown = new Set<string>();
  for (const image of Array.from(root.getElementsByTagName('img'))) {
    if (!noscriptImages.has(image)) shown.add(image.getAttribute('src') ?? '');
  }
  for (const image of noscriptImages) {
    if (image.parentNode && shown.has(image.getAttribute('src') ?? '')) image.remove();
  }
}

/** Removes the first heading of the body when it repeats the title (WordPress `entry-title`). */
function removeTitleHeading(root: Element, title: string): void {
  const key = titleKey(title);
  if (!key) return;
  for (let node = nextInTree(root, root); node; node = nextInTree(node, root)) {
    if (!isText(node) || !/\S/.test(node.data)) continue;
    let heading: Node | null = node.parentNode;
    while (heading && heading !== root && !(isElement(heading) && /^h[1-6]$/.test(heading.localName))) {
      heading = heading.parentNode;
    }
    if (heading && heading !== root && isElement(heading) && titleKey(heading.textContent ?? '') === key) {
      if (collapsedText(root).length > collapsedText(heading).length) heading.remove();
    }
    return;
  }
}

/**
 * Last touches: drop link-less anchors and emptied wrappers, tame `<br>` runs, turn
 * image-plus-caption wrappers into figures, trim the edges.
 */
function tidy(root: Element, captions: readonly Element[]): void {
  for (const anchor of Array.from(root.getElementsByTagName('a'))) {
    if (!anchor.hasAttribute('href')) unwrap(anchor, root);
  }
  removeEmptyElements(root);
  collapseBreaks(root);
  wrapCaptionedImages(root, captions);
  trimEdges(innermostLoneWrapper(root));
}

/** BBC and RFA put `<figcaption>` in a plain `<div>` next to the image: that div is a figure. */
function wrapCaptionedImages(root: Element, captions: readonly Element[]): void {
  for (const caption of captions) {
    const parent = caption.parentElement;
    if (!parent || parent === root || parent.localName !== 'div' || !root.contains(parent)) continue;
    if (parent.querySelector('p, h2, h3, h4, h5, h6, ul, ol, table, blockquote, figure') === null) rename(parent, 'figure');
  }
}

/**
 * `<div><div><p>…` → the inner `<div>`: outer wrappers with nothing else in them carry no
 * meaning, and serializing the innermost one drops them without moving a single node.
 */
function innermostLoneWrapper(root: Element): Element {
  let content = root;
  for (;;) {
    const only = content.firstElementChild;
    if (!only || only !== content.lastElementChild || only.localName !== 'div') return content;
    for (let child = content.firstChild; child; child = child.nextSibling) {
      if (isText(child) && /\S/.test(child.data)) return content;
    }
    content = only;
  }
}

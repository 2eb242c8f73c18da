/**
 * Turns an archived article body (scraped HTML) into clean, safe HTML for the reader and plain
 * text for the index. DOM-only: runs on any `Document` — jsdom in the compiler, the browser's own
 * elsewhere — and never imports jsdom.
 */
import type { DOMPurify } from 'dompurify';
import { titleKey } from './body-furniture.ts';
import {
  collapseBreaks,
  collapsedText,
  extractText,
  isElement,
  isText,
  nextInTree,
  removeEmptyElements,
  rename,
  trimEdges,
  truncateChildren,
  unwrap,
} from './body-dom.ts';
import { flattenDeepElements, limitMarkup } from './body-limits.ts';
import { cleanTree, createCleanContext } from './body-walk.ts';
import { applySanitizePolicy, replaceCustomizedElements, sanitizeArticleNode } from './sanitize-policy.ts';
import { countVisibleChars } from './visible-text.ts';

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
  /**
   * True when pathological structure was flattened (tags dropped, text kept): nesting deeper than
   * 128 levels, more than 1,000 child elements in one element, more than 10,000 elements, or more
   * than 12 formatting tags left open (see body-limits.ts). No file of the archive triggers it.
   */
  deepNesting: boolean;
  /**
   * Visible characters (not whitespace) of the body as it came, before cleaning: with `text`, the
   * share of the article the cleaner kept (the compiler reports bodies that kept under half).
   */
  visibleChars: number;
  /** Elements a furniture rule matched but kept because they held most of the body's text. */
  spared: number;
}

/** jsdom walks every NodeIterator ever made on a document at each node removal (see workDocument). */
const WORK_DOCUMENT_USES = 16;

/**
 * Cleans and sanitizes one article body. Parses once (in an inert document), removes ads,
 * share bars (never an element holding more than half of the body's visible text), paywall and newsletter promotions, feed footers, related-link lists, tracking
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
 * // { html: '<p>正文</p>', text: '正文', truncated: false, deepNesting: false, visibleChars: 2, spared: 0 }
 */
export function cleanArticleBody(html: string, env: CleanBodyEnv): CleanedBody {
  applySanitizePolicy(env.purify);
  const limited = limitMarkup(html);
  const { root, deepNesting: parsedDeep } = parseBody(workDocument(env.document), limited.html);
  // Before cleaning removes attributes: an element made with `is=` serializes it for life.
  replaceCustomizedElements(root);
  let deepNesting = limited.flattened || parsedDeep;
  if (flattenDeepElements(root)) deepNesting = true;

  const visibleChars = countVisibleChars(root);
  const context = createCleanContext(env.baseUrl, visibleChars);
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
  return { html: output, text, truncated, deepNesting, visibleChars, spared: context.spared.length };
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

/**
 * Captions outside a `<figure>`: BBC and RFA put `<figcaption>` in a plain `<div>` with the image
 * (that div is the figure); zaobao puts it right after a `<div>` holding only the image (the two
 * together are the figure).
 */
function wrapCaptionedImages(root: Element, captions: readonly Element[]): void {
  for (const caption of captions) {
    const parent = caption.parentElement;
    if (!parent || parent.localName === 'figure' || !root.contains(caption)) continue;
    if (parent !== root && parent.localName === 'div' && parent.querySelector(NOT_IN_FIGURES) === null) {
      rename(parent, 'figure');
      continue;
    }
    const image = caption.previousElementSibling;
    if (image && image.localName === 'div' && isImageOnly(image)) rename(image, 'figure').appendChild(caption);
  }
}

/** Content that a figure built from a plain wrapper must not swallow. */
const NOT_IN_FIGURES = 'p, h2, h3, h4, h5, h6, ul, ol, table, blockquote, figure';

function isImageOnly(element: Element): boolean {
  return element.getElementsByTagName('img').length > 0 && collapsedText(element) === '';
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

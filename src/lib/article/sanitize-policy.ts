/**
 * The one HTML policy for article bodies, shared by the compiler (jsdom + DOMPurify in Node) and
 * the reader view (DOMPurify in the browser). Pure: no DOM globals, no `node:*`, no jsdom; the
 * caller brings the DOMPurify instance for its own window.
 *
 * Allowed output: text structure (p, br, hr, h2–h6, lists, tables, blockquote, pre/code),
 * inline emphasis, figures, `<a href>` and `<img src>` with absolute http(s) URLs only. Never:
 * scripts, event handlers, `style`, class/id/data-* attributes, forms, frames, objects, SVG,
 * MathML, `<base>`, `<meta>`, `<link>`, srcset.
 */
import type { Config, DOMPurify, UponSanitizeAttributeHookEvent, UponSanitizeElementHookEvent } from 'dompurify';

/** Tags that survive sanitizing. `h1` is not here: the policy demotes it to `h2`. */
export const ALLOWED_TAGS: readonly string[] = Object.freeze([
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6',
  'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark',
  'blockquote', 'q', 'cite', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'figure', 'figcaption', 'img', 'a', 'pre', 'code', 'span', 'div', 'time',
]);

/** Attributes that survive, per tag; every other attribute on every tag is dropped. */
export const ALLOWED_ATTRIBUTES_BY_TAG: Readonly<Record<string, readonly string[]>> = Object.freeze({
  a: Object.freeze(['href', 'title']),
  img: Object.freeze(['src', 'alt', 'title', 'width', 'height']),
  td: Object.freeze(['colspan', 'rowspan']),
  th: Object.freeze(['colspan', 'rowspan']),
  time: Object.freeze(['datetime']),
});

/** Written on every surviving `<a href>`: opens outside the reader, passes no opener and no referrer, endorses nothing. */
export const LINK_ATTRIBUTES = Object.freeze({ target: '_blank', rel: 'noopener noreferrer nofollow' });
/** Written on every surviving `<img>`: loads only when scrolled to, tells the image host nothing about the reader. */
export const IMAGE_ATTRIBUTES = Object.freeze({ loading: 'lazy', referrerpolicy: 'no-referrer' });

/** Only absolute http(s) URLs; DOMPurify tests this after removing whitespace and control characters. */
const HTTP_URL = /^https?:\/\//i;
/** Attribute values that must be small integers (no `100%`, no expressions). */
const DIMENSION_ATTRIBUTES = new Set(['width', 'height', 'colspan', 'rowspan']);
const DIMENSION_VALUE = /^\d{1,4}$/;
/** A machine-readable date/time: digits and the separators ISO 8601 uses, nothing that could be markup. */
const DATETIME_VALUE = /^[0-9T:.+\-Z ]{4,40}$/;
/** Same set as DOMPurify's ATTR_WHITESPACE: browsers ignore these inside URLs. */
const URL_IGNORED_CHARACTERS = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

/** Frozen copies for the config: DOMPurify wants mutable array types, nobody may mutate them. */
function frozenList(items: Iterable<string>): string[] {
  const list = [...items];
  Object.freeze(list);
  return list;
}

/**
 * The DOMPurify configuration of the policy. Pass it to every `sanitize` call of an instance that
 * went through {@link applySanitizePolicy}; the hooks do the per-tag and per-URL checks that a
 * config alone cannot express. Frozen: copy it to extend it, and think twice before you do.
 */
export const SANITIZE_CONFIG: Readonly<Config> = Object.freeze({
  ALLOWED_TAGS: frozenList(ALLOWED_TAGS),
  ALLOWED_ATTR: frozenList(new Set(Object.values(ALLOWED_ATTRIBUTES_BY_TAG).flat())),
  // Numbers and dates are not URLs: without this DOMPurify would test them against the URL regexp.
  ADD_URI_SAFE_ATTR: frozenList(['width', 'height', 'colspan', 'rowspan', 'datetime']),
  ALLOWED_URI_REGEXP: HTTP_URL,
  ALLOWED_NAMESPACES: frozenList(['http://www.w3.org/1999/xhtml']),
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // Drop these with everything inside them, not just the tag: their content is never article text.
  ADD_FORBID_CONTENTS: frozenList(['button', 'select', 'textarea', 'object', 'embed', 'applet', 'canvas', 'frameset', 'head']),
  KEEP_CONTENT: true,
  SAFE_FOR_XML: true,
  SANITIZE_DOM: true,
  WHOLE_DOCUMENT: false,
  RETURN_DOM: false,
  RETURN_DOM_FRAGMENT: false,
});

const configured = new WeakSet<object>();

/**
 * Registers the policy's hooks on a DOMPurify instance. Idempotent: a second call on the same
 * instance does nothing, so callers may apply it defensively.
 *
 * - `h1` becomes `h2` (the reader shows the article title as the page heading);
 * - an attribute stays only if its tag may carry it ({@link ALLOWED_ATTRIBUTES_BY_TAG});
 * - `href`/`src` stay only as absolute http(s) URLs (this also rejects `data:` images, which
 *   DOMPurify would otherwise allow on `<img>`); sizes must be small integers;
 * - every `<a href>` gets `target="_blank" rel="noopener noreferrer nofollow"`, every `<img>`
 *   gets `loading="lazy" referrerpolicy="no-referrer"`, and an `<img>` left without `src` is removed.
 *
 * @example
 * import DOMPurify from 'dompurify';
 * applySanitizePolicy(DOMPurify);
 */
export function applySanitizePolicy(purify: DOMPurify): DOMPurify {
  if (configured.has(purify)) return purify;
  configured.add(purify);
  purify.addHook('uponSanitizeElement', demoteTopHeading);
  purify.addHook('uponSanitizeAttribute', checkAttribute);
  purify.addHook('afterSanitizeAttributes', finishElement);
  return purify;
}

/**
 * Sanitizes an HTML string with the policy, e.g. right before `{@html}` in the reader view.
 * Applies the policy to `purify` first if that has not happened yet.
 *
 * @example sanitizeArticleHtml(purify, '<p onclick="x()">Hi<script>x()</script></p>') // '<p>Hi</p>'
 */
export function sanitizeArticleHtml(purify: DOMPurify, html: string): string {
  applySanitizePolicy(purify);
  return purify.sanitize(html, SANITIZE_CONFIG);
}

/**
 * Sanitizes a detached `<div>` (or other allowed element) in place with the policy: no second
 * parse. The root element itself keeps no attributes.
 *
 * @throws TypeError from DOMPurify when the root's tag is not allowed (use a `<div>`).
 */
export function sanitizeArticleNode(purify: DOMPurify, root: Element): void {
  applySanitizePolicy(purify);
  // First: once sanitized, an element may have lost its `is` attribute but not its is value.
  replaceCustomizedElements(root);
  purify.sanitize(root, { ...SANITIZE_CONFIG, IN_PLACE: true });
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
}

/**
 * Replaces every element under `root` that was created as a customized built-in (`<div is="x">`)
 * by a plain one of the same tag, with its attributes (but `is`) and children. An element keeps
 * its "is value" for life and serializes it even once the attribute is gone, so only a new
 * element stores no `is=` at all. Call it on a freshly parsed tree, before any attribute is
 * removed (`sanitizeArticleNode` does, first).
 * @example replaceCustomizedElements(root) // <div is="x-evil"><p>…</p></div> → <div><p>…</p></div>
 */
export function replaceCustomizedElements(root: Element): void {
  for (const element of [...root.querySelectorAll('[is]')]) {
    const plain = element.ownerDocument.createElement(element.localName);
    for (const name of element.getAttributeNames()) if (name !== 'is') plain.setAttribute(name, element.getAttribute(name)!);
    while (element.firstChild) plain.appendChild(element.firstChild);
    element.replaceWith(plain);
  }
}

/**
 * True when `value` is an absolute http(s) URL, judged the way browsers read attribute URLs
 * (whitespace and control characters inside are ignored, so `java\tscript:` is `javascript:`).
 */
export function isHttpUrl(value: string): boolean {
  if (!HTTP_URL.test(value.replace(URL_IGNORED_CHARACTERS, ''))) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false; // unparsable: not a URL a link may point to
  }
}

/** True when `tag` (lower case) may keep attribute `name` (lower case) under the policy. */
export function isAllowedAttribute(tag: string, name: string): boolean {
  return ALLOWED_ATTRIBUTES_BY_TAG[tag]?.includes(name) ?? false;
}

function demoteTopHeading(node: Node, event: UponSanitizeElementHookEvent): void {
  if (event.tagName !== 'h1' || !isElement(node) || !node.parentNode) return;
  // Move the children into a new h2 right after the h1: DOMPurify then removes the (now empty,
  // disallowed) h1 and its walk reaches the h2 next, so the h2 is sanitized like any other node.
  const h2 = node.ownerDocument.createElement('h2');
  while (node.firstChild) h2.appendChild(node.firstChild);
  node.parentNode.insertBefore(h2, node.nextSibling);
}

function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent): void {
  const tag = node.localName;
  const name = event.attrName;
  if (!isAllowedAttribute(tag, name)) {
    event.keepAttr = false;
  } else if (name === 'href' || name === 'src') {
    event.keepAttr = isHttpUrl(event.attrValue);
  } else if (DIMENSION_ATTRIBUTES.has(name)) {
    event.keepAttr = DIMENSION_VALUE.test(event.attrValue);
  } else if (name === 'datetime') {
    event.keepAttr = DATETIME_VALUE.test(event.attrValue);
  }
  // A hook may force-keep attributes; this policy never does.
  event.forceKeepAttr = undefined;
}

function finishElement(node: Element): void {
  const tag = node.localName;
  if (tag === 'a') {
    if (!node.hasAttribute('href')) return;
    node.setAttribute('target', LINK_ATTRIBUTES.target);
    node.setAttribute('rel', LINK_ATTRIBUTES.rel);
  } else if (tag === 'img') {
    if (!node.hasAttribute('src')) {
      node.remove(); // an image without a safe source shows nothing but a broken icon
      return;
    }
    node.setAttribute('loading', IMAGE_ATTRIBUTES.loading);
    node.setAttribute('referrerpolicy', IMAGE_ATTRIBUTES.referrerpolicy);
  }
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/**
 * The Content-Security-Policy the hosted page needs, written next to it by the build
 * (`dist/content-security-policy.txt`): a host copies the header line into its configuration.
 *
 * Component styles need nothing (constructed sheets, see adopted-styles.ts). What does need
 * `style-src` is index.html's own `<style>`: the boot box (src/boot/boot-box.ts) is painted from
 * it before any script has arrived. As a stylesheet file it would need only `style-src 'self'`,
 * but the first paint would wait a round trip for it, and so would the first results of a
 * visitor who types at once (docs/benchmark-notes.md). So it stays inline, allowed by its hash, which the build computes from the bytes it wrote. The
 * same for the one inline script, which starts the search worker as the HTML is parsed
 * (src/boot/early-worker.ts). The build stops if index.html grows a `style` attribute or an event
 * handler attribute (no hash here allows those).
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const HTML = 'index.html';
export const CSP_FILE = 'content-security-policy.txt';

/** Everything but the styles: what the page's scripts, worker, index and articles need. */
const DIRECTIVES = [
  "default-src 'none'",
  // The entry, its chunks, and the search worker (same origin: no blob: needed); the service worker (sw.js).
  "script-src 'self'",
  "worker-src 'self'",
  // The manifest (preloaded by index.html, fetched by the entry) and the index parts.
  "connect-src 'self'",
  // The app's icons (public/icons) and the images inside articles, from the news sites.
  "img-src 'self' data: https: http:",
  // The web app manifest (public/manifest.webmanifest): the page is installable.
  "manifest-src 'self'",
  // The boot box is a form: Enter before the scripts run loads `./?q=…`.
  "form-action 'self'",
];

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy for an index.html whose inline `<style>` elements hold `styles` and inline `<script>`s hold `scripts`. */
export function hostedPagePolicy(styles: readonly string[], scripts: readonly string[] = []): string {
  const styleSrc = `style-src ${styles.length ? styles.map(hashOf).join(' ') : "'none'"}`;
  const scriptSrc = ["script-src 'self'", ...scripts.map(hashOf)].join(' ');
  return [DIRECTIVES[0], scriptSrc, ...DIRECTIVES.slice(2, 4), styleSrc, ...DIRECTIVES.slice(4)].join('; ');
}

/** The inline `<style>` elements' texts of a built page; throws on what a hash would not cover. */
export function inlineStyles(html: string): string[] {
  if (/<[a-z][^>]*\sstyle=/i.test(html)) throw new Error(`hosted-page-csp: ${HTML} has a style attribute: its CSP allows none.`);
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((match) => match[1] ?? '');
}

/** The inline `<script>` elements' texts of a built page (index.html's early worker start, src/boot/early-worker.ts); throws on event handler attributes, which no hash allows. */
export function inlineScripts(html: string): string[] {
  if (/<[a-z][^>]*\son[a-z]+=/i.test(html)) throw new Error(`hosted-page-csp: ${HTML} has an event handler attribute: its CSP allows none.`);
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1] ?? '');
}

export function hostedPageCsp(): Plugin {
  return {
    name: 'hosted-page-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const page = bundle[HTML];
      if (page?.type !== 'asset') return;
      let styles: string[];
      let scripts: string[];
      try {
        styles = inlineStyles(String(page.source));
        scripts = inlineScripts(String(page.source));
      } catch (error) {
        return this.error((error as Error).message);
      }
      const text = [
        '# The Content-Security-Policy header the hosted page (index.html) of this build needs; written by vite build',
        '# (scripts/vite/hosted-page-csp.ts). The hashes are index.html\u2019s own <style> (the boot box) and <script> (the worker\u2019s early start): components need no style-src.',
        `Content-Security-Policy: ${hostedPagePolicy(styles, scripts)}`,
        '',
      ].join('\n');
      this.emitFile({ type: 'asset', fileName: CSP_FILE, source: text });
    },
  };
}

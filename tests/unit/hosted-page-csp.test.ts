import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostedPagePolicy, inlineScripts, inlineStyles } from '../../scripts/vite/hosted-page-csp.ts';

describe('inlineStyles', () => {
  it('returns the text of each inline <style>, byte for byte', () => {
    const html = '<head><style>a{color:red}</style><script type="module" crossorigin src="./assets/index.js"></script>\n<style media="print">\n b{} </style></head>';
    expect(inlineStyles(html)).toEqual(['a{color:red}', '\n b{} ']);
  });

  it('refuses a style attribute, which the policy would block', () => {
    expect(() => inlineStyles('<div id="boot" style="margin:0"></div>')).toThrow(/style attribute/);
  });
});

describe('inlineScripts', () => {
  it('returns the text of each inline <script>, not the ones with a src', () => {
    const html = '<head><script>var a=1</script><script type="module" crossorigin src="./assets/index.js"></script></head>';
    expect(inlineScripts(html)).toEqual(['var a=1']);
  });

  it('refuses an event handler attribute, which no hash allows', () => {
    expect(() => inlineScripts('<img src="x" onerror="alert(1)">')).toThrow(/event handler/);
  });
});

describe('hostedPagePolicy', () => {
  it('allows each inline style by its SHA-256 and nothing unsafe', () => {
    const hash = createHash('sha256').update('a{color:red}').digest('base64');
    const policy = hostedPagePolicy(['a{color:red}']);
    expect(policy).toContain(`style-src 'sha256-${hash}'`);
    expect(policy).toMatch(/^default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src/);
    expect(policy).not.toMatch(/unsafe|blob:/);
  });

  it('allows each inline script by its SHA-256 beside the page\u2019s own files', () => {
    const hash = createHash('sha256').update('var a=1').digest('base64');
    expect(hostedPagePolicy([], ['var a=1'])).toContain(`script-src 'self' 'sha256-${hash}'; worker-src 'self'`);
  });

  it('says style-src \u2019none\u2019 for a page without inline styles', () => {
    expect(hostedPagePolicy([])).toContain("style-src 'none'");
  });
});

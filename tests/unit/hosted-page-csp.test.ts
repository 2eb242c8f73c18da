import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hostedPagePolicy, inlineStyles } from '../../scripts/vite/hosted-page-csp.ts';

describe('inlineStyles', () => {
  it('returns the text of each inline <style>, byte for byte', () => {
    const html = '<head><style>a{color:red}</style><script type="module" crossorigin src="./assets/index.js"></script>\n<style media="print">\n b{} </style></head>';
    expect(inlineStyles(html)).toEqual(['a{color:red}', '\n b{} ']);
  });

  it('refuses an inline script and a style attribute, which the policy would block', () => {
    expect(() => inlineStyles('<script>alert(1)</script>')).toThrow(/inline <script>/);
    expect(() => inlineStyles('<div id="boot" style="margin:0"></div>')).toThrow(/style attribute/);
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

  it('says style-src \u2019none\u2019 for a page without inline styles', () => {
    expect(hostedPagePolicy([])).toContain("style-src 'none'");
  });
});

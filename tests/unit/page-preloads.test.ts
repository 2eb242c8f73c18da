import { describe, expect, it } from 'vitest';
import { withPreloads } from '../../scripts/vite/page-preloads.ts';

describe('withPreloads', () => {
  const html = '<html><head>\n    <script type="module" src="./assets/index-AAAAAAAA.js"></script>\n  </head><body></body></html>';

  it('adds the links after the entry, in order: a preload for the worker core, modulepreloads for the App', () => {
    const out = withPreloads(html, [
      { file: 'assets/search-core-BBBBBBBB.js', link: 'preload' },
      { file: 'assets/app-CCCCCCCC.js', link: 'modulepreload' },
    ]);
    const core = out.indexOf('<link rel="preload" href="./assets/search-core-BBBBBBBB.js" as="script" crossorigin="anonymous">');
    const app = out.indexOf('<link rel="modulepreload" crossorigin href="./assets/app-CCCCCCCC.js">');
    expect(core).toBeGreaterThan(out.indexOf('index-AAAAAAAA.js'));
    expect(app).toBeGreaterThan(core);
    expect(app).toBeLessThan(out.indexOf('</head>'));
  });

  it('refuses a page without a head', () => {
    expect(() => withPreloads('<body></body>', [])).toThrow(/no <\/head>/);
  });
});

import { describe, expect, it } from 'vitest';
import { withPreloads } from '../../scripts/vite/page-preloads.ts';

describe('withPreloads', () => {
  const html = '<html><head>\n    <script type="module" src="./assets/index-AAAAAAAA.js"></script>\n  </head><body></body></html>';

  it("adds the links after the entry, in order: the worker's core claimed by a fetch, the App's chunks as scripts", () => {
    const out = withPreloads(html, [
      { file: 'assets/search-core-BBBBBBBB.js', link: 'worker-module' },
      { file: 'assets/app-CCCCCCCC.js', link: 'script' },
    ]);
    const core = out.indexOf('<link rel="preload" href="./assets/search-core-BBBBBBBB.js" as="fetch" crossorigin="anonymous" data-worker-module>');
    const app = out.indexOf('<link rel="preload" href="./assets/app-CCCCCCCC.js" as="script" crossorigin="anonymous">');
    expect(core).toBeGreaterThan(out.indexOf('index-AAAAAAAA.js'));
    expect(app).toBeGreaterThan(core);
    expect(app).toBeLessThan(out.indexOf('</head>'));
  });

  it('refuses a page without a head', () => {
    expect(() => withPreloads('<body></body>', [])).toThrow(/no <\/head>/);
  });
});

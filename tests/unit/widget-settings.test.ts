import { describe, expect, it } from 'vitest';
import { widgetSettings } from '../../src/widget/widget-settings.ts';
import { fromAttribute } from '../../src/widget/widget-props.ts';

const PAGE = 'https://example.org/news/page.html';
const SCRIPT = 'https://search.example.net/archive/widget.js';

describe('widgetSettings', () => {
  it('opens data/ beside widget.js, in the visitor\u2019s Chinese, ten to a page, with no filters, in the reader', () => {
    expect(widgetSettings({}, PAGE, SCRIPT)).toEqual({
      indexFolder: 'https://search.example.net/archive/data/',
      lang: undefined,
      placeholder: undefined,
      pageSize: 10,
      inputs: { filters: {}, from: '', to: '', sort: 'relevance' },
      pageUrl: null,
    });
  });

  it('reads every attribute as the App did', () => {
    const settings = widgetSettings(
      {
        indexUrl: '../data/manifest.json',
        lang: 'zh-TW',
        placeholder: '搜索',
        resultsPerPage: fromAttribute('resultsPerPage', '3.7') as number,
        outlet: '法广，美国之音',
        from: '2022-01-01',
        to: 'soon',
        openIn: 'page',
      },
      PAGE,
      SCRIPT,
    );
    expect(settings).toEqual({
      indexFolder: 'https://example.org/data/',
      lang: 'zh-Hant',
      placeholder: '搜索',
      pageSize: 3,
      inputs: { filters: { outlet: ['法广', '美国之音'] }, from: '2022-01-01', to: '', sort: 'relevance' },
      pageUrl: 'https://example.org/',
    });
    expect(widgetSettings({ lang: 'EN', resultsPerPage: 0, placeholder: '' }, PAGE, SCRIPT)).toMatchObject({ lang: 'en', pageSize: 10, placeholder: undefined });
  });
});

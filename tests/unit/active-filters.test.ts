import { describe, expect, it } from 'vitest';
import { loadMessages, ZH_HANS } from '../../src/ui/i18n/i18n.ts';
import { chipsMessages } from '../../src/ui/i18n/on-demand/chips-messages.ts';
import { activeFilters, hasRankedWords, shownSort, unknownFiltersText, type FilterInputs } from '../../src/ui/state/active-filters.ts';
import { pageTitle } from '../../src/ui/state/page-title.ts';
import { testManifest } from './support/fake-search-worker.ts';

const NONE: FilterInputs = { text: '', filters: { outlet: [] }, from: '', to: '', sort: 'relevance' };

describe('activeFilters', () => {
  it('lists nothing for the bare listing, and nothing for the order the list has anyway', () => {
    expect(activeFilters(NONE, testManifest(), ZH_HANS)).toEqual([]);
    // No words: "newest" is what the default does.
    expect(activeFilters({ ...NONE, sort: 'newest' }, testManifest(), ZH_HANS)).toEqual([]);
    expect(activeFilters({ ...NONE, text: '选举' }, testManifest(), ZH_HANS)).toEqual([]);
  });

  it('gives one record per outlet, one for the dates and one for an order other than relevance', () => {
    const chips = activeFilters({ text: '选举', filters: { outlet: ['美国之音', '法广'] }, from: '2025-03-01', to: '2025-04-30', sort: 'oldest' }, testManifest(), ZH_HANS);
    expect(chips).toEqual([
      { facet: 'outlet', value: '美国之音', label: '美国之音', isUnknown: false },
      { facet: 'outlet', value: '法广', label: '法广', isUnknown: false },
      { facet: 'date', value: '2025-03-01..2025-04-30', label: '2025年3月1日至2025年4月30日', isUnknown: false },
      { facet: 'sort', value: 'oldest', label: '最早在前', isUnknown: false },
    ]);
  });

  it('says a half-open date range in words', async () => {
    const en = await loadMessages('en');
    expect(activeFilters({ ...NONE, from: '2025-03-01' }, testManifest(), ZH_HANS)[0]!.label).toBe('2025年3月1日起');
    expect(activeFilters({ ...NONE, to: '2025-03-01' }, testManifest(), en)[0]!.label).toBe('Until March 1, 2025');
  });

  it('marks a value the archive does not have, and dates outside its span, as unknown (not before the manifest arrives)', () => {
    const inputs = { ...NONE, filters: { outlet: ['法广', 'NoSuchOutlet'] }, from: '2030-01-01' };
    const chips = activeFilters(inputs, testManifest(), ZH_HANS);
    expect(chips.map((chip) => chip.isUnknown)).toEqual([false, true, true]);
    expect(activeFilters(inputs, null, ZH_HANS).some((chip) => chip.isUnknown)).toBe(false);
    expect(unknownFiltersText(chips, testManifest(), ZH_HANS)).toBe(
      '本存档中没有来源“NoSuchOutlet”，没有文章符合这个筛选。 本存档的文章日期在2025年1月1日至2026年1月3日之间，所选日期内没有文章。',
    );
    expect(unknownFiltersText(chips.slice(0, 1), testManifest(), ZH_HANS)).toBe('');
  });
});

describe('activeFilters over author and tag', () => {
  it('gives one chip per author and tag value, in the order the facets were chosen, each named for removal in the three languages', async () => {
    const inputs = { ...NONE, filters: { tag: ['香港', '国安法'], outlet: ['法广'], author: ['王小明'] } };
    const chips = activeFilters(inputs, testManifest(), ZH_HANS);
    expect(chips.map((chip) => [chip.facet, chip.value, chip.label])).toEqual([
      ['tag', '香港', '香港'],
      ['tag', '国安法', '国安法'],
      ['outlet', '法广', '法广'],
      ['author', '王小明', '王小明'],
    ]);
    expect(chipsMessages(ZH_HANS.locale).removeFilter(chips[3]!.label)).toBe('移除筛选：王小明');
    expect(chipsMessages((await loadMessages('en')).locale).removeFilter(chips[0]!.label)).toBe('Remove filter: 香港');
    expect(chipsMessages((await loadMessages('zh-Hant')).locale).removeFilter(chips[0]!.label)).toMatch(/香港$/);
  });

  it("marks an author or tag unknown as the latest answer reports it (the page has no list of their names), and says which facet it is", async () => {
    const inputs = { ...NONE, filters: { author: ['王小明', '无此人'], tag: ['香港'] } };
    const chips = activeFilters(inputs, testManifest(), ZH_HANS, { author: ['无此人'] });
    expect(chips.map((chip) => chip.isUnknown)).toEqual([false, true, false]);
    expect(activeFilters(inputs, testManifest(), ZH_HANS).some((chip) => chip.isUnknown)).toBe(false);
    expect(unknownFiltersText(chips, testManifest(), ZH_HANS)).toBe('本存档中没有作者“无此人”，没有文章符合这个筛选。');
    const en = await loadMessages('en');
    expect(unknownFiltersText(activeFilters(inputs, testManifest(), en, { author: ['无此人'] }), testManifest(), en)).toMatch(/Author/i);
  });
});

describe('shownSort', () => {
  it('shows "newest" for relevance when there is nothing to rank, and the order asked for otherwise', () => {
    expect(shownSort('', 'relevance')).toBe('newest');
    expect(shownSort(' -体育 ', 'relevance')).toBe('newest');
    expect(shownSort('王毅', 'relevance')).toBe('relevance');
    expect(shownSort('', 'oldest')).toBe('oldest');
    expect(hasRankedWords('OR')).toBe(false);
    expect(hasRankedWords('香港 OR 台湾')).toBe(true);
  });
});

describe('pageTitle', () => {
  it('puts the words before the site title while searching', () => {
    expect(pageTitle('  王毅   北约 ', '新闻存档搜索')).toBe('王毅 北约 – 新闻存档搜索');
    expect(pageTitle(' ', '新闻存档搜索')).toBe('新闻存档搜索');
  });
});

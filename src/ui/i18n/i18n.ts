/**
 * Every string the page shows, in simplified Chinese (the default, here), traditional Chinese
 * (`messages-zh-hant.ts`) and English (`messages-en.ts`), loaded when chosen; plus the language
 * choice and the date formats that go with each language.
 */

import type { Lang } from './lang.ts';

export { LANGS, parseLang, preferredChinese, type Lang } from './lang.ts';

/** What one categorical facet's box says: its legend, its filter box, its "clear" button. */
export interface FacetLabels {
  legend: string;
  filterLabel: string;
  filterPlaceholder: string;
  noMatch: string;
  clear: string;
}

/** What the page says, in one language. */
export interface Messages {
  /** BCP 47 locale for Intl formatting. */
  locale: string;
  appTitle: string;
  /** Label of the language selector (its choices are named in their own languages: `LANGUAGE_NAMES`). */
  languageLabel: string;
  /**
   * A name from the archive (an outlet's) as this language writes it: the traditional UI shows
   * outlet names in traditional characters; the others show them as the index has them.
   */
  displayName: (name: string) => string;
  searchLabel: string;
  searchPlaceholder: string;
  searchHint: string;
  /** The hint where `/` does not focus the box (the widget: the host page keeps its keys). */
  searchHintNoSlash: string;
  progressLabel: string;
  loadingManifest: string;
  loading: (what: string) => string;
  /** Under the search box while the archive opens, and while a search runs. */
  busyOpening: string;
  busySearching: string;
  queuedQuery: string;
  count: (total: number, approximate: boolean) => string;
  /** Appended to the count when near-duplicates are collapsed: how many groups the articles make. */
  groupCount: (groups: number) => string;
  /** The button under a result that shows (and hides) its near-duplicates in place. */
  similarCount: (count: number) => string;
  allCount: (total: number) => string;
  /** Appended to the count while a search is still going through older articles. */
  searchedSoFar: (searched: number, of: number) => string;
  /** The query was longer than the limit: `chars` typed, the first `max` searched. */
  queryCutChars: (chars: number, max: number) => string;
  /** The query had more words and phrases than the limit: `clauses` typed, the first `max` searched. */
  queryCutClauses: (clauses: number, max: number) => string;
  archiveSpan: (first: string, last: string) => string;
  filtersHeading: string;
  outletsLegend: string;
  /** Labels of the categorical facets beyond the outlet, by facet name (`categorical-facets.ts`). */
  facetLabels: Record<string, FacetLabels>;
  outletFilterLabel: string;
  outletFilterPlaceholder: string;
  noOutletMatch: string;
  unknownOutlet: string;
  clearFilters: string;
  clearOutlets: string;
  clearDates: string;
  sortLabel: string;
  sortRelevance: string;
  sortNewest: string;
  sortOldest: string;
  dateRangeChip: (from: string, to: string) => string;
  dateFromChip: (from: string) => string;
  dateToChip: (to: string) => string;
  /** Marks a chip whose value the archive does not have. */
  unknownValueTag: string;
  quoted: (text: string) => string;
  /** The line under the chips: `facet` (its legend) has none of `values` (quoted, joined). */
  unknownValues: (facet: string, values: string) => string;
  datesOutsideArchive: (first: string, last: string) => string;
  resultsHeading: string;
  newestHeading: string;
  loadMore: string;
  noResults: string;
  noResultsHint: string;
  searchWithout: (term: string) => string;
  /** Joins the words of one rewrite kind. */
  wordSeparator: string;
  snippetLoading: string;
  snippetUnavailable: string;
  indexUnavailable: string;
  indexCorrupt: string;
  partUnavailable: string;
  summariesUnavailable: string;
  articleUnavailable: string;
  errorHeading: string;
  retry: string;
  // What the hosted page's offline side lacks (src/offline/); its other strings are in src/offline/offline-messages.ts.
  offlineIndexMissing: string;
  offlinePartMissing: string;
  offlineSummariesMissing: string;
  offlineArticleMissing: string;
}

/** Simplified Chinese, the default: part of the app itself. */
export const ZH_HANS: Messages = {
  locale: 'zh-CN',
  appTitle: '新闻存档搜索',
  languageLabel: '界面语言',
  displayName: (name) => name,
  searchLabel: '搜索新闻文章',
  searchPlaceholder: '输入关键词，例如：王毅 北约',
  searchHint: '按 / 键回到搜索框，用 ↑ ↓ 键在结果间移动，按回车键打开文章。',
  searchHintNoSlash: '用 ↑ ↓ 键在结果间移动，按回车键打开文章。',
  progressLabel: '索引载入进度',
  loadingManifest: '索引清单',
  loading: (what) => `正在载入${what}…`,
  busyOpening: '正在打开存档…',
  busySearching: '正在搜索…',
  queuedQuery: '索引载入后立即搜索…',
  count: (total, approximate) => `找到${approximate ? '约' : ''} ${total} 篇文章`,
  groupCount: (groups) => `，合为 ${groups} 组`,
  similarCount: (count) => `另有 ${count} 篇相似报道`,
  allCount: (total) => `共 ${total} 篇文章`,
  searchedSoFar: (searched, of) => `（已搜索最新的 ${searched} 篇，共 ${of} 篇，继续中…）`,
  queryCutChars: (chars, max) => `查询太长（${chars} 个字），只搜索了前 ${max} 个字。`,
  queryCutClauses: (clauses, max) => `查询的词语太多（${clauses} 个），只搜索了前 ${max} 个。`,
  archiveSpan: (first, last) => `存档范围：${first}至${last}`,
  filtersHeading: '筛选',
  outletsLegend: '来源',
  facetLabels: {
    author: { legend: '作者', filterLabel: '查找作者', filterPlaceholder: '输入作者姓名', noMatch: '没有符合的作者。', clear: '清除作者筛选' },
    tag: { legend: '标签', filterLabel: '查找标签', filterPlaceholder: '输入标签', noMatch: '没有符合的标签。', clear: '清除标签筛选' },
  },
  outletFilterLabel: '查找来源',
  outletFilterPlaceholder: '输入来源名称',
  noOutletMatch: '没有符合的来源。',
  unknownOutlet: '（未注明来源）',
  clearFilters: '清除全部筛选',
  clearOutlets: '清除来源筛选',
  clearDates: '清除日期筛选',
  sortLabel: '排序',
  sortRelevance: '相关度',
  sortNewest: '最新在前',
  sortOldest: '最早在前',
  dateRangeChip: (from, to) => `${from}至${to}`,
  dateFromChip: (from) => `${from}起`,
  dateToChip: (to) => `截至${to}`,
  unknownValueTag: '存档中没有',
  quoted: (text) => `“${text}”`,
  unknownValues: (facet, values) => `本存档中没有${facet}${values}，没有文章符合这个筛选。`,
  datesOutsideArchive: (first, last) => `本存档的文章日期在${first}至${last}之间，所选日期内没有文章。`,
  resultsHeading: '搜索结果',
  newestHeading: '最新文章',
  loadMore: '载入更多',
  noResults: '没有找到文章。',
  noResultsHint: '试试去掉一个筛选条件或一个关键词。',
  searchWithout: (term) => `去掉“${term}”再搜索`,
  wordSeparator: '、',
  snippetLoading: '正在载入摘要…',
  snippetUnavailable: '摘要无法载入。',
  indexUnavailable: '无法载入搜索索引。请检查网络连接，然后重试。',
  indexCorrupt: '搜索索引已损坏或版本不符。请稍后重试；如果问题持续，请联系网站维护者。',
  partUnavailable: '索引的一部分无法载入，所以无法完成这次搜索。请检查网络连接，然后重试。',
  summariesUnavailable: '部分搜索结果无法载入。请检查网络连接，然后重试。',
  articleUnavailable: '这篇文章无法载入。请检查网络连接，然后重试。',
  errorHeading: '出错了',
  retry: '重试',
  offlineIndexMissing: '现在离线，这个存档还没有存到这台设备上。联网后打开一次，以后离线也能搜索。',
  offlinePartMissing: '现在离线，这次搜索要用到的存档内容还没有存到这台设备上。联网后再试；选择“离线保存这个存档”后，离线也能搜索任何内容。',
  offlineSummariesMissing: '现在离线，部分结果的摘要还没有存到这台设备上。联网后再试。',
  offlineArticleMissing: '现在离线，这篇文章还没有存到这台设备上：离线时能打开以前读过的文章。',
};

/** The language selector's choices, each named in its own language. */
export const LANGUAGE_NAMES: Readonly<Record<Lang, string>> = { 'zh-Hans': '简体', 'zh-Hant': '繁體', en: 'English' };

const loaded: Partial<Record<Lang, Messages>> = { 'zh-Hans': ZH_HANS };
const loading = new Map<Lang, Promise<Messages>>();

/** The strings of a language, if they have been loaded (simplified Chinese always has). */
export function loadedMessages(lang: Lang): Messages | undefined {
  return loaded[lang];
}

/**
 * Loads the strings of a language: traditional Chinese and English are chunks of their own.
 * Memoised; after a failed load the next call tries again.
 *
 * @throws (rejects) when the chunk cannot be fetched
 */
export function loadMessages(lang: Lang): Promise<Messages> {
  const known = loaded[lang];
  if (known) return Promise.resolve(known);
  let promise = loading.get(lang);
  if (!promise) {
    promise = (lang === 'en' ? import('./on-demand/messages-en.ts').then((m) => m.EN) : import('./on-demand/messages-zh-hant.ts').then((m) => m.ZH_HANT)).then(
      (messages) => (loaded[lang] = messages),
      (error: unknown) => {
        loading.delete(lang);
        throw error;
      },
    );
    loading.set(lang, promise);
  }
  return promise;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formats an ISO date (or date-time) as a day in the language, in UTC like the date filters. */
export function formatDate(iso: string, messages: Messages): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return '';
  if (isChinese(messages)) return chineseDate(date, 'day');
  return format(messages.locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Formats a histogram bucket (`YYYY`, `YYYY-MM` or a day). */
export function formatBucket(bucket: string, messages: Messages): string {
  if (bucket.length === 10) return formatDate(bucket, messages);
  const date = new Date(bucket.length === 4 ? `${bucket}-01-01T00:00:00Z` : `${bucket}-01T00:00:00Z`);
  if (isChinese(messages)) return chineseDate(date, bucket.length === 4 ? 'year' : 'month');
  const options: Intl.DateTimeFormatOptions = bucket.length === 4 ? { year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', timeZone: 'UTC' };
  return format(messages.locale, options).format(date);
}

function isChinese(messages: Messages): boolean {
  return messages.locale.startsWith('zh');
}

/**
 * A UTC date as both Chinese scripts write it, what `Intl.DateTimeFormat` gives for zh-CN and
 * zh-TW (`2024年3月5日`, `2024年3月`, `2024年`; a unit test holds them to it). Written by hand:
 * the first formatters of a page cost it milliseconds of its first render (measured in
 * Chromium: about 20 ms for the three the results and the histogram use), and Chinese is the
 * page's default.
 */
function chineseDate(date: Date, precision: 'day' | 'month' | 'year'): string {
  const year = `${date.getUTCFullYear()}年`;
  if (precision === 'year') return year;
  const month = `${year}${date.getUTCMonth() + 1}月`;
  return precision === 'month' ? month : `${month}${date.getUTCDate()}日`;
}

function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = dateFormats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, formatter);
  }
  return formatter;
}

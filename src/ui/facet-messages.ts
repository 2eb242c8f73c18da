/**
 * The facet controls' strings (`OutletFacet.svelte`, `DateFacet.svelte`) in every language: part of
 * the `facet-controls` chunk, laid out after the first results, not of the App's. The App's own
 * strings are in `i18n.ts`.
 */
import type { Lang } from './lang.ts';

export interface FacetMessages {
  outletsLegend: string;
  outletFilterLabel: string;
  outletFilterPlaceholder: string;
  noOutletMatch: string;
  dateLegend: string;
  histogramLabel: string;
  histogramHint: string;
  bucketCount: (bucket: string, count: number) => string;
  fromLabel: string;
  toLabel: string;
  quickRangesLabel: string;
  pastWeek: string;
  pastMonth: string;
  pastYear: string;
  quickRangeNote: (date: string) => string;
}

const FACET_MESSAGES: Record<Lang, FacetMessages> = {
  'zh-Hans': {
    outletsLegend: '来源',
    outletFilterLabel: '查找来源',
    outletFilterPlaceholder: '输入来源名称',
    noOutletMatch: '没有符合的来源。',
    dateLegend: '日期',
    histogramLabel: '搜索结果的日期分布',
    histogramHint: '点击柱条只看该月（或该年）的文章，横向拖动可选择一段时间。',
    bucketCount: (bucket, count) => `${bucket}：${count} 篇`,
    fromLabel: '起始日期',
    toLabel: '结束日期',
    quickRangesLabel: '快速选择',
    pastWeek: '最近一周',
    pastMonth: '最近一个月',
    pastYear: '最近一年',
    quickRangeNote: (date) => `“最近”以存档中最新文章的日期（${date}）为准，而非今天。`,
  },
  'zh-Hant': {
    outletsLegend: '來源',
    outletFilterLabel: '查找來源',
    outletFilterPlaceholder: '輸入來源名稱',
    noOutletMatch: '沒有符合的來源。',
    dateLegend: '日期',
    histogramLabel: '搜尋結果的日期分佈',
    histogramHint: '點擊柱條只看該月（或該年）的文章，橫向拖動可選擇一段時間。',
    bucketCount: (bucket, count) => `${bucket}：${count} 篇`,
    fromLabel: '起始日期',
    toLabel: '結束日期',
    quickRangesLabel: '快速選擇',
    pastWeek: '最近一週',
    pastMonth: '最近一個月',
    pastYear: '最近一年',
    quickRangeNote: (date) => `「最近」以存檔中最新文章的日期（${date}）為準，而非今天。`,
  },
  en: {
    outletsLegend: 'Outlet',
    outletFilterLabel: 'Find an outlet',
    outletFilterPlaceholder: 'Outlet name',
    noOutletMatch: 'No outlet matches.',
    dateLegend: 'Date',
    histogramLabel: 'Results by date',
    histogramHint: 'Click a bar to keep that month (or year); drag across bars to pick a range.',
    bucketCount: (bucket, count) => `${bucket}: ${count} ${count === 1 ? 'article' : 'articles'}`,
    fromLabel: 'From',
    toLabel: 'To',
    quickRangesLabel: 'Quick ranges',
    pastWeek: 'Past week',
    pastMonth: 'Past month',
    pastYear: 'Past year',
    quickRangeNote: (date) => `“Past” counts back from the newest article in the archive (${date}), not from today.`,
  },
};

/** These strings in the language of `locale` (a `Messages.locale`: what the App shows, its fallback included). */
export function facetMessages(locale: string): FacetMessages {
  return FACET_MESSAGES[locale === 'en' ? 'en' : locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans'];
}

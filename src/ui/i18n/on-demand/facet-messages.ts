/**
 * The facet controls' strings (`src/ui/components/facet-controls/`: the facet lists and the date
 * inputs) in every language: part of the `facet-controls` chunk, laid out after the first results,
 * not of the App's. The App's own strings are in `../i18n.ts` (the outlet legend among them: the
 * active-filter chips name it); the timeline's travel with it (`timeline-messages.ts`).
 */
import type { Lang } from '../lang.ts';

export interface FacetMessages {
  /** The "show all" button: `hidden` values not listed, `empty` of them with no result. */
  showAllValues: (hidden: number, empty: number) => string;
  showFewerValues: string;
  dateLegend: string;
  /** Next to the from/to inputs when the from date is after the to date. */
  rangeReversed: string;
  fromLabel: string;
  toLabel: string;
  quickRangesLabel: string;
  pastWeek: string;
  pastMonth: string;
  pastYear: string;
  quickRangeNote: (date: string) => string;
}

const FACET_MESSAGES: Readonly<Record<Lang, FacetMessages>> = {
  'zh-Hans': {
    showAllValues: (hidden, empty) => (hidden === empty ? `显示全部（另有 ${hidden} 个没有结果）` : `显示全部（另有 ${hidden} 个）`),
    showFewerValues: '收起',
    dateLegend: '日期',
    rangeReversed: '起始日期不能晚于结束日期，请改一下其中一个日期。',
    fromLabel: '起始日期',
    toLabel: '结束日期',
    quickRangesLabel: '快速选择',
    pastWeek: '最近一周',
    pastMonth: '最近一个月',
    pastYear: '最近一年',
    quickRangeNote: (date) => `“最近”以存档中最新文章的日期（${date}）为准，而非今天。`,
  },
  'zh-Hant': {
    showAllValues: (hidden, empty) => (hidden === empty ? `顯示全部（另有 ${hidden} 個沒有結果）` : `顯示全部（另有 ${hidden} 個）`),
    showFewerValues: '收起',
    dateLegend: '日期',
    rangeReversed: '起始日期不能晚於結束日期，請改一下其中一個日期。',
    fromLabel: '起始日期',
    toLabel: '結束日期',
    quickRangesLabel: '快速選擇',
    pastWeek: '最近一週',
    pastMonth: '最近一個月',
    pastYear: '最近一年',
    quickRangeNote: (date) => `「最近」以存檔中最新文章的日期（${date}）為準，而非今天。`,
  },
  en: {
    showAllValues: (hidden, empty) => (hidden === empty ? `Show all (${hidden} more with no results)` : `Show all (${hidden} more)`),
    showFewerValues: 'Show fewer',
    dateLegend: 'Date',
    rangeReversed: 'The from date cannot be after the to date: change one of them.',
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

/**
 * The timeline's strings in the three languages. Apart from the page's messages: the timeline is
 * a chunk loaded after the first results (`Timeline.svelte`), and its strings come with it.
 */
import type { Lang } from '../lang.ts';

export interface TimelineMessages {
  histogramLabel: string;
  histogramHint: string;
  bucketCount: (bucket: string, count: number) => string;
  /** The breadcrumb: its name, its first step, a chosen range. */
  crumbsLabel: string;
  allDates: string;
  dateRange: (from: string, to: string) => string;
  /** Results outside the bars shown: earlier, later. */
  outsideView: (before: number, after: number) => string;
}

const ZH_HANS: TimelineMessages = {
  histogramLabel: '搜索结果的日期分布',
  histogramHint: '点击柱条只看该年、该月或该日的文章（逐级放大），横向拖动可选择一段时间；在柱条上可用 ← → 键移动。',
  bucketCount: (bucket, count) => `${bucket}：${count} 篇`,
  crumbsLabel: '日期范围',
  allDates: '全部日期',
  dateRange: (from, to) => `${from}至${to}`,
  outsideView: (before, after) => `${[before ? `更早 ${before} 篇` : '', after ? `更晚 ${after} 篇` : ''].filter(Boolean).join('，')}，不在图中。`,
};

export const TIMELINE_MESSAGES: Readonly<Record<Lang, TimelineMessages>> = {
  'zh-Hans': ZH_HANS,
  'zh-Hant': {
    histogramLabel: '搜尋結果的日期分佈',
    histogramHint: '點擊柱條只看該年、該月或該日的文章（逐級放大），橫向拖動可選擇一段時間；在柱條上可用 ← → 鍵移動。',
    bucketCount: ZH_HANS.bucketCount,
    crumbsLabel: '日期範圍',
    allDates: '全部日期',
    dateRange: ZH_HANS.dateRange,
    outsideView: (before, after) => `${[before ? `更早 ${before} 篇` : '', after ? `更晚 ${after} 篇` : ''].filter(Boolean).join('，')}，不在圖中。`,
  },
  en: {
    histogramLabel: 'Results by date',
    histogramHint: 'Click a bar to keep that year, month or day (zooming in); drag across bars to pick a range; ← → move between bars.',
    bucketCount: (bucket, count) => `${bucket}: ${count} ${count === 1 ? 'article' : 'articles'}`,
    crumbsLabel: 'Date range',
    allDates: 'All dates',
    dateRange: (from, to) => `${from} to ${to}`,
    outsideView: (before, after) => `${[before ? `${before} earlier` : '', after ? `${after} later` : ''].filter(Boolean).join(', ')}, outside the chart.`,
  },
};

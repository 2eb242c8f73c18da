/**
 * The active-filter chips' own strings (`ActiveFilters.svelte`) in every language: part of their
 * chunk, asked for by the first filter, not of the App's. The chips' labels (a date range, an
 * unknown value's note) are made by the search state, with the App's strings.
 */
import type { Lang } from '../lang.ts';

export interface ChipsMessages {
  activeFiltersLabel: string;
  /** A chip's name: removing the filter `value` (a quoted `移除筛选：<value>`, a public name tests and scripts use). */
  removeFilter: (value: string) => string;
}

const CHIPS_MESSAGES: Readonly<Record<Lang, ChipsMessages>> = {
  'zh-Hans': { activeFiltersLabel: '当前筛选', removeFilter: (value) => `移除筛选：${value}` },
  'zh-Hant': { activeFiltersLabel: '目前篩選', removeFilter: (value) => `移除篩選：${value}` },
  en: { activeFiltersLabel: 'Active filters', removeFilter: (value) => `Remove filter: ${value}` },
};

/** These strings in the language of `locale` (a `Messages.locale`: what the App shows, its fallback included). */
export function chipsMessages(locale: string): ChipsMessages {
  return CHIPS_MESSAGES[locale === 'en' ? 'en' : locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans'];
}

/**
 * The reader's strings (`ReaderView.svelte`) in every language: part of the reader's chunk, not of
 * the App's, whose first results do not need them. The App's own strings are in `../i18n.ts`.
 */
import type { Lang } from '../lang.ts';

export interface ReaderMessages {
  readerClose: string;
  readerOriginal: string;
  readerAuthor: (author: string) => string;
  readerLoading: string;
  readerNotFound: string;
  relatedHeading: string;
  relatedLoading: string;
  relatedNone: string;
}

const READER_MESSAGES: Record<Lang, ReaderMessages> = {
  'zh-Hans': {
    readerClose: '关闭',
    readerOriginal: '阅读原文',
    readerAuthor: (author) => `作者：${author}`,
    readerLoading: '正在载入文章…',
    readerNotFound: '找不到这篇文章，链接可能已失效。',
    relatedHeading: '其他媒体的同题报道',
    relatedLoading: '正在查找其他媒体的报道…',
    relatedNone: '前后三天内没有找到其他媒体的同题报道。',
  },
  'zh-Hant': {
    readerClose: '關閉',
    readerOriginal: '閱讀原文',
    readerAuthor: (author) => `作者：${author}`,
    readerLoading: '正在載入文章…',
    readerNotFound: '找不到這篇文章，連結可能已失效。',
    relatedHeading: '其他媒體的同題報導',
    relatedLoading: '正在查找其他媒體的報導…',
    relatedNone: '前後三天內沒有找到其他媒體的同題報導。',
  },
  en: {
    readerClose: 'Close',
    readerOriginal: 'Read the original',
    readerAuthor: (author) => `By ${author}`,
    readerLoading: 'Loading the article…',
    readerNotFound: 'This article could not be found; the link may be out of date.',
    relatedHeading: 'Same story elsewhere',
    relatedLoading: 'Looking for other outlets’ reports…',
    relatedNone: 'No other outlet reported this story within three days.',
  },
};

/** These strings in the language of `locale` (a `Messages.locale`: what the App shows, its fallback included). */
export function readerMessages(locale: string): ReaderMessages {
  return READER_MESSAGES[locale === 'en' ? 'en' : locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans'];
}

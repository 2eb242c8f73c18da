/**
 * The hosted page's offline strings (the update offer, "keep this archive offline") in every
 * language: part of the offline side's chunks, which the widget never loads, not of the App's.
 * The App's own strings are in `src/ui/i18n/i18n.ts`.
 */
import type { Lang } from '../ui/i18n/lang.ts';

export interface OfflineMessages {
  archiveUpdated: string;
  appUpdated: string;
  reload: string;
  offlineHeading: string;
  keepOffline: (size: string) => string;
  keepOfflineHint: string;
  keepBodies: (size: string) => string;
  keepProgressLabel: string;
  keepProgress: (done: string, total: string) => string;
  keepCancel: string;
  kept: (size: string) => string;
  keepRemove: string;
  keepQuota: (needed: string, free: string) => string;
  /** The storage ran out during the download (the browser's estimate had said there was room). */
  keepQuotaFull: (needed: string, stored: string) => string;
  keepNetwork: string;
  keepOther: string;
}

const OFFLINE_MESSAGES: Record<Lang, OfflineMessages> = {
  'zh-Hans': {
    archiveUpdated: '有新的存档版本',
    appUpdated: '搜索页有新版本',
    reload: '重新载入',
    offlineHeading: '离线使用',
    keepOffline: (size) => `离线保存这个存档（${size}）`,
    keepOfflineHint: '把搜索需要的全部内容（包括结果的标题和摘要）下载到这台设备上，没有网络时也能搜索。',
    keepBodies: (size) => `连同全部文章正文，离线也能阅读（另加 ${size}）`,
    keepProgressLabel: '离线保存进度',
    keepProgress: (done, total) => `正在下载：${done} / ${total}`,
    keepCancel: '取消',
    kept: (size) => `这个存档已离线保存（${size}），没有网络时也能搜索。`,
    keepRemove: '删除离线副本',
    keepQuota: (needed, free) => `这台设备的存储空间不够：需要 ${needed}，只剩 ${free}。已下载的部分不算完整的离线存档。`,
    keepQuotaFull: (needed, stored) => `浏览器给这个网站的存储空间用完了：需要 ${needed}，存到 ${stored} 时停了下来。已下载的部分不算完整的离线存档；腾出空间后可以再试。`,
    keepNetwork: '下载中断了：网络连接有问题。已下载的文件会保留，再试一次会从中断处继续。',
    keepOther: '离线保存没有完成。已下载的文件会保留，可以再试一次。',
  },
  'zh-Hant': {
    archiveUpdated: '有新的存檔版本',
    appUpdated: '搜尋頁有新版本',
    reload: '重新載入',
    offlineHeading: '離線使用',
    keepOffline: (size) => `離線保存這個存檔（${size}）`,
    keepOfflineHint: '把搜尋需要的全部內容（包括結果的標題和摘要）下載到這台裝置上，沒有網路時也能搜尋。',
    keepBodies: (size) => `連同全部文章正文，離線也能閱讀（另加 ${size}）`,
    keepProgressLabel: '離線保存進度',
    keepProgress: (done, total) => `正在下載：${done} / ${total}`,
    keepCancel: '取消',
    kept: (size) => `這個存檔已離線保存（${size}），沒有網路時也能搜尋。`,
    keepRemove: '刪除離線副本',
    keepQuota: (needed, free) => `這台裝置的儲存空間不夠：需要 ${needed}，只剩 ${free}。已下載的部分不算完整的離線存檔。`,
    keepQuotaFull: (needed, stored) => `瀏覽器給這個網站的儲存空間用完了：需要 ${needed}，存到 ${stored} 時停了下來。已下載的部分不算完整的離線存檔；騰出空間後可以再試。`,
    keepNetwork: '下載中斷了：網路連線有問題。已下載的檔案會保留，再試一次會從中斷處繼續。',
    keepOther: '離線保存沒有完成。已下載的檔案會保留，可以再試一次。',
  },
  en: {
    archiveUpdated: 'A newer version of the archive is available',
    appUpdated: 'A newer version of this page is available',
    reload: 'Reload',
    offlineHeading: 'Offline',
    keepOffline: (size) => `Keep this archive offline (${size})`,
    keepOfflineHint: 'Downloads everything a search needs (results’ titles and summaries too) to this device, so the archive answers without a network.',
    keepBodies: (size) => `With every article’s full text too, to read offline (${size} more)`,
    keepProgressLabel: 'Keeping the archive offline',
    keepProgress: (done, total) => `Downloading: ${done} of ${total}`,
    keepCancel: 'Cancel',
    kept: (size) => `This archive is kept offline (${size}): it answers without a network.`,
    keepRemove: 'Remove the offline copy',
    keepQuota: (needed, free) => `Not enough storage on this device: it needs ${needed}, ${free} is left. What was downloaded does not count as a complete offline archive.`,
    keepQuotaFull: (needed, stored) => `The browser’s storage for this site ran out: the archive needs ${needed}, and the download stopped at ${stored}. What was downloaded does not count as a complete offline archive; free some space and try again.`,
    keepNetwork: 'The download stopped: the connection failed. The files that arrived are kept; trying again continues from there.',
    keepOther: 'Keeping the archive offline did not finish. The files that arrived are kept; you can try again.',
  },
};

/** These strings in the language of `locale` (a `Messages.locale`: what the App shows, its fallback included). */
export function offlineMessages(locale: string): OfflineMessages {
  return OFFLINE_MESSAGES[locale === 'en' ? 'en' : locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans'];
}

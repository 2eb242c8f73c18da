/** Sizes as the offline control writes them. */

/**
 * `bytes` for a reader: `12.3 MB`, `1,234 MB`, `840 KB`, as `toLocaleString` writes them in the
 * page's three languages (zh-Hans, zh-Hant, en: the same digits, `,` between thousands, `.` before
 * the decimal). Written out here: `toLocaleString` with options makes a number format each call,
 * and the first one loads the locale's data: a long task on a slow phone, in the one that shows the
 * offline control (docs/scale.md). A language that writes numbers otherwise needs a locale here.
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) {
    const tenths = Math.round(bytes / 100_000);
    return `${groupThousands(Math.floor(tenths / 10))}${tenths % 10 ? `.${tenths % 10}` : ''} MB`;
  }
  return `${groupThousands(Math.max(1, Math.round(bytes / 1000)))} KB`;
}

/** A whole number with `,` between thousands: `1234567` → `1,234,567`. */
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

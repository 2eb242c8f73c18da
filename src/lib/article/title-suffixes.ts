/**
 * Outlet names that sites and scrapers append to titles (`… – 法国国际广播电台 - RFI`,
 * `… - BBC News 中文`, `… | 端传媒`): noise in every result row, in title matching and in finding
 * near-duplicates. Kept beside the outlet table (`outlets.ts`), keyed by the same outlet names.
 * How the table was found, and what it removes from the real archive: docs/titles-and-cleaning.md.
 */

/**
 * Outlet name → the trailing segments its titles carry. A title loses a segment only when the
 * segment is the whole text after a separator (` - `, ` – `, ` — `, `|`, `｜`) and only for the
 * article's own outlet, so a repost's "| 端传媒" in another outlet's archive keeps its attribution.
 * Segments are stripped repeatedly: ` – 法国国际广播电台 - RFI` is `RFI`, then `法国国际广播电台`.
 */
export const TITLE_SUFFIXES_BY_OUTLET: Readonly<Record<string, readonly string[]>> = {
  法广: ['RFI', 'RFI 华语', 'RFI 華語', '法国国际广播电台', '法國國際廣播電台', '法广', '法廣'],
  BBC: ['BBC News 中文', 'BBC News', 'BBC 中文网', 'BBC中文网', 'BBC 中文網', 'BBC中文網', 'BBC 中文', 'BBC'],
  端傳媒: ['端传媒', '端傳媒', '端传媒 Initium Media', '端傳媒 Initium Media', 'Initium Media'],
  美国之音: ['美国之音', '美國之音', '美国之音中文网', '美國之音中文網', 'VOA', 'VOA Chinese', 'VOA 中文'],
  德国之声: ['DW', 'DW 中文', 'DW.COM', '德国之声', '德國之聲', '德国之声中文网', '德國之聲中文網'],
  自由亚洲电台: ['自由亚洲电台', '自由亞洲電台', 'RFA', 'Radio Free Asia'],
  联合早报: ['联合早报', '聯合早報', '联合早报网', '聯合早報網', 'zaobao.com', 'zaobao.sg'],
  纽约时报: ['纽约时报中文网', '紐約時報中文網', '纽约时报', '紐約時報', 'The New York Times'],
  金融时报: ['FT中文网', 'FT中文網', '金融时报', '金融時報', 'Financial Times'],
  路透: ['路透', '路透社', '路透中文网', 'Reuters'],
  'RTI 中央廣播電臺': ['Rti 中央廣播電臺', 'RTI 中央廣播電臺', 'Rti中央廣播電臺', '中央廣播電臺', 'Rti 中央广播电台', 'RTI'],
  中国数字时代: ['中国数字时代', '中國數字時代', 'China Digital Times (CDT)', 'China Digital Times'],
  华尔街日报: ['华尔街日报', '華爾街日報', 'WSJ'],
  风传媒: ['风传媒', '風傳媒'],
  中央社: ['中央社', '中央社 CNA'],
  香港01: ['香港01'],
  明报: ['明报', '明報', '明報新聞網'],
  香港电台: ['香港电台', '香港電台', 'RTHK'],
};

/** A separator before a suffix: dashes need spaces around them (`COVID-19`), bars do not. */
const SEPARATOR = String.raw`(?:\s+[-–—]\s+|\s*[|｜]\s*)`;

const PATTERN_BY_OUTLET: ReadonlyMap<string, RegExp> = new Map(
  Object.entries(TITLE_SUFFIXES_BY_OUTLET).map(([outlet, suffixes]) => {
    const names = [...suffixes].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
    return [outlet, new RegExp(`${SEPARATOR}(?:${names})\\s*$`, 'i')];
  }),
);

/**
 * The title without the outlet's own name appended to it; the title itself when it has none, or
 * when removing it would leave nothing.
 * @example stripOutletSuffix('荷兰军用直升机坠海 – 法国国际广播电台 - RFI', '法广') // '荷兰军用直升机坠海'
 */
export function stripOutletSuffix(title: string, outlet: string): string {
  const pattern = PATTERN_BY_OUTLET.get(outlet);
  if (!pattern) return title;
  let current = title;
  for (;;) {
    const match = pattern.exec(current);
    if (!match || match.index === 0) return current;
    const rest = current.slice(0, match.index).trimEnd();
    if (rest === '') return current;
    current = rest;
  }
}

/**
 * True when a title still ends in one of its outlet's suffixes: what the corpus test counts.
 * @example hasOutletSuffix('标题 - BBC News 中文', 'BBC') // true
 */
export function hasOutletSuffix(title: string, outlet: string): boolean {
  return stripOutletSuffix(title, outlet) !== title;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s*');
}

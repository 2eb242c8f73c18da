/**
 * One outlet, one name. Articles with front matter name their outlet in `tags`/`categories`; articles
 * without it only have a URL. Both must land on the same facet value, so hosts map to the names the
 * archive's own front matter uses, and common spellings of those names map to the same names.
 */

/** Host suffix → outlet name as the archive's front matter spells it. Longest suffix wins. */
export const OUTLET_BY_HOST: Readonly<Record<string, string>> = {
  'zaobao.com': '联合早报',
  'zaobao.com.sg': '联合早报',
  'rfa.org': '自由亚洲电台',
  'rfi.fr': '法广',
  'rfi.my': '法广',
  'voachinese.com': '美国之音',
  'voanews.com': '美国之音',
  'dw.com': '德国之声',
  'bbc.com': 'BBC',
  'bbc.co.uk': 'BBC',
  'reuters.com': '路透',
  'rti.org.tw': 'RTI 中央廣播電臺',
  'ft.com': '金融时报',
  'ftchinese.com': '金融时报',
  'nytimes.com': '纽约时报',
  'chinadigitaltimes.net': '中国数字时代',
  'theinitium.com': '端傳媒',
  'caa-ins.org': '网络社会研究所',
  'wqw2010.blogspot.com': '维权网',
  'bitterwinter.org': '寒冬',
  'solidot.org': 'Solidot',
  'economist.com': '经济学人en',
  'govopendata.com': 'CCTV新闻联播',
  'rfa.org.tw': '自由亚洲电台',
  'wsj.com': '华尔街日报',
  'cn.wsj.com': '华尔街日报',
  'storm.mg': '风传媒',
  'cna.com.tw': '中央社',
  'hk01.com': '香港01',
  'mingpao.com': '明报',
  'rthk.hk': '香港电台',
  'abc.net.au': 'ABC',
  'sbs.com.au': 'SBS',
  'nhk.or.jp': 'NHK',
  'youtube.com': 'YouTube',
};

/**
 * Other spellings of outlet names (compared case-insensitively, spaces ignored) → the archive's name.
 * Front matter from other archive tools uses these.
 */
const OUTLET_ALIASES: Readonly<Record<string, string>> = {
  rfi: '法广',
  法国国际广播电台: '法广',
  法國國際廣播電台: '法广',
  法廣: '法广',
  reuters: '路透',
  路透社: '路透',
  路透中文网: '路透',
  voa: '美国之音',
  美國之音: '美国之音',
  voachinese: '美国之音',
  dw: '德国之声',
  德國之聲: '德国之声',
  deutschewelle: '德国之声',
  rfa: '自由亚洲电台',
  自由亞洲電台: '自由亚洲电台',
  自由亚洲: '自由亚洲电台',
  zaobao: '联合早报',
  聯合早報: '联合早报',
  联合早报网: '联合早报',
  bbc中文: 'BBC',
  bbc中文网: 'BBC',
  bbcchinese: 'BBC',
  bbcnews中文: 'BBC',
  rti: 'RTI 中央廣播電臺',
  中央廣播電臺: 'RTI 中央廣播電臺',
  中央广播电台: 'RTI 中央廣播電臺',
  央广: 'RTI 中央廣播電臺',
  rti中央广播电台: 'RTI 中央廣播電臺',
  ft中文网: '金融时报',
  金融時報: '金融时报',
  ftchinese: '金融时报',
  纽约时报中文网: '纽约时报',
  紐約時報: '纽约时报',
  nytimes: '纽约时报',
  中國數字時代: '中国数字时代',
  chinadigitaltimes: '中国数字时代',
  cdt: '中国数字时代',
  端传媒: '端傳媒',
  initium: '端傳媒',
  theinitium: '端傳媒',
  城寨singjai: '城寨',
};

/** Category values that say what kind of post it is, not who published it. */
const GENERIC_CATEGORIES = new Set(['news', 'post', 'posts', 'article', 'articles', 'blog', '新闻', '新聞', 'uncategorized']);

/** True for a tag or category that says what kind of post it is (`news`, `新闻`), not what it is about. */
export function isGenericCategory(value: string): boolean {
  return GENERIC_CATEGORIES.has(value.trim().toLowerCase());
}

function aliasKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const CANONICAL_BY_KEY: ReadonlyMap<string, string> = new Map([
  ...Object.values(OUTLET_BY_HOST).map((name) => [aliasKey(name), name] as const),
  // An alias's target is a name of the table too (`城寨`, which has no host of its own).
  ...Object.values(OUTLET_ALIASES).map((name) => [aliasKey(name), name] as const),
  ...Object.entries(OUTLET_ALIASES).map(([alias, name]) => [aliasKey(alias), name] as const),
]);

/**
 * The archive's name for an outlet name, or the name itself (trimmed) when it is not a known alias.
 * @example canonicalOutletName('Reuters') // '路透'
 */
export function canonicalOutletName(name: string): string {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  return CANONICAL_BY_KEY.get(aliasKey(trimmed)) ?? trimmed;
}

/**
 * The outlet named by a URL's host, by the longest matching host suffix; null for unknown hosts.
 * @example outletFromHost('cn.reuters.com') // '路透'
 */
export function outletFromHost(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const outlet = OUTLET_BY_HOST[parts.slice(i).join('.')];
    if (outlet) return outlet;
  }
  return null;
}

/** True when a name is one of the known outlets (so, as an `author`, it is not a person). */
export function isKnownOutlet(name: string): boolean {
  return CANONICAL_BY_KEY.has(aliasKey(name));
}

/**
 * The outlet named by front matter: the first tag or category that the outlet table knows (any
 * spelling), else null (the host decides): a topic tag never becomes an outlet.
 * @example outletFromTaxonomy(['RFI'], ['news', 'RFI']) // '法广'
 */
export function outletFromTaxonomy(tags: readonly string[], categories: readonly string[]): string | null {
  const values = [...tags, ...categories].map((v) => v.trim()).filter((v) => v !== '' && !GENERIC_CATEGORIES.has(v.toLowerCase()));
  // Only a name the outlet table knows: tags are mostly topics (`香港`, `t0`), and a file's own
  // tag must not invent a facet value; otherwise the host decides.
  const known = values.find(isKnownOutlet);
  return known ? canonicalOutletName(known) : null;
}

/**
 * The benchmark's queries: names, places, one- and two-character terms, simplified and
 * traditional, English, two terms, a phrase. Kept apart so the page benchmark uses the same list.
 */
export const BENCH_QUERIES: readonly string[] = [
  '王毅', '习近平', '蔡英文', '拜登', '特朗普', '川普', '普京', '林郑月娥', '黄之锋', '蓬佩奥',
  '香港', '台湾', '臺灣', '新疆', '武汉', '北京', '印度', '澳洲', '國安法', '選舉',
  '港', '疫', '疫苗', '华为', '口罩',
  'huawei', 'trump', 'covid', 'tiktok', 'hong kong',
  '王毅 美国', '香港 国安法', '疫苗 英国', '"国家安全"', '香港 -国安法',
];

/**
 * The Pagefind comparison's 30 queries: the benchmark's names, places, simplified and traditional
 * terms, English words and two-term queries, without what a substring scan cannot judge (the
 * phrase, the exclusion) and without one-character terms and 川普 (in this project a synonym of
 * 特朗普, which the scan cannot represent; 特朗普 stays).
 */
export const COMPARE_QUERIES: readonly string[] = BENCH_QUERIES.filter((q) => !/["-]/.test(q) && q.split(/\s+/).every((term) => [...term].length > 1) && q !== '川普');

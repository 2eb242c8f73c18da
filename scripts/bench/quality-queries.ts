/**
 * The quality benchmark's fixed queries (`npm run bench -- --quality`): names, places, simplified
 * and traditional, English, two-term and phrase queries, and the queries issue #17 quotes
 * (北约, COVID, 新冠疫苗, 香港, 川普, huawei, "国家安全"). Changing the list changes every figure:
 * quote the commit when comparing runs.
 */
export const QUALITY_QUERIES: readonly string[] = [
  // Names, including cross-strait forms.
  '王毅', '习近平', '蔡英文', '拜登', '特朗普', '川普', '普京', '林郑月娥', '黄之锋', '蓬佩奥',
  // Places, simplified and traditional.
  '香港', '台湾', '臺灣', '新疆', '武汉', '北京', '印度', '澳洲',
  // Traditional terms.
  '國安法', '選舉', '武漢肺炎',
  // Things; a synonym group; a four-character word.
  '疫苗', '华为', '口罩', '北约', '新冠疫苗',
  // English.
  'huawei', 'trump', 'covid', 'tiktok', 'hong kong',
  // Two terms.
  '王毅 美国', '香港 国安法', '疫苗 英国',
  // Phrases.
  '"国家安全"', '"香港国安法"', '"hong kong"',
];

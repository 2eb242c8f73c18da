/**
 * Query-side synonyms for names that differ across the Taiwan Strait, Hong Kong, Singapore and
 * overseas Chinese media, plus a few Chinese ⇄ English brand names. Applied to QUERIES only
 * (the index holds the words as written): a query term matches when any of its variants does.
 *
 * Entries are written folded (simplified, lowercase; Latin words joined by one space, as
 * `parseQuery` writes terms) and only where the forms still differ AFTER folding: 臺灣/台湾 or
 * 蓬佩奧/蓬佩奥 need no entry. Counts in comments are files of the 2020 archive holding each form.
 */

/** Groups of equivalent folded forms; the comment names the thing and who writes which form. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // People: PRC transliteration first, then Taiwan / Hong Kong ones.
  ['特朗普', '川普'], // Trump: PRC, HK 特朗普; Taiwan and overseas media 川普 (470 / 86)
  ['普京', '普丁', '蒲亭'], // Putin: PRC, HK 普京; Taiwan 普丁; older HK/TW 蒲亭
  ['奥巴马', '欧巴马'], // Obama: PRC 奥巴马; Taiwan 欧巴马
  ['希拉里', '希拉蕊'], // Hillary Clinton: PRC 希拉里; Taiwan 希拉蕊
  ['蓬佩奥', '庞皮欧'], // Pompeo: PRC, CNA 蓬佩奥; some Taiwan outlets 龐皮歐 (206 / 9)
  ['约翰逊', '强森'], // Boris Johnson: PRC, HK 约翰逊; Taiwan 强森 (not 强生: that is also J&J)
  ['默克尔', '梅克尔'], // Merkel: PRC 默克尔; Taiwan 梅克尔
  ['马克龙', '马克宏'], // Macron: PRC 马克龙; Taiwan 马克宏
  ['特鲁多', '杜鲁道'], // Trudeau: PRC 特鲁多; Taiwan 杜鲁道
  ['杜特尔特', '杜特蒂'], // Duterte: PRC 杜特尔特; Taiwan 杜特蒂
  ['博尔索纳罗', '波索纳洛'], // Bolsonaro: PRC 博尔索纳罗; Taiwan 波索纳洛
  ['内塔尼亚胡', '纳坦雅胡', '尼坦雅胡'], // Netanyahu: PRC; Taiwan (two spellings)
  ['泽连斯基', '泽伦斯基'], // Zelensky: PRC 泽连斯基; Taiwan 泽伦斯基
  // Places.
  ['新西兰', '纽西兰'], // New Zealand: PRC 新西兰; Taiwan, HK 纽西兰
  ['悉尼', '雪梨'], // Sydney: PRC, SG 悉尼; Taiwan, HK 雪梨
  ['澳大利亚', '澳洲'], // Australia: formal PRC name vs the short form everyone uses (162 / 105)
  ['意大利', '义大利'], // Italy: PRC, HK 意大利; Taiwan 义大利
  ['老挝', '寮国'], // Laos: PRC 老挝; Taiwan, HK 寮国
  ['朝鲜', '北韩'], // North Korea: PRC 朝鲜; Taiwan, HK 北韩
  ['韩国', '南韩'], // South Korea: PRC 韩国; Taiwan, HK also 南韩
  ['沙特', '沙乌地', '沙地阿拉伯'], // Saudi Arabia: PRC 沙特; Taiwan 沙乌地; HK 沙地阿拉伯
  ['印度尼西亚', '印尼'], // Indonesia: formal PRC name vs the short form used everywhere
  ['阿联酋', '阿拉伯联合大公国'], // UAE: PRC 阿联酋; Taiwan 阿拉伯联合大公国
  ['迪拜', '杜拜'], // Dubai: PRC 迪拜; Taiwan, HK 杜拜
  ['也门', '叶门'], // Yemen: PRC 也门; Taiwan 叶门
  ['贝宁', '贝南'], // Benin: PRC 贝宁; Taiwan 贝南
  // Common words that differ by region.
  ['报道', '报导'], // "report": PRC 报道; Taiwan 報導 (840 / 486)
  ['网络', '网路'], // network, the net: PRC 网络; Taiwan 网路
  ['互联网', '网际网路'], // the Internet: PRC 互联网; Taiwan 网际网路
  ['软件', '软体'], // software: PRC 软件; Taiwan, HK 软体
  ['信息', '资讯'], // information: PRC 信息; Taiwan, HK 资讯
  ['出租车', '计程车', '的士'], // taxi: PRC 出租车; Taiwan 计程车; HK, Guangdong 的士
  ['人工智能', '人工智慧', 'ai'], // AI: PRC 人工智能; Taiwan 人工智慧; English AI
  ['智能手机', '智慧型手机'], // smartphone: PRC 智能手机; Taiwan 智慧型手机
  // COVID-19: PRC 新冠(肺炎); Taiwan media 武汉肺炎/武肺, official 严重特殊传染性肺炎; HK and
  // English media COVID-19. The WHO's long names (2019冠状病毒病) are left out: rare in news, and their
  // number prefix `2019` would make every COVID query load every part holding 2019….
  ['新冠', '新冠肺炎', '武汉肺炎', '武肺', '新型冠状病毒', '严重特殊传染性肺炎', 'covid', 'covid 19', 'covid19'],
  // Organisations and brands: Chinese name ⇄ the Latin name Taiwan/HK media often keep.
  ['北约', '北大西洋公约组织', 'nato'], // NATO
  ['世卫', '世界卫生组织'], // WHO (not "who": an English pronoun would match every English article)
  ['欧盟', '欧洲联盟'], // EU: short and full name (not "eu": too short to be safe)
  ['脸书', 'facebook'], // Facebook: 臉書 (TW, HK) and 脸书 (PRC) fold alike; the Latin name is as common
  ['推特', 'twitter'], // Twitter
  ['谷歌', 'google'], // Google: PRC 谷歌; Taiwan, HK usually the Latin name
  ['华为', 'huawei'], // Huawei
  ['抖音', 'tiktok'], // TikTok is 抖音 (国际版) in Chinese reports
  ['微信', 'wechat'], // WeChat
];

// Folded form → its group; longer CJK forms first, for replacing inside longer terms.
const groupOf = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const form of group) groupOf.set(form, group);
const CJK_FORMS = [...groupOf.keys()].filter((form) => /^\p{Script=Han}{2,}$/u.test(form)).sort((a, b) => b.length - a.length);

/** Most variants one term expands to (the term itself included). */
export const MAX_VARIANTS = 12;

/**
 * The folded forms a query term may match: the term itself first, then its synonyms. A CJK term
 * that CONTAINS a form gets the other forms substituted in place (川普政府 → 特朗普政府), Han
 * forms only, at most {@link MAX_VARIANTS} in all.
 *
 * @param folded a folded term, Latin words joined by one space (`covid 19`), as `parseQuery` makes them
 * @example expandTerm('川普') // ['川普', '特朗普']
 * @example expandTerm('川普政府') // ['川普政府', '特朗普政府']
 * @example expandTerm('香港') // ['香港']
 */
export function expandTerm(folded: string): string[] {
  const variants = [folded];
  const add = (form: string): void => {
    if (variants.length < MAX_VARIANTS && !variants.includes(form)) variants.push(form);
  };
  const group = groupOf.get(folded);
  if (group) {
    for (const form of group) add(form);
    return variants;
  }
  if (!/^\p{Script=Han}+$/u.test(folded)) return variants;
  // Longest forms first, each occurrence masked once found, so 新冠 is not replaced again inside 新冠肺炎.
  let unmatched = folded;
  for (const form of CJK_FORMS) {
    if (!unmatched.includes(form)) continue;
    unmatched = unmatched.split(form).join('\u0000');
    for (const other of groupOf.get(form)!) {
      if (other !== form && CJK_FORMS.includes(other)) add(folded.split(form).join(other));
    }
  }
  return variants;
}

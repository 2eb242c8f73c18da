/**
 * Outlet names in traditional characters, for the traditional UI. The index keeps each outlet's
 * name as `src/lib/article/outlets.ts` writes it (mostly simplified); a reader of the traditional
 * UI expects 聯合早報, not 联合早报. A table rather than a converter: the outlets are few and
 * known, and a converter's dictionaries would weigh more than the rest of the strings.
 */
const TRADITIONAL: Readonly<Record<string, string>> = {
  联合早报: '聯合早報',
  自由亚洲电台: '自由亞洲電台',
  法广: '法廣',
  美国之音: '美國之音',
  德国之声: '德國之聲',
  金融时报: '金融時報',
  纽约时报: '紐約時報',
  中国数字时代: '中國數字時代',
  网络社会研究所: '網絡社會研究所',
  维权网: '維權網',
  经济学人en: '經濟學人en',
  CCTV新闻联播: 'CCTV新聞聯播',
  华尔街日报: '華爾街日報',
  风传媒: '風傳媒',
  明报: '明報',
  香港电台: '香港電台',
};

/** The outlet's name in traditional characters (unchanged when it has no entry: already traditional, or Latin). */
export function traditionalOutletName(name: string): string {
  return TRADITIONAL[name] ?? name;
}

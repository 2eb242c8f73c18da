/**
 * Synthetic people and companies that recur across the corpus. Names are composed from character
 * lists (surname + given name, or transliteration syllables), never taken from real people, and
 * carry a romanisation so English articles can name the same person. The roster is built from a
 * fixed seed, so the same names appear whatever `--seed` is: benchmark queries can rely on them.
 */
import { Rng, ZipfBag } from './random.ts';
import { COUNTRIES } from './words-zh.ts';

/** A recurring person: Chinese name, romanised name, role and the country they belong to. */
export interface Person {
  /** Name as Chinese text writes it (王建国, 布林肯). */
  zh: string;
  /** First-mention form for foreigners (约翰·布林肯); equals `zh` for Chinese names. */
  zhFull: string;
  /** Romanised name (Wang Jianguo, John Bulinken). */
  en: string;
  /** Role in Chinese (外交部长); put before the name on first mention. */
  role: string;
  /** Role in English (foreign minister). */
  roleEn: string;
  /** Country or territory in Chinese, from `COUNTRIES`. */
  country: string;
}

/** A recurring company, with its Chinese and English names. */
export interface Company {
  zh: string;
  en: string;
}

/** Surnames with pinyin, most common first. */
const SURNAMES: ReadonlyArray<readonly [string, string]> = pairs(`
  王 Wang 李 Li 张 Zhang 刘 Liu 陈 Chen 杨 Yang 黄 Huang 赵 Zhao 吴 Wu 周 Zhou 徐 Xu 孙 Sun 马 Ma 朱 Zhu
  胡 Hu 郭 Guo 何 He 林 Lin 高 Gao 罗 Luo 郑 Zheng 梁 Liang 谢 Xie 宋 Song 唐 Tang 许 Xu 韩 Han 冯 Feng
  邓 Deng 曹 Cao 彭 Peng 曾 Zeng 肖 Xiao 田 Tian 董 Dong 潘 Pan 袁 Yuan 蔡 Cai 蒋 Jiang 余 Yu 于 Yu 杜 Du
  叶 Ye 程 Cheng 魏 Wei 苏 Su 吕 Lyu 丁 Ding 任 Ren 卢 Lu 姚 Yao 沈 Shen 钟 Zhong 姜 Jiang 崔 Cui 谭 Tan
  陆 Lu 范 Fan 汪 Wang 廖 Liao 石 Shi 金 Jin 韦 Wei 贾 Jia 夏 Xia 付 Fu 方 Fang 邹 Zou 熊 Xiong 白 Bai
  孟 Meng 秦 Qin 邱 Qiu 侯 Hou 江 Jiang 尹 Yin 薛 Xue 闫 Yan 段 Duan 雷 Lei 龙 Long 黎 Li 史 Shi 陶 Tao
  贺 He 毛 Mao 郝 Hao 顾 Gu 龚 Gong 邵 Shao 万 Wan 钱 Qian 戴 Dai 严 Yan 欧阳 Ouyang 司马 Sima 上官 Shangguan
`);

/** Characters used in given names, with pinyin. */
const GIVEN_CHARS: ReadonlyArray<readonly [string, string]> = pairs(`
  伟 wei 芳 fang 娜 na 敏 min 静 jing 丽 li 强 qiang 磊 lei 军 jun 洋 yang 勇 yong 艳 yan 杰 jie 娟 juan
  涛 tao 明 ming 超 chao 秀 xiu 霞 xia 平 ping 刚 gang 英 ying 华 hua 建 jian 国 guo 文 wen 志 zhi 红 hong
  玉 yu 春 chun 海 hai 晓 xiao 波 bo 辉 hui 鹏 peng 飞 fei 宇 yu 浩 hao 然 ran 子 zi 轩 xuan 欣 xin 怡 yi
  佳 jia 思 si 雨 yu 晨 chen 博 bo 昊 hao 俊 jun 嘉 jia 毅 yi 荣 rong 永 yong 宏 hong 光 guang 庆 qing
  德 de 正 zheng 新 xin 成 cheng 立 li 东 dong 峰 feng 亮 liang 斌 bin 婷 ting 雪 xue 琳 lin 颖 ying 慧 hui
  倩 qian 莉 li 萍 ping 岚 lan 晶 jing 鑫 xin 凯 kai 帆 fan 翔 xiang 泽 ze 振 zhen 家 jia 天 tian 安 an
  民 min 学 xue 和 he 之 zhi 仁 ren 义 yi 智 zhi 信 xin 忠 zhong 丹 dan 青 qing 云 yun 山 shan 松 song
  梅 mei 兰 lan 秋 qiu 阳 yang 达 da 远 yuan 航 hang 铭 ming 哲 zhe 瑞 rui 祥 xiang 福 fu 昌 chang 盛 sheng
  兴 xing 卫 wei 保 bao 继 ji 维 wei 锋 feng 琦 qi 璐 lu 瑶 yao 蕾 lei 薇 wei 彤 tong 睿 rui 诚 cheng
`);

/** Transliteration syllables for foreign names, with a Latin spelling. */
const FOREIGN_SYLLABLES: ReadonlyArray<readonly [string, string]> = pairs(`
  布 bu 林 lin 肯 ken 斯 s 托 to 尔 r 滕 ten 贝 be 格 g 拉 la 夫 v 罗 ro 马 ma 克 k 伦 ren 特 t 森 son
  德 de 莱 le 维 vi 奇 ch 科 ko 尼 ni 亚 ya 娜 na 丽 li 莎 sa 安 an 杰 je 姆 m 詹 jan 艾 e 米 mi 诺 no
  汉 han 哈 ha 卡 ka 塔 ta 西 si 普 p 里 ri 奥 o 彼 pe 埃 e 菲 fi 利 li 蒙 mon 多 do 巴 ba 韦 we 沃 wo
  戈 go 萨 sa 雷 re 基 ki 索 so 纳 na 迪 di 登 den 顿 ton 曼 man 兹 z 恩 en 洛 lo 佩 pe 赫 he 舒 shu
  默 mer 瓦 va 图 tu 乌 u 泰 tai 坦 tan 鲁 ru 本 ben 施 schi 魏 wei 丘 chu 柯 co 琼 jo 帕 pa 劳 lau
`);

/** Given names for foreigners, with a Latin spelling. */
const FOREIGN_GIVEN: ReadonlyArray<readonly [string, string]> = pairs(`
  约翰 John 大卫 David 迈克尔 Michael 詹姆斯 James 罗伯特 Robert 玛丽 Mary 安娜 Anna 伊丽莎白 Elizabeth
  彼得 Peter 保罗 Paul 马克 Mark 托马斯 Thomas 安德烈 Andrei 伊万 Ivan 奥拉夫 Olaf 埃马纽埃尔 Emmanuel
  让 Jean 索菲 Sophie 汉斯 Hans 卡尔 Karl 弗兰克 Frank 苏珊 Susan 琳达 Linda 凯特 Kate 艾伦 Alan 理查德 Richard
  安东尼 Anthony 乔治 George 史蒂文 Steven 劳拉 Laura 娜塔莎 Natasha 阿米特 Amit 拉胡尔 Rahul 健太 Kenta 美纪 Miki
`);

/** Roles with their English names; the index also decides which country list a role draws from. */
const ROLE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['外交部长', 'foreign minister'],
  ['外交部发言人', 'foreign ministry spokesperson'],
  ['总统', 'president'],
  ['总理', 'prime minister'],
  ['国务卿', 'secretary of state'],
  ['国防部长', 'defence minister'],
  ['财政部长', 'finance minister'],
  ['商务部长', 'commerce minister'],
  ['央行行长', 'central bank governor'],
  ['议员', 'lawmaker'],
  ['立法会议员', 'legislator'],
  ['大使', 'ambassador'],
  ['市长', 'mayor'],
  ['经济学家', 'economist'],
  ['首席经济学家', 'chief economist'],
  ['分析师', 'analyst'],
  ['教授', 'professor'],
  ['研究员', 'researcher'],
  ['律师', 'lawyer'],
  ['人权律师', 'human rights lawyer'],
  ['维权人士', 'activist'],
  ['异见人士', 'dissident'],
  ['作家', 'writer'],
  ['记者', 'journalist'],
  ['董事长', 'chairman'],
  ['首席执行官', 'chief executive'],
  ['创始人', 'founder'],
  ['发言人', 'spokesperson'],
  ['法官', 'judge'],
  ['行政长官', 'chief executive'],
  ['党委书记', 'party secretary'],
  ['退役将领', 'retired general'],
  ['医生', 'doctor'],
  ['运动员', 'athlete'],
];

/** Company name parts: a two-character brand with pinyin, a sector, a legal form. */
const COMPANY_BRANDS: ReadonlyArray<readonly [string, string]> = pairs(`
  华信 Huaxin 中联 Zhonglian 东方 Dongfang 恒达 Hengda 新宇 Xinyu 天成 Tiancheng 海峰 Haifeng 金源 Jinyuan
  长江 Changjiang 瑞丰 Ruifeng 宏图 Hongtu 嘉禾 Jiahe 盛世 Shengshi 远洋 Yuanyang 鼎新 Dingxin 北辰 Beichen
  南方 Nanfang 中科 Zhongke 星河 Xinghe 凯旋 Kaixuan 蓝海 Lanhai 汇通 Huitong 万邦 Wanbang 国泰 Guotai
  安盛 Ansheng 光明 Guangming 锦程 Jincheng 云帆 Yunfan 捷达 Jieda 华晨 Huachen 龙腾 Longteng 鸿运 Hongyun
`);
const COMPANY_SECTORS: ReadonlyArray<readonly [string, string]> = pairs(`
  科技 Technology 能源 Energy 地产 Property 银行 Bank 汽车 Auto 电子 Electronics 航运 Shipping 医药 Pharma
  传媒 Media 证券 Securities 半导体 Semiconductor 物流 Logistics 钢铁 Steel 食品 Foods 保险 Insurance
`);
const COMPANY_FORMS: ReadonlyArray<readonly [string, string]> = pairs(`集团 Group 公司 Co 控股 Holdings 股份 Corp`);

/** Chinese-speaking places for Chinese-named people; others get foreign names. */
const CHINESE_NAMED = new Set(['中国', '台湾', '香港', '澳门', '新加坡']);

/** Roles that only exist in Hong Kong's institutions. */
const HONG_KONG_ROLES = new Set(['立法会议员', '行政长官']);

/** Seed of the roster: fixed, so names are the same in every generated corpus. */
const ROSTER_SEED = 20150101;

/** People and companies shared by every corpus, ordered from most to least newsworthy. */
export interface Roster {
  people: readonly Person[];
  companies: readonly Company[];
  /** Draws a person, the famous far more often than the obscure. */
  person: ZipfBag<Person>;
  /** Draws a company by the same law. */
  company: ZipfBag<Company>;
}

/**
 * Builds the shared roster: `peopleCount` distinct people and `companyCount` distinct companies.
 * @example buildRoster().people[0] // the most mentioned person, e.g. { zh: '王建国', role: '外交部长', … }
 */
export function buildRoster(peopleCount = 600, companyCount = 120): Roster {
  const rng = new Rng(ROSTER_SEED);
  const countryBag = new ZipfBag(COUNTRIES, 1.1, 1);
  const surnameBag = new ZipfBag(SURNAMES, 1, 4);
  const givenBag = new ZipfBag(GIVEN_CHARS, 0.6, 10);
  const roleBag = new ZipfBag(ROLE_PAIRS, 0.7, 3);
  const seen = new Set<string>();
  const people: Person[] = [];
  while (people.length < peopleCount) {
    const country = countryBag.pick(rng);
    const [role, roleEn] = roleBag.pick(rng);
    if (HONG_KONG_ROLES.has(role) && country !== '香港') continue;
    const person = CHINESE_NAMED.has(country) ? chinesePerson(rng, surnameBag, givenBag) : foreignPerson(rng);
    if (seen.has(person.zh)) continue;
    seen.add(person.zh);
    people.push({ ...person, role, roleEn, country });
  }
  const companies: Company[] = [];
  const seenCompanies = new Set<string>();
  while (companies.length < companyCount) {
    const [brand, brandEn] = rng.pick(COMPANY_BRANDS);
    const [sector, sectorEn] = rng.pick(COMPANY_SECTORS);
    const [form, formEn] = rng.pick(COMPANY_FORMS);
    const zh = `${brand}${sector}${form}`;
    if (seenCompanies.has(`${brand}${sector}`)) continue;
    seenCompanies.add(`${brand}${sector}`);
    companies.push({ zh, en: `${brandEn} ${sectorEn} ${formEn}` });
  }
  return { people, companies, person: new ZipfBag(people, 1, 2), company: new ZipfBag(companies, 1, 2) };
}

function chinesePerson(rng: Rng, surnames: ZipfBag<readonly [string, string]>, given: ZipfBag<readonly [string, string]>): Pick<Person, 'zh' | 'zhFull' | 'en'> {
  const [surname, surnameEn] = surnames.pick(rng);
  const parts = rng.chance(0.25) ? [given.pick(rng)] : [given.pick(rng), given.pick(rng)];
  const zh = surname + parts.map(([c]) => c).join('');
  const givenEn = parts.map(([, p]) => p).join('');
  return { zh, zhFull: zh, en: `${surnameEn} ${capitalize(givenEn)}` };
}

function foreignPerson(rng: Rng): Pick<Person, 'zh' | 'zhFull' | 'en'> {
  const count = rng.range(2, 4);
  let zh = '';
  let latin = '';
  for (let i = 0; i < count; i++) {
    const [syllable, sound] = rng.pick(FOREIGN_SYLLABLES);
    zh += syllable;
    latin += sound;
  }
  const [given, givenEn] = rng.pick(FOREIGN_GIVEN);
  return { zh, zhFull: `${given}·${zh}`, en: `${givenEn} ${capitalize(latin)}` };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Reads `字 latin 字 latin …` into pairs. */
function pairs(text: string): ReadonlyArray<readonly [string, string]> {
  const tokens = text.trim().split(/\s+/);
  const out: Array<readonly [string, string]> = [];
  for (let i = 0; i + 1 < tokens.length; i += 2) out.push([tokens[i]!, tokens[i + 1]!]);
  return out;
}

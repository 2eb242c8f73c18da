/**
 * News events that several outlets cover within a few days: a summit, an earthquake, sanctions.
 * Each event fixes its facts once (who, where, how many), then offers several title and lead
 * variants built from those facts, so the coverage has similar but not identical titles and
 * shares the words a reader would search for.
 */
import type { Lexicon, Topic } from './lexicon.ts';
import type { Person, Roster } from './names.ts';
import type { Rng } from './random.ts';
import { DISASTER_PROVINCES, SEAS } from './words-zh.ts';

/** One synthetic news event. */
export interface CorpusEvent {
  /** First day of coverage, as a day index of the calendar. */
  firstDay: number;
  /** Last day of coverage (inclusive). */
  lastDay: number;
  topic: Topic;
  /** Title variants: every one names the event's key facts. */
  titles: readonly string[];
  /** Opening clauses stating the news, without final punctuation. */
  leads: readonly string[];
  /** Words the coverage keeps repeating. */
  focus: readonly string[];
  /** People the coverage names. */
  people: readonly Person[];
}

type EventFactory = (rng: Rng, lex: Lexicon, roster: Roster) => Omit<CorpusEvent, 'firstDay' | 'lastDay'>;

/** Storm names for the typhoon events: invented, two characters each. */
const STORM_NAMES = ['海鸥', '青鸾', '云雀', '白鹭', '玄鸟', '苍龙', '飞燕', '银狐', '雷雀', '海葵', '石榴', '木棉'];
const CORPORATE_ISSUES = ['数据泄露', '财务造假', '债务违约', '大规模裁员', '产品召回', '高管被查', '偷税漏税'];
const SUMMIT_TERMS = ['贸易', '气候', '安全', '科技', '能源', '投资', '供应链', '人工智能'];
const SANCTION_REASONS = ['人权', '网络攻击', '香港问题', '强迫劳动', '军事合作', '出口管制'];

function personWithRole(rng: Rng, roster: Roster, roles: readonly string[]): Person {
  for (let tries = 0; tries < 200; tries++) {
    const person = roster.person.pick(rng);
    if (roles.includes(person.role)) return person;
  }
  return roster.people.find((p) => roles.includes(p.role)) ?? roster.people[0]!;
}

function twoCountries(rng: Rng, lex: Lexicon): [string, string] {
  const a = lex.countries.pick(rng);
  let b = lex.countries.pick(rng);
  while (b === a) b = lex.countries.pick(rng);
  return [a, b];
}

const FACTORIES: readonly EventFactory[] = [
  function summit(rng, lex, roster) {
    const [a, b] = twoCountries(rng, lex);
    const city = lex.worldCities.pick(rng);
    const leader = personWithRole(rng, roster, ['总统', '总理', '外交部长', '国务卿']);
    const term = rng.pick(SUMMIT_TERMS);
    return {
      topic: 'world',
      titles: [
        `${a}${b}领导人在${city}会晤`,
        `${leader.zh}抵达${city} 将与${b}领导人会谈`,
        `${a}${b}峰会聚焦${term}`,
        `${a}${b}${city}会谈 同意加强${term}合作`,
        `焦点：${a}${b}会晤能否缓和${term}分歧`,
        `${leader.zh}：${a}${b}关系处于关键时刻`,
      ],
      leads: [`${a}${b}两国领导人在${city}举行会谈，双方就${term}合作交换意见`, `${leader.role}${leader.zhFull}抵达${city}，与${b}方讨论${term}议题`],
      focus: [city, term, '会谈', '峰会', '领导人', `${a}${b}关系`],
      people: [leader],
    };
  },
  function earthquake(rng) {
    const province = rng.pick(DISASTER_PROVINCES);
    const magnitude = (5 + rng.int(29) / 10).toFixed(1);
    const deaths = rng.range(3, 180);
    return {
      topic: 'society',
      titles: [
        `${province}发生${magnitude}级地震 已致${deaths}人死亡`,
        `${province}${magnitude}级强震 救援人员赶赴灾区`,
        `${province}地震死亡人数升至${deaths + rng.range(2, 40)}人`,
        `${province}强震后余震不断 数千民众连夜疏散`,
        `${magnitude}级地震袭击${province} 多地有震感`,
      ],
      leads: [`${province}发生${magnitude}级地震，目前已造成至少${deaths}人死亡`, `${province}${magnitude}级地震发生后，救援队伍连夜进入灾区搜救`],
      focus: [province, '地震', '救援', '灾区', '余震', '伤亡'],
      people: [],
    };
  },
  function typhoon(rng) {
    const name = rng.pick(STORM_NAMES);
    const province = rng.pick(['广东', '福建', '浙江', '海南', '台湾', '广西', '上海']);
    const evacuated = rng.range(2, 90);
    return {
      topic: 'society',
      titles: [
        `台风${name}登陆${province} ${evacuated}万人紧急转移`,
        `${province}迎战台风${name} 航班大面积取消`,
        `超强台风${name}逼近 ${province}启动一级应急响应`,
        `台风${name}过境 ${province}多地停电停课`,
      ],
      leads: [`台风${name}在${province}沿海登陆，当局已紧急转移${evacuated}万人`, `受台风${name}影响，${province}多地出现强降雨和大风`],
      focus: [`台风${name}`, province, '暴雨', '停课', '转移', '应急响应'],
      people: [],
    };
  },
  function sanctions(rng, lex, roster) {
    const [a, b] = twoCountries(rng, lex);
    const reason = rng.pick(SANCTION_REASONS);
    const count = rng.range(2, 28);
    const spokesperson = personWithRole(rng, roster, ['外交部发言人', '发言人', '外交部长']);
    return {
      topic: 'politics',
      titles: [
        `${a}宣布制裁${b}${count}名官员`,
        `${a}以${reason}为由制裁${b}官员 ${b}誓言反制`,
        `${b}回应${a}制裁：坚决反对`,
        `${a}对${b}实施新一轮制裁`,
        `分析：${a}制裁${b}官员的背后`,
      ],
      leads: [`${a}以${reason}为由宣布制裁${b}${count}名官员`, `${b}${spokesperson.role}${spokesperson.zhFull}表示，将对${a}的制裁作出回应`],
      focus: ['制裁', reason, `${count}名官员`, '反制', '冻结资产'],
      people: [spokesperson],
    };
  },
  function election(rng, lex, roster) {
    const country = lex.countries.pick(rng);
    const winner = personWithRole(rng, roster, ['总统', '总理', '议员']);
    const share = rng.range(41, 62);
    return {
      topic: 'world',
      titles: [
        `${country}大选投票结束 ${winner.zh}宣布胜选`,
        `${winner.zh}赢得${country}大选`,
        `${country}选举结果出炉 ${winner.zh}得票率${share}%`,
        `分析：${winner.zh}胜选对${country}外交政策有何影响`,
      ],
      leads: [`${country}大选计票结果显示，${winner.zhFull}以${share}%的得票率胜出`, `${winner.zhFull}宣布在${country}大选中获胜`],
      focus: ['大选', '选民', '投票', '得票率', country, '胜选'],
      people: [winner],
    };
  },
  function verdict(rng, lex, roster) {
    const defendant = personWithRole(rng, roster, ['律师', '人权律师', '维权人士', '异见人士', '记者', '作家']);
    const city = lex.chinaPlaces.pick(rng);
    const years = rng.range(2, 14);
    return {
      topic: 'politics',
      titles: [
        `${defendant.zh}案在${city}宣判 被判${years}年`,
        `${defendant.role}${defendant.zh}被判处${years}年有期徒刑`,
        `${defendant.zh}获刑${years}年 人权组织谴责`,
        `${defendant.zh}案一审宣判 家属称将上诉`,
      ],
      leads: [`${city}法院以颠覆罪判处${defendant.role}${defendant.zhFull}有期徒刑${years}年`, `${defendant.zh}案在${city}一审宣判，${defendant.zh}被判处${years}年徒刑`],
      focus: ['判决', '法院', '上诉', '有期徒刑', city, '家属'],
      people: [defendant],
    };
  },
  function corporate(rng, _lex, roster) {
    const company = roster.company.pick(rng);
    const issue = rng.pick(CORPORATE_ISSUES);
    return {
      topic: 'economy',
      titles: [`${company.zh}爆出${issue}`, `${company.zh}${issue}事件持续发酵`, `监管部门就${issue}约谈${company.zh}`, `${company.zh}股价暴跌 ${issue}冲击市场`],
      leads: [`${company.zh}被曝${issue}，公司股价应声下跌`, `监管部门就${issue}一事约谈${company.zh}负责人`],
      focus: [company.zh, issue, '股价', '监管部门', '投资者'],
      people: [],
    };
  },
  function drill(rng, lex) {
    const country = lex.countries.pick(rng);
    const sea = rng.pick(SEAS);
    const days = rng.range(2, 9);
    return {
      topic: 'politics',
      titles: [`${country}在${sea}举行大规模军演`, `${country}军演持续 ${sea}局势升温`, `${country}${sea}军演 邻国密切关注`, `${sea}军演进入第${rng.range(2, days)}天`],
      leads: [`${country}军方宣布在${sea}举行为期${days}天的军事演习`, `${country}在${sea}的军演引发周边国家关注`],
      focus: [sea, '军演', '军舰', '战机', '紧张局势'],
      people: [],
    };
  },
  function protest(rng, lex) {
    const city = rng.chance(0.5) ? lex.worldCities.pick(rng) : lex.chinaPlaces.pick(rng);
    const arrests = rng.range(5, 400);
    return {
      topic: 'politics',
      titles: [`${city}爆发大规模抗议 ${arrests}人被捕`, `${city}示威持续 警方施放催泪弹`, `${city}抗议活动进入第${rng.range(2, 9)}天`, `${city}数万人上街 要求当局回应诉求`],
      leads: [`${city}爆发大规模抗议活动，警方逮捕了${arrests}人`, `数以万计的民众在${city}街头示威，要求当局回应诉求`],
      focus: [city, '抗议', '示威者', '警方', '催泪弹', '集会'],
      people: [],
    };
  },
  function dataRelease(rng, lex) {
    const country = lex.countries.pick(rng);
    const metric = lex.metrics.pick(rng);
    const value = (rng.int(150) / 10).toFixed(1);
    const change = rng.chance(0.5) ? '增长' : '下降';
    return {
      topic: 'economy',
      titles: [`${country}${metric}同比${change}${value}%`, `${country}${metric}${change}${value}% 不及预期`, `${country}最新数据：${metric}${change}${value}%`],
      leads: [`${country}官方公布的数据显示，${metric}同比${change}${value}%`, `${country}${metric}同比${change}${value}%，市场此前预期变化较小`],
      focus: [metric, '同比', '数据', '预期', '经济学家'],
      people: [],
    };
  },
];

/**
 * Scatters `count` events over `days` calendar days; each is covered for 2–5 days.
 * @example createEvents(rng, lex, roster, 3653, 70).length // 70
 */
export function createEvents(rng: Rng, lex: Lexicon, roster: Roster, days: number, count: number): CorpusEvent[] {
  const events: CorpusEvent[] = [];
  for (let i = 0; i < count; i++) {
    const span = rng.range(1, 4);
    const firstDay = rng.int(Math.max(1, days - span));
    const lastDay = Math.min(days - 1, firstDay + span);
    events.push({ ...rng.pick(FACTORIES)(rng, lex, roster), firstDay, lastDay });
  }
  return events.sort((x, y) => x.firstDay - y.firstDay);
}

/**
 * The phrase level of the Chinese grammar: nouns, noun phrases, subjects, people on first and
 * later mention, predicates, figures and clauses. Clause templates are weighted per topic
 * (figures are common in economy news, rare elsewhere) so that template words such as 同比 or
 * 产生…影响 do not crowd the vocabulary out of the top of the frequency table.
 */
import type { CorpusEvent } from './events.ts';
import type { Lexicon, Topic } from './lexicon.ts';
import type { Person } from './names.ts';
import { type Rng, WeightedTable } from './random.ts';
import { ABBREVIATED_INSTITUTIONS } from './words-zh.ts';

/** What one article is about. */
export interface ArticlePlan {
  topic: Topic;
  /** Publication time, for dated terms and day numbers (今天（27日）). */
  published: number;
  people: readonly Person[];
  places: readonly string[];
  /** Nouns this article repeats. */
  focus: readonly string[];
  event: CorpusEvent | null;
}

/** Per-article memory: people named once get their role only the first time. */
export interface Mentions {
  named: Set<Person>;
}

/** A template and its weight for each topic. */
interface Template {
  weight: (topic: Topic) => number;
  write: (rng: Rng, plan: ArticlePlan, mentions: Mentions) => string;
}

const ALL_TOPICS: readonly Topic[] = ['politics', 'economy', 'society', 'tech', 'world'];
const COLLECTIVE_SPEAKERS = ['官员', '专家', '分析人士', '知情人士', '当地居民', '业内人士', '消息人士', '批评者', '支持者', '学者'];
/** Metrics measured in money, which may change by an amount rather than a percentage. */
const MONEY_METRICS = new Set(['出口', '进口', '外汇储备', '财政收入', '营收', '净利润', '新增贷款', '社会融资规模', '固定资产投资', '零售销售', '贸易顺差']);
const PERIODS = ['上月', '今年前两个月', '第一季度', '第二季度', '第三季度', '去年', '上半年'];

/** Builds phrases and clauses from the lexicon for an article plan. */
export class PhraseMaker {
  private readonly clauses: readonly Template[] = [
    { weight: () => 5, write: (rng, plan, m) => `${this.subject(rng, plan, m)}${this.predicate(rng, plan)}` },
    { weight: (t) => (t === 'economy' ? 1.5 : 0.25), write: (rng, plan) => this.figure(rng, plan) },
    {
      weight: () => 0.8,
      write: (rng, plan) => `${this.nounPhrase(rng, plan)}${rng.pick(['面临', '出现', '引发', '带来'])}${this.lex.adjectives.pick(rng)}的${this.noun(rng, plan)}`,
    },
    { weight: () => 0.6, write: (rng, plan, m) => `${this.nounPhrase(rng, plan)}被${this.subject(rng, plan, m)}${this.lex.verbs.pick(rng)}` },
    {
      weight: (t) => (t === 'society' || t === 'politics' ? 0.6 : 0.2),
      write: (rng, plan) =>
        `${rng.pick(plan.places)}${rng.pick(['已有', '共有', '至少有'])}${rng.range(2, 999)}${rng.pick(['名', '名', '万名'])}${this.lex.groups.pick(rng)}${this.lex.outcomes.pick(rng)}`,
    },
    { weight: () => 0.3, write: (rng, plan) => `${this.nounPhrase(rng, plan)}对${this.noun(rng, plan)}产生${this.lex.adjectives.pick(rng)}影响` },
    {
      weight: (t) => (t === 'world' || t === 'politics' ? 1 : 0.4),
      write: (rng, plan, m) => `${this.subject(rng, plan, m)}与${this.lex.countries.pick(rng)}就${this.noun(rng, plan)}${rng.pick(['举行会谈', '进行磋商', '展开对话', '交换意见'])}`,
    },
    {
      weight: () => 0.8,
      write: (rng, plan, m) => `${this.subject(rng, plan, m)}${rng.pick(['计划', '准备', '希望', '试图', '拒绝'])}${this.lex.verbs.pick(rng)}${this.noun(rng, plan)}`,
    },
    {
      weight: () => 0.6,
      write: (rng, plan) => `${this.noun(rng, plan)}${rng.pick(['仍然是', '已经成为', '被视为', '依然是'])}${this.lex.adjectives.pick(rng)}的${this.noun(rng, plan)}`,
    },
  ];
  private readonly clauseTables: Readonly<Record<Topic, WeightedTable>>;

  constructor(private readonly lex: Lexicon) {
    this.clauseTables = tablesByTopic(this.clauses);
  }

  /** A clause without final punctuation (about 8–20 characters). */
  clause(rng: Rng, plan: ArticlePlan, mentions: Mentions): string {
    return this.clauses[this.clauseTables[plan.topic].sample(rng)]!.write(rng, plan, mentions);
  }

  /** Adverb + verb + object: 进一步加强网络安全. */
  predicate(rng: Rng, plan: ArticlePlan): string {
    const adverb = rng.chance(0.45) ? this.lex.adverbs.pick(rng) : '';
    return `${adverb}${this.lex.verbs.pick(rng)}${this.nounPhrase(rng, plan)}`;
  }

  /** A figure: 中国上月出口同比增长3.2%. */
  figure(rng: Rng, plan: ArticlePlan): string {
    const place = rng.chance(0.5) ? rng.pick(plan.places) : this.lex.countries.pick(rng);
    const metric = this.lex.metrics.pick(rng);
    const figure = MONEY_METRICS.has(metric) && rng.chance(0.4) ? this.amount(rng) : `${(rng.int(300) / 10).toFixed(1)}%`;
    return `${place}${rng.pick(PERIODS)}${metric}${rng.pick(['同比', '环比', ''])}${this.lex.change.pick(rng)}${figure}`;
  }

  /** An amount of money: 120亿美元, 3.5万亿元. */
  amount(rng: Rng): string {
    const value = rng.chance(0.3) ? (rng.int(1000) / 10).toFixed(1) : String(rng.range(2, 999));
    return `${value}${this.lex.money.pick(rng)}`;
  }

  /** Who does or says something: a person, an institution, a government, a group. */
  subject(rng: Rng, plan: ArticlePlan, mentions: Mentions): string {
    switch (rng.int(7)) {
      case 0:
      case 1:
        return this.mention(rng.pick(plan.people), mentions, rng);
      case 2:
        return this.lex.institutions.pick(rng);
      case 3:
        return `${rng.pick(plan.places)}${rng.pick(['政府', '当局', '官方', '警方', '市政府'])}`;
      case 4:
        return plan.topic === 'economy' ? this.lex.companies.pick(rng) : this.lex.countries.pick(rng);
      case 5:
        return this.abbreviated(rng);
      default:
        return rng.pick(COLLECTIVE_SPEAKERS);
    }
  }

  /** A person: country, role and full name on first mention, the short name afterwards. */
  mention(person: Person, mentions: Mentions, rng: Rng): string {
    if (mentions.named.has(person)) return person.zh;
    mentions.named.add(person);
    const country = rng.chance(0.6) ? person.country : '';
    return `${country}${person.role}${person.zhFull}`;
  }

  /** A noun phrase: a noun, 的-modified, place-qualified, compounded, counted, Latin, or an organisation. */
  nounPhrase(rng: Rng, plan: ArticlePlan): string {
    const r = rng.next();
    if (r < 0.42) return this.noun(rng, plan);
    if (r < 0.57) return `${this.lex.adjectives.pick(rng)}的${this.noun(rng, plan)}`;
    if (r < 0.72) return `${rng.pick(plan.places)}${this.noun(rng, plan)}`;
    if (r < 0.82) return `${this.noun(rng, plan)}${this.lex.general.pick(rng)}`;
    if (r < 0.86) return `${this.noun(rng, plan)}和${this.noun(rng, plan)}`;
    if (r < 0.88) return `${rng.range(2, 60)}${this.lex.countUnits.pick(rng)}${this.noun(rng, plan)}`;
    if (r < 0.93) return `${this.lex.latin.pick(rng)}${this.lex.general.pick(rng)}`;
    return plan.topic === 'economy' || plan.topic === 'tech' ? this.lex.companies.pick(rng) : this.lex.institutions.pick(rng);
  }

  /** One noun: the article's focus words a fifth of the time, else topic and general nouns. */
  noun(rng: Rng, plan: ArticlePlan): string {
    const r = rng.next();
    if (r < 0.22) return rng.pick(plan.focus);
    if (r < 0.65) return this.lex.nouns[plan.topic].pick(rng);
    return this.lex.general.pick(rng);
  }

  /** 北大西洋公约组织（NATO）, or the name alone. */
  private abbreviated(rng: Rng): string {
    const [name, abbreviation] = rng.pick(ABBREVIATED_INSTITUTIONS);
    return rng.chance(0.5) ? `${name}（${abbreviation}）` : name;
  }
}

/** One weighted table per topic over the same templates. */
export function tablesByTopic(templates: ReadonlyArray<{ weight: (topic: Topic) => number }>): Readonly<Record<Topic, WeightedTable>> {
  const tables = {} as Record<Topic, WeightedTable>;
  for (const topic of ALL_TOPICS) tables[topic] = new WeightedTable(templates.map((t) => t.weight(topic)));
  return tables;
}

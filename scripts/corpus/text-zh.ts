/**
 * Chinese news prose: sentences of 10–40 characters with Chinese punctuation (reported speech,
 * quotes, attributions, connectors around the clauses of `phrases-zh.ts`), paragraphs of 2–6
 * sentences, titles of 8–25 characters and picture captions. Each article has a plan — a topic,
 * a few people, places and focus nouns — that it keeps coming back to, so terms cluster within an
 * article the way they do in real reporting.
 */
import type { CorpusEvent } from './events.ts';
import type { Lexicon, Topic } from './lexicon.ts';
import type { Person, Roster } from './names.ts';
import { type ArticlePlan, type Mentions, PhraseMaker, tablesByTopic } from './phrases-zh.ts';
import type { Rng, WeightedTable } from './random.ts';
import { RTI_SECTIONS, TITLE_PREFIXES } from './words-zh.ts';

export type { ArticlePlan } from './phrases-zh.ts';

const MIN_SENTENCE = 10;
const MAX_SENTENCE = 40;
const MIN_TITLE = 8;
const MAX_TITLE = 25;

type SentenceTemplate = { weight: (topic: Topic) => number; write: (rng: Rng, plan: ArticlePlan, mentions: Mentions) => string };

/** Writes Chinese titles, sentences, paragraphs and captions for article plans. */
export class ChineseWriter {
  private readonly phrases: PhraseMaker;
  private readonly sentences: readonly SentenceTemplate[] = [
    { weight: () => 3, write: (rng, plan, m) => `${this.phrases.clause(rng, plan, m)}。` },
    { weight: () => 1.5, write: (rng, plan, m) => `${this.lex.times.pick(rng)}，${this.phrases.clause(rng, plan, m)}。` },
    { weight: () => 3, write: (rng, plan, m) => `${this.speaker(rng, plan, m)}${this.lex.speech.pick(rng)}，${this.phrases.clause(rng, plan, m)}。` },
    { weight: () => 1, write: (rng, plan, m) => `据${this.lex.media.pick(rng)}报道，${this.phrases.clause(rng, plan, m)}。` },
    { weight: () => 1.5, write: (rng, plan, m) => `${this.lex.connectors.pick(rng)}，${this.phrases.clause(rng, plan, m)}。` },
    { weight: () => 1, write: (rng, plan, m) => `${this.phrases.mention(rng.pick(plan.people), m, rng)}说：“${this.phrases.clause(rng, plan, m)}。”` },
    {
      weight: () => 1.5,
      write: (rng, plan, m) => `${this.phrases.clause(rng, plan, m)}，${rng.pick(['并', '同时', '而且', '但也'])}${this.phrases.predicate(rng, plan)}。`,
    },
    { weight: () => 0.4, write: (rng, plan, m) => `由于${this.phrases.nounPhrase(rng, plan)}${this.lex.change.pick(rng)}，${this.phrases.clause(rng, plan, m)}。` },
    {
      weight: (t) => (t === 'economy' ? 0.8 : 0.1),
      write: (rng, plan) => `${this.phrases.figure(rng, plan)}，${rng.pick(['创下近', '为近', '是近'])}${rng.range(2, 30)}年来${rng.pick(['新高', '新低', '最大变化'])}。`,
    },
    { weight: () => 0.2, write: (rng, plan, m) => `${this.phrases.clause(rng, plan, m)}？` },
  ];
  private readonly sentenceTables: Readonly<Record<Topic, WeightedTable>>;

  constructor(
    private readonly lex: Lexicon,
    private readonly roster: Roster,
  ) {
    this.phrases = new PhraseMaker(lex);
    this.sentenceTables = tablesByTopic(this.sentences);
  }

  /** Chooses what an article is about; an event article takes the event's topic, people and words. */
  plan(rng: Rng, topic: Topic, published: number, event: CorpusEvent | null): ArticlePlan {
    const people: Person[] = event ? [...event.people] : [];
    const wanted = rng.range(1, 3);
    while (people.length < wanted) people.push(this.roster.person.pick(rng));
    const planTopic = event?.topic ?? topic;
    const places = [this.lex.place(rng, planTopic), this.lex.countries.pick(rng)];
    const focus: string[] = event ? [...event.focus] : [];
    const era = this.lex.termsInUse(published);
    if (era.length > 0 && rng.chance(0.25)) focus.push(rng.pick(era));
    const extra = rng.range(3, 5);
    for (let i = 0; i < extra; i++) focus.push(this.lex.nouns[planTopic].pick(rng));
    return { topic: planTopic, published, people, places, focus, event };
  }

  /** A title of 8–25 characters; event articles mostly take one of the event's title variants. */
  title(rng: Rng, plan: ArticlePlan): string {
    if (plan.event && rng.chance(0.85)) return rng.pick(plan.event.titles);
    let best = '';
    for (let tries = 0; tries < 12; tries++) {
      const title = this.titleCandidate(rng, plan);
      if (title.length >= MIN_TITLE && title.length <= MAX_TITLE) return title;
      if (best === '' || Math.abs(title.length - 16) < Math.abs(best.length - 16)) best = title;
    }
    return best.length > MAX_TITLE ? best.slice(0, MAX_TITLE) : best;
  }

  /** RTI's section label for a title (`[两岸] `), in simplified characters. */
  rtiSection(rng: Rng): string {
    return `[${rng.pick(RTI_SECTIONS)}] `;
  }

  /** Paragraphs adding up to about `targetChars` characters; the first opens with the news. */
  paragraphs(rng: Rng, plan: ArticlePlan, targetChars: number): string[] {
    const mentions: Mentions = { named: new Set() };
    const paragraphs: string[] = [];
    let total = 0;
    while (total < targetChars) {
      const count = rng.range(2, 6);
      let paragraph = paragraphs.length === 0 ? this.lead(rng, plan, mentions) : this.sentence(rng, plan, mentions);
      for (let s = 1; s < count; s++) paragraph += this.sentence(rng, plan, mentions);
      paragraphs.push(paragraph);
      total += paragraph.length;
    }
    return paragraphs;
  }

  /** A picture caption: one short sentence, sometimes with a credit. */
  caption(rng: Rng, plan: ArticlePlan): string {
    const scene = `${rng.pick(plan.places)}${this.lex.times.pick(rng)}的${this.phrases.noun(rng, plan)}`;
    switch (rng.int(4)) {
      case 0:
        return `资料图片：${this.phrases.clause(rng, plan, { named: new Set() })}`;
      case 1:
        return `${scene}。（${this.lex.media.pick(rng)}图片）`;
      case 2:
        return `图为${scene}。`;
      default:
        return `${this.phrases.clause(rng, plan, { named: new Set() })}。`;
    }
  }

  /** The first sentence: the event's news, or a date-anchored statement. */
  private lead(rng: Rng, plan: ArticlePlan, mentions: Mentions): string {
    const news = plan.event ? rng.pick(plan.event.leads) : this.phrases.clause(rng, plan, mentions);
    return `${this.dayReference(rng, plan)}，${news}。`;
  }

  /** References to the publication date: 今天（27日）, 7月27日, 当地时间27日. */
  private dayReference(rng: Rng, plan: ArticlePlan): string {
    const date = new Date(plan.published);
    const day = date.getUTCDate();
    switch (rng.int(4)) {
      case 0:
        return `今天（${day}日）`;
      case 1:
        return `${date.getUTCMonth() + 1}月${day}日`;
      case 2:
        return `当地时间${day}日`;
      default:
        return this.lex.times.pick(rng);
    }
  }

  /** One sentence of 10–40 characters, ending in Chinese punctuation. */
  private sentence(rng: Rng, plan: ArticlePlan, mentions: Mentions): string {
    const table = this.sentenceTables[plan.topic];
    let best = '';
    for (let tries = 0; tries < 8; tries++) {
      const sentence = this.sentences[table.sample(rng)]!.write(rng, plan, mentions);
      if (sentence.length >= MIN_SENTENCE && sentence.length <= MAX_SENTENCE) return sentence;
      if (best === '' || Math.abs(sentence.length - 25) < Math.abs(best.length - 25)) best = sentence;
    }
    return best.length > MAX_SENTENCE ? `${best.slice(0, MAX_SENTENCE - 1)}。` : best;
  }

  private speaker(rng: Rng, plan: ArticlePlan, mentions: Mentions): string {
    return rng.chance(0.6) ? this.phrases.mention(rng.pick(plan.people), mentions, rng) : this.phrases.subject(rng, plan, mentions);
  }

  private titleCandidate(rng: Rng, plan: ArticlePlan): string {
    const lex = this.lex;
    const short = (): string => `${this.titleSubject(rng, plan)}${lex.verbs.pick(rng)}${this.phrases.noun(rng, plan)}`;
    switch (rng.int(7)) {
      case 0:
      case 1:
        return short();
      case 2:
        return `${short()} ${this.titleSubject(rng, plan)}${lex.verbs.pick(rng)}${this.phrases.noun(rng, plan)}`;
      case 3:
        return `${rng.pick(plan.people).zh}：${lex.verbs.pick(rng)}${this.phrases.nounPhrase(rng, plan)}`;
      case 4:
        return `${rng.pick(TITLE_PREFIXES)}：${short()}`;
      case 5:
        return plan.topic === 'economy' ? `${rng.pick(plan.places)}${lex.metrics.pick(rng)}${lex.change.pick(rng)}${(rng.int(300) / 10).toFixed(1)}%` : short();
      default:
        return `${this.phrases.nounPhrase(rng, plan)}引发“${this.phrases.noun(rng, plan)}”${rng.pick(['争议', '担忧', '关注', '讨论'])}`;
    }
  }

  private titleSubject(rng: Rng, plan: ArticlePlan): string {
    switch (rng.int(4)) {
      case 0:
        return rng.pick(plan.people).zh;
      case 1:
        return this.lex.institutions.pick(rng);
      case 2:
        return rng.pick(plan.places);
      default:
        return this.lex.countries.pick(rng);
    }
  }
}

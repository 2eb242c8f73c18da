/**
 * Decides everything about article i — date, outlet, language, script, event, title, URL, body —
 * from its own random stream, so any article can be rebuilt alone and the corpus is the same
 * whatever order it is written in.
 */
import type { Calendar } from './calendar.ts';
import type { BodyContext } from './furniture.ts';
import { type Lexicon, TOPICS, toTraditional } from './lexicon.ts';
import type { Roster } from './names.ts';
import { OUTLETS, type OutletSpec } from './outlets.ts';
import { Rng, WeightedTable } from './random.ts';
import { type Byline, bylineOf, type BylineOptions } from './bylines.ts';
import { EnglishWriter } from './text-en.ts';
import { type ArticlePlan, ChineseWriter } from './text-zh.ts';

/** One generated article, before it is laid out as a file. */
export interface ComposedArticle {
  /** Author and tags, in an archive generated with them (`bylines.ts`). */
  byline?: Byline;
  index: number;
  outlet: OutletSpec;
  /** Publication time, epoch milliseconds (UTC). */
  published: number;
  /** Title as the article's headers show it (script converted, outlet decoration added). */
  title: string;
  url: string;
  traditional: boolean;
  english: boolean;
  /** True when the article covers one of the corpus events. */
  coversEvent: boolean;
  /** HTML body with the outlet's furniture. */
  body: string;
  /** The rest of the article's random stream, for layout decisions. */
  rng: Rng;
}

/** Share of articles on an event's days that cover the event. */
const EVENT_COVERAGE = 0.45;
const DAY_MS = 86_400_000;

/** Builds articles by index for one corpus (seed, count, calendar). */
export class ArticleComposer {
  private readonly outletTable = new WeightedTable(OUTLETS.map((o) => o.weight));
  private readonly zh: ChineseWriter;
  private readonly en = new EnglishWriter();
  private readonly labels = new Map<string, string>();
  /** Authors and tags to draw (`npm run corpus -- --authors N --tags N`); null: none, as feeds write. */
  bylines: BylineOptions | null = null;

  constructor(
    private readonly seed: number,
    private readonly count: number,
    private readonly calendar: Calendar,
    lexicon: Lexicon,
    private readonly roster: Roster,
  ) {
    this.zh = new ChineseWriter(lexicon, roster);
  }

  /** The publication day of article `index`, without composing it (the first draw of its stream). */
  dayOf(index: number): number {
    return this.drawDay(Rng.forArticle(this.seed, index), index);
  }

  /** Article `index` (0 ≤ index < count). */
  compose(index: number): ComposedArticle {
    const rng = Rng.forArticle(this.seed, index);
    const day = this.drawDay(rng, index);
    const outlet = OUTLETS[this.outletTable.sample(rng)]!;
    let published = this.calendar.timeOfDay(rng, day, outlet.utcOffset);
    // Only zaobao's feed keeps milliseconds; the others publish whole seconds.
    if (outlet.key !== 'zaobao') published -= published % 1000;
    const english = rng.chance(outlet.englishShare);
    const traditional = !english && rng.chance(outlet.traditionalShare);
    const events = english ? [] : this.calendar.eventsOn(day);
    const event = events.length > 0 && rng.chance(EVENT_COVERAGE) ? rng.pick(events) : null;
    const plan = this.zh.plan(rng, rng.pick(TOPICS), published, event);
    const script = (text: string): string => (traditional ? toTraditional(text) : text);

    let title = english ? this.en.title(rng, plan) : this.zh.title(rng, plan);
    if (outlet.key === 'rti' && !english) title = this.zh.rtiSection(rng) + title;
    title = script(title);
    const url = outlet.url({ rng, published, title, traditional, english });
    title = outlet.decorateTitle?.(rng, title) ?? title;

    const target = outlet.key === 'rti' ? rng.range(300, 700) : Math.round(Math.min(3000, Math.max(300, rng.logNormal(900, 0.6))));
    const text = english ? this.en.paragraphs(rng, plan, target) : this.zh.paragraphs(rng, plan, target);
    // One conversion call for all paragraphs: opencc-js has a per-call cost.
    const paragraphs = traditional ? toTraditional(text.join('\n')).split('\n') : text;
    const body = outlet.body(this.bodyContext(rng, outlet, plan, { title, url, published, english, traditional, paragraphs }));
    const byline = this.bylines ? { byline: bylineOf(this.seed, index, this.bylines, this.roster) } : {};
    return { index, outlet, published, title, url, traditional, english, coversEvent: event !== null, body, rng, ...byline };
  }

  /** Stratified quantile: dates never go backwards as the index grows (see calendar.ts). */
  private drawDay(rng: Rng, index: number): number {
    return this.calendar.dayAt((index + rng.next()) / this.count);
  }

  private bodyContext(
    rng: Rng,
    outlet: OutletSpec,
    plan: ArticlePlan,
    article: { title: string; url: string; published: number; english: boolean; traditional: boolean; paragraphs: string[] },
  ): BodyContext {
    const script = (text: string): string => (article.traditional ? toTraditional(text) : text);
    return {
      rng,
      paragraphs: article.paragraphs,
      title: article.title,
      url: article.url,
      published: article.published,
      english: article.english,
      label: (simplified) => (article.traditional ? this.label(simplified) : simplified),
      caption: () => (article.english ? this.en.caption(rng, plan) : script(this.zh.caption(rng, plan))),
      related: () => {
        const published = article.published - rng.range(1, 60) * DAY_MS;
        const title = article.english ? this.en.title(rng, plan) : script(this.zh.title(rng, { ...plan, event: null }));
        return { title, url: outlet.url({ rng, published, title, traditional: article.traditional, english: article.english }) };
      },
      byline: () => script(this.roster.people[rng.int(this.roster.people.length)]!.zh),
    };
  }

  /** Furniture labels repeat endlessly; convert each once. */
  private label(simplified: string): string {
    let converted = this.labels.get(simplified);
    if (converted === undefined) {
      converted = toTraditional(simplified);
      this.labels.set(simplified, converted);
    }
    return converted;
  }
}

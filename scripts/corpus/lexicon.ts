/**
 * The vocabulary as weighted samplers: every word list becomes a Zipf bag, nouns are grouped by
 * topic, and dated terms (新冠疫情, ChatGPT) are only offered to articles published after they
 * appeared. Traditional characters come from `traditional.ts`, primed with this vocabulary.
 */
import { type Rng, ZipfBag } from './random.ts';
import { createTraditionalConverter, type TraditionalConverter } from './traditional.ts';
import * as zh from './words-zh.ts';

/** What an article is mostly about; decides which nouns dominate it. */
export type Topic = 'politics' | 'economy' | 'society' | 'tech' | 'world';

/** All topics, in the proportions of a general news archive (politics first). */
export const TOPICS: readonly Topic[] = ['politics', 'politics', 'world', 'world', 'economy', 'economy', 'society', 'society', 'tech'];

/** A dated term and the first millisecond it may appear. */
interface EraTerm {
  word: string;
  since: number;
}

/** The whole vocabulary, sampled with Zipf frequencies. One instance serves every article. */
export class Lexicon {
  readonly nouns: Readonly<Record<Topic, ZipfBag<string>>>;
  readonly general = new ZipfBag(zh.GENERAL_NOUNS);
  readonly verbs = new ZipfBag(zh.TRANSITIVE_VERBS);
  readonly speech = new ZipfBag(zh.SPEECH_VERBS, 1.2);
  readonly change = new ZipfBag(zh.CHANGE_VERBS, 0.8);
  readonly adverbs = new ZipfBag(zh.ADVERBS);
  readonly adjectives = new ZipfBag(zh.ADJECTIVES);
  readonly countries = new ZipfBag(zh.COUNTRIES, 1.1, 1);
  readonly chinaPlaces = new ZipfBag(zh.CHINA_PLACES, 1, 3);
  readonly worldCities = new ZipfBag(zh.WORLD_CITIES, 1, 3);
  readonly institutions = new ZipfBag(zh.INSTITUTIONS, 1, 2);
  readonly companies = new ZipfBag(zh.COMPANIES, 1, 2);
  readonly media = new ZipfBag(zh.MEDIA_SOURCES, 1, 2);
  readonly times = new ZipfBag(zh.TIME_WORDS, 0.9, 3);
  readonly connectors = new ZipfBag(zh.CONNECTORS, 0.9, 3);
  readonly roles = new ZipfBag(zh.ROLES, 1, 3);
  readonly metrics = new ZipfBag(zh.METRICS, 1, 2);
  readonly money = new ZipfBag(zh.MONEY_UNITS, 1, 2);
  readonly countUnits = new ZipfBag(zh.COUNT_UNITS, 1, 2);
  readonly groups = new ZipfBag(zh.PEOPLE_GROUPS, 0.9, 2);
  readonly outcomes = new ZipfBag(zh.OUTCOMES, 0.9, 2);
  readonly latin = new ZipfBag(zh.LATIN_TERMS, 1, 2);
  private readonly eraTerms: readonly EraTerm[];

  constructor() {
    this.nouns = {
      politics: new ZipfBag(zh.POLITICS_NOUNS),
      economy: new ZipfBag(zh.ECONOMY_NOUNS),
      society: new ZipfBag(zh.SOCIETY_NOUNS),
      tech: new ZipfBag(zh.TECH_NOUNS),
      // World news is politics told from abroad: same nouns, different places (see text-zh.ts).
      world: new ZipfBag(zh.POLITICS_NOUNS, 0.9),
    };
    this.eraTerms = zh.ERA_TERMS.map(([word, month]) => ({ word, since: Date.parse(`${month}-01T00:00:00Z`) }));
  }

  /** Dated terms already in use at `millis`. */
  termsInUse(millis: number): string[] {
    return this.eraTerms.filter((term) => term.since <= millis).map((term) => term.word);
  }

  /** A place: mostly Chinese places for Chinese topics, world cities for world news. */
  place(rng: Rng, topic: Topic): string {
    const abroad = topic === 'world' ? 0.7 : 0.2;
    return rng.chance(abroad) ? this.worldCities.pick(rng) : this.chinaPlaces.pick(rng);
  }
}

let converter: TraditionalConverter | undefined;

/** Every word of the Chinese lists, for priming the traditional converter. */
export function vocabularyWords(): string[] {
  const found: string[] = [];
  for (const value of Object.values(zh)) {
    if (!Array.isArray(value)) continue;
    for (const entry of value as ReadonlyArray<string | readonly string[]>) found.push(typeof entry === 'string' ? entry : entry[0]!);
  }
  return found;
}

/**
 * Simplified → Taiwan-standard traditional characters, with a converter built on first use
 * (loading opencc-js's dictionaries takes a fifth of a second).
 * @example toTraditional('国际关系') // '國際關係'
 */
export function toTraditional(text: string): string {
  converter ??= createTraditionalConverter(vocabularyWords());
  return converter(text);
}

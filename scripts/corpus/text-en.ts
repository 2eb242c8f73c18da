/**
 * English wire-style prose for the English-language articles: headline-case titles in the
 * present tense, past-tense sentences with attributions, figures and context phrases. People come
 * from the shared roster under their romanised names, so a person is findable in both languages.
 */
import type { ArticlePlan } from './text-zh.ts';
import { type Rng, ZipfBag } from './random.ts';
import { EN_CONTEXTS, EN_METRICS, EN_OBJECTS, EN_PLACES, EN_SPEECH, EN_SUBJECTS, EN_VERBS, EN_WEEKDAYS } from './words-en.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Writes English titles, paragraphs and captions. */
export class EnglishWriter {
  private readonly subjects = new ZipfBag(EN_SUBJECTS, 0.9);
  private readonly verbs = new ZipfBag(EN_VERBS, 0.8);
  private readonly speech = new ZipfBag(EN_SPEECH, 1.1);
  private readonly objects = new ZipfBag(EN_OBJECTS, 0.8);
  private readonly contexts = new ZipfBag(EN_CONTEXTS, 0.8);
  private readonly places = new ZipfBag(EN_PLACES, 1, 1);
  private readonly metrics = new ZipfBag(EN_METRICS, 0.8);

  /** A headline: "Beijing tightens export controls amid rising tensions". */
  title(rng: Rng, plan: ArticlePlan): string {
    const [, present] = this.verbs.pick(rng);
    const who = rng.chance(0.3) ? rng.pick(plan.people).en : this.places.pick(rng);
    const title = `${who} ${present} ${this.objects.pick(rng)}${rng.chance(0.5) ? ` ${this.contexts.pick(rng)}` : ''}`;
    return capitalize(title.replace(/^the /, ''));
  }

  /** Paragraphs of one to three sentences adding up to about `targetChars` characters. */
  paragraphs(rng: Rng, plan: ArticlePlan, targetChars: number): string[] {
    const paragraphs: string[] = [];
    let total = 0;
    const named = new Set<string>();
    while (total < targetChars) {
      const count = rng.range(1, 3);
      const sentences: string[] = [];
      for (let i = 0; i < count; i++) sentences.push(this.sentence(rng, plan, named));
      const paragraph = sentences.join(' ');
      paragraphs.push(paragraph);
      total += paragraph.length;
    }
    return paragraphs;
  }

  /** A photo caption. */
  caption(rng: Rng, plan: ArticlePlan): string {
    const date = new Date(plan.published);
    return `A view of ${this.places.pick(rng)} on ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()}.`;
  }

  private sentence(rng: Rng, plan: ArticlePlan, named: Set<string>): string {
    const weekday = EN_WEEKDAYS[new Date(plan.published).getUTCDay()]!;
    const [past] = this.verbs.pick(rng);
    switch (rng.int(5)) {
      case 0: {
        const person = rng.pick(plan.people);
        const who = named.has(person.en) ? person.en.split(' ').pop()! : `${person.en}, ${person.roleEn}`;
        named.add(person.en);
        return `${capitalize(this.subjects.pick(rng))} ${past} ${this.objects.pick(rng)}, ${who} ${this.speech.pick(rng)}.`;
      }
      case 1:
        return `${capitalize(this.subjects.pick(rng))} in ${this.places.pick(rng)} ${past} ${this.objects.pick(rng)} on ${weekday} ${this.contexts.pick(rng)}.`;
      case 2: {
        const change = rng.chance(0.5) ? 'rose' : 'fell';
        const month = MONTHS[rng.int(12)];
        return `${capitalize(this.metrics.pick(rng))} in ${this.places.pick(rng)} ${change} ${(rng.int(200) / 10).toFixed(1)}% in ${month} from a year earlier, official data showed.`;
      }
      case 3:
        return `The decision comes ${this.contexts.pick(rng)}, and ${this.subjects.pick(rng)} ${this.speech.pick(rng)} more steps would follow.`;
      default:
        return `${capitalize(this.subjects.pick(rng))} ${past} ${this.objects.pick(rng)} ${this.contexts.pick(rng)}.`;
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The page's language: which one is shown, its strings (traditional Chinese and English are
 * chunks loaded on demand), and the reader's choice among the three. The page
 * never shows a mix: a language is switched to once its strings are here.
 */
import { loadedMessages, loadMessages, ZH_HANS, type Lang, type Messages } from '../i18n/i18n.ts';

export class Locale {
  lang: Lang = $state('zh-Hans');
  /** Strings of the languages loaded so far. */
  private messages: Partial<Record<Lang, Messages>> = $state.raw({ 'zh-Hans': ZH_HANS });
  readonly t: Messages = $derived(this.messages[this.lang] ?? ZH_HANS);
  /** False until the strings of `lang` have arrived: the App shows nothing in a wrong language. */
  readonly hasMessages: boolean = $derived(this.messages[this.lang] !== undefined);
  /** The language the URL names (`?lang=`), kept in the URL once chosen. */
  urlLang: Lang | undefined;

  /**
   * @param chinese the visitor's Chinese (what the switch goes back to from English)
   * @param log reports a language whose strings could not be loaded
   */
  constructor(
    readonly chinese: Lang,
    private readonly log: (error: unknown) => void,
  ) {}

  /** Starts in `lang` (its strings at once for simplified Chinese, else as soon as they arrive). */
  start(lang: Lang, urlLang: Lang | undefined): void {
    this.urlLang = urlLang;
    this.lang = lang;
    void this.need(lang);
  }

  /** Shows `lang` once its strings are here (Back/Forward to an entry in another language). */
  show(lang: Lang): Promise<void> {
    return this.need(lang).then(() => {
      this.lang = lang;
    });
  }

  /** Switches to `lang` (the selector's choice); resolves once switched (the URL then names it). */
  choose(lang: Lang): Promise<void> {
    return this.need(lang).then(() => {
      this.lang = lang;
      this.urlLang = lang;
    });
  }

  /** Loads the strings of `lang`; a failure falls back to simplified Chinese. */
  private need(lang: Lang): Promise<void> {
    const known = loadedMessages(lang);
    if (known) {
      if (!this.messages[lang]) this.messages = { ...this.messages, [lang]: known };
      return Promise.resolve();
    }
    return loadMessages(lang).then(
      (messages) => {
        this.messages = { ...this.messages, [lang]: messages };
      },
      (error: unknown) => {
        this.log(error);
        this.messages = { ...this.messages, [lang]: ZH_HANS };
      },
    );
  }
}

import { interpolate, messageWords, templateIn } from '../domain/messageWords';
import type { Message, MessageValues } from '../domain/text';
import { catalogues, type Language, type TranslationKey } from './messages';

/** Placeholder values: words, numbers, days and nested messages (src/domain/text.ts `MessageValue`). */
export type TranslationParams = MessageValues;
export type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** German for any `de*` locale (de, de-DE, de-AT, de-CH …), English for everything else. */
export function languageForLocale(locale: string | null | undefined): Language {
  return locale && /^de(?:[-_]|$)/i.test(locale.trim()) ? 'de' : 'en';
}

export { interpolate };

export function createTranslator(language: Language): Translate {
  const own = templateIn(catalogues[language]);
  const english = templateIn(catalogues.en);
  const templateOf = (key: string) => own(key) ?? english(key);
  return (key, params) => messageWords(templateOf, language, params ? { key, values: params } : { key });
}

/** Placeholder names used in a message, sorted, e.g. `["name", "url"]`. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** A user-visible text as data: a typed key of the app's catalogues plus its placeholder values. */
export type AppMessage = Message<TranslationKey>;

/** Words for a `Message` handed up by the domain or a feature. */
export function translateMessage(t: Translate, message: AppMessage): string {
  return t(message.key, message.values);
}

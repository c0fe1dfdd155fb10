import type { Message } from '../domain/text';
import { catalogues, type Language, type TranslationKey } from './messages';

export type TranslationParams = Readonly<Record<string, string | number>>;
export type Translate = (key: TranslationKey, params?: TranslationParams) => string;

/** German for any `de*` locale (de, de-DE, de-AT, de-CH …), English for everything else. */
export function languageForLocale(locale: string | null | undefined): Language {
  return locale && /^de(?:[-_]|$)/i.test(locale.trim()) ? 'de' : 'en';
}

/** Replaces `{name}` placeholders; a placeholder without a value stays visible so it gets noticed. */
export function interpolate(template: string, params: TranslationParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function createTranslator(language: Language): Translate {
  const messages = catalogues[language];
  return (key, params) => {
    const template = lookup(messages, key) ?? lookup(catalogues.en, key);
    if (template === undefined) throw new Error(`Missing translation for "${key}" (${language}).`);
    return interpolate(template, params);
  };
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

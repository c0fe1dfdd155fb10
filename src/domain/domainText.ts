/**
 * The words of a domain `Message` without the app's i18n (which the domain may not import): the
 * English `Error.message` of domain errors, and tests. The UI translates with `t(key, values)`.
 * Same renderer as the app's translator (messageWords.ts): days and nested messages included.
 */
import { domainDe, domainEn } from './locales';
import { messageWords, templateIn } from './messageWords';
import type { DomainMessageKey, Language, Message } from './text';

const templates = { de: templateIn(domainDe), en: templateIn(domainEn) };

/** The text of a domain message in one language (default English), placeholders filled; unknown ones stay visible. */
export function domainText(text: Message<DomainMessageKey> | DomainMessageKey, language: Language = 'en'): string {
  return messageWords(templates[language], language, typeof text === 'string' ? { key: text } : text);
}

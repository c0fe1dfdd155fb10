/**
 * Tests only: a domain `Message` in words, looked up in the domain's own locale files (the domain may
 * not import src/i18n), so a test compares the same words the user reads.
 */
import { domainDe, domainEn } from '../locales';
import { messageWords, templateIn } from '../messageWords';
import type { Language, Message } from '../text';

const templates = { de: templateIn(domainDe), en: templateIn(domainEn) };

export function words(text: Message<string>, language: Language = 'en'): string {
  return messageWords(templates[language], language, text);
}

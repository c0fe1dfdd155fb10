/**
 * The words of a domain `Message` without the app's i18n (which the domain may not import): the
 * English `Error.message` of domain errors, and tests. The UI translates with `t(key, values)`.
 */
import { domainDe, domainEn } from './locales';
import type { DomainMessageKey, Language, Message } from './text';

function lookup(catalogue: unknown, key: string): string | undefined {
  let node = catalogue;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** The text of a domain message in one language (default English), placeholders filled; unknown ones stay visible. */
export function domainText(text: Message<DomainMessageKey>, language: Language = 'en'): string {
  const template = lookup(language === 'de' ? domainDe : domainEn, text.key);
  if (template === undefined) throw new Error(`Missing domain text "${text.key}" (${language}).`);
  const values = text.values ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}

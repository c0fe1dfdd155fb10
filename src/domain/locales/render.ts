/**
 * A domain text in words, for the few places outside the UI that need one (test fixtures, English error
 * messages for logs). The UI translates through src/i18n, which mounts the same catalogues.
 */
import type { DomainMessageKey, Language, Message } from '../text';
import { domainDe, domainEn } from './index';

export function domainText(text: Message | DomainMessageKey, language: Language): string {
  const { key, values = {} } = typeof text === 'string' ? { key: text, values: {} } : text;
  let node: unknown = language === 'de' ? domainDe : domainEn;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`Missing domain text "${key}" (${language}).`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

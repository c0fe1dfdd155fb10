/**
 * Words for a `Message` in one language: the one place that fills `{placeholders}`, writes days and turns
 * nested messages into words. src/i18n uses it over all catalogues; domain tests over the domain's own.
 */
import type { DayValue, Language, Message, MessageValue, MessageValues } from './text';
import { toPlainDate, type PlainDate } from './zonedTime';

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 15.03.2026 / 15 Mar 2026 */
export function dayInWords(date: PlainDate, language: Language): string {
  return language === 'de' ? `${pad(date.day)}.${pad(date.month)}.${date.year}` : `${date.day} ${MONTHS_EN[date.month - 1]} ${date.year}`;
}

/** The day of an instant in the company's time zone, as a message value the translator writes per language. */
export function dayValue(instant: Date, timeZone: string): DayValue {
  return { day: toPlainDate(instant, timeZone) };
}

/** Replaces `{name}` placeholders; a placeholder without a value stays visible so it gets noticed. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

const isDay = (value: MessageValue): value is DayValue => typeof value === 'object' && 'day' in value;

/** The template of a key in one language; undefined when the catalogue lacks it. */
export type TemplateLookup = (key: string) => string | undefined;

/** The message in words; throws naming the key when a template is missing. */
export function messageWords(templateOf: TemplateLookup, language: Language, message: Message<string>): string {
  const template = templateOf(message.key);
  if (template === undefined) throw new Error(`Missing translation for "${message.key}" (${language}).`);
  return interpolate(template, valuesInWords(templateOf, language, message.values));
}

/** Placeholder values as plain words: days the language's way, nested messages translated, lists joined by spaces. */
export function valuesInWords(templateOf: TemplateLookup, language: Language, values: MessageValues = {}): Record<string, string | number> {
  const words = (value: MessageValue): string | number => {
    if (typeof value === 'string' || typeof value === 'number') return value;
    if (isArray(value)) return value.map((m) => messageWords(templateOf, language, m)).join(' ');
    if (isDay(value)) return dayInWords(value.day, language);
    return messageWords(templateOf, language, value);
  };
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, words(value)]));
}

const isArray = (value: MessageValue): value is readonly Message<string>[] => Array.isArray(value);

/** The template at a dotted key in a nested catalogue. */
export function templateIn(catalogue: unknown): TemplateLookup {
  return (key) => {
    let node: unknown = catalogue;
    for (const part of key.split('.')) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}

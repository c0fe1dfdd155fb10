import type { DomainMessages } from './locales';
import type { PlainDate } from './zonedTime';

/** The two languages of every user-visible string. */
export type Language = 'de' | 'en';

/** Dotted paths to every string leaf of a nested message object, e.g. `alarms.policyStale.message`. */
export type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends object ? `${K}.${LeafPaths<T[K]>}` : never;
}[keyof T & string];

/** A key of the domain's own texts (src/domain/locales). */
export type DomainMessageKey = LeafPaths<DomainMessages>;

/** A calendar day as a message value: the translator writes it the reader's way (15.03.2026 / 15 Mar 2026). */
export interface DayValue {
  readonly day: PlainDate;
}

/**
 * A placeholder's value: plain words or a number, a day, or a nested message (a list of them reads as one
 * sentence, joined by spaces), each written in the reader's language (messageWords.ts).
 */
export type MessageValue = string | number | DayValue | Message<string> | readonly Message<string>[];

export type MessageValues = Readonly<Record<string, MessageValue>>;

/**
 * A user-visible text as data: a typed key into the de/en locale files plus the values for its
 * `{placeholders}`. The domain and the features hand these up; only the UI (or a PDF writer) turns
 * them into words, in the reader's language.
 */
export interface Message<K extends string = DomainMessageKey> {
  readonly key: K;
  readonly values?: MessageValues;
}

export function message<K extends string = DomainMessageKey>(key: K, values?: MessageValues): Message<K> {
  return values ? { key, values } : { key };
}

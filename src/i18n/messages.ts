/**
 * The message catalogues. English is the reference: its structure defines the key type, so a key
 * used in code but missing from en.json is a compile error, and a key missing from de.json is one
 * too (de must satisfy the English shape). Placeholders like `{name}` are checked by a unit test.
 */
import de from './locales/de.json';
import en from './locales/en.json';

export type Messages = typeof en;
export type Language = 'de' | 'en';

/** Dotted paths to every string leaf of a nested message object, e.g. `evidence.columns.title`. */
export type LeafPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends object ? `${K}.${LeafPaths<T[K]>}` : never;
}[keyof T & string];

export type TranslationKey = LeafPaths<Messages>;

const germanMessages: Messages = de;

export const catalogues: Readonly<Record<Language, Messages>> = { de: germanMessages, en };

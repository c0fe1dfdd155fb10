/** Bilingual text: every user-visible string in the domain comes in German and English. */
export type Lang = 'de' | 'en';

export interface Localized {
  de: string;
  en: string;
}

export function localized(de: string, en: string): Localized {
  return { de, en };
}

/** The text in one language. */
export function pick(text: Localized, lang: Lang): string {
  return text[lang];
}

/** Replaces `{name}` placeholders in both languages. Unknown placeholders stay visible. */
export function fill(text: Localized, values: Record<string, string | number>): Localized {
  const replace = (s: string) =>
    s.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  return { de: replace(text.de), en: replace(text.en) };
}

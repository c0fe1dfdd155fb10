import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from './messages';
import { createTranslator, languageForLocale, type Translate } from './translate';

export interface I18n {
  language: Language;
  /** BCP 47 locale for dates and numbers, e.g. `de-DE`. */
  locale: string;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const language = languageForLocale(locale);
    return { language, locale, t: createTranslator(language) };
  }, [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() must be used inside <I18nProvider>.');
  return value;
}

export { I18nProvider, useI18n, type I18n } from './I18nProvider';
export { catalogues, type Language, type Messages, type TranslationKey } from './messages';
export { createTranslator, interpolate, languageForLocale, placeholdersOf, translateMessage, type AppMessage, type Translate, type TranslationParams } from './translate';

/**
 * The message catalogues. English is the reference: its structure defines the key type, so a key
 * used in code but missing from en.json is a compile error, and a key missing from de.json is one
 * too (de must satisfy the English shape). Placeholders like `{name}` are checked by a unit test.
 */
import { domainDe, domainEn } from '../domain/locales';
import type { Language, LeafPaths } from '../domain/text';
import coreDe from './locales/de.json';
import coreEn from './locales/en.json';
import ackDe from './locales/features/acknowledgements.de.json';
import ackEn from './locales/features/acknowledgements.en.json';
import authDe from './locales/features/auth.de.json';
import authEn from './locales/features/auth.en.json';
import binderDe from './locales/features/binder.de.json';
import binderEn from './locales/features/binder.en.json';
import dashboardDe from './locales/features/dashboard.de.json';
import dashboardEn from './locales/features/dashboard.en.json';
import minutesPdfDe from './locales/features/minutesPdf.de.json';
import minutesPdfEn from './locales/features/minutesPdf.en.json';
import nudgesDe from './locales/features/nudges.de.json';
import nudgesEn from './locales/features/nudges.en.json';
import outlookDe from './locales/features/outlook.de.json';
import outlookEn from './locales/features/outlook.en.json';
import panelDe from './locales/features/panel.de.json';
import panelEn from './locales/features/panel.en.json';
import reviewsDe from './locales/features/reviews.de.json';
import reviewsEn from './locales/features/reviews.en.json';
import setupDe from './locales/features/setup.de.json';
import setupEn from './locales/features/setup.en.json';
import storeDe from './locales/features/store.de.json';
import storeEn from './locales/features/store.en.json';

/**
 * Core texts live in locales/{de,en}.json; each feature keeps its own pair under
 * locales/features/<feature>.{de,en}.json and is mounted here under its own namespace
 * (`t('reviews.title')`), so features never edit the same file.
 */
const en = {
  ...domainEn,
  ...coreEn,
  ack: ackEn,
  auth: authEn,
  binder: binderEn,
  dashboard: dashboardEn,
  minutesPdf: minutesPdfEn,
  nudges: nudgesEn,
  outlook: outlookEn,
  panel: panelEn,
  reviews: reviewsEn,
  setup: setupEn,
  store: storeEn,
};
const de: Messages = {
  ...domainDe,
  ...coreDe,
  ack: ackDe,
  auth: authDe,
  binder: binderDe,
  dashboard: dashboardDe,
  minutesPdf: minutesPdfDe,
  nudges: nudgesDe,
  outlook: outlookDe,
  panel: panelDe,
  reviews: reviewsDe,
  setup: setupDe,
  store: storeDe,
};

export type Messages = typeof en;
export type { Language };

export type TranslationKey = LeafPaths<Messages>;

export const catalogues: Readonly<Record<Language, Messages>> = { de, en };

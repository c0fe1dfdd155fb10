/**
 * The domain's own texts (alarm messages, checklist items, agenda topics …), one de/en JSON pair per
 * namespace. The domain names a text by key (`message('alarms.policyStale.message', { days })`);
 * src/i18n mounts these catalogues next to the UI's, so the UI translates domain and UI keys alike.
 * English is the reference shape; German must match it (checked by the type below and a unit test).
 */

import reviewDe from './review.de.json';
import reviewEn from './review.en.json';

/** Add a namespace: `import xDe from './x.de.json'` / `xEn`, then one line in each object. */
export const domainEn = {
  review: reviewEn,
};

export const domainDe: DomainMessages = {
  review: reviewDe,
};

export type DomainMessages = typeof domainEn;

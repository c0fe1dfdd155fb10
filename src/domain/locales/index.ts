/**
 * The domain's own texts (alarm messages, checklist items, agenda topics …), one de/en JSON pair per
 * namespace. The domain names a text by key (`message('alarms.policyStale.message', { days })`);
 * src/i18n mounts these catalogues next to the UI's, so the UI translates domain and UI keys alike.
 * English is the reference shape; German must match it (checked by the type below and a unit test).
 */
import alarmsDe from './alarms.de.json';
import alarmsEn from './alarms.en.json';
import readinessDe from './readiness.de.json';
import readinessEn from './readiness.en.json';
import reviewDe from './review.de.json';
import reviewEn from './review.en.json';
import signatureDe from './signature.de.json';
import signatureEn from './signature.en.json';
import validationDe from './validation.de.json';
import validationEn from './validation.en.json';

/** Add a namespace: `import xDe from './x.de.json'` / `xEn`, then one line in each object. */
export const domainEn = {
  alarms: alarmsEn,
  readiness: readinessEn,
  review: reviewEn,
  signature: signatureEn,
  validation: validationEn,
};

export const domainDe: DomainMessages = {
  alarms: alarmsDe,
  readiness: readinessDe,
  review: reviewDe,
  signature: signatureDe,
  validation: validationDe,
};

export type DomainMessages = typeof domainEn;

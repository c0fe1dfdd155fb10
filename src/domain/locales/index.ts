/**
 * The domain's own texts (alarm messages, checklist items, agenda topics …), one de/en JSON pair per
 * namespace. The domain names a text by key (`message('alarms.policyStale.message', { days })`);
 * src/i18n mounts these catalogues next to the UI's, so the UI translates domain and UI keys alike.
 * English is the reference shape; German must match it (checked by the type below and a unit test).
 */
import agendaDe from './agenda.de.json';
import agendaEn from './agenda.en.json';
import ceoActionsDe from './ceoActions.de.json';
import ceoActionsEn from './ceoActions.en.json';
import checklistDe from './checklist.de.json';
import checklistEn from './checklist.en.json';
import firstStepsDe from './firstSteps.de.json';
import firstStepsEn from './firstSteps.en.json';
import rolesDe from './roles.de.json';
import rolesEn from './roles.en.json';
import signatureDe from './signature.de.json';
import signatureEn from './signature.en.json';

import reviewDe from './review.de.json';
import reviewEn from './review.en.json';
/** Add a namespace: `import xDe from './x.de.json'` / `xEn`, then one line in each object. */
export const domainEn = {
  agenda: agendaEn,
  ceoActions: ceoActionsEn,
  checklist: checklistEn,
  firstSteps: firstStepsEn,
  review: reviewEn,
  roles: rolesEn,
  signature: signatureEn,
};

export const domainDe: DomainMessages = {
  agenda: agendaDe,
  ceoActions: ceoActionsDe,
  checklist: checklistDe,
  firstSteps: firstStepsDe,
  review: reviewDe,
  roles: rolesDe,
  signature: signatureDe,
};

export type DomainMessages = typeof domainEn;

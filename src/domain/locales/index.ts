/**
 * The domain's own texts (alarm messages, checklist items, agenda topics …), one de/en JSON pair per
 * namespace. The domain names a text by key (`message('alarms.policyStale.message', { days })`);
 * src/i18n mounts these catalogues next to the UI's, so the UI translates domain and UI keys alike.
 * English is the reference shape; German must match it (checked by the type below and a unit test).
 */
import agendaDe from './agenda.de.json';
import agendaEn from './agenda.en.json';
import alarmsDe from './alarms.de.json';
import alarmsEn from './alarms.en.json';
import ceoActionsDe from './ceoActions.de.json';
import ceoActionsEn from './ceoActions.en.json';
import checklistDe from './checklist.de.json';
import clausesDe from './clauses.de.json';
import clausesEn from './clauses.en.json';
import checklistEn from './checklist.en.json';
import evidenceItemDe from './evidenceItem.de.json';
import evidenceItemEn from './evidenceItem.en.json';
import firstStepsDe from './firstSteps.de.json';
import firstStepsEn from './firstSteps.en.json';
import freshnessDe from './freshness.de.json';
import freshnessEn from './freshness.en.json';
import readinessDe from './readiness.de.json';
import readinessEn from './readiness.en.json';
import reviewDe from './review.de.json';
import reviewEn from './review.en.json';
import rolesDe from './roles.de.json';
import rolesEn from './roles.en.json';
import signatureDe from './signature.de.json';
import signatureEn from './signature.en.json';
import validationDe from './validation.de.json';
import validationEn from './validation.en.json';
import { sourceMessagesDe, sourceMessagesEn } from '../sources/registry';

/** Add a namespace: `import xDe from './x.de.json'` / `xEn`, then one line in each object. */
export const domainEn = {
  agenda: agendaEn,
  alarms: alarmsEn,
  ceoActions: ceoActionsEn,
  checklist: checklistEn,
  clauses: clausesEn,
  evidenceItem: evidenceItemEn,
  firstSteps: firstStepsEn,
  freshness: freshnessEn,
  readiness: readinessEn,
  review: reviewEn,
  roles: rolesEn,
  signature: signatureEn,
  validation: validationEn,
  /** Each evidence source's texts (src/domain/sources/<source>/), from the registry. */
  sources: sourceMessagesEn,
};

export const domainDe: DomainMessages = {
  agenda: agendaDe,
  alarms: alarmsDe,
  ceoActions: ceoActionsDe,
  checklist: checklistDe,
  clauses: clausesDe,
  evidenceItem: evidenceItemDe,
  firstSteps: firstStepsDe,
  freshness: freshnessDe,
  readiness: readinessDe,
  review: reviewDe,
  roles: rolesDe,
  signature: signatureDe,
  validation: validationDe,
  sources: sourceMessagesDe,
};

export type DomainMessages = typeof domainEn;

/**
 * The kinds of evidence Chefsache collects, the clauses each supports (DOMAIN.md's mapping),
 * how long it counts as current and which checklist item it counts for.
 */
import { z } from 'zod';
import type { ChecklistItemId } from './checklistItems';
import type { ClauseId } from './clauses';
import type { FreshnessCategory } from './freshnessSettings';
import type { Localized } from './text';

export const EVIDENCE_TYPE_IDS = [
  'securityPolicy',
  'reviewMinutes',
  'reviewBooking',
  'meetingAttendance',
  'meetingTranscript',
  'securityObjectives',
  'objectiveProgressReport',
  'budgetPlan',
  'securityInvoice',
  'isbAppointment',
  'roleDescription',
  'orgChart',
  'ceoMail',
  'intranetPost',
  'allHandsSlides',
  'internalAuditReport',
  'trainingRecord',
  'other',
] as const;

export type EvidenceTypeId = (typeof EVIDENCE_TYPE_IDS)[number];

export const EvidenceTypeIdSchema = z.enum(EVIDENCE_TYPE_IDS, { error: 'evidence.type.unknown' });

export interface EvidenceType {
  id: EvidenceTypeId;
  label: Localized;
  /** Clauses this kind of evidence supports by default. */
  clauses: readonly ClauseId[];
  freshness: FreshnessCategory;
  /** The seed checklist item it counts for; null when it supports other checks only. */
  checklistItem: ChecklistItemId | null;
  /** Fields an item of this type must carry. */
  requires: readonly ('signedBy' | 'appointee' | 'scheduledFor' | 'author')[];
}

const t = (
  id: EvidenceTypeId,
  de: string,
  en: string,
  clauses: ClauseId[],
  freshness: FreshnessCategory,
  checklistItem: ChecklistItemId | null,
  requires: EvidenceType['requires'] = [],
): EvidenceType => ({ id, label: { de, en }, clauses, freshness, checklistItem, requires });

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  t('securityPolicy', 'Unterschriebene und datierte Sicherheitsleitlinie', 'Signed and dated security policy', ['5.1a', '5.2', 'A.5.4'], 'policy', 'policy', ['signedBy']),
  t('reviewMinutes', 'Protokoll des Management-Reviews', 'Management review minutes', ['9.3', '9.3.3', '5.1e', '5.1g'], 'review', 'reviewMinutes'),
  t('reviewBooking', 'Gebuchter Management-Review-Termin', 'Booked management review', ['9.3.1'], 'reviewBooking', null, ['scheduledFor']),
  t('meetingAttendance', 'Teilnahme an einer Besprechung', 'Meeting attendance', ['9.3', '5.1e'], 'review', null),
  t('meetingTranscript', 'Besprechungstranskript', 'Meeting transcript', ['9.3', '5.1e'], 'review', null),
  t('securityObjectives', 'Sicherheitsziele und Pläne', 'Security objectives and plans', ['6.2', '5.1a'], 'objectives', 'objectivesAndPlans'),
  t('objectiveProgressReport', 'Fortschrittsbericht zu den Sicherheitszielen', 'Progress report on security objectives', ['6.2', '5.1a', '9.3.2d4'], 'progress', 'objectivesAndPlans'),
  t('budgetPlan', 'Budgetplan mit Position für Informationssicherheit', 'Budget plan with a security line', ['5.1c', '7.1'], 'budget', 'budget'),
  t('securityInvoice', 'Rechnung für Sicherheitsmaßnahmen', 'Invoice for security measures', ['5.1c', '7.1'], 'budget', 'budget'),
  t('isbAppointment', 'Ernennung des/der Informationssicherheitsbeauftragten', 'Appointment of the information security officer', ['5.3', '5.1h'], 'appointment', null, ['appointee']),
  t('roleDescription', 'Rollenbeschreibung', 'Role description', ['5.3', '5.1h'], 'organisation', null),
  t('orgChart', 'Organigramm', 'Org chart', ['5.3', '5.1h'], 'organisation', null),
  t('ceoMail', 'E-Mail der Geschäftsführung an die Mitarbeitenden', 'Email from management to staff', ['5.1d', '7.4', 'A.5.4'], 'communication', 'ceoMails', ['author']),
  t('intranetPost', 'Intranet-Beitrag', 'Intranet post', ['5.1d', '7.4', '7.3'], 'communication', 'intranetPosts'),
  t('allHandsSlides', 'Folien einer Betriebsversammlung', 'All-hands slides', ['5.1d', '7.4', '7.3'], 'communication', 'allHandsSlides'),
  t('internalAuditReport', 'Bericht eines internen Audits an die Geschäftsführung', 'Internal audit report presented to management', ['9.2', '9.3.2d3'], 'auditReport', 'internalAuditReports'),
  t('trainingRecord', 'Schulungsnachweis', 'Training record', ['7.2', '7.3', 'A.5.4'], 'training', 'trainingRecords'),
  t('other', 'Sonstiger Nachweis', 'Other evidence', [], 'other', null),
];

const byId = new Map<EvidenceTypeId, EvidenceType>(EVIDENCE_TYPES.map((type) => [type.id, type]));

export function evidenceTypeById(id: EvidenceTypeId): EvidenceType {
  const type = byId.get(id);
  if (!type) throw new RangeError(`Unknown evidence type "${id}".`);
  return type;
}

export function isEvidenceTypeId(value: string): value is EvidenceTypeId {
  return byId.has(value as EvidenceTypeId);
}

/** The evidence types that count for a checklist item. */
export function evidenceTypesFor(item: ChecklistItemId): EvidenceType[] {
  return EVIDENCE_TYPES.filter((type) => type.checklistItem === item);
}

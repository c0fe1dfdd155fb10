/**
 * Test data for the domain's unit tests: the demo company's people and an evidence item builder.
 * Not exported from index.ts.
 */
import type { EvidenceItem } from './evidence';
import { evidenceTypeById, type EvidenceTypeId } from './evidenceTypes';
import { domainText } from './domainText';
import type { PersonRef } from './people';
import { eventSourceKey, mailSourceKey, uploadSourceKey } from './sourceKeys';

const person = (login: string, displayName: string): PersonRef => ({
  id: `id-${login}`,
  upn: `${login}@mustergmbh.onmicrosoft.com`,
  displayName,
});

export const KATRIN = person('katrin.berger', 'Katrin Berger');
export const THOMAS = person('thomas.schmidt', 'Thomas Schmidt');
export const SABINE = person('sabine.koch', 'Sabine Koch');
export const JONAS = person('jonas.weber', 'Jonas Weber');
export const ANNA = person('anna.mueller', 'Anna Müller');
export const PETRA = person('petra.pruefer', 'Petra Prüfer');
/** Managing director until last year; no longer in the company. */
export const KLAUS = person('klaus.alt', 'Klaus Alt');

export const TOP_MANAGEMENT = [KATRIN, THOMAS, SABINE];

let counter = 0;

/** A valid, accepted item of `type`, effective at `effectiveDate`; override any field. */
export function makeItem(type: EvidenceTypeId, effectiveDate: string, overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  counter += 1;
  const id = `item-${counter}`;
  const base: EvidenceItem = {
    id,
    title: `${domainText(evidenceTypeById(type).label, 'en')} ${counter}`,
    type,
    clauses: [...(evidenceTypeById(type).clauses.length > 0 ? evidenceTypeById(type).clauses : ['A.5.4' as const])],
    source: 'upload',
    sourceKey: uploadSourceKey(id),
    effectiveDate,
    capturedAt: effectiveDate,
    capturedBy: JONAS,
    summary: '',
    reviewStatus: 'accepted',
    reviewer: KATRIN,
    reviewedAt: effectiveDate,
  };
  const byType: Partial<EvidenceItem> =
    type === 'securityPolicy'
      ? { signedBy: KATRIN }
      : type === 'ceoMail'
        ? { author: KATRIN, source: 'outlook', sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`) }
        : type === 'isbAppointment'
          ? { appointee: JONAS, signedBy: KATRIN }
          : type === 'reviewBooking'
            ? { scheduledFor: effectiveDate, source: 'outlookCalendar', sourceKey: eventSourceKey(id) }
            : type === 'reviewMinutes'
              ? { signedBy: KATRIN, participants: [KATRIN, JONAS] }
              : {};
  return { ...base, ...byType, ...overrides };
}

/**
 * What the CEO can tag a mail as in Outlook, and which evidence type and clauses each becomes.
 * The labels live in the `outlook` i18n namespace (`outlook.kinds.<id>`).
 */
import { evidenceTypeById, type ClauseId, type EvidenceTypeId } from '../../domain';
import type { MailRecipient } from './composeMail';
import { summarizeRecipients } from './recipients';

export const CAPTURE_KINDS = ['allStaff', 'policy', 'objectives', 'budget', 'invoice', 'isbAppointment', 'training', 'other'] as const;
export type CaptureKind = (typeof CAPTURE_KINDS)[number];

/** What a mail being written can be tagged as (an invoice is saved from a received mail, in read mode). */
export const COMPOSE_KINDS: readonly CaptureKind[] = CAPTURE_KINDS.filter((k) => k !== 'invoice');

export function isCaptureKind(value: string): value is CaptureKind {
  return (CAPTURE_KINDS as readonly string[]).includes(value);
}

interface KindRule {
  type: EvidenceTypeId;
  /** Clauses beyond the type's defaults. */
  extraClauses?: readonly ClauseId[];
}

const RULES: Record<CaptureKind, KindRule> = {
  // A security message from management to staff (seed: "Botschaft senden").
  allStaff: { type: 'ceoMail' },
  // The policy's core messages, communicated by management (5.2: the policy is communicated).
  policy: { type: 'ceoMail', extraClauses: ['5.2'] },
  objectives: { type: 'securityObjectives' },
  budget: { type: 'budgetPlan' },
  // A pentest invoice or similar received by mail: money spent on security (5.1c).
  invoice: { type: 'securityInvoice' },
  isbAppointment: { type: 'isbAppointment' },
  training: { type: 'trainingRecord' },
  // "Other" has no default clauses; management commitment (5.1) is what every capture supports.
  other: { type: 'other', extraClauses: ['5.1'] },
};

export function evidenceTypeFor(kind: CaptureKind): EvidenceTypeId {
  return RULES[kind].type;
}

export function clausesFor(kind: CaptureKind): ClauseId[] {
  const rule = RULES[kind];
  return [...new Set([...evidenceTypeById(rule.type).clauses, ...(rule.extraClauses ?? [])])];
}

/** Kinds whose evidence must name the appointed person. */
export function needsAppointee(kind: CaptureKind): boolean {
  return evidenceTypeById(RULES[kind].type).requires.includes('appointee');
}

/**
 * The kind of a tagged mail whose kind nobody chose (category set by hand, or found first by the
 * Sent Items sweep, which cannot read the compose pane's choice): addressed to all staff → a
 * security message to all staff, else "other".
 */
export function defaultKindFor(recipients: readonly MailRecipient[]): CaptureKind {
  return summarizeRecipients(recipients).allStaff ? 'allStaff' : 'other';
}

/**
 * The seed's checklist for audit-proof evidence: four documents and five kinds of communication.
 */
import { z } from 'zod';
import type { EvidenceTypeId } from './evidenceTypes';
import type { Localized } from './text';

export const CHECKLIST_ITEM_IDS = [
  'policy',
  'reviewMinutes',
  'objectivesAndPlans',
  'budget',
  'ceoMails',
  'intranetPosts',
  'allHandsSlides',
  'internalAuditReports',
  'trainingRecords',
] as const;

export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];
export type ChecklistSection = 'documents' | 'communication';

export interface ChecklistItemDefinition {
  id: ChecklistItemId;
  section: ChecklistSection;
  label: Localized;
  /**
   * The evidence types that fulfil the item. Other types that count for it (invoices, progress
   * reports) support it but cannot fulfil it alone.
   */
  primaryTypes: readonly EvidenceTypeId[];
}

export const ChecklistItemIdSchema = z.enum(CHECKLIST_ITEM_IDS);

export const CHECKLIST_SECTIONS: Record<ChecklistSection, Localized> = {
  documents: { de: 'Dokumente', en: 'Documents' },
  communication: { de: 'Kommunikation', en: 'Communication' },
};

export const CHECKLIST_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'policy',
    primaryTypes: ['securityPolicy'],
    section: 'documents',
    label: {
      de: 'Informationssicherheitsleitlinie, von der Geschäftsführung unterschrieben und datiert',
      en: 'Information security policy, signed and dated by management',
    },
  },
  {
    id: 'reviewMinutes',
    primaryTypes: ['reviewMinutes'],
    section: 'documents',
    label: {
      de: 'Protokolle der Management-Reviews mit Teilnehmenden, Themen, Entscheidungen und Aufgaben',
      en: 'Management review minutes with attendees, topics, decisions and assigned tasks',
    },
  },
  {
    id: 'objectivesAndPlans',
    primaryTypes: ['securityObjectives'],
    section: 'documents',
    label: {
      de: 'Dokumentierte Sicherheitsziele und Pläne, wie sie erreicht werden',
      en: 'Documented security objectives and plans to reach them',
    },
  },
  {
    id: 'budget',
    primaryTypes: ['budgetPlan'],
    section: 'documents',
    label: {
      de: 'Budgetplan mit eigener Position für Informationssicherheit',
      en: 'Budget plan with its own line for information security',
    },
  },
  {
    id: 'ceoMails',
    primaryTypes: ['ceoMail'],
    section: 'communication',
    label: {
      de: 'E-Mails der Geschäftsführung zur Informationssicherheit',
      en: 'Emails from management about information security',
    },
  },
  {
    id: 'intranetPosts',
    primaryTypes: ['intranetPost'],
    section: 'communication',
    label: { de: 'Intranet-Nachrichten oder Blogbeiträge', en: 'Intranet news or blog posts' },
  },
  {
    id: 'allHandsSlides',
    primaryTypes: ['allHandsSlides'],
    section: 'communication',
    label: { de: 'Folien aus Betriebsversammlungen (All-Hands)', en: 'Slides from all-hands meetings' },
  },
  {
    id: 'internalAuditReports',
    primaryTypes: ['internalAuditReport'],
    section: 'communication',
    label: {
      de: 'Berichte interner Audits, der Geschäftsführung vorgelegt',
      en: 'Internal audit reports presented to management',
    },
  },
  {
    id: 'trainingRecords',
    primaryTypes: ['trainingRecord'],
    section: 'communication',
    label: { de: 'Nachweise über Sicherheitsschulungen der Mitarbeitenden', en: 'Records of staff security training' },
  },
];

export function checklistItemById(id: ChecklistItemId): ChecklistItemDefinition {
  const item = CHECKLIST_ITEMS.find((candidate) => candidate.id === id);
  if (!item) throw new RangeError(`Unknown checklist item "${id}".`);
  return item;
}

/**
 * The seed's checklist for audit-proof evidence: four documents and five kinds of communication.
 */
import { z } from 'zod';
import type { EvidenceTypeId } from './evidenceTypes';
import { message, type Message } from './text';

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
  label: Message;
  /**
   * The evidence types that fulfil the item. Other types that count for it (invoices, progress
   * reports) support it but cannot fulfil it alone.
   */
  primaryTypes: readonly EvidenceTypeId[];
}

export const ChecklistItemIdSchema = z.enum(CHECKLIST_ITEM_IDS);

export const CHECKLIST_SECTIONS: Record<ChecklistSection, Message> = {
  documents: message('checklist.sections.documents'),
  communication: message('checklist.sections.communication'),
};

export const CHECKLIST_ITEMS: readonly ChecklistItemDefinition[] = [
  {
    id: 'policy',
    primaryTypes: ['securityPolicy'],
    section: 'documents',
    label: message('checklist.items.policy'),
  },
  {
    id: 'reviewMinutes',
    primaryTypes: ['reviewMinutes'],
    section: 'documents',
    label: message('checklist.items.reviewMinutes'),
  },
  {
    id: 'objectivesAndPlans',
    primaryTypes: ['securityObjectives'],
    section: 'documents',
    label: message('checklist.items.objectivesAndPlans'),
  },
  {
    id: 'budget',
    primaryTypes: ['budgetPlan'],
    section: 'documents',
    label: message('checklist.items.budget'),
  },
  {
    id: 'ceoMails',
    primaryTypes: ['ceoMail'],
    section: 'communication',
    label: message('checklist.items.ceoMails'),
  },
  {
    id: 'intranetPosts',
    primaryTypes: ['intranetPost'],
    section: 'communication',
    label: message('checklist.items.intranetPosts'),
  },
  {
    id: 'allHandsSlides',
    primaryTypes: ['allHandsSlides'],
    section: 'communication',
    label: message('checklist.items.allHandsSlides'),
  },
  {
    id: 'internalAuditReports',
    primaryTypes: ['internalAuditReport'],
    section: 'communication',
    label: message('checklist.items.internalAuditReports'),
  },
  {
    id: 'trainingRecords',
    primaryTypes: ['trainingRecord'],
    section: 'communication',
    label: message('checklist.items.trainingRecords'),
  },
];

export function checklistItemById(id: ChecklistItemId): ChecklistItemDefinition {
  const item = CHECKLIST_ITEMS.find((candidate) => candidate.id === id);
  if (!item) throw new RangeError(`Unknown checklist item "${id}".`);
  return item;
}

/**
 * Mail templates for the messages the seed recommends (German and English): the policy's core
 * messages and why they matter; security for a key customer or the year's goals; the security
 * objectives; announcing the ISB. Inserted at the cursor as HTML (static text, no user input): one
 * paragraph per key `outlook.templateBodies.<id>.p<n>` (outlook.{de,en}.json).
 */
import type { Language } from '../../domain';
import { createTranslator, type AppMessage } from '../../i18n/translate';
import type { CaptureKind } from './captureKinds';

export const TEMPLATE_IDS = ['policyCore', 'keyCustomer', 'objectives', 'isbAnnouncement'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

interface Template {
  /** The capture kind that fits the template (pre-selected when it is inserted). */
  kind: CaptureKind;
  paragraphs: readonly AppMessage['key'][];
}

export const TEMPLATES: Record<TemplateId, Template> = {
  policyCore: {
    kind: 'policy',
    paragraphs: ['outlook.templateBodies.policyCore.p1', 'outlook.templateBodies.policyCore.p2', 'outlook.templateBodies.policyCore.p3', 'outlook.templateBodies.policyCore.p4'],
  },
  keyCustomer: {
    kind: 'allStaff',
    paragraphs: ['outlook.templateBodies.keyCustomer.p1', 'outlook.templateBodies.keyCustomer.p2', 'outlook.templateBodies.keyCustomer.p3'],
  },
  objectives: {
    kind: 'objectives',
    paragraphs: ['outlook.templateBodies.objectives.p1', 'outlook.templateBodies.objectives.p2', 'outlook.templateBodies.objectives.p3', 'outlook.templateBodies.objectives.p4'],
  },
  isbAnnouncement: {
    kind: 'isbAppointment',
    paragraphs: ['outlook.templateBodies.isbAnnouncement.p1', 'outlook.templateBodies.isbAnnouncement.p2', 'outlook.templateBodies.isbAnnouncement.p3'],
  },
};

export function templateHtml(id: TemplateId, lang: Language): string {
  const t = createTranslator(lang);
  return TEMPLATES[id].paragraphs.map((key) => `<p>${t(key)}</p>`).join('');
}

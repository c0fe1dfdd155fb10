/**
 * The seed's five CEO actions that prove A.5.4, and which of them are evidenced.
 */
import type { EvidenceTypeId } from './evidenceTypes';
import { actorsOf, type OrganisationPeople } from './involvement';
import { isAmong } from './people';
import type { EvaluatedEvidence } from './standing';
import type { Localized } from './text';

export type CeoActionId = 'livedPolicy' | 'budget' | 'reviewMinutes' | 'objectives' | 'responsibility';

export interface EvidenceRequirement {
  label: Localized;
  /** Any one of these types fulfils the requirement. */
  types: readonly EvidenceTypeId[];
  /** Only counts when top management signed, wrote or attended it personally. */
  byTopManagement?: boolean;
  /** Shown as supporting evidence; not needed for the action to count as evidenced. */
  optional?: boolean;
}

export interface CeoActionDefinition {
  id: CeoActionId;
  title: Localized;
  action: Localized;
  requirements: readonly EvidenceRequirement[];
}

export const CEO_ACTIONS: readonly CeoActionDefinition[] = [
  {
    id: 'livedPolicy',
    title: { de: 'Die Leitlinie, die gelebt wird', en: 'A policy that is lived, not filed' },
    action: {
      de: 'Die Kernbotschaften der unterschriebenen Leitlinie persönlich vermitteln – in einer Betriebsversammlung oder per E-Mail an alle.',
      en: 'Explain the core messages of the signed policy personally – at an all-hands meeting or by email to everyone.',
    },
    requirements: [
      { label: { de: 'Unterschriebene Leitlinie', en: 'Signed policy' }, types: ['securityPolicy'] },
      {
        label: { de: 'Persönliche Botschaft an die Mitarbeitenden', en: 'Personal message to staff' },
        types: ['ceoMail', 'allHandsSlides', 'intranetPost'],
        byTopManagement: true,
      },
    ],
  },
  {
    id: 'budget',
    title: { de: 'Das Budget, das Taten beweist', en: 'A budget that proves it' },
    action: {
      de: 'Eine eigene Budgetposition für Informationssicherheit schaffen – für Schulungen, Penetrationstests, Software oder die Zertifizierung.',
      en: 'Create a separate budget line for information security – for training, penetration tests, software or the certification.',
    },
    requirements: [
      { label: { de: 'Genehmigter Budgetplan mit Sicherheitsposition', en: 'Approved budget plan with a security line' }, types: ['budgetPlan'] },
      {
        label: { de: 'Rechnungen für Sicherheitsmaßnahmen', en: 'Invoices for security measures' },
        types: ['securityInvoice'],
        optional: true,
      },
    ],
  },
  {
    id: 'reviewMinutes',
    title: { de: 'Das Protokoll, das für Sie spricht', en: 'Minutes that speak for you' },
    action: {
      de: 'Das Management-Review selbst leiten, alle vorgesehenen Themen behandeln und die Entscheidungen protokollieren.',
      en: 'Chair the management review personally, cover all required topics and record the decisions.',
    },
    requirements: [
      {
        label: { de: 'Von der Geschäftsführung unterschriebenes Protokoll', en: 'Minutes signed by top management' },
        types: ['reviewMinutes'],
        byTopManagement: true,
      },
    ],
  },
  {
    id: 'objectives',
    title: { de: 'Ziele, die alle verstehen', en: 'Objectives everyone understands' },
    action: {
      de: 'Messbare Sicherheitsziele festlegen, mit den Unternehmenszielen verbinden und im Unternehmen bekannt machen.',
      en: 'Set measurable security objectives, connect them to the business goals and make them known in the company.',
    },
    requirements: [
      { label: { de: 'Dokumentierte Sicherheitsziele', en: 'Documented security objectives' }, types: ['securityObjectives'] },
      { label: { de: 'Fortschrittsbericht', en: 'Progress report' }, types: ['objectiveProgressReport'] },
    ],
  },
  {
    id: 'responsibility',
    title: { de: 'Klar zugewiesene Verantwortung', en: 'Clearly assigned responsibility' },
    action: {
      de: 'Festlegen, wer für das ISMS verantwortlich ist, und dieser Person direkten Zugang zur Geschäftsführung geben.',
      en: 'Name who is responsible for the ISMS and give that person direct access to top management.',
    },
    requirements: [
      { label: { de: 'Ernennungsurkunde des ISB', en: 'ISB appointment certificate' }, types: ['isbAppointment'] },
      { label: { de: 'Organigramm oder Rollenbeschreibung', en: 'Org chart or role description' }, types: ['orgChart', 'roleDescription'] },
    ],
  },
];

export type RequirementState = 'evidenced' | 'waitingForReview' | 'missing';
export type CeoActionState = 'evidenced' | 'partly' | 'missing';

export interface RequirementStatus {
  requirement: EvidenceRequirement;
  state: RequirementState;
  evidence: EvaluatedEvidence[];
}

export interface CeoActionStatus {
  id: CeoActionId;
  title: Localized;
  action: Localized;
  state: CeoActionState;
  requirements: RequirementStatus[];
}

function requirementStatus(requirement: EvidenceRequirement, evaluated: readonly EvaluatedEvidence[], people: OrganisationPeople): RequirementStatus {
  const evidence = evaluated.filter(
    (e) =>
      requirement.types.includes(e.item.type) &&
      (e.standing === 'current' || e.standing === 'pending') &&
      (!requirement.byTopManagement || actorsOf(e.item).some((p) => isAmong(p, people.topManagement))),
  );
  const state: RequirementState = evidence.some((e) => e.standing === 'current')
    ? 'evidenced'
    : evidence.length > 0
      ? 'waitingForReview'
      : 'missing';
  return { requirement, state, evidence };
}

export function evaluateCeoActions(evaluated: readonly EvaluatedEvidence[], people: OrganisationPeople): CeoActionStatus[] {
  return CEO_ACTIONS.map((definition) => {
    const requirements = definition.requirements.map((r) => requirementStatus(r, evaluated, people));
    const needed = requirements.filter((r) => !r.requirement.optional);
    const state: CeoActionState = needed.every((r) => r.state === 'evidenced')
      ? 'evidenced'
      : requirements.some((r) => r.state !== 'missing')
        ? 'partly'
        : 'missing';
    return { id: definition.id, title: definition.title, action: definition.action, state, requirements };
  });
}

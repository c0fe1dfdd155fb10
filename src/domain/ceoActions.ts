/**
 * The seed's five CEO actions that prove A.5.4, and which of them are evidenced.
 */
import type { EvidenceTypeId } from './evidenceTypes';
import { actorsOf, type OrganisationPeople } from './involvement';
import { isAmong } from './people';
import type { EvaluatedEvidence } from './standing';
import { message, type Message } from './text';

export type CeoActionId = 'livedPolicy' | 'budget' | 'reviewMinutes' | 'objectives' | 'responsibility';

export interface EvidenceRequirement {
  label: Message;
  /** Any one of these types fulfils the requirement. */
  types: readonly EvidenceTypeId[];
  /** Only counts when top management signed, wrote or attended it personally. */
  byTopManagement?: boolean;
  /** Shown as supporting evidence; not needed for the action to count as evidenced. */
  optional?: boolean;
}

export interface CeoActionDefinition {
  id: CeoActionId;
  title: Message;
  action: Message;
  requirements: readonly EvidenceRequirement[];
}

export const CEO_ACTIONS: readonly CeoActionDefinition[] = [
  {
    id: 'livedPolicy',
    title: message('ceoActions.livedPolicy.title'),
    action: message('ceoActions.livedPolicy.action'),
    requirements: [
      { label: message('ceoActions.livedPolicy.requirements.signedPolicy'), types: ['securityPolicy'] },
      {
        label: message('ceoActions.livedPolicy.requirements.personalMessage'),
        types: ['ceoMail', 'allHandsSlides', 'intranetPost'],
        byTopManagement: true,
      },
    ],
  },
  {
    id: 'budget',
    title: message('ceoActions.budget.title'),
    action: message('ceoActions.budget.action'),
    requirements: [
      { label: message('ceoActions.budget.requirements.budgetPlan'), types: ['budgetPlan'] },
      { label: message('ceoActions.budget.requirements.invoices'), types: ['securityInvoice'], optional: true },
    ],
  },
  {
    id: 'reviewMinutes',
    title: message('ceoActions.reviewMinutes.title'),
    action: message('ceoActions.reviewMinutes.action'),
    requirements: [
      { label: message('ceoActions.reviewMinutes.requirements.signedMinutes'), types: ['reviewMinutes'], byTopManagement: true },
    ],
  },
  {
    id: 'objectives',
    title: message('ceoActions.objectives.title'),
    action: message('ceoActions.objectives.action'),
    requirements: [
      { label: message('ceoActions.objectives.requirements.documentedObjectives'), types: ['securityObjectives'] },
      { label: message('ceoActions.objectives.requirements.progressReport'), types: ['objectiveProgressReport'] },
    ],
  },
  {
    id: 'responsibility',
    title: message('ceoActions.responsibility.title'),
    action: message('ceoActions.responsibility.action'),
    requirements: [
      { label: message('ceoActions.responsibility.requirements.isbAppointment'), types: ['isbAppointment'] },
      { label: message('ceoActions.responsibility.requirements.orgChart'), types: ['orgChart', 'roleDescription'] },
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
  title: Message;
  action: Message;
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

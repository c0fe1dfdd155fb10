/**
 * Audit readiness at a glance: the checklist, auditor alarms, the five CEO actions, the three first
 * steps, the director's own involvement next to the ISB's, and a score from 0 to 100.
 */
import { evaluateAlarms, type Alarm } from './alarms';
import { evaluateCeoActions, type CeoActionStatus } from './ceoActions';
import { evaluateChecklist, type ChecklistEntry, type ChecklistState } from './checklist';
import type { EvidenceItem } from './evidence';
import { evaluateFirstSteps, type FirstStepStatus } from './firstSteps';
import type { FreshnessSettings } from './freshnessSettings';
import { evaluateInvolvement, type Involvement, type OrganisationPeople } from './involvement';
import { evaluateItems, type EvaluationContext } from './standing';
import { message, type Message } from './text';
import type { ReviewTrust } from './trustedReview';

export interface ReadinessInput {
  evidence: readonly EvidenceItem[];
  people: OrganisationPeople;
  now: Date;
  settings: FreshnessSettings;
  /** Starts of planned management reviews from the calendar. */
  plannedReviewStarts?: readonly Date[];
  /** Decision records + membership: flagged or unrecorded acceptances do not count (trustedReview.ts). */
  trust?: ReviewTrust;
}

export type ReadinessLevel = 'ready' | 'gaps' | 'notReady';

export const READINESS_LEVEL_LABELS: Record<ReadinessLevel, Message> = {
  ready: message('readiness.levels.ready'),
  gaps: message('readiness.levels.gaps'),
  notReady: message('readiness.levels.notReady'),
};

export interface Readiness {
  /** 0–100: share of checklist items accepted (waiting for review counts half). */
  score: number;
  level: ReadinessLevel;
  levelLabel: Message;
  checklist: ChecklistEntry[];
  alarms: Alarm[];
  ceoActions: CeoActionStatus[];
  firstSteps: FirstStepStatus[];
  involvement: Involvement;
}

const POINTS: Record<ChecklistState, number> = { accepted: 1, waitingForReview: 0.5, stale: 0, missing: 0 };

export function readinessScore(checklist: readonly ChecklistEntry[]): number {
  if (checklist.length === 0) return 0;
  const points = checklist.reduce((sum, entry) => sum + POINTS[entry.state], 0);
  return Math.round((100 * points) / checklist.length);
}

function levelOf(score: number, alarms: readonly Alarm[]): ReadinessLevel {
  const critical = alarms.some((a) => a.severity === 'critical');
  if (score === 100 && alarms.length === 0) return 'ready';
  if (score >= 50 && !critical) return 'gaps';
  return 'notReady';
}

/** Adds alarms found outside the evidence (the permission drift check) in front; the level follows them. */
export function withAlarms(readiness: Readiness, alarms: readonly Alarm[]): Readiness {
  if (alarms.length === 0) return readiness;
  const all = [...alarms, ...readiness.alarms];
  const level = levelOf(readiness.score, all);
  return { ...readiness, alarms: all, level, levelLabel: READINESS_LEVEL_LABELS[level] };
}

export function evaluateReadiness(input: ReadinessInput): Readiness {
  const context: EvaluationContext = {
    now: input.now,
    settings: input.settings,
    plannedReviewStarts: input.plannedReviewStarts ?? [],
    ...(input.trust ? { trust: input.trust } : {}),
  };
  const evaluated = evaluateItems(input.evidence, context);
  const checklist = evaluateChecklist(input.evidence, context);
  const involvement = evaluateInvolvement(evaluated, input.people, input.now, input.settings.directorInvolvementDays);
  const alarms = evaluateAlarms({ evaluated, people: input.people, involvement, context });
  const score = readinessScore(checklist);
  const level = levelOf(score, alarms);
  return {
    score,
    level,
    levelLabel: READINESS_LEVEL_LABELS[level],
    checklist,
    alarms,
    ceoActions: evaluateCeoActions(evaluated, input.people),
    firstSteps: evaluateFirstSteps(evaluated, input.people, context),
    involvement,
  };
}

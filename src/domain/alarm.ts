/** What an auditor alarm is: its id, severity, message and fix as keys, and the items it is about. */
import type { EvidenceTypeId } from './evidenceTypes';
import type { Involvement, OrganisationPeople } from './involvement';
import type { EvaluatedEvidence, EvaluationContext } from './standing';
import { message, type DomainMessageKey, type Message, type MessageValues } from './text';

export type AlarmId =
  | 'policyMissing'
  | 'policyOutdated'
  | 'policySignerNotInManagement'
  | 'reviewNotScheduled'
  | 'reviewMinutesMissing'
  | 'ceoCommunicationMissing'
  | 'objectivesMissing'
  | 'objectiveWithoutProgress'
  | 'isbMissing'
  | 'isbLeft'
  | 'budgetMissing'
  | 'auditReportMissing'
  | 'trainingMissing'
  | 'delegationWithoutControl'
  /** The evidence list the app used answers 404: deleted or moved (not evaluated from evidence). */
  | 'evidenceStoreLost'
  /** Permission drift on Chefsache's lists (permissionAlarms.ts, read from SharePoint, not from evidence). */
  | 'permissionsInherited'
  | 'permissionsOutsiderCanWrite'
  | 'permissionsAuditorCanWrite'
  | 'permissionsDeleteAllowed'
  | 'permissionsVersioningOff'
  | 'permissionsUnchecked'
  /** Evidence integrity (integrityAlarms.ts): review state not backed by decision records, unreadable items, minutes changed after signing. */
  | 'evidenceReviewIrregular'
  | 'evidenceUnreadable'
  | 'minutesChangedAfterSignature'
  /** Staff acknowledgement of the policy (acknowledgement.ts, read from its own lists). */
  | 'acknowledgementLow'
  | 'acknowledgementStale';

export type AlarmSeverity = 'critical' | 'warning';

export interface Alarm {
  id: AlarmId;
  severity: AlarmSeverity;
  /** What is wrong. */
  message: Message;
  /** What to do about it. */
  fix: Message;
  /** Ids of the items the alarm is about, when there are any. */
  itemIds: string[];
}

const CRITICAL: ReadonlySet<AlarmId> = new Set<AlarmId>([
  'policyMissing',
  'policyOutdated',
  'policySignerNotInManagement',
  'reviewNotScheduled',
  'reviewMinutesMissing',
  'isbMissing',
  'isbLeft',
  'delegationWithoutControl',
  'evidenceStoreLost',
]);

/** Alarm ids whose texts are `alarms.<id>.message` / `alarms.<id>.fix`. */
type KeyedAlarmId = Extract<AlarmId, keyof DomainMessagesOfAlarms>;
type DomainMessagesOfAlarms = { [K in DomainMessageKey as K extends `alarms.${infer Id}.fix` ? Id : never]: true };

/** An evidence alarm; its texts are `alarms.<id>.message` (with `values`) and `alarms.<id>.fix`. */
export function alarm(id: KeyedAlarmId, values?: MessageValues, items: readonly EvaluatedEvidence[] = []): Alarm {
  return {
    id,
    severity: CRITICAL.has(id) ? 'critical' : 'warning',
    message: message(`alarms.${id}.message` as DomainMessageKey, values),
    fix: message(`alarms.${id}.fix` as DomainMessageKey),
    itemIds: items.flatMap((e) => (e.item.id === undefined ? [] : [e.item.id])),
  };
}

export const ofType = (evaluated: readonly EvaluatedEvidence[], ...types: EvidenceTypeId[]) =>
  evaluated.filter((e) => types.includes(e.item.type) && e.standing !== 'rejected');

export interface AlarmInput {
  /** Evaluated evidence, newest first (standing.ts). */
  evaluated: readonly EvaluatedEvidence[];
  people: OrganisationPeople;
  involvement: Involvement;
  context: EvaluationContext;
}

/**
 * Auditor alarms: what an auditor would flag today, each with the fix in words (texts: locales/alarms.*.json).
 * The alarm families live beside this file: leadershipAlarms.ts, programmeAlarms.ts, permissionAlarms.ts,
 * integrityAlarms.ts.
 */
import { alarm, type Alarm, type AlarmInput } from './alarm';
import { communicationAlarms, delegationAlarm, policyAlarms, reviewAlarms } from './leadershipAlarms';
import { isbAlarms, objectiveAlarms, periodicAlarms } from './programmeAlarms';

export type { Alarm, AlarmId, AlarmInput, AlarmSeverity } from './alarm';
export { managementCommunications } from './leadershipAlarms';

/** All alarms, critical first. */
export function evaluateAlarms(input: AlarmInput): Alarm[] {
  const alarms = [
    ...policyAlarms(input),
    ...reviewAlarms(input),
    ...communicationAlarms(input),
    ...objectiveAlarms(input),
    ...isbAlarms(input),
    ...periodicAlarms(input),
    ...delegationAlarm(input),
  ];
  return [...alarms.filter((a) => a.severity === 'critical'), ...alarms.filter((a) => a.severity === 'warning')];
}

/**
 * The evidence list (or its library) this app used answers 404: it was deleted or moved. Chefsache
 * stops rather than set up an empty list beside the one in the recycle bin.
 */
export function evidenceStoreLostAlarm(siteUrl: string): Alarm {
  return alarm('evidenceStoreLost', { siteUrl });
}

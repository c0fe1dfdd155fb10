/** Auditor alarms on top management's own duties: the policy, the management review, messages to staff, delegation. */
import { alarm, ofType, type Alarm, type AlarmInput } from './alarm';
import { actorsOf } from './involvement';
import type { OrganisationPeople } from './involvement';
import { dayValue } from './messageWords';
import { isAmong } from './people';
import { reviewScheduleStatus } from './reviewSchedule';
import { isLive, type EvaluatedEvidence } from './standing';
import { message } from './text';

export function policyAlarms({ evaluated, people, context }: AlarmInput): Alarm[] {
  const policies = ofType(evaluated, 'securityPolicy');
  const live = policies.filter(isLive);
  const newest = live[0] ?? policies[0];
  if (!newest) return [alarm('policyMissing')];
  const alarms: Alarm[] = [];
  if (live.length === 0) {
    const signed = dayValue(new Date(newest.item.effectiveDate), context.settings.timeZone);
    alarms.push(alarm('policyOutdated', { months: context.settings.policyMonths, signed }, [newest]));
  }
  const signer = newest.item.signedBy;
  if (signer && people.topManagement.length > 0 && !isAmong(signer, people.topManagement)) {
    alarms.push(alarm('policySignerNotInManagement', { name: signer.displayName }, [newest]));
  }
  return alarms;
}

export function reviewAlarms({ evaluated, context }: AlarmInput): Alarm[] {
  const alarms: Alarm[] = [];
  if (!reviewScheduleStatus(evaluated, context).onTrack) alarms.push(alarm('reviewNotScheduled'));
  if (!ofType(evaluated, 'reviewMinutes').some(isLive)) alarms.push(alarm('reviewMinutesMissing'));
  return alarms;
}

/** Messages to staff that top management wrote or presented itself. */
export function managementCommunications(evaluated: readonly EvaluatedEvidence[], people: OrganisationPeople): EvaluatedEvidence[] {
  const messages = ofType(evaluated, 'ceoMail', 'intranetPost', 'allHandsSlides');
  if (people.topManagement.length === 0) return messages.filter((e) => e.item.type === 'ceoMail');
  return messages.filter((e) => actorsOf(e.item).some((p) => isAmong(p, people.topManagement)));
}

export function communicationAlarms({ evaluated, people, context }: AlarmInput): Alarm[] {
  if (managementCommunications(evaluated, people).some(isLive)) return [];
  return [alarm('ceoCommunicationMissing', { days: context.settings.communicationDays })];
}

export function delegationAlarm({ involvement }: AlarmInput): Alarm[] {
  if (!involvement.delegationWithoutControl) return [];
  const days = involvement.windowDays;
  const delegation = alarm('delegationWithoutControl', { days });
  if (involvement.isb.recentCount === 0) return [delegation];
  return [{ ...delegation, message: message('alarms.delegationWithoutControl.messageIsbActive', { days }) }];
}

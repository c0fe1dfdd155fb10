/** Auditor alarms on the security programme: objectives and their progress, the ISB, budget, internal audit, training. */
import { alarm, ofType, type Alarm, type AlarmInput } from './alarm';
import { fiscalYearOf } from './fiscalYear';
import { formatFiscalYear } from './format';
import { isAmong } from './people';
import { isLive } from './standing';
import { toPlainDate } from './zonedTime';

export function objectiveAlarms({ evaluated, context }: AlarmInput): Alarm[] {
  const objectives = ofType(evaluated, 'securityObjectives').filter(isLive);
  if (objectives.length === 0) return [alarm('objectivesMissing')];
  const reports = ofType(evaluated, 'objectiveProgressReport').filter(isLive);
  const months = context.settings.progressReportMonths;
  // A report without references covers all objectives; one with references covers those.
  return objectives
    .filter((objective) => !reports.some((r) => !r.item.relatesTo?.length || (objective.item.id !== undefined && r.item.relatesTo.includes(objective.item.id))))
    .map((objective) => alarm('objectiveWithoutProgress', { title: objective.item.title, months }, [objective]));
}

export function isbAlarms({ evaluated, people }: AlarmInput): Alarm[] {
  const appointments = ofType(evaluated, 'isbAppointment').filter(isLive);
  if (appointments.length === 0) return [alarm('isbMissing')];
  const active = people.activeUsers;
  if (!active) return [];
  const present = appointments.filter((e) => e.item.appointee && isAmong(e.item.appointee, active));
  if (present.length > 0) return [];
  const gone = appointments[0]!;
  return [alarm('isbLeft', { name: gone.item.appointee?.displayName ?? '?' }, appointments)];
}

export function periodicAlarms({ evaluated, context }: AlarmInput): Alarm[] {
  const { settings, now } = context;
  const alarms: Alarm[] = [];
  if (!ofType(evaluated, 'budgetPlan').some(isLive)) {
    const fiscalYear = formatFiscalYear(fiscalYearOf(toPlainDate(now, settings.timeZone), settings.fiscalYearStartMonth), settings.fiscalYearStartMonth);
    alarms.push(alarm('budgetMissing', { fiscalYear }));
  }
  if (!ofType(evaluated, 'internalAuditReport').some(isLive)) alarms.push(alarm('auditReportMissing', { months: settings.auditReportMonths }));
  if (!ofType(evaluated, 'trainingRecord').some(isLive)) alarms.push(alarm('trainingMissing', { months: settings.trainingMonths }));
  return alarms;
}

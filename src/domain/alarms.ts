/**
 * Auditor alarms: what an auditor would flag today, each with the fix in words.
 */
import type { EvidenceTypeId } from './evidenceTypes';
import { fiscalYearOf } from './fiscalYear';
import { formatDay, formatFiscalYear } from './format';
import { actorsOf, type Involvement, type OrganisationPeople } from './involvement';
import { isAmong } from './people';
import { reviewScheduleStatus } from './reviewSchedule';
import { isLive, type EvaluatedEvidence, type EvaluationContext } from './standing';
import type { Localized } from './text';
import { toPlainDate } from './zonedTime';

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
  message: Localized;
  /** What to do about it. */
  fix: Localized;
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

function alarm(id: AlarmId, message: Localized, fix: Localized, items: EvaluatedEvidence[] = []): Alarm {
  return {
    id,
    severity: CRITICAL.has(id) ? 'critical' : 'warning',
    message,
    fix,
    itemIds: items.flatMap((e) => (e.item.id === undefined ? [] : [e.item.id])),
  };
}

const ofType = (evaluated: readonly EvaluatedEvidence[], ...types: EvidenceTypeId[]) =>
  evaluated.filter((e) => types.includes(e.item.type) && e.standing !== 'rejected');

export interface AlarmInput {
  /** Evaluated evidence, newest first (standing.ts). */
  evaluated: readonly EvaluatedEvidence[];
  people: OrganisationPeople;
  involvement: Involvement;
  context: EvaluationContext;
}

function policyAlarms({ evaluated, people, context }: AlarmInput): Alarm[] {
  const policies = ofType(evaluated, 'securityPolicy');
  const live = policies.filter(isLive);
  const newest = live[0] ?? policies[0];
  if (!newest) {
    return [
      alarm(
        'policyMissing',
        { de: 'Es liegt keine unterschriebene Informationssicherheitsleitlinie vor.', en: 'There is no signed information security policy.' },
        {
          de: 'Leitlinie von der Geschäftsführung unterschreiben und datieren lassen und als Nachweis ablegen.',
          en: 'Have top management sign and date the policy and file it as evidence.',
        },
      ),
    ];
  }
  const alarms: Alarm[] = [];
  if (live.length === 0) {
    const signed = formatDay(new Date(newest.item.effectiveDate), context.settings.timeZone);
    const months = context.settings.policyMonths;
    alarms.push(
      alarm(
        'policyOutdated',
        {
          de: `Die Leitlinie ist älter als ${months} Monate (unterschrieben am ${signed.de}).`,
          en: `The policy is older than ${months} months (signed on ${signed.en}).`,
        },
        {
          de: 'Leitlinie prüfen, aktualisieren und von der aktuellen Geschäftsführung neu unterschreiben lassen.',
          en: 'Review the policy, update it and have the current top management sign it again.',
        },
        [newest],
      ),
    );
  }
  const signer = newest.item.signedBy;
  if (signer && people.topManagement.length > 0 && !isAmong(signer, people.topManagement)) {
    alarms.push(
      alarm(
        'policySignerNotInManagement',
        {
          de: `Die Leitlinie trägt die Unterschrift von ${signer.displayName}; diese Person gehört nicht mehr zur Geschäftsführung.`,
          en: `The policy was signed by ${signer.displayName}, who is no longer part of top management.`,
        },
        { de: 'Leitlinie von der aktuellen Geschäftsführung unterschreiben lassen.', en: 'Have the current top management sign the policy.' },
        [newest],
      ),
    );
  }
  return alarms;
}

function reviewAlarms({ evaluated, context }: AlarmInput): Alarm[] {
  const alarms: Alarm[] = [];
  if (!reviewScheduleStatus(evaluated, context).onTrack) {
    alarms.push(
      alarm(
        'reviewNotScheduled',
        {
          de: 'In diesem Quartal wurde kein Management-Review gehalten, und in den nächsten drei Monaten ist keines gebucht.',
          en: 'No management review was held this quarter, and none is booked for the next three months.',
        },
        {
          de: 'Termin für das nächste vierteljährliche Management-Review im Kalender der Geschäftsführung buchen.',
          en: "Book the next quarterly management review in top management's calendar.",
        },
      ),
    );
  }
  if (!ofType(evaluated, 'reviewMinutes').some(isLive)) {
    alarms.push(
      alarm(
        'reviewMinutesMissing',
        { de: 'Es gibt kein aktuelles Protokoll eines Management-Reviews.', en: 'There are no current management review minutes.' },
        {
          de: 'Management-Review durchführen, Entscheidungen und Aufgaben protokollieren und das Protokoll von der Geschäftsführung unterschreiben lassen.',
          en: 'Hold the management review, record decisions and tasks, and have top management sign the minutes.',
        },
      ),
    );
  }
  return alarms;
}

/** Messages to staff that top management wrote or presented itself. */
export function managementCommunications(evaluated: readonly EvaluatedEvidence[], people: OrganisationPeople): EvaluatedEvidence[] {
  const messages = ofType(evaluated, 'ceoMail', 'intranetPost', 'allHandsSlides');
  if (people.topManagement.length === 0) return messages.filter((e) => e.item.type === 'ceoMail');
  return messages.filter((e) => actorsOf(e.item).some((p) => isAmong(p, people.topManagement)));
}

function communicationAlarms({ evaluated, people, context }: AlarmInput): Alarm[] {
  if (managementCommunications(evaluated, people).some(isLive)) return [];
  const days = context.settings.communicationDays;
  return [
    alarm(
      'ceoCommunicationMissing',
      { de: `Seit ${days} Tagen keine Nachricht der Geschäftsführung an die Mitarbeitenden.`, en: `No message from top management to staff in ${days} days.` },
      {
        de: 'Eine kurze E-Mail an alle Mitarbeitenden schreiben, warum Informationssicherheit für das Unternehmen zählt, und sie als Nachweis speichern.',
        en: 'Write a short email to all staff on why information security matters to the company and save it as evidence.',
      },
    ),
  ];
}

function objectiveAlarms({ evaluated, context }: AlarmInput): Alarm[] {
  const objectives = ofType(evaluated, 'securityObjectives').filter(isLive);
  if (objectives.length === 0) {
    return [
      alarm(
        'objectivesMissing',
        { de: 'Es sind keine aktuellen Sicherheitsziele dokumentiert.', en: 'No current security objectives are documented.' },
        {
          de: 'Messbare Sicherheitsziele festlegen, mit den Unternehmenszielen verknüpfen und im Unternehmen bekannt machen.',
          en: 'Set measurable security objectives, link them to the business goals and make them known in the company.',
        },
      ),
    ];
  }
  const reports = ofType(evaluated, 'objectiveProgressReport').filter(isLive);
  const months = context.settings.progressReportMonths;
  // A report without references covers all objectives; one with references covers those.
  return objectives
    .filter((objective) => !reports.some((r) => !r.item.relatesTo?.length || (objective.item.id !== undefined && r.item.relatesTo.includes(objective.item.id))))
    .map((objective) =>
      alarm(
        'objectiveWithoutProgress',
        {
          de: `Zu „${objective.item.title}“ gibt es keinen Fortschrittsbericht aus den letzten ${months} Monaten.`,
          en: `"${objective.item.title}" has no progress report from the last ${months} months.`,
        },
        { de: 'Fortschritt der Ziele berichten und den Bericht als Nachweis ablegen.', en: 'Report progress on the objectives and file the report as evidence.' },
        [objective],
      ),
    );
}

function isbAlarms({ evaluated, people }: AlarmInput): Alarm[] {
  const appointments = ofType(evaluated, 'isbAppointment').filter(isLive);
  if (appointments.length === 0) {
    return [
      alarm(
        'isbMissing',
        { de: 'Niemand ist als Informationssicherheitsbeauftragte/r (ISB) ernannt.', en: 'Nobody is appointed information security officer (ISB).' },
        {
          de: 'ISB schriftlich ernennen, die Rolle beschreiben und direkten Zugang zur Geschäftsführung festlegen.',
          en: 'Appoint an ISB in writing, describe the role and give them direct access to top management.',
        },
      ),
    ];
  }
  const active = people.activeUsers;
  if (!active) return [];
  const present = appointments.filter((e) => e.item.appointee && isAmong(e.item.appointee, active));
  if (present.length > 0) return [];
  const gone = appointments[0]!;
  const name = gone.item.appointee?.displayName ?? '?';
  return [
    alarm(
      'isbLeft',
      { de: `${name} ist als ISB ernannt, aber nicht mehr im Unternehmen.`, en: `${name} is appointed ISB but no longer with the company.` },
      { de: 'Nachfolge ernennen und die alte Ernennung widerrufen.', en: 'Appoint a successor and revoke the old appointment.' },
      appointments,
    ),
  ];
}

function periodicAlarms({ evaluated, context }: AlarmInput): Alarm[] {
  const { settings, now } = context;
  const alarms: Alarm[] = [];
  if (!ofType(evaluated, 'budgetPlan').some(isLive)) {
    const fy = formatFiscalYear(fiscalYearOf(toPlainDate(now, settings.timeZone), settings.fiscalYearStartMonth), settings.fiscalYearStartMonth);
    alarms.push(
      alarm(
        'budgetMissing',
        {
          de: `Für das laufende Geschäftsjahr (${fy}) liegt kein Budget mit Position für Informationssicherheit vor.`,
          en: `There is no budget with a line for information security for the current fiscal year (${fy}).`,
        },
        {
          de: 'Eine eigene Budgetposition für Informationssicherheit genehmigen und den Budgetplan ablegen.',
          en: 'Approve a separate budget line for information security and file the budget plan.',
        },
      ),
    );
  }
  if (!ofType(evaluated, 'internalAuditReport').some(isLive)) {
    const months = settings.auditReportMonths;
    alarms.push(
      alarm(
        'auditReportMissing',
        {
          de: `In den letzten ${months} Monaten wurde der Geschäftsführung kein interner Auditbericht vorgelegt.`,
          en: `No internal audit report was presented to top management in the last ${months} months.`,
        },
        {
          de: 'Ergebnisse des internen Audits der Geschäftsführung vorstellen und den Bericht ablegen.',
          en: 'Present the internal audit results to top management and file the report.',
        },
      ),
    );
  }
  if (!ofType(evaluated, 'trainingRecord').some(isLive)) {
    const months = settings.trainingMonths;
    alarms.push(
      alarm(
        'trainingMissing',
        {
          de: `In den letzten ${months} Monaten ist keine Sicherheitsschulung nachgewiesen.`,
          en: `No security training is recorded for the last ${months} months.`,
        },
        {
          de: 'Eine Sicherheitsschulung für die Mitarbeitenden durchführen und die Teilnahme dokumentieren.',
          en: 'Run a security training for staff and record who attended.',
        },
      ),
    );
  }
  return alarms;
}

function delegationAlarm({ involvement }: AlarmInput): Alarm[] {
  if (!involvement.delegationWithoutControl) return [];
  const days = involvement.windowDays;
  const isbActive = involvement.isb.recentCount > 0;
  return [
    alarm(
      'delegationWithoutControl',
      {
        de: `Delegation ohne Kontrolle: In den letzten ${days} Tagen ist kein eigener Beitrag der Geschäftsführung belegt${isbActive ? ', nur der ISB ist aktiv' : ''}.`,
        en: `Delegation without control: no personal contribution by top management is recorded in the last ${days} days${isbActive ? '; only the ISB is active' : ''}.`,
      },
      {
        de: 'Selbst handeln: am Management-Review teilnehmen, das Protokoll unterschreiben, an die Mitarbeitenden schreiben oder das Sicherheitsbudget freigeben.',
        en: 'Act personally: attend the management review, sign the minutes, write to staff or approve the security budget.',
      },
    ),
  ];
}

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
  return alarm(
    'evidenceStoreLost',
    {
      de: `Die Nachweisliste in ${siteUrl} wurde gelöscht oder verschoben. Chefsache speichert nichts mehr, bis sie wieder da ist, und legt keine neue, leere Liste an.`,
      en: `The evidence list in ${siteUrl} was deleted or moved. Chefsache stores nothing until it is back and does not set up a new, empty list.`,
    },
    {
      de: 'Stellen Sie die Liste „Chefsache Nachweise“ und die Bibliothek „Chefsache Nachweisdokumente“ aus dem Papierkorb der Website wieder her (Website-Besitzer).',
      en: 'Restore the list "Chefsache Nachweise" and the library "Chefsache Nachweisdokumente" from the site\'s recycle bin (site owner).',
    },
  );
}

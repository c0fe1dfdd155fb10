/**
 * The demo year's documents, as the ISB files them through the tab's upload forms: what each form is filled
 * with, the file's text, and what the reviewer later decided. Person fields name demo users by alias.
 */
import type { UploadFieldId, UploadType } from '../../src/features/panel/uploadForms';
import type { DemoCalendar } from './demoCalendar';

export type Decision = { status: 'accepted'; by: string } | { status: 'rejected'; by: string; comment: string };

export interface DemoDocument {
  /** Stable upload id: the source key that makes a second run add nothing. */
  uploadId: string;
  type: UploadType;
  /** Who files it (alias). */
  by: string;
  values: Partial<Record<UploadFieldId, string>>;
  /** Person fields, by alias (resolved to object ids). */
  people?: Partial<Record<UploadFieldId, string>>;
  fileName: string;
  text: string;
  /** No decision: waiting for review. */
  decision?: Decision;
}

const KATRIN = 'katrin.berger';
const JONAS = 'jonas.weber';

export function demoDocuments(cal: DemoCalendar): DemoDocument[] {
  const policyDay = cal.dayAgo(335);
  return [
    {
      uploadId: 'demo-policy-v2',
      type: 'securityPolicy',
      by: JONAS,
      values: { title: 'Informationssicherheitsleitlinie der Muster GmbH', version: '2.0', effectiveDate: policyDay, nextReview: cal.dayAgo(-30), summary: 'Von der Geschäftsführung unterschrieben; gilt für alle Mitarbeitenden und Dienstleister.' },
      people: { signedBy: KATRIN },
      fileName: 'Informationssicherheitsleitlinie-v2.0.txt',
      text: `Informationssicherheitsleitlinie der Muster GmbH, Version 2.0\n\nInformationssicherheit ist Chefsache. Die Geschäftsführung verpflichtet sich, die Anforderungen der ISO/IEC 27001 zu erfüllen und das ISMS fortlaufend zu verbessern.\n\nUnterschrieben: Katrin Berger, Geschäftsführerin, ${policyDay}`,
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-isb-appointment',
      type: 'isbAppointment',
      by: JONAS,
      values: { title: 'Bestellung des Informationssicherheitsbeauftragten', effectiveDate: cal.dayAgo(640), summary: 'Bestellung mit Berichtsweg direkt an die Geschäftsführung.' },
      people: { appointee: JONAS, signedBy: KATRIN },
      fileName: 'Bestellung-ISB-Jonas-Weber.txt',
      text: 'Hiermit wird Jonas Weber zum Informationssicherheitsbeauftragten der Muster GmbH bestellt. Er berichtet direkt an die Geschäftsführung.\n\nKatrin Berger, Geschäftsführerin',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-isb-role',
      type: 'roleDescription',
      by: JONAS,
      values: { title: 'Rollenbeschreibung Informationssicherheitsbeauftragter', effectiveDate: cal.dayAgo(630) },
      fileName: 'Rollenbeschreibung-ISB.txt',
      text: 'Aufgaben: ISMS betreiben, Risiken bewerten, Management-Reviews vorbereiten, Schulungen organisieren. Befugnisse: direkter Zugang zur Geschäftsführung.',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: `demo-budget-${cal.fiscalYear}`,
      type: 'budgetPlan',
      by: JONAS,
      values: { title: `Budget Informationssicherheit ${cal.fiscalYear}`, fiscalYear: String(cal.fiscalYear), securityAmount: '48000', lineItems: 'Awareness-Schulungen 9.000 EUR\nPenetrationstest 14.000 EUR\nBackup-Erneuerung 18.000 EUR\nExterne Beratung 7.000 EUR', effectiveDate: cal.fiscalYearBudgetDay },
      people: { signedBy: KATRIN },
      fileName: `Budget-Informationssicherheit-${cal.fiscalYear}.txt`,
      text: `Budgetplan ${cal.fiscalYear}: Informationssicherheit 48.000 EUR (eigene Zeile im Unternehmensbudget), freigegeben von Katrin Berger.`,
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-invoice-office',
      type: 'securityInvoice',
      by: JONAS,
      values: { title: 'Rechnung Büroausstattung', vendor: 'Bürobedarf Stuttgart GmbH', amount: '1240', effectiveDate: cal.dayAgo(60) },
      fileName: 'Rechnung-Bueroausstattung.txt',
      text: 'Rechnung Nr. 2291: 4 Bürostühle, 1.240 EUR.',
      decision: { status: 'rejected', by: KATRIN, comment: 'Keine Sicherheitsmaßnahme: bitte die Rechnung des Penetrationstests ablegen.' },
    },
    {
      uploadId: 'demo-objectives',
      type: 'securityObjectives',
      by: JONAS,
      values: { title: `Sicherheitsziele ${cal.fiscalYear}`, target: 'Phishing-Klickrate unter 5 %\nWiederherstellung kritischer Systeme in 24 Stunden\nAlle Mitarbeitenden jährlich geschult', due: cal.dayAgo(-60), businessGoal: 'https://mustergmbh.sharepoint.com/sites/ISMS/SitePages/Unternehmensziele.aspx', effectiveDate: cal.dayAgo(320) },
      people: { owner: JONAS },
      fileName: `Sicherheitsziele-${cal.fiscalYear}.txt`,
      text: 'Ziel 1: Phishing-Klickrate unter 5 %. Ziel 2: Wiederherstellung kritischer Systeme in 24 Stunden. Ziel 3: alle Mitarbeitenden jährlich geschult.',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-progress-q1',
      type: 'objectiveProgressReport',
      by: JONAS,
      values: { title: 'Fortschrittsbericht Sicherheitsziele, 1. Quartal', effectiveDate: cal.dayAgo(230), summary: 'Phishing-Klickrate 9 %; Wiederherstellungstest geplant.' },
      fileName: 'Fortschrittsbericht-Q1.txt',
      text: 'Phishing-Klickrate 9 % (Ziel 5 %). Wiederherstellungstest für Mai geplant. 40 % der Mitarbeitenden geschult.',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-progress-q2',
      type: 'objectiveProgressReport',
      by: JONAS,
      values: { title: 'Fortschrittsbericht Sicherheitsziele, 2. Quartal', effectiveDate: cal.dayAgo(140), summary: 'Phishing-Klickrate 6 %; Wiederherstellung in 30 Stunden.' },
      fileName: 'Fortschrittsbericht-Q2.txt',
      text: 'Phishing-Klickrate 6 %. Wiederherstellung kritischer Systeme in 30 Stunden (Ziel 24). 75 % der Mitarbeitenden geschult.',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-internal-audit',
      type: 'internalAuditReport',
      by: JONAS,
      values: { title: 'Bericht interne Auditierung ISMS', effectiveDate: cal.dayAgo(75), presentedTo: 'Geschäftsführung (Management-Review)', summary: 'Zwei kleinere Abweichungen, keine Hauptabweichung.' },
      fileName: 'Interner-Auditbericht.txt',
      text: 'Internes Audit nach ISO/IEC 27001 Kapitel 9.2: zwei kleinere Abweichungen (Zugriffsrechte-Rezertifizierung, Lieferantenbewertung).',
    },
    {
      uploadId: 'demo-training-last-year',
      type: 'trainingRecord',
      by: JONAS,
      values: { title: 'Security-Awareness-Schulung (Vorjahr)', topic: 'Grundlagen Informationssicherheit', participantCount: '21', effectiveDate: cal.dayAgo(430) },
      fileName: 'Teilnehmerliste-Awareness-Vorjahr.txt',
      text: 'Teilnehmerliste der Awareness-Schulung: 21 Teilnehmende.',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-training-phishing',
      type: 'trainingRecord',
      by: JONAS,
      values: { title: 'Phishing-Schulung mit Simulation', topic: 'Phishing erkennen und melden', participantCount: '23', effectiveDate: cal.dayAgo(50) },
      fileName: 'Teilnehmerliste-Phishing-Schulung.txt',
      text: 'Teilnehmerliste der Phishing-Schulung: 23 Teilnehmende, Simulation mit anschließender Auswertung.',
      decision: { status: 'accepted', by: KATRIN },
    },
    {
      uploadId: 'demo-org-chart',
      type: 'orgChart',
      by: JONAS,
      values: { title: 'Organigramm mit ISMS-Rollen', effectiveDate: cal.dayAgo(20) },
      fileName: 'Organigramm.txt',
      text: 'Geschäftsführung: Katrin Berger, Thomas Schmidt, Sabine Koch. ISB: Jonas Weber (Stabsstelle der Geschäftsführung).',
    },
  ];
}

/**
 * The demo company "Muster GmbH" (docs/architecture.md): people, groups and the ISMS team.
 * Invented people; realistic German names, titles and departments.
 */
import { stableGuid } from '../../ids';

export interface PersonSeed {
  alias: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  /** Extension of the Stuttgart switchboard +49 711 4560-… */
  extension: string;
  mobilePhone?: string;
  companyName?: string;
  groups: readonly GroupKey[];
}

export type GroupKey = 'geschaeftsfuehrung' | 'informationssicherheit' | 'alle' | 'auditoren' | 'ISMSMusterGmbH';

export interface GroupSeed {
  key: GroupKey;
  displayName: string;
  description: string;
  /** Microsoft 365 group backing a team. */
  team?: boolean;
  visibility: 'Private' | 'Public';
  /** Aliases of the group's owners (GET /groups/{id}/owners). A team site's owners are its site collection admins. */
  owners?: readonly string[];
}

export const GROUPS: readonly GroupSeed[] = [
  { key: 'geschaeftsfuehrung', displayName: 'Geschäftsführung', description: 'Geschäftsführung und oberste Leitung der Muster GmbH', visibility: 'Private' },
  { key: 'informationssicherheit', displayName: 'Informationssicherheit', description: 'Informationssicherheitsbeauftragter und ISMS-Team', visibility: 'Private' },
  { key: 'alle', displayName: 'Alle Mitarbeitenden', description: 'Alle Mitarbeiterinnen und Mitarbeiter der Muster GmbH', visibility: 'Public' },
  { key: 'auditoren', displayName: 'Auditoren', description: 'Interne und externe Auditorinnen und Auditoren (Lesezugriff auf Nachweise)', visibility: 'Private' },
  { key: 'ISMSMusterGmbH', displayName: 'ISMS Muster GmbH', description: 'Team für das Informationssicherheits-Managementsystem (ISO/IEC 27001)', team: true, visibility: 'Private', owners: ['lukas.schneider'] },
];

const everyone = ['alle'] as const;

export const PEOPLE: readonly PersonSeed[] = [
  { alias: 'katrin.berger', givenName: 'Katrin', surname: 'Berger', jobTitle: 'Geschäftsführerin', department: 'Geschäftsführung', officeLocation: 'Stuttgart, 4. OG', extension: '100', mobilePhone: '+49 171 2345601', groups: ['geschaeftsfuehrung', 'alle', 'ISMSMusterGmbH'] },
  { alias: 'jonas.weber', givenName: 'Jonas', surname: 'Weber', jobTitle: 'Informationssicherheitsbeauftragter', department: 'Informationssicherheit', officeLocation: 'Stuttgart, 3. OG', extension: '140', mobilePhone: '+49 171 2345602', groups: ['informationssicherheit', 'alle', 'ISMSMusterGmbH'] },
  { alias: 'thomas.schmidt', givenName: 'Thomas', surname: 'Schmidt', jobTitle: 'Kaufmännischer Leiter', department: 'Finanzen und Verwaltung', officeLocation: 'Stuttgart, 4. OG', extension: '110', mobilePhone: '+49 171 2345603', groups: ['geschaeftsfuehrung', 'alle', 'ISMSMusterGmbH'] },
  { alias: 'sabine.koch', givenName: 'Sabine', surname: 'Koch', jobTitle: 'Leiterin Vertrieb', department: 'Vertrieb', officeLocation: 'Stuttgart, 2. OG', extension: '120', mobilePhone: '+49 171 2345604', groups: ['geschaeftsfuehrung', 'alle', 'ISMSMusterGmbH'] },
  { alias: 'anna.mueller', givenName: 'Anna', surname: 'Müller', jobTitle: 'Sachbearbeiterin Buchhaltung', department: 'Finanzen und Verwaltung', officeLocation: 'Stuttgart, 4. OG', extension: '211', groups: everyone },
  { alias: 'lukas.schneider', givenName: 'Lukas', surname: 'Schneider', jobTitle: 'IT-Administrator', department: 'IT', officeLocation: 'Stuttgart, 3. OG', extension: '231', groups: everyone },
  { alias: 'julia.fischer', givenName: 'Julia', surname: 'Fischer', jobTitle: 'Vertriebsmitarbeiterin', department: 'Vertrieb', officeLocation: 'Stuttgart, 2. OG', extension: '221', groups: everyone },
  { alias: 'felix.wagner', givenName: 'Felix', surname: 'Wagner', jobTitle: 'Softwareentwickler', department: 'IT', officeLocation: 'Stuttgart, 3. OG', extension: '232', groups: everyone },
  { alias: 'laura.becker', givenName: 'Laura', surname: 'Becker', jobTitle: 'Personalreferentin', department: 'Personal', officeLocation: 'Stuttgart, 4. OG', extension: '251', groups: everyone },
  { alias: 'maximilian.hoffmann', givenName: 'Maximilian', surname: 'Hoffmann', jobTitle: 'Key Account Manager', department: 'Vertrieb', officeLocation: 'Stuttgart, 2. OG', extension: '222', groups: everyone },
  { alias: 'sophie.schaefer', givenName: 'Sophie', surname: 'Schäfer', jobTitle: 'Marketingmanagerin', department: 'Marketing', officeLocation: 'Stuttgart, 2. OG', extension: '261', groups: everyone },
  { alias: 'leon.richter', givenName: 'Leon', surname: 'Richter', jobTitle: 'Systemadministrator', department: 'IT', officeLocation: 'Stuttgart, 3. OG', extension: '233', groups: everyone },
  { alias: 'marie.klein', givenName: 'Marie', surname: 'Klein', jobTitle: 'Assistentin der Geschäftsführung', department: 'Geschäftsführung', officeLocation: 'Stuttgart, 4. OG', extension: '101', groups: everyone },
  { alias: 'paul.wolf', givenName: 'Paul', surname: 'Wolf', jobTitle: 'Einkäufer', department: 'Einkauf', officeLocation: 'Stuttgart, 1. OG', extension: '271', groups: everyone },
  { alias: 'lena.neumann', givenName: 'Lena', surname: 'Neumann', jobTitle: 'Controllerin', department: 'Finanzen und Verwaltung', officeLocation: 'Stuttgart, 4. OG', extension: '212', groups: everyone },
  { alias: 'jan.schwarz', givenName: 'Jan', surname: 'Schwarz', jobTitle: 'Leiter Lager und Logistik', department: 'Logistik', officeLocation: 'Ludwigsburg, Lager', extension: '281', groups: everyone },
  { alias: 'hannah.zimmermann', givenName: 'Hannah', surname: 'Zimmermann', jobTitle: 'Datenschutzkoordinatorin', department: 'Recht und Compliance', officeLocation: 'Stuttgart, 4. OG', extension: '241', groups: everyone },
  { alias: 'tim.braun', givenName: 'Tim', surname: 'Braun', jobTitle: 'Servicetechniker', department: 'Kundenservice', officeLocation: 'Stuttgart, 1. OG', extension: '291', groups: everyone },
  { alias: 'lea.krueger', givenName: 'Lea', surname: 'Krüger', jobTitle: 'Kundenberaterin', department: 'Kundenservice', officeLocation: 'Stuttgart, 1. OG', extension: '292', groups: everyone },
  { alias: 'niklas.hofmann', givenName: 'Niklas', surname: 'Hofmann', jobTitle: 'Produktmanager', department: 'Produktmanagement', officeLocation: 'Stuttgart, 2. OG', extension: '262', groups: everyone },
  { alias: 'emma.hartmann', givenName: 'Emma', surname: 'Hartmann', jobTitle: 'Buchhalterin', department: 'Finanzen und Verwaltung', officeLocation: 'Stuttgart, 4. OG', extension: '213', groups: everyone },
  { alias: 'david.lange', givenName: 'David', surname: 'Lange', jobTitle: 'Vertriebsinnendienst', department: 'Vertrieb', officeLocation: 'Stuttgart, 2. OG', extension: '223', groups: everyone },
  { alias: 'mia.schmitt', givenName: 'Mia', surname: 'Schmitt', jobTitle: 'Personalsachbearbeiterin', department: 'Personal', officeLocation: 'Stuttgart, 4. OG', extension: '252', groups: everyone },
  { alias: 'elias.werner', givenName: 'Elias', surname: 'Werner', jobTitle: 'Auszubildender Fachinformatiker', department: 'IT', officeLocation: 'Stuttgart, 3. OG', extension: '234', groups: everyone },
  { alias: 'petra.pruefer', givenName: 'Petra', surname: 'Prüfer', jobTitle: 'Externe Auditorin (ISO/IEC 27001)', department: 'Externe Prüfung', officeLocation: 'extern', extension: '900', companyName: 'Prüf & Partner Zertifizierung GmbH', groups: ['auditoren'] },
];

export function userId(upn: string): string {
  return stableGuid('user', upn.toLowerCase());
}

export function groupId(mailNickname: string): string {
  return stableGuid('group', mailNickname);
}

/** The Microsoft 365 group behind the team "ISMS Muster GmbH". */
export const TEAM_GROUP_ID = groupId('ISMSMusterGmbH');

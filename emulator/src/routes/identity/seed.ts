/** Seeds the directory: users, groups, memberships, the organization. */
import type { Group, Organization, User } from '@microsoft/microsoft-graph-types';
import type { SeedContext } from '../../module';
import { groups, membershipId, memberships, organizations, ownerships, users } from './directory';
import { GROUPS, PEOPLE, groupId, userId, type PersonSeed } from './seedData';

function toUser(p: PersonSeed, domain: string, index: number): User {
  const upn = `${p.alias}@${domain}`;
  return {
    id: userId(upn),
    businessPhones: [`+49 711 4560-${p.extension}`],
    displayName: `${p.givenName} ${p.surname}`,
    givenName: p.givenName,
    jobTitle: p.jobTitle,
    mail: upn,
    mobilePhone: p.mobilePhone ?? null,
    officeLocation: p.officeLocation,
    preferredLanguage: 'de-DE',
    surname: p.surname,
    userPrincipalName: upn,
    accountEnabled: true,
    department: p.department,
    companyName: p.companyName ?? 'Muster GmbH',
    city: 'Stuttgart',
    country: 'Deutschland',
    usageLocation: 'DE',
    userType: 'Member',
    mailNickname: p.alias,
    employeeId: String(1000 + index),
    identities: [{ signInType: 'userPrincipalName', issuer: domain, issuerAssignedId: upn }],
    createdDateTime: new Date(Date.UTC(2020, 0, 6 + index * 17)).toISOString().replace('.000Z', 'Z'),
  };
}

/** Group as the directory stores it (creationOptions is missing from graph-types v1.0). */
type StoredGroup = Group & { creationOptions: string[]; resourceBehaviorOptions: string[]; resourceProvisioningOptions: string[] };

function toGroup(g: (typeof GROUPS)[number], domain: string): StoredGroup {
  return {
    id: groupId(g.key),
    deletedDateTime: null,
    classification: null,
    createdDateTime: '2020-01-06T08:00:00Z',
    creationOptions: g.team ? ['Team', 'ExchangeProvisioningFlags:3552'] : [],
    description: g.description,
    displayName: g.displayName,
    expirationDateTime: null,
    groupTypes: ['Unified'],
    isAssignableToRole: null,
    mail: `${g.key}@${domain}`,
    mailEnabled: true,
    mailNickname: g.key,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: [`SMTP:${g.key}@${domain}`],
    renewedDateTime: '2020-01-06T08:00:00Z',
    resourceBehaviorOptions: g.team ? ['HideGroupInOutlook', 'SubscribeMembersToCalendarEventsDisabled', 'WelcomeEmailDisabled'] : [],
    resourceProvisioningOptions: g.team ? ['Team'] : [],
    securityEnabled: false,
    securityIdentifier: `S-1-12-1-${parseInt(groupId(g.key).slice(0, 8), 16)}`,
    theme: null,
    visibility: g.visibility,
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

type StoredOrganization = Organization & {
  isMultipleDataLocationsForServicesEnabled: boolean | null;
  directorySizeQuota: { used: number; total: number };
};

function toOrganization(ctx: SeedContext): StoredOrganization {
  const { tenant } = ctx;
  return {
    id: tenant.id,
    deletedDateTime: null,
    businessPhones: ['+49 711 4560-0'],
    city: 'Stuttgart',
    country: 'Deutschland',
    countryLetterCode: tenant.countryLetterCode,
    createdDateTime: '2020-01-06T07:45:12Z',
    defaultUsageLocation: 'DE',
    displayName: tenant.displayName,
    isMultipleDataLocationsForServicesEnabled: null,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    partnerTenantType: null,
    postalCode: '70173',
    preferredLanguage: 'de',
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: 'Baden-Württemberg',
    street: 'Königstraße 1',
    technicalNotificationMails: [`jonas.weber@${tenant.domain}`],
    tenantType: 'AAD',
    directorySizeQuota: { used: PEOPLE.length + GROUPS.length, total: 50000 },
    assignedPlans: [
      { assignedDateTime: '2020-01-06T07:50:00Z', capabilityStatus: 'Enabled', service: 'exchange', servicePlanId: '9f431833-0334-42de-a7dc-70aa40db46db' },
      { assignedDateTime: '2020-01-06T07:50:00Z', capabilityStatus: 'Enabled', service: 'SharePoint', servicePlanId: '5dbe027f-2339-4123-9542-606e4d348a72' },
      { assignedDateTime: '2020-01-06T07:50:00Z', capabilityStatus: 'Enabled', service: 'TeamspaceAPI', servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929' },
    ],
    privacyProfile: { contactEmail: `datenschutz@${tenant.domain}`, statementUrl: 'https://www.muster-gmbh.example/datenschutz' },
    provisionedPlans: [
      { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'exchange' },
      { capabilityStatus: 'Enabled', provisioningStatus: 'Success', service: 'SharePoint' },
    ],
    verifiedDomains: [
      { capabilities: 'Email, OfficeCommunicationsOnline', isDefault: true, isInitial: true, name: tenant.domain, type: 'Managed' },
    ],
  };
}

export function seedDirectory(ctx: SeedContext): void {
  const { store, tenant } = ctx;
  store.transaction(() => {
    PEOPLE.forEach((p, i) => {
      const user = toUser(p, tenant.domain, i);
      users(store).insert(user, { id: user.id as string });
    });
    for (const g of GROUPS) {
      const group = toGroup(g, tenant.domain);
      groups(store).insert(group, { id: group.id as string });
    }
    for (const p of PEOPLE) {
      const memberId = userId(`${p.alias}@${tenant.domain}`);
      for (const key of p.groups) {
        const gid = groupId(key);
        memberships(store).insert({ groupId: gid, memberId }, { id: membershipId(gid, memberId), parentId: gid });
      }
    }
    for (const g of GROUPS) {
      for (const alias of g.owners ?? []) {
        const gid = groupId(g.key);
        const ownerId = userId(`${alias}@${tenant.domain}`);
        ownerships(store).insert({ groupId: gid, memberId: ownerId }, { id: membershipId(gid, ownerId), parentId: gid });
      }
    }
    organizations(store).insert(toOrganization(ctx), { id: tenant.id });
  });
}

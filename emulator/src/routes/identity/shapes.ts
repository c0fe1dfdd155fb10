/** Property sets of directory objects as Graph returns them. */
import type { Group, User } from '@microsoft/microsoft-graph-types';

/** Returned when no $select is given (Graph docs, "Get user"). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** Properties $select may name (others → 400, like Graph); missing ones come back as null. */
export const USER_PROPERTIES = [
  ...DEFAULT_USER_PROPERTIES,
  'accountEnabled',
  'ageGroup',
  'city',
  'companyName',
  'country',
  'createdDateTime',
  'department',
  'employeeId',
  'employeeType',
  'faxNumber',
  'mailNickname',
  'otherMails',
  'postalCode',
  'proxyAddresses',
  'state',
  'streetAddress',
  'usageLocation',
  'userType',
  'onPremisesSyncEnabled',
  'showInAddressList',
  'aboutMe',
  'birthday',
  'hireDate',
  'interests',
  'mySite',
  'pastProjects',
  'preferredName',
  'responsibilities',
  'schools',
  'skills',
  'identities',
] as const;

/** Properties only /users/{id} answers with $select (not in collections), per Graph. */
export const USER_SINGLE_ONLY_PROPERTIES = ['aboutMe', 'birthday', 'hireDate', 'interests', 'mySite', 'pastProjects', 'preferredName', 'responsibilities', 'schools', 'skills'];

export const USER_SEARCHABLE = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'mailNickname', 'jobTitle', 'department'];

/** Every known property present, null where the directory has no value (as Graph answers $select). */
export function fullUser(user: User): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of USER_PROPERTIES) out[p] = (user as Record<string, unknown>)[p] ?? null;
  for (const p of ['businessPhones', 'identities', 'otherMails', 'proxyAddresses', 'interests', 'pastProjects', 'responsibilities', 'schools', 'skills']) {
    if (out[p] === null) out[p] = [];
  }
  return out;
}

export const DEFAULT_GROUP_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'creationOptions',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
  'securityEnabled',
  'securityIdentifier',
  'theme',
  'visibility',
  'onPremisesProvisioningErrors',
  'serviceProvisioningErrors',
] as const;

export const GROUP_SEARCHABLE = ['displayName', 'description', 'mail', 'mailNickname'];

export function fullGroup(group: Group): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of DEFAULT_GROUP_PROPERTIES) out[p] = (group as Record<string, unknown>)[p] ?? null;
  return out;
}

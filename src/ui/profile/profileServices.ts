import type { Organization, Person } from '../../graph/models';

/** What the shell needs from Microsoft Graph to show who is signed in, and where. */
export interface ProfileServices {
  me(): Promise<Person>;
  organization(): Promise<Organization>;
}

export interface Profile {
  user: Person;
  organization: Organization;
}

export async function loadProfile(services: ProfileServices): Promise<Profile> {
  const [user, organization] = await Promise.all([services.me(), services.organization()]);
  return { user, organization };
}

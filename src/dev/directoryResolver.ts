/**
 * Resolves an address typed into To or Cc as Outlook's recipient well does against the directory:
 * a tenant user, a group's address (a distribution list to the add-in), or someone outside.
 * Development only: the Office.js stand-in's `to/cc.getAsync` answers with it.
 */
import type { GroupsGateway, UsersGateway } from '../graph';
import type { ResolvedRecipient } from './officeStandIn';

export function directoryResolver(graph: { users: UsersGateway; groups: GroupsGateway }, ownDomain: string): (address: string) => Promise<ResolvedRecipient> {
  const cache = new Map<string, Promise<ResolvedRecipient>>();
  const resolve = async (address: string): Promise<ResolvedRecipient> => {
    const [local = '', domain = ''] = address.split('@');
    if (domain.toLowerCase() !== ownDomain.toLowerCase()) return { displayName: address, emailAddress: address, recipientType: 'externalUser' };
    try {
      const person = await graph.users.get(address);
      return { displayName: person.displayName, emailAddress: address, recipientType: 'user' };
    } catch {
      const group = (await graph.groups.find(local).catch(() => []))[0];
      return group ? { displayName: group.displayName, emailAddress: address, recipientType: 'distributionList' } : { displayName: address, emailAddress: address, recipientType: 'other' };
    }
  };
  return (address) => {
    const key = address.toLowerCase();
    if (!cache.has(key)) cache.set(key, resolve(address));
    return cache.get(key)!;
  };
}

/**
 * Per-list permission hook (SharePoint's item-level / list-level permissions). By default every
 * signed-in user with the right Graph scope may read and write every list, as on a fresh team
 * site. A later feature restricts lists to roles by adding a rule:
 *
 *   addListAccessRule(({ user, list, operation }) =>
 *     list.data.displayName === 'Management Reviews' && operation !== 'read' && !isManager(user.id) ? 'deny' : undefined);
 *
 * Rules run in order; the first 'allow' or 'deny' wins; undefined passes to the next rule.
 * A denied read hides the list (404, left out of GET /lists); a denied write → 403 accessDenied.
 */
import { GraphError } from '../../http/graphError';
import type { AuthUser } from '../../http/context';
import type { Store } from '../../store/store';
import type { StoredList, StoredSite } from './repo';

export type ListOperation = 'read' | 'write' | 'manage';

export interface ListAccessRequest {
  user: AuthUser;
  site: StoredSite;
  list: StoredList;
  operation: ListOperation;
  store: Store;
}

export type ListAccessRule = (request: ListAccessRequest) => 'allow' | 'deny' | undefined;

const rules: ListAccessRule[] = [];

/** Adds a rule; returns a function that removes it again (tests). */
export function addListAccessRule(rule: ListAccessRule): () => void {
  rules.push(rule);
  return () => {
    const index = rules.indexOf(rule);
    if (index !== -1) rules.splice(index, 1);
  };
}

export function isListAccessAllowed(request: ListAccessRequest): boolean {
  for (const rule of rules) {
    const decision = rule(request);
    if (decision === 'allow') return true;
    if (decision === 'deny') return false;
  }
  return true;
}

export function assertListAccess(request: ListAccessRequest): void {
  if (isListAccessAllowed(request)) return;
  if (request.operation === 'read') throw new GraphError(404, 'itemNotFound', 'The specified list was not found');
  throw new GraphError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
}

/**
 * SharePoint's hidden "User Information List": every user that touched a site gets an item
 * whose id is the user's lookup id (AuthorLookupId, EditorLookupId, <Person>LookupId).
 * Apps read it like any list: GET /sites/{id}/lists/User Information List/items?$expand=fields
 */
import { stableGuid } from '../../ids';
import type { Store } from '../../store/store';
import { templateColumns } from './columns';
import { ITEMS, LISTS, itemKey, type IdentityRecord, type ItemRecord, type ListRecord } from './model';
import { lists, type StoredSite } from './repo';

export const USER_INFO_LIST_TITLE = 'User Information List';
/** SharePoint's "System Account" lookup id. */
export const SYSTEM_LOOKUP_ID = 1073741823;
export const SYSTEM_ACCOUNT: IdentityRecord = { id: '', displayName: 'System Account' };

function userInfoListId(siteId: string): string {
  return stableGuid('sp.userInfoList', siteId);
}

export function ensureUserInfoList(store: Store, site: StoredSite, at: Date): string {
  const id = userInfoListId(site.id);
  if (lists(store).get(id)) return id;
  const columns = templateColumns('genericList');
  const extra = ['EMail', 'UserName', 'Department', 'JobTitle'].map((name) => ({
    ...(columns[0] as (typeof columns)[number]),
    id: stableGuid('sp.userInfoColumn', `${id}/${name}`),
    name,
    displayName: name,
    required: false,
    indexed: name === 'EMail' || name === 'UserName',
  }));
  const record: ListRecord = {
    siteId: site.id,
    name: 'users',
    displayName: USER_INFO_LIST_TITLE,
    description: '',
    template: 'genericList',
    hidden: true,
    columns: [...columns.map((c) => ({ ...c, required: false })), ...extra],
    nextItemId: 1,
    createdBy: SYSTEM_ACCOUNT,
    lastModifiedBy: SYSTEM_ACCOUNT,
  };
  store.collection<ListRecord>(LISTS).insert(record, { id, parentId: site.id, at });
  return id;
}

/** The user's lookup id on the site, adding the user to the User Information List if needed. */
export function ensureUser(store: Store, site: StoredSite, identity: IdentityRecord, at: Date, extra: { department?: string; jobTitle?: string } = {}): number {
  return store.transaction(() => {
    const listId = ensureUserInfoList(store, site, at);
    const itemsCollection = store.collection<ItemRecord>(ITEMS);
    const email = (identity.email ?? '').toLowerCase();
    const existing = itemsCollection.find(
      (item) => (email !== '' && String(item.values.UserName ?? '').toLowerCase() === email) || item.values.ObjectId === identity.id,
      { parentId: listId },
    );
    if (existing) return existing.data.itemId;
    const list = lists(store).update(listId, (current) => ({ ...current, nextItemId: current.nextItemId + 1 }), { at });
    const itemId = list.data.nextItemId - 1;
    const values: Record<string, unknown> = { Title: identity.displayName, EMail: identity.email ?? null, UserName: identity.email ?? null, ObjectId: identity.id };
    if (extra.department) values.Department = extra.department;
    if (extra.jobTitle) values.JobTitle = extra.jobTitle;
    itemsCollection.insert(
      {
        listId,
        itemId,
        uniqueId: stableGuid('sp.userInfoItem', `${listId}/${identity.id}`),
        values,
        createdBy: SYSTEM_ACCOUNT,
        lastModifiedBy: SYSTEM_ACCOUNT,
        authorLookupId: SYSTEM_LOOKUP_ID,
        editorLookupId: SYSTEM_LOOKUP_ID,
      },
      { id: itemKey(listId, itemId), parentId: listId, at },
    );
    return itemId;
  });
}

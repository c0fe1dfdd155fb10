/**
 * Demo data: the tenant root site and the team site of "ISMS Muster GmbH"
 * (mustergmbh.sharepoint.com:/sites/ISMS) with its default library "Dokumente"
 * (URL "Shared Documents"), and every directory user in the site's User Information List.
 * Ids are stable (stableGuid) so links survive a reset.
 */
import { stableGuid } from '../../ids';
import type { SeedContext } from '../../module';
import { users } from '../identity/directory';
import { groupId, TEAM_GROUP_ID } from '../identity/seedData';
import { seedSitePermissions } from './permissions/seed';
import { createList } from './listWrites';
import { SITES, type SiteRecord } from './model';
import { sites, type StoredSite } from './repo';
import { ensureUser, ensureUserInfoList, SYSTEM_ACCOUNT } from './userInfo';

export const ISMS_SITE_PATH = '/sites/ISMS';
export const DOCUMENTS_LIBRARY_ID = stableGuid('sp.list', `${ISMS_SITE_PATH}/Shared Documents`);

const DAY = 24 * 3600 * 1000;

function siteId(host: string, site: Pick<SiteRecord, 'siteCollectionId' | 'webId'>): string {
  return `${host},${site.siteCollectionId},${site.webId}`.toLowerCase();
}

function insertSite(ctx: SeedContext, record: SiteRecord, at: Date): StoredSite {
  return ctx.store.collection<SiteRecord>(SITES).insert(record, { id: siteId(record.hostname, record), at });
}

export function ismsSite(ctx: Pick<SeedContext, 'store' | 'tenant'>): StoredSite {
  const site = sites(ctx.store).find((s) => s.serverRelativeUrl === ISMS_SITE_PATH && s.hostname === ctx.tenant.sharePointHost);
  if (!site) throw new Error('The ISMS team site is not seeded.');
  return site;
}

export function seedSharePoint(ctx: SeedContext): void {
  const host = ctx.tenant.sharePointHost;
  const created = new Date(ctx.now.getTime() - 1500 * DAY);
  const teamCreated = new Date(ctx.now.getTime() - 1000 * DAY);
  ctx.store.transaction(() => {
    const root = insertSite(
      ctx,
      {
        hostname: host,
        siteCollectionId: stableGuid('sp.siteCollection', '/'),
        webId: stableGuid('sp.web', '/'),
        serverRelativeUrl: '/',
        name: '',
        displayName: 'Kommunikationswebsite',
        description: 'Intranet der Muster GmbH',
        isRoot: true,
      },
      created,
    );
    const isms = insertSite(
      ctx,
      {
        hostname: host,
        siteCollectionId: stableGuid('sp.siteCollection', ISMS_SITE_PATH),
        webId: stableGuid('sp.web', ISMS_SITE_PATH),
        serverRelativeUrl: ISMS_SITE_PATH,
        name: 'ISMS',
        displayName: 'ISMS Muster GmbH',
        description: 'Team für das Informationssicherheits-Managementsystem (ISO/IEC 27001)',
        isRoot: false,
        groupId: TEAM_GROUP_ID,
      },
      teamCreated,
    );
    for (const site of [root, isms]) {
      ensureUserInfoList(ctx.store, site, site.id === root.id ? created : teamCreated);
      createList(ctx.store, site, { displayName: 'Dokumente', list: { template: 'documentLibrary' } }, SYSTEM_ACCOUNT, site.id === root.id ? created : teamCreated, {
        listId: stableGuid('sp.list', `${site.data.serverRelativeUrl}/Shared Documents`),
        urlName: 'Shared Documents',
      });
    }
    for (const user of users(ctx.store).list()) {
      ensureUser(
        ctx.store,
        isms,
        { id: user.id, displayName: user.data.displayName ?? '', email: user.data.mail ?? user.data.userPrincipalName ?? undefined },
        teamCreated,
        { department: user.data.department ?? undefined, jobTitle: user.data.jobTitle ?? undefined },
      );
    }
    // Site permissions (permissions/seed.ts): the team's owners and members; the customer gave "Auditoren" read access.
    seedSitePermissions(ctx.store, isms, ctx.tenant.id, { visitorGroupIds: [groupId('auditoren')] }, teamCreated);
    seedSitePermissions(ctx.store, root, ctx.tenant.id, { adminUpns: [`lukas.schneider@${ctx.tenant.domain}`], everyoneReads: true }, created);
  });
}

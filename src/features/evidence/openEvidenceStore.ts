/**
 * The app's evidence store for one signed-in session: which site (Teams team site, configured
 * `siteUrl`, or in emulator mode the demo site), IndexedDB for cache and outbox when the browser
 * has it, and the signed-in user as capturedBy.
 */
import type { AppConfig } from '../../config';
import type { GraphGateways } from '../../graph';
import type { HostInfo } from '../../host';
import { createEvidenceStore } from './createEvidenceStore';
import { EvidenceProvisioningError } from './errors';
import type { EvidenceStore } from './evidenceStore';
import { createIndexedDbEvidenceCache, createIndexedDbOutboxStorage } from './indexedDbStorage';

/** The demo tenant's ISMS team site: the evidence site in emulator mode when no CHEFSACHE_SITE_URL is set (the one site-URL rule: resolveEvidenceSite). */
export const DEMO_SITE_URL = 'https://mustergmbh.sharepoint.com/sites/ISMS';

/**
 * Where the evidence lives: the configured site (CHEFSACHE_SITE_URL; emulator mode: the demo site), only. A Teams
 * tab in a team whose site is another one is `otherTeam`: Chefsache provisions nothing there (no silent second store).
 */
export type EvidenceSite = { kind: 'site'; url: string } | { kind: 'none' } | { kind: 'otherTeam'; here: string; configured: string };

const normalizedSite = (url: string) => {
  const u = new URL(url);
  return `${u.origin.toLowerCase()}${decodeURIComponent(u.pathname).replace(/\/+$/, '').toLowerCase()}`;
};

export function resolveEvidenceSite(config: AppConfig, host: Pick<HostInfo, 'teamSiteUrl'>): EvidenceSite {
  const configured = config.siteUrl ?? (config.auth === 'emulator' ? DEMO_SITE_URL : undefined);
  if (!configured) return { kind: 'none' };
  if (host.teamSiteUrl && normalizedSite(host.teamSiteUrl) !== normalizedSite(configured)) return { kind: 'otherTeam', here: host.teamSiteUrl, configured };
  return { kind: 'site', url: configured };
}

/** The evidence site when this host may use it; undefined when none is configured or the tab sits in another team. */
export function evidenceSiteUrl(config: AppConfig, host: Pick<HostInfo, 'teamSiteUrl'>): string | undefined {
  const site = resolveEvidenceSite(config, host);
  return site.kind === 'site' ? site.url : undefined;
}

/** Every call fails with the same clear error: used when no site is known. */
function unavailableStore(error: Error): EvidenceStore {
  const fail = async (): Promise<never> => {
    throw error;
  };
  return {
    provision: fail,
    capture: fail,
    captureMany: fail,
    query: fail,
    get: fail,
    findBySourceKey: fail,
    review: fail,
    decisions: fail,
    sync: fail,
    unreadable: fail,
    content: fail,
    verify: fail,
    outbox: { list: async () => [], flush: async () => [], retry: fail, discard: fail },
  };
}

export interface OpenEvidenceStoreOptions {
  graph: GraphGateways;
  config: AppConfig;
  host: Pick<HostInfo, 'teamSiteUrl'>;
  /** The signed-in user, shared with the shell's profile (default: `graph.users.me()`). */
  me?: () => ReturnType<GraphGateways['users']['me']>;
}

export function openEvidenceStore({ graph, config, host, me: readMe = () => graph.users.me() }: OpenEvidenceStoreOptions): EvidenceStore {
  const resolved = resolveEvidenceSite(config, host);
  if (resolved.kind === 'none') return unavailableStore(new EvidenceProvisioningError('noSite', '(none)', 'No CHEFSACHE_SITE_URL configured.'));
  if (resolved.kind === 'otherTeam') {
    return unavailableStore(new EvidenceProvisioningError('otherTeam', resolved.configured, `This tab belongs to the team site ${resolved.here}.`));
  }
  const site = resolved.url;
  const persistent = typeof globalThis.indexedDB !== 'undefined';
  return createEvidenceStore({
    graph,
    site,
    capturedBy: async () => {
      const me = await readMe();
      return { id: me.id, upn: me.userPrincipalName, displayName: me.displayName };
    },
    ...(persistent ? { cache: createIndexedDbEvidenceCache(), outboxStorage: createIndexedDbOutboxStorage() } : {}),
  });
}

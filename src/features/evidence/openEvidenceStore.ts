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

/** The demo tenant's ISMS team site (emulator). */
export const DEMO_SITE_URL = 'https://mustergmbh.sharepoint.com/sites/ISMS';

/** Teams context first (the team the tab belongs to), then configuration, then the emulator's demo site. */
export function evidenceSiteUrl(config: AppConfig, host: Pick<HostInfo, 'teamSiteUrl'>): string | undefined {
  return host.teamSiteUrl ?? config.siteUrl ?? (config.auth === 'emulator' ? DEMO_SITE_URL : undefined);
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
  const site = evidenceSiteUrl(config, host);
  if (!site) return unavailableStore(new EvidenceProvisioningError('noSite', '(none)', 'No team site in the Teams context and no CHEFSACHE_SITE_URL.'));
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

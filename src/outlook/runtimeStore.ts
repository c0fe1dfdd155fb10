/**
 * The evidence store as the Outlook event runtime opens it: silent sign-in only (MSAL never opens a
 * window there; SilentSignInUnavailableError → the capture fails softly and the sweep picks the
 * mail up), the mailbox owner as the emulator demo user. Where the runtime has IndexedDB (Outlook
 * on the web, new Outlook on Windows, Outlook on Mac: a browser runtime of the add-in's origin) the
 * outbox and cache are the same IndexedDB the task pane and the Teams tab use, so a capture queued
 * at send time is retried by them. The JavaScript-only runtime of classic Outlook on Windows has no
 * IndexedDB: the outbox is in memory there, and the task pane's sweep finishes the capture from
 * the sent mail's category and capture header the next time it opens.
 */
import { createTokenProvider } from '../auth/createTokenProvider';
import type { AppConfig } from '../config';
import { createEvidenceStore } from '../features/evidence/createEvidenceStore';
import { EvidenceProvisioningError } from '../features/evidence/errors';
import { createIndexedDbEvidenceCache, createIndexedDbOutboxStorage } from '../features/evidence/indexedDbStorage';
import type { EvidenceStore } from '../features/evidence/evidenceStore';
import { resolveEvidenceSite } from '../features/evidence/openEvidenceStore';
import type { MailAuthor } from '../features/outlook/composeMail';
import { createGraphGateways } from '../graph';

/**
 * The evidence site by the tab's rule (resolveEvidenceSite: the configured site; the demo site only in
 * emulator mode). Outlook has no team site. Without a configured site the capture fails softly and
 * nothing is written to a guessed site.
 */
export function runtimeEvidenceSite(config: AppConfig): string {
  const site = resolveEvidenceSite(config, {});
  if (site.kind !== 'site') throw new EvidenceProvisioningError('noSite', '(none)', 'No CHEFSACHE_SITE_URL configured.');
  return site.url;
}

export function runtimeStoreOpener(config: AppConfig, owner: MailAuthor): () => Promise<EvidenceStore> {
  let store: EvidenceStore | undefined;
  return async () => {
    if (!store) {
      const site = runtimeEvidenceSite(config);
      const tokenProvider = createTokenProvider({ config, host: 'outlook', demoUserUpn: owner.emailAddress, silentOnly: true });
      const graph = createGraphGateways({ baseUrl: config.graphBaseUrl, tokenProvider, retry: { maxAttempts: 2 } });
      store = createEvidenceStore({
        graph,
        site,
        capturedBy: { upn: owner.emailAddress, displayName: owner.displayName || owner.emailAddress },
        ...(typeof globalThis.indexedDB !== 'undefined' ? { cache: createIndexedDbEvidenceCache(), outboxStorage: createIndexedDbOutboxStorage() } : {}),
      });
    }
    return store;
  };
}

/**
 * The evidence store as the Outlook event runtime opens it: silent sign-in only (MSAL never opens a
 * window there; SilentSignInUnavailableError → the capture fails softly and the sweep picks the
 * mail up), the mailbox owner as the emulator demo user, in-memory outbox (the runtime has no
 * lasting storage of its own; the sweep is the backstop).
 */
import { createTokenProvider } from '../auth/createTokenProvider';
import type { AppConfig } from '../config';
import { createEvidenceStore } from '../features/evidence/createEvidenceStore';
import type { EvidenceStore } from '../features/evidence/evidenceStore';
import type { MailAuthor } from '../features/outlook/composeMail';
import { createGraphGateways } from '../graph';

/** The ISMS team site when none is configured (the demo tenant's). */
export const DEFAULT_SITE_URL = 'https://mustergmbh.sharepoint.com/sites/ISMS';

export function runtimeStoreOpener(config: AppConfig, owner: MailAuthor): () => Promise<EvidenceStore> {
  let store: EvidenceStore | undefined;
  return async () => {
    if (!store) {
      const tokenProvider = createTokenProvider({ config, host: 'outlook', demoUserUpn: owner.emailAddress, silentOnly: true });
      const graph = createGraphGateways({ baseUrl: config.graphBaseUrl, tokenProvider, retry: { maxAttempts: 2 } });
      store = createEvidenceStore({
        graph,
        site: config.siteUrl ?? DEFAULT_SITE_URL,
        capturedBy: { upn: owner.emailAddress, displayName: owner.displayName || owner.emailAddress },
      });
    }
    return store;
  };
}

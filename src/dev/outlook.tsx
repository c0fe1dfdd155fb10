/**
 * /dev/outlook.html: try the Outlook add-in without Outlook (development only; vite.config.ts never
 * builds this page, the package and the manifest never name it). Installs the Office.js stand-in
 * before anything reads `Office`, registers the REAL on-send handler (src/outlook/runtime.ts, the
 * module Outlook's event runtime loads) and mounts the compose window with the REAL task pane.
 */
import { startPage } from '../ui/start';
import { createComposeDraft } from './composeDraft';
import { createOfficeStandIn, type ResolvedRecipient } from './officeStandIn';

const draft = createComposeDraft();
let resolve = (address: string): Promise<ResolvedRecipient> => Promise.resolve({ displayName: address, emailAddress: address, recipientType: 'other' });
const standIn = createOfficeStandIn({ draft, displayLanguage: navigator.language || 'en-US', resolveRecipient: (address) => resolve(address) });
(globalThis as { Office?: unknown }).Office = standIn.office;

startPage({
  titleKey: 'pages.devOutlook',
  load: async () => {
    const [{ createDevOutlookPage }, { createGraphServices }] = await Promise.all([
      import('./DevOutlookPage'),
      import('../ui/session/graphServices'),
      // The event runtime's entry: it associates the on-send handler with the stand-in's Office.actions.
      import('../outlook/runtime'),
    ]);
    return {
      page: createDevOutlookPage({ draft, standIn, setResolver: (next) => (resolve = next) }),
      createServices: createGraphServices,
    };
  },
});

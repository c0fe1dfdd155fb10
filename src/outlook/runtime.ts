/**
 * Entry of the Outlook event runtime. Loaded as an ES module by commands.html and bundled as a
 * classic script (outlook/runtime.js) for classic Outlook on Windows (see vite.config.ts).
 */
import { registerOnSendHandler } from './onSend';

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) {
  registerOnSendHandler(office.actions);
} else {
  console.error('Chefsache: Office.js is not loaded; the on-send handler is not registered.');
}

/**
 * Entry of the Outlook event runtime. Loaded as an ES module by commands.html and bundled as a
 * classic script (outlook/runtime.js) for classic Outlook on Windows (see vite.config.ts).
 */
import { loadConfig } from '../config';
import { createOnSendHandler, registerOnSendHandler } from './onSend';
import { runtimeStoreOpener } from './runtimeStore';
import { officeOnSendSetup } from './runtimeSetup';

const office = (globalThis as { Office?: typeof Office }).Office;
if (office?.actions) {
  const config = loadConfig();
  registerOnSendHandler(office.actions, createOnSendHandler(officeOnSendSetup(office, (owner) => runtimeStoreOpener(config, owner))));
} else {
  console.error('Chefsache: Office.js is not loaded; the on-send handler is not registered.');
}

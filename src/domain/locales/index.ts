/**
 * The domain's own texts (alarm messages, checklist items, agenda topics …), one de/en JSON pair per
 * namespace. The domain names a text by key (`message('alarms.policyStale.message', { days })`);
 * src/i18n mounts these catalogues next to the UI's, so the UI translates domain and UI keys alike.
 * English is the reference shape; German must match it (checked by the type below and a unit test).
 */
import { sourceMessagesDe, sourceMessagesEn } from '../sources/registry';
import evidenceItemDe from './evidenceItem.de.json';
import evidenceItemEn from './evidenceItem.en.json';
import freshnessDe from './freshness.de.json';
import freshnessEn from './freshness.en.json';

/** Add a namespace: `import xDe from './x.de.json'` / `xEn`, then one line in each object. */
export const domainEn = {
  evidenceItem: evidenceItemEn,
  freshness: freshnessEn,
  /** Each evidence source's texts (src/domain/sources/<source>/), from the registry. */
  sources: sourceMessagesEn,
};

export const domainDe: DomainMessages = {
  evidenceItem: evidenceItemDe,
  freshness: freshnessDe,
  sources: sourceMessagesDe,
};

export type DomainMessages = typeof domainEn;

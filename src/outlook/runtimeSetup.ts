/** Builds the on-send handler's inputs from Office.js (the mailbox, its compose item, the display language). */
import type { AppConfig } from '../config';
import type { Language } from '../domain';
import { languageForLocale } from '../i18n/translate';
import type { EvidenceStore } from '../features/evidence/evidenceStore';
import type { MailAuthor } from '../features/outlook/composeMail';
import { mailboxAuthor, officeComposeMail } from './officeCompose';
import type { OnSendSetup } from './onSend';

export function officeLang(office: typeof Office): Language {
  return languageForLocale(office.context?.displayLanguage);
}

export function officeOnSendSetup(office: typeof Office, openStore: (owner: MailAuthor) => () => Promise<EvidenceStore>): () => OnSendSetup | undefined {
  return () => {
    const mailbox = office.context?.mailbox;
    const item = mailbox?.item as Office.MessageCompose | undefined;
    if (!mailbox || !item) return undefined;
    const author = mailboxAuthor(mailbox);
    return {
      mail: officeComposeMail(item),
      dependencies: {
        author,
        lang: officeLang(office),
        now: () => new Date(),
        newCaptureId: () => globalThis.crypto.randomUUID(),
        openStore: openStore(author),
      },
    };
  };
}

export type { AppConfig };

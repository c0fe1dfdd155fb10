/** The CEO's short message that goes out with a publication: German first, then English, in one mail. */
import { createTranslator, type Translate } from '../../i18n';

export interface PublicationMessageInput {
  senderName: string;
  /** Plain date (YYYY-MM-DD) by which staff should acknowledge. */
  dueDate: string;
  objectives: readonly string[];
  link: string;
}

function part(t: Translate, input: PublicationMessageInput, due: string, goals: string): string[] {
  return [t('ack.mail.greeting'), '', t('ack.mail.request', { due }), input.link, '', t('ack.mail.objectives'), goals, '', t('ack.mail.thanks', { name: input.senderName })];
}

export function publicationMessage(input: PublicationMessageInput): { subject: string; body: string } {
  const [y, m, d] = input.dueDate.split('-');
  const de = createTranslator('de');
  const en = createTranslator('en');
  const goals = input.objectives.map((o) => `• ${o}`).join('\n');
  return {
    subject: `${de('ack.mail.subject')} / ${en('ack.mail.subject')}`,
    body: [...part(de, input, `${d}.${m}.${y}`, goals), '', '---', '', ...part(en, input, input.dueDate, goals)].join('\n'),
  };
}

/**
 * @jest-environment jsdom
 */
import { officeComposeMail } from '../outlook/officeCompose';
import { createComposeDraft } from './composeDraft';
import { createOfficeStandIn } from './officeStandIn';

function standIn() {
  const draft = createComposeDraft({ ...createComposeDraft().get(), to: 'alle@mustergmbh.onmicrosoft.com; x@example.org', subject: 'Hallo', bodyHtml: '<p>Liebe <b>alle</b></p>' });
  const stand = createOfficeStandIn({
    draft,
    displayLanguage: 'de-DE',
    resolveRecipient: (address) => Promise.resolve({ displayName: address, emailAddress: address, recipientType: address.endsWith('example.org') ? 'externalUser' : 'distributionList' }),
  });
  const office = stand.office as typeof Office;
  return { draft, stand, mail: officeComposeMail(office.context.mailbox.item as Office.MessageCompose), office };
}

describe('the Office.js stand-in of /dev/outlook.html', () => {
  it('answers the compose calls Chefsache makes from the draft', async () => {
    const { mail } = standIn();
    expect(await mail.getSubject()).toBe('Hallo');
    expect(await mail.getBodyText()).toBe('Liebe alle');
    expect((await mail.getRecipients()).map((r) => r.kind)).toEqual(['distributionList', 'externalUser']);
    await mail.setHeaders({ 'X-Chefsache-Capture': 'id=1' });
    expect(await mail.getHeaders(['x-chefsache-capture'])).toEqual({ 'x-chefsache-capture': 'id=1' });
    await mail.setCustomProperty('chefsacheCapture', '{"kind":"policy"}');
    expect(await mail.getCustomProperty('chefsacheCapture')).toBe('{"kind":"policy"}');
  });

  it('refuses a category that is not in the mailbox master list, as Outlook does', async () => {
    const { mail, draft } = standIn();
    await expect(mail.addCategories(['Chefsache ISMS'])).rejects.toThrow(/master category list/);
    expect(draft.get().categories).toEqual([]);
  });

  it('sends only as the associated handler decides with event.completed', async () => {
    const { stand, office } = standIn();
    expect(await stand.send('onMessageSendHandler')).toEqual({ allowEvent: true });
    office.actions.associate('onMessageSendHandler', (event: { completed(o: object): void }) => event.completed({ allowEvent: false, errorMessage: 'nein' }));
    expect(await stand.send('onMessageSendHandler')).toEqual({ allowEvent: false, errorMessage: 'nein' });
  });
});

import { createMemoryEvidenceStore } from '../features/evidence/testing/memoryEvidenceStore';
import { tagMail } from '../features/outlook/tagging';
import { fakeComposeMail, fakeMasterCategories } from '../features/outlook/testing/fakeComposeMail';
import { createOnSendHandler, ON_SEND_ACTION_ID, registerOnSendHandler, type OnSendReporter, type SendEvent } from './onSend';

const katrin = { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' };
const silent: OnSendReporter = { outcome: () => undefined, error: () => undefined };

function deps(store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.emailAddress, displayName: katrin.displayName } })) {
  return { store, dependencies: { author: katrin, lang: 'en' as const, now: () => new Date(), newCaptureId: () => crypto.randomUUID(), openStore: async () => store } };
}

describe('on-send handler', () => {
  it('lets the message be sent when Outlook gives no compose item', async () => {
    const event: SendEvent = { completed: jest.fn() };
    await createOnSendHandler(() => undefined, silent)(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });

  it('captures a tagged mail before it lets the message go', async () => {
    const { store, dependencies } = deps();
    const mail = fakeComposeMail();
    await tagMail(mail, fakeMasterCategories(), { kind: 'training', captureId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });
    const order: string[] = [];
    const event: SendEvent = { completed: (options) => order.push(`completed ${JSON.stringify(options)} with ${store.all().length} item(s)`) };
    const outcome = await createOnSendHandler(() => ({ mail, dependencies }), silent)(event);
    expect(outcome).toMatchObject({ outcome: 'captured', result: { status: 'created' } });
    expect(order).toEqual(['completed {"allowEvent":true} with 1 item(s)']);
    expect(store.all()[0]).toMatchObject({ type: 'trainingRecord', source: 'outlook' });
  });

  it('still lets the message go when the setup itself throws', async () => {
    const errors: string[] = [];
    const event: SendEvent = { completed: jest.fn() };
    await createOnSendHandler(
      () => {
        throw new Error('no mailbox');
      },
      { outcome: () => undefined, error: (message) => errors.push(message) },
    )(event);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
    expect(errors).toEqual(['the on-send handler failed; the message is sent anyway.']);
  });

  it('registers under the action id the manifest uses', async () => {
    const handlers = new Map<string, (event: SendEvent) => unknown>();
    registerOnSendHandler({ associate: (id, handler) => handlers.set(id, handler) }, createOnSendHandler(() => undefined, silent));
    expect(ON_SEND_ACTION_ID).toBe('onMessageSendHandler');
    const event: SendEvent = { completed: jest.fn() };
    await handlers.get('onMessageSendHandler')?.(event);
    expect(event.completed).toHaveBeenCalledWith({ allowEvent: true });
  });
});

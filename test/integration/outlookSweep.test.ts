/**
 * The Sent Items sweep against the emulator: the mail gateway's delta round, message reads with
 * headers, and the capture rules (new mails captured once, on-send captures confirmed).
 */
import { createMemoryEvidenceStore } from '../../src/features/evidence/testing/memoryEvidenceStore';
import { CAPTURE_CATEGORY, CAPTURE_HEADER } from '../../src/features/outlook/captureTag';
import { memoryDeltaLinkStorage, sweepSentItems } from '../../src/features/outlook/sweep';
import { captureOnSend } from '../../src/features/outlook/onSendCapture';
import { saveOpenMail } from '../../src/features/outlook/readCapture';
import { tagMail } from '../../src/features/outlook/tagging';
import { fakeComposeMail, fakeMasterCategories } from '../../src/features/outlook/testing/fakeComposeMail';
import { EMULATOR_START_TIMEOUT_MS, startGraphHarness, upn, type GraphHarness } from './graphHarness';

jest.setTimeout(EMULATOR_START_TIMEOUT_MS);

let h: GraphHarness;
beforeAll(async () => {
  h = await startGraphHarness('katrin.berger');
});
afterAll(() => h?.emulator.stop());

const katrin = { displayName: 'Katrin Berger', emailAddress: upn('katrin.berger') };

async function sentFromPhone(subject: string, extra: Record<string, unknown> = {}) {
  return h.emulator.admin<{ id: string; internetMessageId: string; sentDateTime: string }>('POST', '/mail/sent-from-other-client', {
    user: katrin.emailAddress,
    subject,
    body: '<p>Liebe Kolleginnen und Kollegen,</p><p>Sicherheit <b>geht uns alle an</b>.</p><script>x()</script>',
    to: ['alle@mustergmbh.onmicrosoft.com'],
    categories: [CAPTURE_CATEGORY],
    ...extra,
  });
}

describe('Sent Items sweep', () => {
  it('captures a tagged mail sent from another client once, confirms an on-send capture, ignores untagged mail', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.emailAddress, displayName: katrin.displayName } });
    const deltaLinks = memoryDeltaLinkStorage();

    // On-send captured this one; Outlook then delivered it with the capture header.
    const captureId = '6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e';
    const compose = fakeComposeMail({ subject: 'Unsere Sicherheitsziele 2027' });
    await tagMail(compose, fakeMasterCategories(), { kind: 'objectives', captureId });
    const onSend = await captureOnSend(compose, {
      author: katrin,
      lang: 'de',
      now: () => new Date(),
      newCaptureId: () => captureId,
      openStore: async () => store,
    });
    expect(onSend).toMatchObject({ outcome: 'captured', result: { status: 'created' } });
    const delivered = await sentFromPhone('Unsere Sicherheitsziele 2027', { headers: { [CAPTURE_HEADER]: compose.state.headers[CAPTURE_HEADER] } });

    const phone = await sentFromPhone('Informationssicherheit ist Chefsache');
    await sentFromPhone('Mittagessen', { categories: [] });

    const progress: string[] = [];
    const first = await sweepSentItems({ mail: h.graph.mail, store, lang: 'de', deltaLinks, onProgress: (p) => progress.push(`${p.done}/${p.total}`) });
    expect(first).toMatchObject({ tagged: 2, captured: 1, queued: 0, failed: [] });
    expect(progress).toEqual(['0/2', '1/2', '2/2']);
    expect(first.confirmed).toEqual([{ itemId: expect.any(String), internetMessageId: delivered.internetMessageId, sentDateTime: delivered.sentDateTime }]);
    expect(store.all()).toHaveLength(2);
    const swept = store.all().find((i) => i.source === 'outlookSweep');
    expect(swept).toMatchObject({ title: 'Informationssicherheit ist Chefsache', type: 'ceoMail', sourceKey: `mail:${phone.internetMessageId}`, effectiveDate: new Date(phone.sentDateTime).toISOString() });
    expect(swept?.summary).toContain('darunter alle Mitarbeitenden');
    const html = new TextDecoder().decode(await store.content(swept!));
    expect(html).toContain('geht uns alle an');
    expect(html).not.toContain('<script>');

    // The next sweep only looks at what changed: nothing new, nothing captured twice.
    const second = await sweepSentItems({ mail: h.graph.mail, store, lang: 'de', deltaLinks });
    expect(second).toMatchObject({ scanned: 0, tagged: 0, captured: 0 });
    await sentFromPhone('Neue Leitlinie in Kraft');
    const third = await sweepSentItems({ mail: h.graph.mail, store, lang: 'de', deltaLinks });
    expect(third).toMatchObject({ scanned: 1, tagged: 1, captured: 1 });
    expect(store.all()).toHaveLength(3);
  });

  // Graph gives the Sent Items copy no internetMessageHeaders (OfficeDev/office-js#5413): the sweep
  // reads the capture header from the copy's MIME, so the on-send capture is found, not repeated.
  it('an on-send capture followed by a sweep yields exactly one evidence item', async () => {
    await h.emulator.reset();
    const store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.emailAddress, displayName: katrin.displayName } });
    const captureId = '2b7d9e1f-0c3a-4e5b-8f6d-1a2b3c4d5e6f';
    const compose = fakeComposeMail({ subject: 'Ernennung des ISB' });
    await tagMail(compose, fakeMasterCategories(), { kind: 'isbAppointment', captureId, appointee: 'jonas.weber@mustergmbh.onmicrosoft.com' });
    const onSend = await captureOnSend(compose, { author: katrin, lang: 'de', now: () => new Date(), newCaptureId: () => captureId, openStore: async () => store });
    expect(onSend).toMatchObject({ outcome: 'captured', result: { status: 'created' } });

    // Outlook sends the mail with its category and the internet header the add-in set (Outlook's own
    // right to send, not one Chefsache asks for).
    const token = await h.emulator.token('katrin.berger', ['Mail.Send']);
    const sent = await fetch(`${h.emulator.graphUrl}/me/sendMail`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        message: {
          subject: 'Ernennung des ISB',
          body: { contentType: 'HTML', content: '<p>Leitlinie</p>' },
          toRecipients: [{ emailAddress: { address: 'alle@mustergmbh.onmicrosoft.com' } }],
          categories: [CAPTURE_CATEGORY],
          internetMessageHeaders: [{ name: CAPTURE_HEADER, value: compose.state.headers[CAPTURE_HEADER] }],
        },
      }),
    });
    expect(sent.status).toBe(202);

    // What recipients get (also external ones): the capture id only, not the appointee or the kind.
    const annaToken = await h.emulator.token('anna.mueller');
    const inbox = (await (
      await fetch(`${h.emulator.graphUrl}/me/mailFolders/inbox/messages?$select=subject,internetMessageHeaders&$top=50`, { headers: { Authorization: `Bearer ${annaToken}` } })
    ).json()) as { value: { subject: string; internetMessageHeaders?: { name: string; value: string }[] }[] };
    const received = inbox.value.find((m) => m.subject === 'Ernennung des ISB');
    expect(received?.internetMessageHeaders?.find((x) => x.name.toLowerCase() === CAPTURE_HEADER)?.value).toBe(`id=${captureId}`);
    expect(JSON.stringify(received?.internetMessageHeaders)).not.toMatch(/jonas|isbAppointment|appointee/i);

    const swept = await sweepSentItems({ mail: h.graph.mail, store, lang: 'de', deltaLinks: memoryDeltaLinkStorage() });
    expect(swept).toMatchObject({ tagged: 1, captured: 0, queued: 0, failed: [] });
    expect(swept.confirmed).toHaveLength(1);
    expect(store.all()).toHaveLength(1);
    expect(store.all()[0]).toMatchObject({ source: 'outlook', title: 'Ernennung des ISB', type: 'isbAppointment', appointee: { upn: 'jonas.weber@mustergmbh.onmicrosoft.com' } });
  });

  it('starts over with a full round when the delta link has expired', async () => {
    const store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.emailAddress, displayName: katrin.displayName } });
    const deltaLinks = memoryDeltaLinkStorage();
    await sweepSentItems({ mail: h.graph.mail, store, lang: 'de', deltaLinks });
    await h.emulator.reset();
    await sentFromPhone('Nach dem Neustart');
    const result = await sweepSentItems({ mail: h.graph.mail, store, lang: 'en', deltaLinks });
    expect(result.captured).toBe(1);
    expect(store.all().map((i) => i.title)).toContain('Nach dem Neustart');
  });
});

describe('save an open mail as evidence (read mode)', () => {
  it('stores the budget decision from the inbox as .eml with type and note, once', async () => {
    await h.emulator.reset();
    const store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.emailAddress, displayName: katrin.displayName } });
    const [decision] = await h.graph.mail.byCategory('inbox', 'none-such');
    expect(decision).toBeUndefined();
    const inbox = await h.graph.mail.folderDelta('inbox');
    const budget = inbox.messages.find((m) => m.subject.startsWith('Beschluss: Budget 2027'));
    expect(budget).toBeDefined();
    const result = await saveOpenMail({ mail: h.graph.mail, store, lang: 'de' }, { messageId: budget!.id, kind: 'budget', note: 'Beschluss der Geschäftsführung vom 6. November' });
    expect(result).toMatchObject({ status: 'created', item: { title: 'Beschluss: Budget 2027 für Informationssicherheit', type: 'budgetPlan', source: 'outlook', sourceKey: `mail:${budget!.internetMessageId}`, author: { displayName: 'Thomas Schmidt' } } });
    expect(result.status === 'created' && result.item.summary).toContain('Beschluss der Geschäftsführung vom 6. November');
    const eml = new TextDecoder().decode(await store.content(store.all()[0]!));
    expect(eml).toContain(`Message-ID: ${budget!.internetMessageId}`);
    const again = await saveOpenMail({ mail: h.graph.mail, store, lang: 'de' }, { messageId: budget!.id, kind: 'budget' });
    expect(again.status).toBe('existing');
  });
});

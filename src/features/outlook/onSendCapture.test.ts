import { createMemoryEvidenceStore } from '../evidence/testing/memoryEvidenceStore';
import type { EvidenceStore } from '../evidence/evidenceStore';
import { CAPTURE_CATEGORY, CAPTURE_HEADER, CAPTURE_PROPERTY, parseCaptureHeader } from './captureTag';
import { captureOnSend, type OnSendDependencies } from './onSendCapture';
import { tagMail } from './tagging';
import { fakeComposeMail, fakeMasterCategories } from './testing/fakeComposeMail';

const NOW = new Date('2026-11-20T09:30:00Z');
const CAPTURE_ID = '0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c3a5b';
const katrin = { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' };

function setup(options: { offline?: boolean } = {}) {
  const store = createMemoryEvidenceStore({ capturedBy: { upn: katrin.emailAddress, displayName: katrin.displayName }, clock: () => NOW });
  if (options.offline) store.setOffline(true);
  let opened = 0;
  const deps: OnSendDependencies = {
    author: katrin,
    lang: 'de',
    now: () => NOW,
    newCaptureId: () => '11111111-2222-4333-8444-555555555555',
    openStore: async () => {
      opened += 1;
      return store;
    },
  };
  return { store, deps, opened: () => opened };
}

describe('captureOnSend', () => {
  it('lets an untagged mail go after two local reads and opens no store', async () => {
    const { deps, opened, store } = setup();
    const mail = fakeComposeMail();
    await expect(captureOnSend(mail, deps)).resolves.toEqual({ outcome: 'untagged' });
    expect(mail.calls.sort()).toEqual(['getCategories', 'getHeaders']);
    expect(opened()).toBe(0);
    expect(store.all()).toHaveLength(0);
  });

  it('captures a tagged mail with subject, recipients, sent time, capture id and hashed snapshot', async () => {
    const { deps, store } = setup();
    const mail = fakeComposeMail({ bodyHtml: '<p>Hallo</p><script>alert(1)</script>' });
    await tagMail(mail, fakeMasterCategories(), { kind: 'allStaff', captureId: CAPTURE_ID });
    const outcome = await captureOnSend(mail, deps);
    expect(outcome).toMatchObject({ outcome: 'captured', result: { status: 'created' } });
    const [item] = store.all();
    expect(item).toMatchObject({
      title: 'Informationssicherheit ist Chefsache',
      type: 'ceoMail',
      source: 'outlook',
      sourceKey: `mail:<${CAPTURE_ID}@capture.chefsache>`,
      effectiveDate: NOW.toISOString(),
      author: { upn: katrin.emailAddress, displayName: 'Katrin Berger' },
    });
    expect(item?.clauses).toEqual(expect.arrayContaining(['5.1d', '7.4', 'A.5.4']));
    expect(item?.summary).toContain('An 1 Empfänger, darunter alle Mitarbeitenden (Alle Mitarbeitenden).');
    expect(item?.summary).toContain(`Capture-ID: ${CAPTURE_ID}`);
    expect(item?.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const html = new TextDecoder().decode(await store.content(item!));
    expect(html).toContain('<title>Informationssicherheit ist Chefsache</title>');
    // No DOM in this runtime: the text body is kept, escaped, never the raw HTML.
    expect(html).toContain('Hallo alert(1)');
    expect(html).not.toContain('<script>');
  });

  it('gives one item when the same send fires twice', async () => {
    const { deps, store } = setup();
    const mail = fakeComposeMail();
    await tagMail(mail, fakeMasterCategories(), { kind: 'policy', captureId: CAPTURE_ID });
    const first = await captureOnSend(mail, deps);
    const second = await captureOnSend(mail, deps);
    expect(first).toMatchObject({ result: { status: 'created' } });
    expect(second).toMatchObject({ result: { status: 'existing' } });
    expect(store.all()).toHaveLength(1);
    expect(store.all()[0]?.clauses).toContain('5.2');
  });

  it('queues the capture in the outbox when the store cannot be reached', async () => {
    const { deps, store } = setup({ offline: true });
    const mail = fakeComposeMail();
    await tagMail(mail, fakeMasterCategories(), { kind: 'allStaff', captureId: CAPTURE_ID });
    expect(await captureOnSend(mail, deps)).toMatchObject({ outcome: 'captured', result: { status: 'queued' } });
    expect(await store.outbox.list()).toHaveLength(1);
  });

  it('adds a capture header to a mail that only carries the category, then captures it', async () => {
    const { deps, store } = setup();
    const toAll = fakeComposeMail({ categories: [CAPTURE_CATEGORY] });
    expect(await captureOnSend(toAll, deps)).toMatchObject({ outcome: 'captured', tag: { kind: 'allStaff' } });
    const mail = fakeComposeMail({
      subject: 'Pentest-Angebot',
      categories: [CAPTURE_CATEGORY],
      recipients: [{ displayName: 'Thomas Schmidt', emailAddress: 'thomas.schmidt@mustergmbh.onmicrosoft.com', kind: 'user' }],
    });
    const outcome = await captureOnSend(mail, { ...deps, newCaptureId: () => '21111111-2222-4333-8444-555555555555' });
    expect(outcome).toMatchObject({ outcome: 'captured', tag: { captureId: '21111111-2222-4333-8444-555555555555', kind: 'other' } });
    expect(mail.state.headers[CAPTURE_HEADER]).toBe('id=21111111-2222-4333-8444-555555555555');
    expect(parseCaptureHeader(mail.state.headers[CAPTURE_HEADER])).toBe('21111111-2222-4333-8444-555555555555');
    expect(store.all()[1]).toMatchObject({ title: 'Pentest-Angebot', type: 'other', clauses: ['5.1'] });
  });

  it('reports a failure (and does not throw) when the capture is invalid', async () => {
    const { deps, store } = setup();
    const mail = fakeComposeMail();
    mail.state.categories.push(CAPTURE_CATEGORY);
    mail.state.headers[CAPTURE_HEADER] = `id=${CAPTURE_ID}`;
    mail.state.customProperties[CAPTURE_PROPERTY] = '{"kind":"isbAppointment"}';
    const outcome = await captureOnSend(mail, deps);
    expect(outcome).toMatchObject({ outcome: 'failed' });
    expect(String((outcome as { error: Error }).error.message)).toContain('needs the appointed person');
    expect(store.all()).toHaveLength(0);
  });

  it('stops waiting at the deadline so the send is never held up longer', async () => {
    const { deps } = setup();
    let fire: (() => void) | undefined;
    const never: EvidenceStore['capture'] = () => new Promise(() => undefined);
    const slow = { ...deps, openStore: async () => ({ ...(await deps.openStore()), capture: never }), setTimer: (cb: () => void) => (fire = cb), clearTimer: () => undefined };
    const mail = fakeComposeMail();
    await tagMail(mail, fakeMasterCategories(), { kind: 'allStaff', captureId: CAPTURE_ID });
    const pending = captureOnSend(mail, slow);
    await new Promise((r) => setTimeout(r, 0));
    fire?.();
    await expect(pending).resolves.toMatchObject({ outcome: 'timedOut', tag: { captureId: CAPTURE_ID } });
  });
});

/** @jest-environment jsdom */
import { snapshotContent } from './mailSnapshot';
import { CAPTURE_CATEGORY, CAPTURE_CATEGORY_COLOR, CAPTURE_HEADER, CAPTURE_PROPERTY, formatCaptureDetails, formatCaptureHeader, isMailAddress, parseCaptureDetails, parseCaptureHeader } from './captureTag';
import { readTagState, tagMail, untagMail } from './tagging';
import { fakeComposeMail, fakeMasterCategories } from './testing/fakeComposeMail';

const base = {
  subject: 'Sicherheit <für> alle',
  from: { displayName: 'Katrin Berger', emailAddress: 'katrin.berger@mustergmbh.onmicrosoft.com' },
  recipients: [{ displayName: 'Alle Mitarbeitenden', emailAddress: 'alle@mustergmbh.onmicrosoft.com', kind: 'distributionList' as const }],
  sentAt: new Date('2026-11-20T09:30:00Z'),
  reference: 'capture 0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c3a5b',
  bodyText: 'Hallo',
};

describe('mail snapshot (with a DOM)', () => {
  it('keeps the formatted body but strips scripts, handlers, remote images and styles', () => {
    const content = snapshotContent({
      ...base,
      bodyHtml:
        '<p onclick="steal()">Liebe <b>Kolleginnen</b></p><script>alert(1)</script><img src="https://tracker.example/pixel.gif" alt="t"><img src="data:image/png;base64,AAAA" alt="logo"><a href="javascript:alert(1)">x</a><style>p{}</style>',
    });
    const html = new TextDecoder().decode(content.bytes);
    expect(html).toContain('<b>Kolleginnen</b>');
    expect(html).not.toMatch(/script|onclick|tracker\.example|javascript:|<style/);
    expect(html).toContain('src="data:image/png;base64,AAAA"');
    expect(html).toContain('<title>Sicherheit &lt;für&gt; alle</title>');
    expect(html).toContain('Alle Mitarbeitenden &lt;alle@mustergmbh.onmicrosoft.com&gt;');
    expect(content).toMatchObject({ fileName: 'mail-2026-11-20-capture-0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c3a5b.html', contentType: 'text/html; charset=utf-8' });
  });
});

describe('tagging in the task pane', () => {
  const captureId = '0b8e2c4a-5f1d-4c3e-9a7b-2d6f8e1c3a5b';

  it('creates the master category with its colour once, sets category, header (the id only) and the kind where only the sender reads it', async () => {
    const mail = fakeComposeMail();
    const master = fakeMasterCategories([{ displayName: 'Rot', color: 'Preset0' }]);
    await tagMail(mail, master, { kind: 'objectives', captureId });
    await tagMail(mail, master, { kind: 'budget', captureId });
    expect(master.categories).toEqual([{ displayName: 'Rot', color: 'Preset0' }, { displayName: CAPTURE_CATEGORY, color: CAPTURE_CATEGORY_COLOR }]);
    expect(mail.state.categories).toEqual([CAPTURE_CATEGORY]);
    expect(mail.state.headers[CAPTURE_HEADER]).toBe(`id=${captureId}`);
    expect(parseCaptureDetails(mail.state.customProperties[CAPTURE_PROPERTY])).toEqual({ kind: 'budget' });
    expect(await readTagState(mail)).toEqual({ state: 'tagged', tag: { captureId, kind: 'budget' } });
  });

  it('keeps the appointee out of the header that recipients get, and removes everything again', async () => {
    const mail = fakeComposeMail({ categories: ['Rot'] });
    await tagMail(mail, fakeMasterCategories(), { kind: 'isbAppointment', captureId, appointee: 'jonas.weber@mustergmbh.onmicrosoft.com' });
    expect(mail.state.headers[CAPTURE_HEADER]).toBe(`id=${captureId}`);
    expect(mail.state.headers[CAPTURE_HEADER]).not.toMatch(/jonas|isbAppointment/);
    expect(await readTagState(mail)).toEqual({ state: 'tagged', tag: { captureId, kind: 'isbAppointment', appointee: 'jonas.weber@mustergmbh.onmicrosoft.com' } });
    await untagMail(mail);
    expect(mail.state.categories).toEqual(['Rot']);
    expect(mail.state.customProperties).toEqual({});
    expect(await readTagState(mail)).toEqual({ state: 'untagged' });
  });

  it('refuses values it did not write and addresses that are not one mail address', () => {
    expect(parseCaptureHeader('id=nope')).toBeUndefined();
    expect(() => formatCaptureHeader('nope')).toThrow(RangeError);
    expect(parseCaptureDetails('{"kind":"bribe"}')).toBeUndefined();
    expect(parseCaptureDetails('not json')).toBeUndefined();
    expect(() => formatCaptureDetails({ kind: 'isbAppointment', appointee: 'a;b@x.de' })).toThrow(RangeError);
    expect(isMailAddress('a;b@x.de')).toBe(false);
    expect(isMailAddress('a@x.de, b@x.de')).toBe(false);
    expect(isMailAddress('jonas.weber@mustergmbh.onmicrosoft.com')).toBe(true);
  });
});

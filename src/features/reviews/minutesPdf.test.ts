import { unzlibSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { changeMinutes, emptyMinutes } from './minutes';
import { renderMinutesPdf, winAnsiSafe } from './minutesPdf';

/** The page content streams, inflated, as Latin-1 text. */
function pageContent(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const data = Buffer.from(match[1]!, 'latin1');
    try {
      parts.push(Buffer.from(unzlibSync(new Uint8Array(data))).toString('latin1'));
    } catch {
      parts.push(match[1]!);
    }
  }
  return parts.join('\n');
}

describe('minutes as PDF', () => {
  it('keeps German umlauts, ß and € and marks what WinAnsi cannot print', () => {
    expect(winAnsiSafe('Jürgen Weiß, Größe, Ärger – 5 €')).toBe('Jürgen Weiß, Größe, Ärger – 5 €');
    expect(winAnsiSafe('Привет 🙂')).toBe('?????? ?');
  });

  it('renders signed minutes with the signature and umlauts in WinAnsi', async () => {
    const minutes = {
      ...changeMinutes(emptyMinutes('2026-03-10T09:00:00.000Z'), {
        participants: [{ displayName: 'Jürgen Weiß', upn: 'j@x', attendedSeconds: 3600, topManagement: true }],
        decisions: [{ kind: 'ismsChange' as const, text: 'Änderung der Leitlinie', passages: [{ speaker: 'Katrin Berger', text: 'Wir ändern 🙂 die Leitlinie.' }] }],
      }),
      signature: { by: { displayName: 'Katrin Berger', upn: 'k@x' }, at: '2026-03-12T08:00:00.000Z', sha256: 'a'.repeat(64), version: 1 },
    };
    const bytes = await renderMinutesPdf(minutes, { lang: 'de', companyName: 'Muster GmbH', timeZone: 'Europe/Berlin' });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toContain('Protokoll des Management-Reviews');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-03-12T08:00:00.000Z');
    const text = pageContent(bytes);
    // pdf-lib writes shown text as hex in the font's encoding: "Jürgen Weiß" → 4A FC 72 67 65 6E 20 57 65 69 DF
    expect(text).toContain('4AFC7267656E20576569DF');
    expect(text).toContain(Buffer.from('Unterschrieben von: Katrin Berger', 'latin1').toString('hex').toUpperCase());
  });

  it('renders the same signed minutes to the same bytes', async () => {
    const minutes = { ...emptyMinutes('2026-03-10T09:00:00.000Z'), signature: { by: { displayName: 'K', upn: 'k@x' }, at: '2026-03-12T08:00:00.000Z', sha256: 'b'.repeat(64), version: 1 } };
    const options = { lang: 'en' as const, companyName: 'Muster GmbH', timeZone: 'Europe/Berlin' };
    expect(Buffer.from(await renderMinutesPdf(minutes, options)).equals(Buffer.from(await renderMinutesPdf(minutes, options)))).toBe(true);
  });

  it('prints the evidence digest at signing in German and English', async () => {
    const signature = { by: { displayName: 'K', upn: 'k@x' }, at: '2026-03-12T08:00:00.000Z', sha256: 'b'.repeat(64), version: 1, evidenceDigest: 'c'.repeat(64), evidenceCount: 42 };
    const minutes = { ...emptyMinutes('2026-03-10T09:00:00.000Z'), signature };
    const hex = (text: string) => Buffer.from(text, 'latin1').toString('hex').toUpperCase();
    const options = { companyName: 'Muster GmbH', timeZone: 'Europe/Berlin' };
    const de = pageContent(await renderMinutesPdf(minutes, { ...options, lang: 'de' }));
    expect(de).toContain(hex(`Nachweis-Digest bei Unterschrift (SHA-256 über 42 Nachweise): ${'c'.repeat(64)}`));
    const en = pageContent(await renderMinutesPdf(minutes, { ...options, lang: 'en' }));
    expect(en).toContain(hex(`Evidence digest at signing (SHA-256 over 42 evidence items): ${'c'.repeat(64)}`));
  });
});

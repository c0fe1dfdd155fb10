/**
 * Signed minutes as a PDF (pdf-lib, standard Helvetica: WinAnsi covers German umlauts and ß;
 * characters outside it are replaced visibly by "?"). Dates of the document are the signature
 * time, so the same signed minutes always render to the same bytes. Texts: `minutesPdf.*` keys
 * (src/i18n/locales/features/minutesPdf.{de,en}.json), in the language asked for.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { REVIEW_INPUTS, type Language } from '../../domain';
import { createTranslator } from '../../i18n/translate';
import { INPUT_KEYS, type Minutes } from './minutes';

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Keeps what WinAnsi can print; everything else becomes "?". */
export function winAnsiSafe(text: string): string {
  return Array.from(text.normalize('NFC'), (ch) => {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) return ch;
    if (ch === '\t') return ' ';
    return '?';
  }).join('');
}

export interface MinutesPdfOptions {
  lang: Language;
  companyName: string;
  timeZone: string;
}

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([595.28, 841.89]);
    this.y = 800;
  }
  line(text: string, options: { size?: number; bold?: boolean; indent?: number; gap?: number } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const indent = options.indent ?? 0;
    const maxWidth = 595.28 - 50 - 50 - indent;
    for (const paragraph of winAnsiSafe(text).split('\n')) {
      let current = '';
      const flush = () => {
        if (this.y < 60) {
          this.page = this.doc.addPage([595.28, 841.89]);
          this.y = 800;
        }
        this.page.drawText(current, { x: 50 + indent, y: this.y, size, font, color: rgb(0.1, 0.1, 0.1) });
        this.y -= size * 1.4;
        current = '';
      };
      for (const word of paragraph.split(' ')) {
        const candidate = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) > maxWidth && current) {
          flush();
          current = word;
        } else current = candidate;
      }
      flush();
    }
    this.y -= options.gap ?? 0;
  }
}

function formatInstant(iso: string, lang: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** Renders signed (or draft) minutes; the signature block shows who, when and the content hash. */
export async function renderMinutesPdf(m: Minutes, options: MinutesPdfOptions): Promise<Uint8Array> {
  const { lang, timeZone } = options;
  const t = createTranslator(lang);
  const doc = await PDFDocument.create();
  const at = new Date(m.signature?.at ?? m.occurrenceStart);
  doc.setTitle(winAnsiSafe(`${t('minutesPdf.title')} ${formatInstant(m.occurrenceStart, lang, timeZone)}`));
  doc.setAuthor(winAnsiSafe(options.companyName));
  doc.setProducer('Chefsache');
  doc.setCreator('Chefsache');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.line(`${options.companyName} – ${t('minutesPdf.title')}`, { size: 16, bold: true });
  w.line(t('minutesPdf.basis'), { gap: 6 });
  w.line(`${t('minutesPdf.date')}: ${formatInstant(m.occurrenceStart, lang, timeZone)} · ${t('minutesPdf.version')} ${m.version}`, { gap: 8 });

  w.line(t('minutesPdf.participants'), { size: 12, bold: true });
  if (m.participants.length === 0) w.line(t('minutesPdf.none'), { indent: 12 });
  for (const p of m.participants) {
    const minutes = p.attendedSeconds !== undefined ? ` – ${Math.round(p.attendedSeconds / 60)} ${t('minutesPdf.minutes')}` : '';
    w.line(`• ${p.displayName}${p.topManagement ? ` (${t('minutesPdf.topManagement')})` : ''}${minutes}`, { indent: 12 });
  }
  w.line('', { gap: 4 });

  w.line(t('minutesPdf.inputs'), { size: 12, bold: true });
  INPUT_KEYS.forEach((key, i) => {
    const input = REVIEW_INPUTS[i]!;
    w.line(`${input.marker} ${t(input.title.key)}`, { bold: true, indent: 12 });
    w.line(m.inputs[key].trim() || t('minutesPdf.none'), { indent: 24 });
    for (const p of m.inputPassages[key] ?? []) w.line(`${t('minutesPdf.transcript')}: „${p.speaker ? `${p.speaker}: ` : ''}${p.text}“`, { indent: 24 });
  });
  w.line('', { gap: 4 });

  w.line(t('minutesPdf.decisions'), { size: 12, bold: true });
  if (m.decisions.length === 0) w.line(t('minutesPdf.none'), { indent: 12 });
  for (const d of m.decisions) {
    w.line(`• ${t(`minutesPdf.${d.kind}`)}: ${d.text}`, { indent: 12 });
    for (const p of d.passages) w.line(`${t('minutesPdf.transcript')}: „${p.speaker ? `${p.speaker}: ` : ''}${p.text}“`, { indent: 24 });
  }
  w.line('', { gap: 4 });

  w.line(t('minutesPdf.actions'), { size: 12, bold: true });
  if (m.actions.length === 0) w.line(t('minutesPdf.none'), { indent: 12 });
  for (const a of m.actions) w.line(`• ${a.title} (${t('minutesPdf.owner')}: ${a.owner.displayName}, ${t('minutesPdf.due')}: ${a.dueDate})`, { indent: 12 });
  w.line('', { gap: 10 });

  if (m.signature) {
    w.line(`${t('minutesPdf.signed')}: ${m.signature.by.displayName} ${t('minutesPdf.at')} ${formatInstant(m.signature.at, lang, timeZone)}`, { bold: true });
    w.line(`${t('minutesPdf.hash')}: ${m.signature.sha256}`, { size: 8 });
    if (m.signature.evidenceDigest) {
      w.line(`${t('minutesPdf.digest', { count: m.signature.evidenceCount ?? 0 })}: ${m.signature.evidenceDigest}`, { size: 8 });
    }
  }
  return doc.save({ useObjectStreams: false });
}

/**
 * Signed minutes as a PDF (pdf-lib, standard Helvetica: WinAnsi covers German umlauts and ß;
 * characters outside it are replaced visibly by "?"). Dates of the document are the signature
 * time, so the same signed minutes always render to the same bytes.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { REVIEW_INPUTS, type Language } from '../../domain';
import { createTranslator } from '../../i18n';
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

const T = {
  title: { de: 'Protokoll des Management-Reviews', en: 'Management review minutes' },
  basis: { de: 'nach ISO/IEC 27001:2022, Abschnitt 9.3', en: 'following ISO/IEC 27001:2022, clause 9.3' },
  date: { de: 'Termin', en: 'Meeting' },
  version: { de: 'Fassung', en: 'Version' },
  participants: { de: 'Teilnehmende', en: 'Participants' },
  minutes: { de: 'Min.', en: 'min' },
  topManagement: { de: 'Geschäftsführung', en: 'top management' },
  inputs: { de: 'Themen (9.3.2)', en: 'Inputs (9.3.2)' },
  decisions: { de: 'Entscheidungen (9.3.3)', en: 'Decisions (9.3.3)' },
  actions: { de: 'Aufgaben', en: 'Action items' },
  owner: { de: 'verantwortlich', en: 'owner' },
  due: { de: 'fällig', en: 'due' },
  none: { de: '(keine Angaben)', en: '(nothing recorded)' },
  transcript: { de: 'Aus dem Transkript', en: 'From the transcript' },
  signed: { de: 'Unterschrieben von', en: 'Signed by' },
  at: { de: 'am', en: 'on' },
  hash: { de: 'SHA-256 des unterschriebenen Inhalts', en: 'SHA-256 of the signed content' },
  digest: { de: 'Nachweis-Digest bei Unterschrift (SHA-256 über {count} Nachweise)', en: 'Evidence digest at signing (SHA-256 over {count} evidence items)' },
  improvement: { de: 'Verbesserung', en: 'Improvement' },
  ismsChange: { de: 'Änderung am ISMS', en: 'Change to the ISMS' },
};

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
  const doc = await PDFDocument.create();
  const at = new Date(m.signature?.at ?? m.occurrenceStart);
  doc.setTitle(winAnsiSafe(`${T.title[lang]} ${formatInstant(m.occurrenceStart, lang, timeZone)}`));
  doc.setAuthor(winAnsiSafe(options.companyName));
  doc.setProducer('Chefsache');
  doc.setCreator('Chefsache');
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.line(`${options.companyName} – ${T.title[lang]}`, { size: 16, bold: true });
  w.line(T.basis[lang], { gap: 6 });
  w.line(`${T.date[lang]}: ${formatInstant(m.occurrenceStart, lang, timeZone)} · ${T.version[lang]} ${m.version}`, { gap: 8 });

  w.line(T.participants[lang], { size: 12, bold: true });
  if (m.participants.length === 0) w.line(T.none[lang], { indent: 12 });
  for (const p of m.participants) {
    const minutes = p.attendedSeconds !== undefined ? ` – ${Math.round(p.attendedSeconds / 60)} ${T.minutes[lang]}` : '';
    w.line(`• ${p.displayName}${p.topManagement ? ` (${T.topManagement[lang]})` : ''}${minutes}`, { indent: 12 });
  }
  w.line('', { gap: 4 });

  w.line(T.inputs[lang], { size: 12, bold: true });
  INPUT_KEYS.forEach((key, i) => {
    const input = REVIEW_INPUTS[i]!;
    w.line(`${input.marker} ${createTranslator(lang)(input.title.key)}`, { bold: true, indent: 12 });
    w.line(m.inputs[key].trim() || T.none[lang], { indent: 24 });
    for (const p of m.inputPassages[key] ?? []) w.line(`${T.transcript[lang]}: „${p.speaker ? `${p.speaker}: ` : ''}${p.text}“`, { indent: 24 });
  });
  w.line('', { gap: 4 });

  w.line(T.decisions[lang], { size: 12, bold: true });
  if (m.decisions.length === 0) w.line(T.none[lang], { indent: 12 });
  for (const d of m.decisions) {
    w.line(`• ${T[d.kind][lang]}: ${d.text}`, { indent: 12 });
    for (const p of d.passages) w.line(`${T.transcript[lang]}: „${p.speaker ? `${p.speaker}: ` : ''}${p.text}“`, { indent: 24 });
  }
  w.line('', { gap: 4 });

  w.line(T.actions[lang], { size: 12, bold: true });
  if (m.actions.length === 0) w.line(T.none[lang], { indent: 12 });
  for (const a of m.actions) w.line(`• ${a.title} (${T.owner[lang]}: ${a.owner.displayName}, ${T.due[lang]}: ${a.dueDate})`, { indent: 12 });
  w.line('', { gap: 10 });

  if (m.signature) {
    w.line(`${T.signed[lang]}: ${m.signature.by.displayName} ${T.at[lang]} ${formatInstant(m.signature.at, lang, timeZone)}`, { bold: true });
    w.line(`${T.hash[lang]}: ${m.signature.sha256}`, { size: 8 });
    if (m.signature.evidenceDigest) {
      w.line(`${T.digest[lang].replace('{count}', String(m.signature.evidenceCount ?? 0))}: ${m.signature.evidenceDigest}`, { size: 8 });
    }
  }
  return doc.save({ useObjectStreams: false });
}

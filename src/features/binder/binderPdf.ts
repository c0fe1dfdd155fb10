/**
 * The binder's PDF (pdf-lib): a cover page, then the evidence organised by checklist item and by
 * ISO clause — what, when, who accepted it, file and hash. Texts: `binder.*` keys
 * (src/i18n/locales/features/binder.{de,en}.json), in the language asked for.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  CHECKLIST_ITEMS,
  CLAUSES,
  domainText,
  evidenceTypeById,
  formatDayIn,
  type Language,
  type AcknowledgementPage,
} from '../../domain';
import { createTranslator, translateMessage, type Translate } from '../../i18n/translate';
import type { UnreadableEvidence } from '../evidence/evidenceStore';
import { rawFieldLines } from '../evidence/unreadable';
import type { BinderEntry } from './binderEntries';
import { historyLines, minutesLines, signatureLines, unreadableLines, type PdfLine } from './binderHistoryText';
import type { MinutesIntegrity } from '../reviews/minutesChecks';
import type { SignatureCheck } from './binderTrust';

export interface BinderPdfInput {
  lang: Language;
  company: string;
  from: Date;
  to: Date;
  createdAt: Date;
  timeZone: string;
  entries: readonly BinderEntry[];
  unreadable?: readonly UnreadableEvidence[];
  signatureCheck?: SignatureCheck;
  /** Signed minutes checked against their signatures (absent: not checked). */
  minutes?: readonly MinutesIntegrity[];
  /** Staff acknowledgement, one page per policy version (issue 15); names only in the auditor's binder. */
  acknowledgements?: readonly AcknowledgementPage[];
}

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const LINE = 1.35;

/** Only characters the standard font can encode; anything else becomes "?" (the ZIP keeps the original). */
function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return Array.from(text.replace(/[\r\n\t]+/g, ' '), (ch) => (supported.has(ch.codePointAt(0)!) ? ch : '?')).join('');
}

class Writer {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }
  newPage(): void {
    this.page = this.doc.addPage([PAGE.width, PAGE.height]);
    this.pages.push(this.page);
    this.y = PAGE.height - PAGE.margin;
  }
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A single over-long word (a hash, a URL) is cut into pieces that fit.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines;
  }
  text(raw: string, options: { size?: number; bold?: boolean; indent?: number; gapAfter?: number; grey?: boolean } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const indent = options.indent ?? 0;
    const width = PAGE.width - 2 * PAGE.margin - indent;
    for (const line of this.wrap(encodable(font, raw), font, size, width)) {
      if (this.y - size * LINE < PAGE.margin) this.newPage();
      this.y -= size * LINE;
      this.page.drawText(line, {
        x: PAGE.margin + indent,
        y: this.y,
        size,
        font,
        color: options.grey ? rgb(0.35, 0.35, 0.35) : rgb(0, 0, 0),
      });
    }
    this.y -= options.gapAfter ?? 0;
  }
  lines(lines: readonly PdfLine[], indent: number): void {
    for (const line of lines) this.text(line.text, { indent, size: line.size ?? 9, ...(line.bold ? { bold: true } : {}), ...(line.grey ? { grey: true } : {}) });
  }
  footer(t: Translate): void {
    this.pages.forEach((page, index) => {
      const label = t('binder.page', { page: index + 1, pages: this.pages.length });
      page.drawText(label, { x: PAGE.margin, y: PAGE.margin / 2, size: 8, font: this.font, color: rgb(0.4, 0.4, 0.4) });
    });
  }
}

function reviewLine(entry: BinderEntry, lang: Language, t: Translate, timeZone: string): string {
  const { item } = entry;
  if (item.reviewStatus === 'pending' || !item.reviewer || !item.reviewedAt) return t('binder.pending');
  const values = { name: item.reviewer.displayName, date: formatDayIn(new Date(item.reviewedAt), timeZone, lang) };
  return t(item.reviewStatus === 'accepted' ? 'binder.acceptedBy' : 'binder.rejectedBy', values) + (item.reviewComment ? ` – ${item.reviewComment}` : '');
}

function writeEntry(w: Writer, entry: BinderEntry, lang: Language, timeZone: string): void {
  const { item } = entry;
  const t = createTranslator(lang);
  w.text(item.title, { bold: true, indent: 10, size: 10 });
  w.text(`${t('binder.type')}: ${t(evidenceTypeById(item.type).label)} · ${t('binder.when')}: ${formatDayIn(new Date(item.effectiveDate), timeZone, lang)}`, { indent: 20, size: 9 });
  w.text(`${t('binder.review')}: ${reviewLine(entry, lang, t, timeZone)}`, { indent: 20, size: 9 });
  if (entry.file) {
    w.text(`${t('binder.file')}: ${entry.file.path}`, { indent: 20, size: 9 });
    w.text(`${t('binder.hash')}: ${entry.file.sha256}`, { indent: 20, size: 8, grey: true });
    if (item.contentSentSha256 && item.contentSentSha256 !== item.contentSha256) {
      w.text(t('binder.sentHash', { sent: item.contentSentSha256 }), { indent: 20, size: 8, grey: true });
    }
  } else {
    w.text(`${t('binder.file')}: ${entry.problem ? t('binder.contentUnavailable', { problem: entry.problem }) : t('binder.noFile')}`, { indent: 20, size: 9 });
  }
  if (entry.hashMismatch && item.contentSha256) {
    w.text(t('binder.hashMismatch', { expected: item.contentSha256 }), { indent: 20, size: 9, bold: true });
  }
  w.lines(historyLines(entry, lang, timeZone), 20);
  w.text('', { gapAfter: 4 });
}

export async function buildBinderPdf(input: BinderPdfInput): Promise<Uint8Array> {
  const { lang, timeZone } = input;
  const t = createTranslator(lang);
  const doc = await PDFDocument.create();
  doc.setTitle(`${t('binder.title')} – ${input.company}`);
  doc.setCreator('Chefsache');
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));

  w.text(t('binder.title'), { size: 22, bold: true, gapAfter: 6 });
  w.text(t('binder.subtitle'), { size: 11, gapAfter: 10 });
  w.text(t('binder.company', { company: input.company }));
  w.text(t('binder.range', { from: formatDayIn(input.from, timeZone, lang), to: formatDayIn(input.to, timeZone, lang) }));
  w.text(t('binder.created', { date: formatDayIn(input.createdAt, timeZone, lang) }));
  w.text(t('binder.count', { count: input.entries.length }));
  const unreadable = input.unreadable ?? [];
  const flagged = input.entries.filter((e) => (e.history?.flags.length ?? 0) > 0).length;
  if (flagged > 0) w.text(t('binder.history.flaggedCount', { count: flagged }), { bold: true });
  if (unreadable.length > 0) w.text(t('binder.history.unreadableCount', { count: unreadable.length }), { bold: true });
  w.text('', { gapAfter: 6 });
  w.text(t('binder.history.signatureHeading'), { size: 12, bold: true, gapAfter: 2 });
  w.lines(signatureLines(input.signatureCheck, lang, timeZone), 0);
  if (input.minutes) {
    w.text('', { gapAfter: 6 });
    w.text(t('binder.history.minutesHeading'), { size: 12, bold: true, gapAfter: 2 });
    w.lines(minutesLines(input.minutes, lang, timeZone), 0);
  }
  w.text('', { gapAfter: 10 });
  w.text(t('binder.howToVerify'), { size: 9, grey: true });

  w.newPage();
  w.text(t('binder.byChecklist'), { size: 16, bold: true, gapAfter: 6 });
  for (const definition of CHECKLIST_ITEMS) {
    const entries = input.entries.filter((e) => evidenceTypeById(e.item.type).checklistItem === definition.id);
    w.text(t(definition.label.key), { size: 12, bold: true, gapAfter: 2 });
    if (entries.length === 0) w.text(t('binder.none'), { indent: 10, size: 9, grey: true, gapAfter: 4 });
    for (const entry of entries) writeEntry(w, entry, lang, timeZone);
  }

  w.newPage();
  w.text(t('binder.byClause'), { size: 16, bold: true, gapAfter: 6 });
  for (const clause of CLAUSES) {
    const entries = input.entries.filter((e) => e.item.clauses.includes(clause.id));
    if (entries.length === 0) continue;
    w.text(`${clause.citation} ${translateMessage(t, clause.name)}`, { size: 12, bold: true, gapAfter: 2 });
    for (const entry of entries) writeEntry(w, entry, lang, timeZone);
  }
  if (unreadable.length > 0) {
    w.newPage();
    w.text(t('binder.history.unreadableHeading'), { size: 16, bold: true, gapAfter: 6 });
    for (const entry of unreadable) {
      w.lines(unreadableLines(entry, lang, (fields) => rawFieldLines(fields, 300)), 10);
      w.text('', { gapAfter: 4 });
    }
  }
  for (const ack of input.acknowledgements ?? []) {
    w.newPage();
    w.text(t('binder.acknowledgement.title', { title: ack.policyTitle }), { size: 16, bold: true, gapAfter: 6 });
    w.text(t('binder.acknowledgement.clauses'), { size: 9, grey: true });
    w.text(`SHA-256: ${ack.policySha256}`, { size: 9 });
    w.text(t('binder.acknowledgement.published', { date: formatDayIn(new Date(ack.publishedAt), timeZone, lang) }));
    w.text(t('binder.acknowledgement.acknowledged', { count: ack.count }), { bold: true, gapAfter: 4 });
    for (const entry of ack.entries ?? []) w.text(`${entry.name} – ${formatDayIn(new Date(entry.at), timeZone, lang)}`, { indent: 10, size: 9 });
  }
  w.footer(t);
  return doc.save({ useObjectStreams: true });
}

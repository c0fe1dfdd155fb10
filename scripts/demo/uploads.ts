/**
 * Files the demo year's documents through the upload forms' own capture builder (as the tab's upload dialog
 * does) and lets the reviewer decide on them through the evidence store (decision records, four eyes).
 */
import type { PersonRef } from '../../src/domain';
import type { StoredEvidence } from '../../src/features/evidence/evidenceStore';
import { buildUploadCapture, type UploadFieldId } from '../../src/features/panel/uploadForms';
import type { TranslationKey } from '../../src/i18n/messages';
import { createTranslator } from '../../src/i18n/translate';
import type { DemoCalendar } from './demoCalendar';
import type { DemoSession } from './demoSession';
import { demoDocuments, type Decision } from './documents';

export interface SeedCounts {
  created: number;
  decided: number;
}

const t = createTranslator('de');
const label = (id: UploadFieldId) => t(`panel.upload.fields.${id}` as TranslationKey);

/** Accepts or rejects a waiting item as the decision's reviewer; decided items stay as they are. */
export async function decide(item: StoredEvidence, decision: Decision | undefined, sessions: Map<string, DemoSession>): Promise<number> {
  if (!decision || item.reviewStatus !== 'pending') return 0;
  const reviewer = sessions.get(decision.by)!;
  const current = await reviewer.evidence.get(item.id);
  if (current.reviewStatus !== 'pending') return 0;
  await reviewer.evidence.review(current.id, current.etag, decision.status === 'accepted' ? { status: 'accepted' } : { status: 'rejected', comment: decision.comment }, reviewer.person);
  return 1;
}

export async function seedDocuments(cal: DemoCalendar, sessions: Map<string, DemoSession>): Promise<SeedCounts> {
  const people: PersonRef[] = [...sessions.values()].map((s) => s.person);
  const counts: SeedCounts = { created: 0, decided: 0 };
  for (const doc of demoDocuments(cal)) {
    const filer = sessions.get(doc.by)!;
    const personValues = Object.fromEntries(Object.entries(doc.people ?? {}).map(([field, alias]) => [field, sessions.get(alias!)!.person.id]));
    const result = buildUploadCapture({
      type: doc.type,
      values: { ...doc.values, ...personValues },
      file: { fileName: doc.fileName, contentType: 'text/plain; charset=utf-8', bytes: new TextEncoder().encode(doc.text) },
      people,
      uploadId: doc.uploadId,
      now: cal.now,
      label,
    });
    if (!result.ok) throw new Error(`Demo document ${doc.uploadId} does not fill its form: ${JSON.stringify(result.errors)}`);
    const captured = await filer.evidence.capture(result.input);
    if (captured.status === 'queued') throw new Error(`Demo document ${doc.uploadId} could not be stored (queued in the outbox).`);
    if (captured.status === 'created') counts.created += 1;
    counts.decided += await decide(captured.item, doc.decision, sessions);
  }
  return counts;
}

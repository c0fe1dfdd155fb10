/**
 * Evidence for the panel, dashboard, binder and XSS browser tests, written into the test's
 * emulator through the app's real evidence store (as the demo users would capture and review it).
 */
import { createEvidenceStore, type GraphEvidenceStore } from '../../../src/features/evidence/createEvidenceStore';
import type { CaptureInput, StoredEvidence } from '../../../src/features/evidence/evidenceStore';
import { mailSourceKey, type PersonRef } from '../../../src/domain';
import { gatewaysFor, ISMS_SITE_URL } from '../../integration/evidenceHarness';
import type { RunningEmulator } from '../../support/emulator';

const person = (alias: string, displayName: string): PersonRef => ({ upn: `${alias}@mustergmbh.onmicrosoft.com`, displayName });

export const DEMO = {
  katrin: person('katrin.berger', 'Katrin Berger'),
  jonas: person('jonas.weber', 'Jonas Weber'),
  thomas: person('thomas.schmidt', 'Thomas Schmidt'),
  petra: person('petra.pruefer', 'Petra Prüfer'),
};

/** The real Graph-backed store for a demo user (in-memory cache). */
export function storeAs(emulator: RunningEmulator, alias: keyof typeof DEMO): GraphEvidenceStore {
  return createEvidenceStore({ graph: gatewaysFor(emulator, DEMO[alias].upn!), site: ISMS_SITE_URL, capturedBy: DEMO[alias] });
}

/** A CEO mail to staff with an HTML body (as the Outlook add-in stores it: .eml). */
export function ceoMail(id: string, title: string, html: string, effectiveDate = new Date(Date.now() - 86_400_000).toISOString()): CaptureInput {
  return {
    title,
    type: 'ceoMail',
    clauses: ['5.1d', '7.4', 'A.5.4'],
    source: 'outlook',
    sourceKey: mailSourceKey(`<${id}@mustergmbh.onmicrosoft.com>`),
    effectiveDate,
    summary: '',
    author: DEMO.katrin,
    content: {
      fileName: `${id}.eml`,
      contentType: 'message/rfc822',
      bytes: new TextEncoder().encode(`From: Katrin Berger <katrin.berger@mustergmbh.onmicrosoft.com>\r\nSubject: ${title}\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`),
    },
  };
}

export async function captureAll(store: GraphEvidenceStore, inputs: readonly CaptureInput[]): Promise<StoredEvidence[]> {
  const results = await store.captureMany(inputs);
  return results.map((result, index) => {
    if (result.status === 'queued') throw new Error(`Seeding "${inputs[index]!.title}" was queued instead of stored.`);
    return result.item;
  });
}

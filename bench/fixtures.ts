/** Captures for the bench: metadata-only CEO mails with distinct source keys. */
import { mailSourceKey, type PersonRef } from '../src/domain';
import type { CaptureInput } from '../src/features/evidence/evidenceStore';

export const JONAS: PersonRef = { upn: 'jonas.weber@mustergmbh.onmicrosoft.com', displayName: 'Jonas Weber' };
const KATRIN: PersonRef = { upn: 'katrin.berger@mustergmbh.onmicrosoft.com', displayName: 'Katrin Berger' };

export function mails(prefix: string, count: number): CaptureInput[] {
  return Array.from({ length: count }, (_, i) => ({
    title: `Mail der Geschäftsführung ${prefix}-${i}`,
    type: 'ceoMail' as const,
    clauses: ['5.1' as const, '7.4' as const],
    source: 'outlook' as const,
    sourceKey: mailSourceKey(`<${prefix}-${i}@mustergmbh.onmicrosoft.com>`),
    effectiveDate: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    summary: 'Informationssicherheit ist Chefsache.',
    author: KATRIN,
  }));
}

/**
 * The CEO's mails to all staff over the year. Katrin Berger sent them from her phone (the emulator's admin API
 * delivers them the way a phone would: to Sent Items with Chefsache's category and capture header), and the
 * app's Sent Items sweep captured them when she opened the tab; Jonas Weber reviewed them.
 */
import { CAPTURE_CATEGORY, CAPTURE_HEADER, formatCaptureHeader } from '../../src/features/outlook/captureTag';
import { mailCaptureKey } from '../../src/features/outlook/mailCapture';
import { memoryDeltaLinkStorage, sweepSentItems } from '../../src/features/outlook/sweep';
import type { DemoCalendar } from './demoCalendar';
import { admin, upnOf, type DemoSession, type DemoTarget } from './demoSession';
import type { Decision } from './documents';
import { decide, type SeedCounts } from './uploads';

interface DemoMail {
  captureId: string;
  daysAgo: number;
  subject: string;
  body: string;
  decision?: Decision;
}

const ALL_STAFF = { name: 'Alle Mitarbeitenden', address: `alle@mustergmbh.onmicrosoft.com` };
const JONAS = 'jonas.weber';

export const DEMO_MAILS: readonly DemoMail[] = [
  {
    captureId: '0de70000-0000-4000-8000-000000000001',
    daysAgo: 330,
    subject: 'Unsere neue Informationssicherheitsleitlinie',
    body: '<p>Liebe Kolleginnen und Kollegen,</p><p>ich habe heute unsere neue Leitlinie unterschrieben. Informationssicherheit ist Chefsache, und sie geht uns alle an. Bitte lest sie im Intranet.</p><p>Katrin Berger</p>',
    decision: { status: 'accepted', by: JONAS },
  },
  {
    captureId: '0de70000-0000-4000-8000-000000000002',
    daysAgo: 150,
    subject: 'Backup-Test bestanden – danke an das IT-Team',
    body: '<p>Liebe Kolleginnen und Kollegen,</p><p>unser Wiederherstellungstest hat gezeigt: Wir sind nach einem Ausfall in 30 Stunden wieder arbeitsfähig. Unser Ziel sind 24 Stunden; dafür stellen wir Budget bereit.</p><p>Katrin Berger</p>',
    decision: { status: 'accepted', by: JONAS },
  },
  {
    captureId: '0de70000-0000-4000-8000-000000000003',
    daysAgo: 100,
    subject: 'Achtung: aktuelle Phishing-Welle',
    body: '<p>Liebe Kolleginnen und Kollegen,</p><p>zurzeit kommen gefälschte Rechnungsmails. Bitte keine Anhänge öffnen und verdächtige Mails über den Melden-Knopf an Jonas Weber schicken. Lieber einmal zu viel melden.</p><p>Katrin Berger</p>',
  },
];

export async function seedCeoMails(cal: DemoCalendar, target: DemoTarget, sessions: Map<string, DemoSession>): Promise<SeedCounts> {
  const katrin = sessions.get('katrin.berger')!;
  const counts: SeedCounts = { created: 0, decided: 0 };
  const sweep = () => sweepSentItems({ mail: katrin.graph.mail, store: katrin.evidence, lang: 'de', deltaLinks: memoryDeltaLinkStorage() });
  // What an earlier (interrupted) run delivered is captured first, so nothing is sent twice.
  await sweep();
  for (const mail of DEMO_MAILS) {
    if (await katrin.evidence.findBySourceKey(mailCaptureKey({ captureId: mail.captureId }))) continue;
    await admin(target, 'POST', '/mail/sent-from-other-client', {
      user: upnOf('katrin.berger'),
      subject: mail.subject,
      body: mail.body,
      to: [ALL_STAFF],
      categories: [CAPTURE_CATEGORY],
      headers: { [CAPTURE_HEADER]: formatCaptureHeader(mail.captureId) },
      sentDateTime: cal.daysAgo(mail.daysAgo).toISOString(),
    });
  }
  counts.created += (await sweep()).captured;
  for (const mail of DEMO_MAILS) {
    const item = await katrin.evidence.findBySourceKey(mailCaptureKey({ captureId: mail.captureId }));
    if (!item) throw new Error(`The sweep did not capture the demo mail "${mail.subject}".`);
    counts.decided += await decide(item, mail.decision, sessions);
  }
  return counts;
}

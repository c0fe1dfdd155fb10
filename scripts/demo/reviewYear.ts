/**
 * The year's management reviews through the reviews service: the ISB books the quarterly series (ten months
 * ago), three occurrences took place in Teams (the emulator's admin API holds them: attendance and transcript,
 * as Teams would produce them), the ISB captures them and writes the minutes, the CEO signed the first two a few
 * days after each review; the latest waits for her signature. Action items go to their owners' To Do.
 */
import type { Minutes, MinutesChange } from '../../src/features/reviews/minutes';
import { minutesStatus } from '../../src/features/reviews/minutes';
import type { DemoCalendar } from './demoCalendar';
import { admin, upnOf, type DemoSession, type DemoTarget } from './demoSession';
import { decide, type SeedCounts } from './uploads';

const DAY = 86_400_000;
const BOARD = [
  ['katrin.berger', 'Katrin Berger'],
  ['thomas.schmidt', 'Thomas Schmidt'],
  ['sabine.koch', 'Sabine Koch'],
  ['jonas.weber', 'Jonas Weber'],
] as const;

interface HeldReview {
  attendees: { user: string; minutes: number; joinAfterMinutes?: number }[];
  transcript: { speaker: string; text: string }[];
  minutes: (dueAfter: (days: number) => string) => MinutesChange;
}

const thomas = { upn: upnOf('thomas.schmidt'), displayName: 'Thomas Schmidt' };
const jonas = { upn: upnOf('jonas.weber'), displayName: 'Jonas Weber' };
const inputs = (d: string, f: string, g: string) => ({ a: '', b: 'Neue Kundenanforderungen an den Nachweis von ISO/IEC 27001.', c: 'Zwei Großkunden verlangen ein Zertifikat bis Jahresende.', d, e: '', f, g });

/** Oldest first: what was said and decided in each of the three held reviews. */
export const HELD_REVIEWS: readonly HeldReview[] = [
  {
    attendees: [{ user: 'katrin.berger', minutes: 90 }, { user: 'jonas.weber', minutes: 90 }, { user: 'thomas.schmidt', minutes: 85 }, { user: 'sabine.koch', minutes: 60, joinAfterMinutes: 30 }],
    transcript: [
      { speaker: 'Jonas Weber', text: 'Die Leitlinie ist unterschrieben und an alle verteilt. Die Phishing-Klickrate liegt bei 12 Prozent.' },
      { speaker: 'Katrin Berger', text: 'Wir setzen uns das Ziel, unter fünf Prozent zu kommen, und testen den Notfallplan.' },
    ],
    minutes: (due) => ({
      inputs: inputs('Phishing-Klickrate 12 %.', 'Risikobewertung aktualisiert; Ransomware bleibt das größte Risiko.', 'Awareness-Schulungen für alle Mitarbeitenden.'),
      decisions: [{ kind: 'improvement', text: 'Phishing-Schulung mit Simulation für alle Mitarbeitenden.', passages: [] }],
      actions: [{ id: 'demo-r1-a1', title: 'Notfallplan testen', owner: thomas, dueDate: due(60) }],
    }),
  },
  {
    attendees: [{ user: 'katrin.berger', minutes: 75 }, { user: 'jonas.weber', minutes: 90 }, { user: 'thomas.schmidt', minutes: 90 }],
    transcript: [
      { speaker: 'Jonas Weber', text: 'Der Wiederherstellungstest hat 30 Stunden gedauert; Ziel sind 24 Stunden.' },
      { speaker: 'Katrin Berger', text: 'Dann erneuern wir die Backup-Lösung noch in diesem Geschäftsjahr.' },
    ],
    minutes: (due) => ({
      inputs: inputs('Wiederherstellung in 30 Stunden (Ziel 24).', 'Risiko Ausfall Rechenzentrum: Behandlung durch neue Backup-Lösung.', 'Backup-Lösung erneuern.'),
      decisions: [{ kind: 'ismsChange', text: 'Backup-Lösung wird erneuert (18.000 EUR aus dem Sicherheitsbudget).', passages: [] }],
      actions: [{ id: 'demo-r2-a1', title: 'Lieferantenbewertung nachholen', owner: jonas, dueDate: due(45) }],
    }),
  },
  {
    attendees: [{ user: 'katrin.berger', minutes: 90 }, { user: 'jonas.weber', minutes: 90 }, { user: 'sabine.koch', minutes: 90 }, { user: 'thomas.schmidt', minutes: 40, joinAfterMinutes: 50 }],
    transcript: [
      { speaker: 'Jonas Weber', text: 'Das interne Audit hat zwei kleinere Abweichungen gefunden, keine Hauptabweichung.' },
      { speaker: 'Katrin Berger', text: 'Die Rezertifizierung der Zugriffsrechte übernimmt Thomas bis zum Quartalsende.' },
    ],
    minutes: (due) => ({
      inputs: inputs('Internes Audit: zwei kleinere Abweichungen. Phishing-Klickrate 6 %.', 'Lieferantenrisiken neu bewertet.', 'Zertifizierungsaudit im nächsten Jahr anmelden.'),
      decisions: [{ kind: 'improvement', text: 'Zugriffsrechte halbjährlich rezertifizieren.', passages: [] }],
      actions: [{ id: 'demo-r3-a1', title: 'Zugriffsrechte rezertifizieren', owner: thomas, dueDate: due(40) }],
    }),
  },
];

/** How many of the held reviews the CEO signed (oldest first); the rest wait for her signature. */
export const SIGNED_REVIEWS = 2;

export async function seedReviewYear(cal: DemoCalendar, target: DemoTarget, sessions: Map<string, DemoSession>): Promise<SeedCounts & { held: string[] }> {
  const isb = sessions.get('jonas.weber')!;
  const ceo = sessions.get('katrin.berger')!;
  const counts: SeedCounts = { created: 0, decided: 0 };
  let overview = await isb.reviews().overview();
  if (!overview.series) {
    const bookedAt = cal.daysAgo(250);
    await isb.reviews(() => bookedAt).book({
      firstDate: cal.dayAgo(250),
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
      attendees: BOARD.map(([alias, displayName]) => ({ upn: upnOf(alias), displayName, lang: 'de' as const })),
      end: { type: 'none' },
    });
    counts.created += 1;
    overview = await isb.reviews().overview();
  }
  const series = overview.series!;
  const held = [...overview.past].sort().slice(-HELD_REVIEWS.length);
  if (held.length < HELD_REVIEWS.length) throw new Error(`The demo series has ${held.length} past occurrences, ${HELD_REVIEWS.length} expected.`);

  // Teams: the meetings took place (once each; what is on file is not held again).
  for (const [index, start] of held.entries()) {
    if (overview.artifacts[start]?.attendance === 'captured') continue;
    const review = HELD_REVIEWS[index]!;
    await admin(target, 'POST', '/meetings/occurrence-held', { eventId: series.value.eventId, occurrenceStart: start, attendees: review.attendees, transcript: review.transcript });
  }
  await isb.reviews().captureArtifacts();

  // Minutes by the ISB (prefilled with the attendance), signed by the CEO a few days after the review.
  overview = await isb.reviews().overview();
  for (const [index, start] of held.entries()) {
    const stored: { value: Minutes } | undefined = overview.minutes[start];
    if (!stored || (stored.value.decisions.length === 0 && !stored.value.signature)) {
      const due = (days: number) => new Date(new Date(start).getTime() + days * DAY).toISOString().slice(0, 10);
      await isb.reviews().saveMinutes(start, HELD_REVIEWS[index]!.minutes(due));
      counts.created += 1;
    }
  }
  overview = await isb.reviews().overview();
  for (const start of held.slice(0, SIGNED_REVIEWS)) {
    let minutes = overview.minutes[start]!;
    if (minutesStatus(minutes.value) !== 'signed') {
      const signedAt = new Date(new Date(start).getTime() + 5 * DAY);
      minutes = await ceo.reviews(() => signedAt).sign(start, 'de');
      counts.created += 1;
    }
    const pdf = await isb.evidence.get(minutes.value.signature!.evidenceId!);
    counts.decided += await decide(pdf, { status: 'accepted', by: 'jonas.weber' }, sessions);
  }

  // Action items: each owner's To Do (what happens when they open the tab).
  for (const alias of ['thomas.schmidt', 'jonas.weber']) await sessions.get(alias)!.reviews().syncActions();
  return { ...counts, held };
}

/**
 * Fills the demo company Muster GmbH with a believable year, written only through Chefsache's own services
 * (upload forms + evidence store, the Sent Items sweep, the reviews service, To Do sync) as the demo users who
 * would do it, on a site set up by `setup-demo.ts`. What Microsoft 365's users do outside Chefsache (a mail
 * from a phone, a Teams meeting taking place) goes through the emulator's admin API. Dates are relative to
 * `now`. Idempotent: a second run adds nothing.
 */
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { demoCalendar } from './demoCalendar';
import { seedCeoMails } from './ceoMails';
import { signIn, type DemoSession, type DemoTarget } from './demoSession';
import { seedReviewYear } from './reviewYear';
import { seedStaffAcknowledgements } from './staffAcknowledgements';
import { seedDocuments, type SeedCounts } from './uploads';

/** The demo users who act in the year (aliases). */
export const DEMO_ACTORS = ['katrin.berger', 'jonas.weber', 'thomas.schmidt', 'sabine.koch'] as const;

/** The site owner (setup-demo.ts runs setup as this user). */
const DEMO_SITE_OWNER_ALIAS = 'lukas.schneider';

export interface DemoYearResult {
  /** Items, minutes, signatures and bookings this run wrote (0 on a second run). */
  created: number;
  /** Review decisions this run recorded. */
  decided: number;
  /** Starts (UTC ISO) of the held management reviews, oldest first. */
  heldReviews: string[];
}

export async function seedDemoYear(target: DemoTarget, options: { now?: Date; log?: (line: string) => void } = {}): Promise<DemoYearResult> {
  const cal = demoCalendar(options.now);
  const log = options.log ?? (() => undefined);
  const sessions = new Map<string, DemoSession>();
  for (const alias of DEMO_ACTORS) sessions.set(alias, await signIn(target, alias));
  // The record lists' columns through graph.records' own provisioning, as the site owner. Setup on main creates the
  // decision and signature lists with Title only (runSetup.ts "WIRING"); once setup provisions them itself
  // (branch trust-finish) this changes nothing.
  const owner = await signIn(target, DEMO_SITE_OWNER_ALIAS);
  for (const list of ['decisions', 'signatures'] as const) await owner.graph.records.provision(DEMO_SITE_URL, list);
  const total: SeedCounts = { created: 0, decided: 0 };
  const add = (step: string, counts: SeedCounts) => {
    total.created += counts.created;
    total.decided += counts.decided;
    log(`${step}: ${counts.created} new, ${counts.decided} decisions`);
  };
  add('documents', await seedDocuments(cal, sessions));
  add('CEO mails', await seedCeoMails(cal, target, sessions));
  const reviews = await seedReviewYear(cal, target, sessions);
  add('management reviews', reviews);
  add('staff acknowledgements', await seedStaffAcknowledgements(cal, target, sessions));
  return { ...total, heldReviews: reviews.held };
}

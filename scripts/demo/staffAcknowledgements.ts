/**
 * HOOK for the staff acknowledgement evidence source (issue 15, "Staff acknowledgement"; H11 or the lead fills it):
 * the ISB publishes the current policy and objectives for acknowledgement (due date ~ 11 months ago + 30 days),
 * then 70 % of the directory group "Alle Mitarbeitenden" acknowledge it as themselves (each through the staff
 * view's own service, signed in as that employee: `signIn(target, alias)`), and a few answer the self-check.
 * Must stay idempotent (acknowledgement items are keyed per person and policy version). Returns what it created.
 */
import type { DemoCalendar } from './demoCalendar';
import type { DemoSession, DemoTarget } from './demoSession';
import type { SeedCounts } from './uploads';

/** The share of all staff who acknowledged the current policy in the demo year. */
export const DEMO_ACKNOWLEDGED_SHARE = 0.7;

export async function seedStaffAcknowledgements(_cal: DemoCalendar, _target: DemoTarget, _sessions: Map<string, DemoSession>): Promise<SeedCounts> {
  return { created: 0, decided: 0 };
}

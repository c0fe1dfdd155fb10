/**
 * Which past reviews the reviews section lists: the held occurrences of the booked series and every occurrence
 * that has minutes, also when the series was rescheduled or cancelled since (the minutes stay in SharePoint, and
 * the nudge "minutes wait for your signature" counts them). The most recent `limit` ones, plus any older one whose
 * minutes still wait for a signature, so the link of that nudge always lands on the minutes it names.
 */
import { minutesStatus, type Minutes } from './minutes';

export interface PastOccurrencesInput {
  /** Past occurrence starts of the active series (any order, any ISO form). */
  seriesPast: readonly string[];
  minutes: readonly Minutes[];
  now: Date;
  limit?: number;
}

const iso = (s: string) => new Date(s).toISOString();

/** Minutes of a past review that carry no signature of their current version. */
export const awaitsSignature = (m: Minutes, now: Date): boolean => minutesStatus(m) !== 'signed' && new Date(m.occurrenceStart).getTime() < now.getTime();

/** Past occurrence starts (UTC ISO), most recent first. */
export function pastOccurrences({ seriesPast, minutes, now, limit = 4 }: PastOccurrencesInput): string[] {
  const withMinutes = minutes.filter((m) => new Date(m.occurrenceStart).getTime() < now.getTime()).map((m) => iso(m.occurrenceStart));
  const all = [...new Set([...seriesPast.map(iso), ...withMinutes])].sort().reverse();
  const waiting = new Set(minutes.filter((m) => awaitsSignature(m, now)).map((m) => iso(m.occurrenceStart)));
  return all.filter((start, index) => index < limit || waiting.has(start));
}

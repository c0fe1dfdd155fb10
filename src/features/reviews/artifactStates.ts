/**
 * The artifact states the reviews overview shows per past occurrence: what the evidence store holds
 * (anyone's captures count), combined with this session's capture run. What is on file stays
 * "captured" even when the run no longer sees it (a report past Teams' one-year retention or beyond
 * the 50 most recent, transcripts switched off by policy after they were captured).
 */
import type { EvidenceStore } from '../evidence/evidenceStore';
import type { OccurrenceArtifacts } from './artifacts';

export async function artifactsOnFile(evidence: EvidenceStore, past: readonly string[], isOrganizer: boolean): Promise<Record<string, OccurrenceArtifacts>> {
  const page = await evidence.query({ types: ['meetingAttendance', 'meetingTranscript'], pageSize: 200 });
  const out: Record<string, OccurrenceArtifacts> = {};
  for (const start of past) {
    const suffix = `@${start.replace(/\.\d{3}Z$/, 'Z')}`;
    const count = (type: string) => page.items.filter((i) => i.type === type && i.sourceKey.endsWith(suffix)).length;
    const sessions = count('meetingAttendance');
    const transcript = count('meetingTranscript') > 0;
    if (sessions === 0 && !transcript && isOrganizer) continue; // the organizer's capture run decides
    const absent: OccurrenceArtifacts['attendance'] = isOrganizer ? 'missing' : 'notOrganizer';
    out[start] = { occurrenceStart: start, attendance: sessions > 0 ? 'captured' : absent, transcript: transcript ? 'captured' : absent, attendees: [], sessions };
  }
  return out;
}

export function mergeArtifacts(onFile: Record<string, OccurrenceArtifacts>, run: Record<string, OccurrenceArtifacts>): Record<string, OccurrenceArtifacts> {
  const out: Record<string, OccurrenceArtifacts> = { ...onFile };
  for (const [start, state] of Object.entries(run)) {
    const file = onFile[start];
    out[start] = file
      ? {
          ...state,
          attendance: file.attendance === 'captured' ? 'captured' : state.attendance,
          transcript: file.transcript === 'captured' ? 'captured' : state.transcript,
          sessions: Math.max(state.sessions, file.sessions),
        }
      : state;
  }
  return out;
}

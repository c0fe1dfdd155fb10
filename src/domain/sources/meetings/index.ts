/** Meetings: the booked review series (Outlook calendar) and each occurrence's attendance and transcript (src/features/reviews). */
import type { SourceModule } from '../types';
import de from './meetings.de.json';
import en from './meetings.en.json';

export const meetingsSource = {
  id: 'meetings',
  texts: { de, en },
  origins: { outlookCalendar: 'event', teamsMeeting: 'meeting' },
  types: {
    reviewBooking: { clauses: ['9.3.1'], freshness: 'reviewBooking', checklistItem: null, requires: ['scheduledFor'] },
    meetingAttendance: { clauses: ['9.3', '5.1e'], freshness: 'review', checklistItem: null },
    meetingTranscript: { clauses: ['9.3', '5.1e'], freshness: 'review', checklistItem: null },
  },
  section: 'reviews',
} as const satisfies SourceModule;

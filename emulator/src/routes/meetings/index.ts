/**
 * The meetings module: Teams online meetings, attendance reports, transcripts (routes.ts, policy.ts).
 * The calendar module creates the meetings of online events and records held occurrences
 * (calendar/occurrenceHeld.ts); this module imports nothing from the calendar.
 */
import type { EmulatorModule } from '../../module';
import { transcriptAccessAdmin } from './policy';
import { meetingRoutes } from './routes';

export const emulatorModule: EmulatorModule = {
  name: 'meetings',
  register(api) {
    for (const route of meetingRoutes) api.graph(route);
    api.admin(transcriptAccessAdmin);
  },
};

/** The meetings module: Teams online meetings, attendance reports, transcripts (routes.ts, admin.ts, policy.ts). */
import type { EmulatorModule } from '../../module';
import { occurrenceHeld } from './admin';
import { transcriptAccessAdmin } from './policy';
import { meetingRoutes } from './routes';

export const emulatorModule: EmulatorModule = {
  name: 'meetings',
  register(api) {
    for (const route of meetingRoutes) api.graph(route);
    api.admin(occurrenceHeld);
    api.admin(transcriptAccessAdmin);
  },
};

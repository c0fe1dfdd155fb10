/** The calendar module: Outlook events with recurrence and Teams meetings (see routes.ts), the default calendar, held occurrences. */
import type { EmulatorModule } from '../../module';
import { getDefaultCalendar, setMailboxCalendar } from './calendarSettings';
import { occurrenceHeld } from './occurrenceHeld';
import { calendarRoutes } from './routes';

export const emulatorModule: EmulatorModule = {
  name: 'calendar',
  register(api) {
    for (const route of calendarRoutes) api.graph(route);
    api.graph(getDefaultCalendar);
    api.admin(setMailboxCalendar);
    api.admin(occurrenceHeld);
  },
};

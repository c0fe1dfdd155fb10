/** The calendar module: Outlook events with recurrence and Teams meetings (see routes.ts). */
import type { EmulatorModule } from '../../module';
import { calendarRoutes } from './routes';

export const emulatorModule: EmulatorModule = {
  name: 'calendar',
  register(api) {
    for (const route of calendarRoutes) api.graph(route);
  },
};

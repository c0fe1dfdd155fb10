/** The teamwork module: Teams activity feed notifications (routes.ts) and the app registrations that allow them (admin.ts). */
import type { EmulatorModule } from '../../module';
import { teamworkAdminRoutes } from './admin';
import { teamworkRoutes } from './routes';

export const emulatorModule: EmulatorModule = {
  name: 'teamwork',
  register(api) {
    for (const route of teamworkRoutes) api.graph(route);
    for (const route of teamworkAdminRoutes) api.admin(route);
  },
};

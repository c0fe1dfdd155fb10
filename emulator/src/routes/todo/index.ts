/** The To Do module: the signed-in user's task lists and tasks (routes.ts). */
import type { EmulatorModule } from '../../module';
import { todoRoutes } from './routes';

export const emulatorModule: EmulatorModule = {
  name: 'todo',
  register(api) {
    for (const route of todoRoutes) api.graph(route);
  },
};

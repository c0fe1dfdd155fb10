/** The identity module: directory routes and the demo company seed (runs first). */
import type { EmulatorModule } from '../../module';
import { groupRoutes } from './groups';
import { organizationRoutes } from './organization';
import { seedDirectory } from './seed';
import { userRoutes } from './users';

export const emulatorModule: EmulatorModule = {
  name: 'identity',
  seedOrder: 0,
  register(api) {
    for (const route of [...userRoutes, ...groupRoutes, ...organizationRoutes]) api.graph(route);
  },
  seed: seedDirectory,
};

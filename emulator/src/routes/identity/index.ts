/** The identity module: directory routes and the demo company seed (runs first). */
import type { EmulatorModule } from '../../module';
import { groupRoutes } from './groups';
import { groupWriteRoutes } from './groupWrites';
import { organizationRoutes } from './organization';
import { seedDirectory } from './seed';
import { userRoutes } from './users';

export const emulatorModule: EmulatorModule = {
  name: 'identity',
  seedOrder: 0,
  register(api) {
    for (const route of [...userRoutes, ...groupRoutes, ...groupWriteRoutes, ...organizationRoutes]) api.graph(route);
  },
  seed: seedDirectory,
};

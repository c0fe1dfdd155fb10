/** The SharePoint module: sites, lists, columns, list items (+ delta) and the team site seed. */
import type { EmulatorModule } from '../../module';
import { registerSharePointAdmin } from './admin';
import { registerItemRoutes } from './itemRoutes';
import { registerListRoutes } from './listRoutes';
import { seedSharePoint } from './seed';
import { registerSiteRoutes } from './siteRoutes';

export { assertListAccess, isListAccessAllowed, type ListAccessRequest, type ListOperation } from './access';

export const emulatorModule: EmulatorModule = {
  name: 'sharepoint',
  seedOrder: 50,
  register(api) {
    registerSiteRoutes(api);
    registerListRoutes(api);
    registerItemRoutes(api);
    registerSharePointAdmin(api);
  },
  seed: seedSharePoint,
};

/**
 * A SharePoint REST subset on the emulated SharePoint host (`<site>/_api/...`): the web, users and groups,
 * permission levels, role assignments and inheritance on webs, lists and items, list settings. The permission
 * model itself lives in routes/sharepoint/permissions (it also guards Graph's list, item and file routes).
 */
import type { EmulatorModule } from '../../module';
import { registerSecurableRoutes } from './securableRoutes';
import { registerWebRoutes } from './webRoutes';

export const emulatorModule: EmulatorModule = {
  name: 'sharepointRest',
  register(api) {
    registerWebRoutes(api);
    registerSecurableRoutes(api);
  },
};

/** The drive module: document libraries as drives, simple upload, downloads, demo documents. */
import type { EmulatorModule } from '../../module';
import { registerDriveAdmin } from './admin';
import { registerComplianceAdmin } from './complianceAdmin';
import { registerDriveRoutes } from './routes';
import { seedDocuments } from './seed';

export const emulatorModule: EmulatorModule = {
  name: 'drive',
  /** After the SharePoint seed (50), which creates the library. */
  seedOrder: 60,
  register(api) {
    registerDriveRoutes(api);
    registerDriveAdmin(api);
    registerComplianceAdmin(api);
  },
  seed: seedDocuments,
};

/** The mail module: messages, mail folders, delta, MIME, sendMail, master categories. */
import type { EmulatorModule } from '../../module';
import { sentFromOtherClient } from './admin';
import { mailRoutes } from './routes';
import { seedMail } from './seed';

export const emulatorModule: EmulatorModule = {
  name: 'mail',
  seedOrder: 60,
  register(api) {
    for (const route of mailRoutes) api.graph(route);
    api.admin(sentFromOtherClient);
  },
  seed: seedMail,
};

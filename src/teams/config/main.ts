/** Entry of /teams/config.html: configures the team tab inside Teams, explains itself elsewhere. */
import { createTranslator, languageForLocale } from '../../i18n';
import { configureTeamTab, type TeamsConfigSdk } from './teamTabConfig';

const t = createTranslator(languageForLocale(navigator.language));
document.documentElement.lang = languageForLocale(navigator.language);
const status = document.getElementById('status')!;
document.getElementById('heading')!.textContent = t('panel.config.heading');
status.textContent = t('panel.config.loading');

async function start(): Promise<void> {
  if (window.parent === window) {
    status.textContent = t('panel.config.outsideTeams');
    return;
  }
  const sdk = (await import('@microsoft/teams-js')) as unknown as TeamsConfigSdk;
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Microsoft Teams did not answer.')), 5000));
  await Promise.race([configureTeamTab(sdk, location.origin, 'Chefsache'), timeout]);
  status.textContent = t('panel.config.ready');
}

start().catch((error: unknown) => {
  status.textContent = t('panel.config.failed', { reason: error instanceof Error ? error.message : String(error) });
});

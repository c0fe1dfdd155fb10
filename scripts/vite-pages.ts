/**
 * The HTML pages `vite build` emits (vite.config.ts). Development pages under src/dev/ (the
 * "Outlook without Outlook" compose page, /dev/outlook.html) are served by the dev server only:
 * they are never an input, so no production build, package or manifest carries them
 * (scripts/vite-pages.test.ts checks both halves).
 */
import { existsSync } from 'node:fs';

/** Folder under src/ whose pages exist on the dev server only. */
export const DEV_ONLY_DIR = 'dev';

/** Every HTML page of the app. The MSAL redirect bridge (src/auth, issue 7) is built when present. */
export function pageInputs(srcDir: string): Record<string, string> {
  const pages: Record<string, string> = {
    index: `${srcDir}/index.html`,
    teams: `${srcDir}/teams/index.html`,
    teamsConfig: `${srcDir}/teams/config.html`,
    taskpane: `${srcDir}/outlook/taskpane.html`,
    commands: `${srcDir}/outlook/commands.html`,
  };
  if (existsSync(`${srcDir}/auth/redirect.html`)) pages.authRedirect = `${srcDir}/auth/redirect.html`;
  return pages;
}

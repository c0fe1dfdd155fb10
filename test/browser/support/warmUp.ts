import type { Page } from 'playwright-core';
import { pageUrl } from './appServer';

/**
 * The dev server transforms the app on the first visit, which takes long on a busy machine: load
 * the tab once with a generous timeout before the tests' own (shorter) waits start.
 */
export async function warmUp(page: Page, emulatorUrl: string): Promise<void> {
  await page.goto(pageUrl('/teams/', emulatorUrl));
  await page.getByRole('combobox').first().waitFor({ state: 'visible', timeout: 120_000 });
}

import type { Locator, Page } from 'playwright-core';

export const UI_TIMEOUT_MS = 20_000;

/** Waits until the element is visible; fails with the element's description otherwise. */
export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return locator;
}

/** The background colour the user sees behind an element (first non-transparent ancestor). */
export function effectiveBackground(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color;
    }
    return 'rgb(255, 255, 255)';
  });
}

/** Relative luminance 0..1 of an `rgb(r, g, b)` colour. */
export function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Collects uncaught page errors so a test can assert the page ran cleanly. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Picks a demo user in the header's Fluent Dropdown. */
export async function pickDemoUser(page: Page, label: string, name: RegExp): Promise<void> {
  await (await visible(page.getByRole('combobox', { name: label }))).click();
  await (await visible(page.getByRole('option', { name }))).click();
}

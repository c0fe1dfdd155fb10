import type { HostInfo, HostTheme } from './types';
import { withTimeout } from './withTimeout';

/** The part of Office.js the host detection uses (faked in tests). */
export interface OfficeSdk {
  onReady(): Promise<{ host: unknown }>;
  context?: {
    displayLanguage?: string;
    officeTheme?: { bodyBackgroundColor?: string };
  };
}

/** Office reports colours like `#1f1f1f`; a dark body background means a dark Outlook theme. */
export function officeTheme(bodyBackgroundColor: string | undefined): HostTheme {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bodyBackgroundColor ?? '');
  if (!match) return 'light';
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex ?? '0', 16) / 255) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.5 ? 'dark' : 'light';
}

/**
 * Waits for Office.js. Resolves `null` unless the page runs inside Outlook: in a plain page
 * `Office.onReady()` answers with `host: null`.
 */
export async function detectOutlook(office: OfficeSdk, timeoutMs: number, fallbackLocale: string): Promise<HostInfo | null> {
  let info: { host: unknown };
  try {
    info = await withTimeout(office.onReady(), timeoutMs, 'Office.js');
  } catch {
    return null;
  }
  if (info.host !== 'Outlook') return null;
  return {
    kind: 'outlook',
    locale: office.context?.displayLanguage || fallbackLocale,
    theme: officeTheme(office.context?.officeTheme?.bodyBackgroundColor),
    onThemeChange: () => () => undefined,
  };
}

/** The demo tenant "Muster GmbH" (docs/architecture.md). Fixed ids so tokens survive a reset. */
export const TENANT = {
  id: '5d3b2c9e-1f4a-4c6b-9a7e-2e8f0d4b6a11',
  displayName: 'Muster GmbH',
  domain: 'mustergmbh.onmicrosoft.com',
  sharePointHost: 'mustergmbh.sharepoint.com',
  countryLetterCode: 'DE',
  preferredLanguage: 'de-DE',
} as const;

export type Tenant = typeof TENANT;

import { emulatorConfig } from '../../ui/testSupport';
import { DEMO_SITE_URL, openEvidenceStore, resolveEvidenceSite } from './openEvidenceStore';
import { EvidenceProvisioningError } from './errors';
import type { GraphGateways } from '../../graph';
import { createTranslator, translateMessage, type AppMessage, type Language } from '../../i18n';

const words = (error: { userMessage: AppMessage }, language: Language) => translateMessage(createTranslator(language), error.userMessage);

const tenant = { auth: 'msal' as const, graphBaseUrl: 'https://graph.microsoft.com/v1.0', siteUrl: 'https://contoso.sharepoint.com/sites/ISMS' };

describe('one configured evidence site (no silent second store)', () => {
  test('the configured site, also in its own team (case and trailing slash do not matter)', () => {
    expect(resolveEvidenceSite(tenant, {})).toEqual({ kind: 'site', url: tenant.siteUrl });
    expect(resolveEvidenceSite(tenant, { teamSiteUrl: 'https://contoso.sharepoint.com/sites/isms/' })).toEqual({ kind: 'site', url: tenant.siteUrl });
    expect(resolveEvidenceSite(emulatorConfig, {})).toEqual({ kind: 'site', url: DEMO_SITE_URL });
  });

  test('another team’s site is refused, and without configuration there is no site', () => {
    expect(resolveEvidenceSite(tenant, { teamSiteUrl: 'https://contoso.sharepoint.com/sites/Vertrieb' })).toEqual({
      kind: 'otherTeam',
      here: 'https://contoso.sharepoint.com/sites/Vertrieb',
      configured: tenant.siteUrl,
    });
    expect(resolveEvidenceSite({ ...tenant, siteUrl: undefined }, { teamSiteUrl: 'https://contoso.sharepoint.com/sites/Vertrieb' })).toEqual({ kind: 'none' });
  });

  test('the store in another team provisions nothing: every call fails with the explanation', async () => {
    const store = openEvidenceStore({ graph: {} as GraphGateways, config: tenant, host: { teamSiteUrl: 'https://contoso.sharepoint.com/sites/Vertrieb' } });
    const error = await store.provision().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EvidenceProvisioningError);
    expect(words(error as EvidenceProvisioningError, 'en')).toBe('Chefsache keeps its evidence only in https://contoso.sharepoint.com/sites/ISMS and creates nothing in this team. Please open the tab in the team of that site.');
  });
});

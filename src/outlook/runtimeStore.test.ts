import { EvidenceProvisioningError } from '../features/evidence/errors';
import { DEMO_SITE_URL } from '../features/evidence/openEvidenceStore';
import { emulatorConfig } from '../ui/testSupport';
import { runtimeEvidenceSite } from './runtimeStore';

const tenant = { auth: 'msal' as const, graphBaseUrl: 'https://graph.microsoft.com/v1.0', siteUrl: 'https://contoso.sharepoint.com/sites/ISMS' };

describe('the on-send runtime finds the evidence site as the tab does', () => {
  it('uses the configured site, and the demo site only against the emulator', () => {
    expect(runtimeEvidenceSite(tenant)).toBe(tenant.siteUrl);
    expect(runtimeEvidenceSite(emulatorConfig)).toBe(DEMO_SITE_URL);
  });

  it('never writes to the demo site in a tenant without a configured site: the capture fails softly', () => {
    expect(() => runtimeEvidenceSite({ ...tenant, siteUrl: undefined })).toThrow(EvidenceProvisioningError);
  });
});

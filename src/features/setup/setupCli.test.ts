import { describeResult, parseSetupArgs, SetupUsageError } from './setupCli';

const OID = '0a0a0a0a-0000-4000-8000-00000000a001';
const base = ['--site', 'https://contoso.sharepoint.com/sites/ISMS/', '--top-management', OID, '--isb', OID, '--auditors', OID];

describe('npm run setup arguments', () => {
  test('the emulator by default, as the site owner; names allowed there', () => {
    const args = parseSetupArgs(['--site', 'https://mustergmbh.sharepoint.com/sites/ISMS', '--top-management', 'Geschäftsführung', '--isb', 'Informationssicherheit', '--auditors', 'Auditoren', '--dry-run'], { EMULATOR_ADMIN_SECRET: 's' });
    expect(args).toMatchObject({ emulatorUrl: 'http://localhost:4365', user: 'lukas.schneider@mustergmbh.onmicrosoft.com', dryRun: true, adminSecret: 's' });
    expect(args.groups.topManagement).toBe('Geschäftsführung');
  });

  test('a tenant needs two tokens (Graph and SharePoint are two resources) and object ids, never names', () => {
    expect(() => parseSetupArgs([...base, '--graph', 'https://graph.microsoft.com/v1.0', '--token', 'g'])).toThrow('--sharepoint-token');
    expect(() => parseSetupArgs(['--site', 'https://c.sharepoint.com/sites/ISMS', '--top-management', 'Geschäftsführung', '--isb', OID, '--auditors', OID, '--graph', 'https://g/v1.0', '--token', 'g', '--sharepoint-token', 's'])).toThrow(
      'must be given by its Entra object id, not "Geschäftsführung"',
    );
    const args = parseSetupArgs([...base, '--graph', 'https://graph.microsoft.com/v1.0/'], { CHEFSACHE_GRAPH_TOKEN: 'g', CHEFSACHE_SHAREPOINT_TOKEN: 's' });
    expect(args).toMatchObject({ siteUrl: 'https://contoso.sharepoint.com/sites/ISMS', graphBaseUrl: 'https://graph.microsoft.com/v1.0', graphToken: 'g', sharePointToken: 's' });
  });

  test('an optional record label is passed on, trimmed', () => {
    expect(parseSetupArgs([...base, '--record-label', ' Nachweis-Record ']).recordLabel).toBe('Nachweis-Record');
    expect(parseSetupArgs(base)).not.toHaveProperty('recordLabel');
  });

  test('missing groups and unknown flags are usage errors', () => {
    expect(() => parseSetupArgs(['--site', 'https://x/sites/ISMS', '--isb', OID, '--auditors', OID])).toThrow(SetupUsageError);
    expect(() => parseSetupArgs([...base, '--yes'])).toThrow('Unknown argument "--yes".');
  });

  test('a run that changed nothing says so', () => {
    expect(describeResult({ steps: [], changed: false, dryRun: false }, 'de')).toEqual(['Alles ist bereits eingerichtet: Es wurde nichts geändert.']);
  });
});

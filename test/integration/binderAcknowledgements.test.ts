/**
 * Issue 15 "The auditor sees the page in the binder": the ISB publishes the accepted policy, two staff members
 * acknowledge it as themselves; the auditor's binder PDF has the policy version's page with the count, the names
 * and the dates, top management's binder the page with the count only.
 */
import { strToU8, unzipSync } from 'fflate';
import { formatDayIn } from '../../src/domain';
import { acknowledge, loadAcknowledgementPages, loadStaffView, publishForAcknowledgement } from '../../src/features/acknowledgements/acknowledgementService';
import { exportBinder } from '../../src/features/binder/exportBinder';
import { DEMO_SITE_URL } from '../../src/features/evidence/openEvidenceStore';
import { readRoleGroups } from '../../src/features/setup/settingsStore';
import { signIn, type DemoSession } from '../../scripts/demo/demoSession';
import type { RunningEmulator } from '../support/emulator';
import { startSetUpEmulator } from '../support/setUpEmulator';
import { policyCapture } from './evidenceHarness';
import { EMULATOR_START_TIMEOUT_MS } from './graphHarness';
import { pdfText, shown } from '../browser/support/pdfText';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startSetUpEmulator();
}, EMULATOR_START_TIMEOUT_MS);
afterAll(async () => {
  await emulator?.stop();
});

const as = (alias: string) => signIn({ emulatorUrl: emulator.url, adminSecret: emulator.adminSecret }, alias);

/** The binder PDF this user exports from the tab (its acknowledgement pages as the panel loads them). */
async function binderText(session: DemoSession, withNames: boolean): Promise<string> {
  const chunks: Uint8Array[] = [];
  await exportBinder({
    sink: { write: (chunk) => void chunks.push(chunk) },
    store: session.evidence,
    from: new Date(Date.now() - 365 * 86_400_000),
    to: new Date(Date.now() + 86_400_000),
    company: 'Muster GmbH',
    lang: 'en',
    timeZone: 'Europe/Berlin',
    now: new Date(),
    acknowledgements: await loadAcknowledgementPages(session.graph, DEMO_SITE_URL, withNames),
  });
  const files = unzipSync(Buffer.concat(chunks));
  const pdf = Object.entries(files).find(([path]) => path.endsWith('.pdf') && !path.includes('/'))?.[1];
  if (!pdf) throw new Error(`no binder PDF among ${Object.keys(files).join(', ')}`);
  return pdfText(pdf);
}

it('shows the auditor one page per policy version with count, names and dates; top management sees the count only', async () => {
  const jonas = await as('jonas.weber');
  const katrin = await as('katrin.berger');
  const policyDay = new Date(Date.now() - 20 * 86_400_000).toISOString();
  await jonas.evidence.capture({ ...policyCapture('ack-binder', policyDay), content: { fileName: 'Leitlinie.txt', contentType: 'text/plain; charset=utf-8', bytes: strToU8('Leitlinie der Muster GmbH') } });
  const [policy] = (await katrin.evidence.query({ types: ['securityPolicy'] })).items;
  await katrin.evidence.review(policy!.id, policy!.etag, { status: 'accepted' }, katrin.person);

  const { publication, messageSent } = await publishForAcknowledgement(jonas.graph, jonas.evidence, DEMO_SITE_URL, {
    dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    objectives: ['Phishing-Klickrate unter 5 %'],
    distractors: [],
    publisher: jonas.person,
    link: 'http://localhost:5173/teams/?view=dashboard',
    roleGroups: await readRoleGroups(jonas.graph, DEMO_SITE_URL),
  });
  expect(messageSent).toBe(true);
  for (const alias of ['anna.mueller', 'felix.wagner']) {
    const employee = await as(alias);
    const view = await loadStaffView(employee.graph, DEMO_SITE_URL);
    await acknowledge(employee.graph, DEMO_SITE_URL, view!.publication!);
  }
  const today = formatDayIn(new Date(), 'Europe/Berlin', 'en');

  const auditor = await binderText(await as('petra.pruefer'), true);
  expect(auditor).toContain(shown('Policy acknowledgement: Informationssicherheitsleitlinie'));
  expect(auditor).toContain(shown(`SHA-256: ${publication.policySha256}`));
  expect(auditor).toContain(shown('Acknowledged by 2 staff'));
  expect(auditor).toContain(shown(`Anna Müller \u2013 ${today}`.replace('\u2013', '\x96')));
  expect(auditor).toContain(shown(`Felix Wagner \u2013 ${today}`.replace('\u2013', '\x96')));

  const management = await binderText(katrin, false);
  expect(management).toContain(shown('Acknowledged by 2 staff'));
  expect(management).not.toContain(shown('Anna M'));
  expect(management).not.toContain(shown('Felix Wagner'));
}, 120_000);

it('publishes without an all-staff group and says why no mail went out', async () => {
  const jonas = await as('jonas.weber');
  const roleGroups = await readRoleGroups(jonas.graph, DEMO_SITE_URL);
  const result = await publishForAcknowledgement(jonas.graph, jonas.evidence, DEMO_SITE_URL, {
    dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    objectives: ['Phishing-Klickrate unter 5 %'],
    distractors: [],
    publisher: jonas.person,
    link: 'http://localhost:5173/teams/?view=dashboard',
    roleGroups: roleGroups ? { ...roleGroups, allStaff: undefined } : undefined,
  });
  expect(result.messageSent).toBe(false);
  expect(result.mailProblem).toEqual({ kind: 'noAllStaffGroup' });
  expect(result.publication.id).toEqual(expect.any(String));
}, 120_000);

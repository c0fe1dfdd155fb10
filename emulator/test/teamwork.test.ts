/** Teams activity feed notifications: the app must be installed for the recipient and declare the activity type. */
import { DEMO_CLIENT_APP_ID } from '../src/admin/tokens';
import { startHarness, upn, type Harness } from './harness';

const TEAMS_APP = '0b8e7c1a-3f2d-4e6b-9a10-5c4d3e2f1a0b';
const OTHER_TEAMS_APP = '1c9f8d2b-4a3e-4f7c-8b21-6d5e4f3a2b1c';
const activities = { activityTypes: [{ type: 'minutesAwaitingSignature', description: 'Minutes wait for your signature', templateText: '{actor}: minutes of {review} wait for your signature' }] };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());
beforeEach(async () => {
  await h.admin('POST', '/reset');
});

const install = (users: string[], teamsAppId = TEAMS_APP) =>
  h.admin('PUT', `/teamwork/apps/${teamsAppId}`, { webApplicationInfo: { id: DEMO_CLIENT_APP_ID }, activities, installedFor: users.map(upn) });

const notification = (overrides: Record<string, unknown> = {}) => ({
  topic: { source: 'text', value: 'Chefsache', webUrl: `https://teams.microsoft.com/l/entity/${TEAMS_APP}/dashboard?context=%7B%22subEntityId%22%3A%22reviews%22%7D` },
  activityType: 'minutesAwaitingSignature',
  previewText: { content: 'Minutes of 12 March wait for your signature' },
  templateParameters: [{ name: 'review', value: 'Q1' }],
  ...overrides,
});

const send = async (from: string, to: string, body: unknown, scopes?: string[]) =>
  h.graph(`/users/${upn(to)}/teamwork/sendActivityNotification`, { method: 'POST', token: await h.token(from, scopes), body });

const feed = async (user: string) => (await (await h.admin('GET', `/teamwork/notifications?user=${upn(user)}`)).json()) as { activityType: string; text: string; topic: { webUrl: string }; actor: { displayName: string } }[];

describe('POST /users/{id}/teamwork/sendActivityNotification', () => {
  it('delivers to a recipient the app is installed for: 204, the feed shows the filled template and the link', async () => {
    expect((await install(['katrin.berger', 'jonas.weber'])).status).toBe(200);
    const res = await send('jonas.weber', 'katrin.berger', notification());
    expect(res.status).toBe(204);
    const [n] = await feed('katrin.berger');
    expect(n).toMatchObject({ activityType: 'minutesAwaitingSignature', text: 'Jonas Weber: minutes of Q1 wait for your signature', actor: { displayName: 'Jonas Weber' } });
    expect(n!.topic.webUrl).toContain('subEntityId');
    expect(await feed('jonas.weber')).toEqual([]);
  });

  it('refuses a recipient the app is not installed for (403) and an undeclared activity type (400)', async () => {
    await install(['jonas.weber']);
    const notInstalled = await send('jonas.weber', 'katrin.berger', notification());
    expect(notInstalled.status).toBe(403);
    expect(((await notInstalled.json()) as { error: { message: string } }).error.message).toMatch(/Ensure that the expected Teams app is installed/);
    await install(['jonas.weber', 'katrin.berger']);
    expect((await send('jonas.weber', 'katrin.berger', notification({ activityType: 'somethingElse' }))).status).toBe(400);
    expect((await send('jonas.weber', 'katrin.berger', notification({ activityType: 'systemDefault', templateParameters: [{ name: 'systemDefaultText', value: 'free text' }] }))).status).toBe(204);
    expect(await feed('katrin.berger')).toHaveLength(1);
  });

  it('needs TeamsActivity.Send, a Teams webUrl for a text topic, and another recipient than the caller', async () => {
    await install(['jonas.weber', 'katrin.berger']);
    expect((await send('jonas.weber', 'katrin.berger', notification(), ['User.Read'])).status).toBe(403);
    expect((await send('jonas.weber', 'katrin.berger', notification({ topic: { source: 'text', value: 'x', webUrl: 'https://evil.example/l/entity' } }))).status).toBe(400);
    expect((await send('jonas.weber', 'jonas.weber', notification())).status).toBe(400);
    expect((await send('jonas.weber', 'nobody.here', notification())).status).toBe(404);
    expect(await feed('katrin.berger')).toEqual([]);
  });

  it('answers 409 when two installed Teams apps share the Entra app', async () => {
    await install(['jonas.weber', 'katrin.berger']);
    await install(['katrin.berger'], OTHER_TEAMS_APP);
    expect((await send('jonas.weber', 'katrin.berger', notification())).status).toBe(409);
  });

  it('checks the manifest shapes an admin uploads: systemDefault is reserved, templateText is required', async () => {
    const reserved = await h.admin('PUT', `/teamwork/apps/${TEAMS_APP}`, {
      webApplicationInfo: { id: DEMO_CLIENT_APP_ID },
      activities: { activityTypes: [{ type: 'systemDefault', description: 'x', templateText: 'x' }] },
      installedFor: [],
    });
    expect(reserved.status).toBe(400);
    const noTemplate = await h.admin('PUT', `/teamwork/apps/${TEAMS_APP}`, {
      webApplicationInfo: { id: DEMO_CLIENT_APP_ID },
      activities: { activityTypes: [{ type: 'x', description: 'x' }] },
      installedFor: [],
    });
    expect(noTemplate.status).toBe(400);
  });
});

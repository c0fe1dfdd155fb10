import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';

describe('teamwork gateway: sendActivityNotification()', () => {
  it('posts a text topic with the Teams link, the preview cut to 150 characters and the template parameters, asking for TeamsActivity.Send', async () => {
    const { graph, calls } = gatewaysWith(() => new Response(null, { status: 204 }));
    await graph.teamwork.sendActivityNotification({
      recipient: 'u-1',
      activityType: 'minutesAwaitingSignature',
      topic: { text: 'Chefsache', webUrl: 'https://teams.microsoft.com/l/entity/app/dashboard' },
      previewText: 'x'.repeat(200),
      templateParameters: { review: 'Q1' },
    });
    expect(relativeCall(calls[0]!)).toBe('/users/u-1/teamwork/sendActivityNotification');
    expect(calls[0]!.method).toBe('POST');
    const body = JSON.parse(String(calls[0]!.body)) as { topic: unknown; previewText: { content: string }; templateParameters: unknown };
    expect(body.topic).toEqual({ source: 'text', value: 'Chefsache', webUrl: 'https://teams.microsoft.com/l/entity/app/dashboard' });
    expect(body.previewText.content).toHaveLength(150);
    expect(body.templateParameters).toEqual([{ name: 'review', value: 'Q1' }]);
  });

  it('turns a 403 (app not installed for the recipient) into a GraphForbiddenError', async () => {
    const { graph } = gatewaysWith(() => new Response(JSON.stringify({ error: { code: 'Forbidden', message: 'Ensure that the expected Teams app is installed' } }), { status: 403, headers: { 'Content-Type': 'application/json' } }));
    await expect(
      graph.teamwork.sendActivityNotification({ recipient: 'u-1', activityType: 'x', topic: { text: 't', webUrl: 'https://teams.microsoft.com/l/entity/a/b' }, previewText: 'p' }),
    ).rejects.toMatchObject({ name: 'GraphForbiddenError' });
  });
});

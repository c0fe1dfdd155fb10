import { jsonResponse } from '../testSupport/fakeGraph';
import { gatewaysWith, relativeCall } from '../testSupport/gatewaysWith';

const who = (name: string) => ({ user: { id: `id-${name}`, displayName: name, email: `${name}@x` } });

describe('versions gateway', () => {
  it('reads every page of a list item\'s versions with the named fields, newest first', async () => {
    const { graph, calls, tokens } = gatewaysWith((call) =>
      call.url.includes('skiptoken')
        ? jsonResponse(200, { value: [{ id: '1.0', lastModifiedDateTime: '2026-01-01T10:00:00Z', lastModifiedBy: who('Jonas'), fields: { Title: 'a' } }] })
        : jsonResponse(200, {
            value: [{ id: '2.0', lastModifiedDateTime: '2026-02-01T10:00:00Z', lastModifiedBy: who('Katrin'), fields: { '@odata.etag': '"x,2"', Title: 'b' } }],
            '@odata.nextLink': 'https://graph.example/v1.0/sites/s/lists/l/items/7/versions?$skiptoken=2',
          }),
    );
    const versions = await graph.versions.listItemVersions('s', 'l', '7', { select: ['Title', 'EvidenceDetails'] });
    expect(versions).toEqual([
      { id: '2.0', modifiedAt: '2026-02-01T10:00:00Z', modifiedBy: { id: 'id-Katrin', displayName: 'Katrin', email: 'Katrin@x' }, fields: { Title: 'b' } },
      { id: '1.0', modifiedAt: '2026-01-01T10:00:00Z', modifiedBy: { id: 'id-Jonas', displayName: 'Jonas', email: 'Jonas@x' }, fields: { Title: 'a' } },
    ]);
    expect(relativeCall(calls[0]!)).toBe('/sites/s/lists/l/items/7/versions?$expand=fields($select=Title,EvidenceDetails)');
    expect(calls).toHaveLength(2);
    expect(tokens.requests[0]?.scopes).toEqual(['Sites.Read.All']);
  });

  it('reads a file\'s versions with size, and refuses an answer without dates', async () => {
    const { graph, calls } = gatewaysWith(() =>
      jsonResponse(200, { value: [{ id: '2.0', lastModifiedDateTime: '2026-02-01T10:00:00Z', lastModifiedBy: who('Katrin'), size: 12 }] }),
    );
    expect(await graph.versions.fileVersions('d', 'f')).toEqual([
      { id: '2.0', modifiedAt: '2026-02-01T10:00:00Z', modifiedBy: { id: 'id-Katrin', displayName: 'Katrin', email: 'Katrin@x' }, size: 12 },
    ]);
    expect(relativeCall(calls[0]!)).toBe('/drives/d/items/f/versions');
    const broken = gatewaysWith(() => jsonResponse(200, { value: [{ id: '1.0' }] }));
    await expect(broken.graph.versions.fileVersions('d', 'f')).rejects.toMatchObject({ kind: 'invalidResponse' });
  });

  it('reads a retention label; none (404 or no name) is undefined', async () => {
    const labelled = gatewaysWith(() =>
      jsonResponse(200, {
        name: 'Nachweis – Record',
        labelAppliedDateTime: '2026-03-01T10:00:00Z',
        labelAppliedBy: who('Katrin'),
        isLabelAppliedExplicitly: true,
        retentionSettings: { behaviorDuringRetentionPeriod: 'retainAsRecord', isRecordLocked: true, isDeleteAllowed: false },
      }),
    );
    expect(await labelled.graph.versions.retentionLabel('d', 'f')).toEqual({
      name: 'Nachweis – Record',
      appliedAt: '2026-03-01T10:00:00Z',
      appliedBy: { id: 'id-Katrin', displayName: 'Katrin', email: 'Katrin@x' },
      isRecordLocked: true,
      behaviorDuringRetentionPeriod: 'retainAsRecord',
    });
    expect(relativeCall(labelled.calls[0]!)).toBe('/drives/d/items/f/retentionLabel');
    const none = gatewaysWith(() => jsonResponse(404, { error: { code: 'itemNotFound', message: 'no label' } }));
    expect(await none.graph.versions.retentionLabel('d', 'f')).toBeUndefined();
    const empty = gatewaysWith(() => jsonResponse(200, { name: null }));
    expect(await empty.graph.versions.retentionLabel('d', 'f')).toBeUndefined();
  });
});

import { sha256Hex } from '../../domain';
import { canonicalContent, changeMinutes, emptyMinutes, MinutesNotAllowedError, minutesStatus, openActions, signMinutes, type Minutes } from './minutes';

const katrin = { upn: 'katrin.berger@x', displayName: 'Katrin Berger' };
const jonas = { upn: 'jonas.weber@x', displayName: 'Jonas Weber' };
const at = new Date('2026-03-12T08:00:00Z');

function draft(): Minutes {
  return changeMinutes(emptyMinutes('2026-03-10T09:00:00.000Z'), {
    participants: [{ ...katrin, attendedSeconds: 5100, topManagement: true }],
    decisions: [{ kind: 'improvement', text: 'Notfalltest im Juni', passages: [] }],
    actions: [{ id: 'a1', title: 'Notfallplan testen', owner: { upn: 'thomas@x', displayName: 'Thomas Schmidt' }, dueDate: '2026-06-30' }],
  });
}

describe('signing minutes', () => {
  it('lets top management sign and records who, when and the hash of the signed content', async () => {
    const { minutes, content } = await signMinutes(draft(), { person: katrin, roles: ['topManagement'], at });
    expect(minutesStatus(minutes)).toBe('signed');
    expect(minutes.signature).toMatchObject({ by: katrin, at: at.toISOString(), version: 1 });
    expect(minutes.signature!.sha256).toBe(await sha256Hex(content));
    expect(content).toBe(canonicalContent(draft()));
  });

  it('refuses the ISB, an auditor in top management, a second signature and empty minutes', async () => {
    await expect(signMinutes(draft(), { person: jonas, roles: ['isb'], at })).rejects.toBeInstanceOf(MinutesNotAllowedError);
    await expect(signMinutes(draft(), { person: katrin, roles: ['topManagement', 'auditor'], at })).rejects.toBeInstanceOf(MinutesNotAllowedError);
    const { minutes } = await signMinutes(draft(), { person: katrin, roles: ['topManagement'], at });
    await expect(signMinutes(minutes, { person: katrin, roles: ['topManagement'], at })).rejects.toThrow('already signed');
    await expect(signMinutes(emptyMinutes('2026-03-10T09:00:00.000Z'), { person: katrin, roles: ['topManagement'], at })).rejects.toThrow('participants');
  });

  it('starts a new unsigned version when signed minutes change, keeping the old signature', async () => {
    const { minutes } = await signMinutes(draft(), { person: katrin, roles: ['topManagement'], at });
    const changed = changeMinutes(minutes, { inputs: { ...minutes.inputs, g: 'Awareness' } });
    expect(changed.version).toBe(2);
    expect(minutesStatus(changed)).toBe('draft');
    expect(changed.history.map((s) => s.version)).toEqual([1]);
    expect(canonicalContent(changed)).not.toBe(canonicalContent(minutes));
  });

  it('leaves task tracking out of the signed content', () => {
    const tracked = { ...draft(), tracking: { a1: { listId: 'l', taskId: 't', status: 'completed' as const, checkedAt: at.toISOString() } } };
    expect(canonicalContent(tracked)).toBe(canonicalContent(draft()));
    expect(openActions(draft()).map((a) => a.id)).toEqual(['a1']);
    expect(openActions(tracked)).toEqual([]);
  });
});

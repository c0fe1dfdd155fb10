import type { OrganisationPeople } from '../../domain';
import type { NudgeLog } from './nudgeLog';
import type { Nudge } from './nudgeRules';
import { runNudges } from './runNudges';

const katrin = { id: 'k', displayName: 'Katrin Berger' };
const thomas = { id: 't', displayName: 'Thomas Schmidt' };
const jonas = { id: 'j', displayName: 'Jonas Weber' };
const people: OrganisationPeople = { topManagement: [katrin, thomas], isb: [jonas] };
const minutes: Nudge = { kind: 'minutesAwaitingSignature', recipients: 'topManagement', section: 'reviews', params: { review: '2026-09-30' }, preview: { key: 'nudges.preview.minutesAwaitingSignature', values: { review: '2026-09-30' } } };
const now = new Date('2026-11-28T10:00:00Z');

function memoryLog(): NudgeLog & { keys: string[] } {
  const keys: string[] = [];
  return { keys, sentOn: async (day) => new Set(keys.filter((k) => k.endsWith(`|${day}`))), record: async (k) => void keys.push(k) };
}

const deps = (log: NudgeLog, send = jest.fn(async () => undefined)) => ({ teamwork: { sendActivityNotification: send }, log, teamsAppId: 'app', appUrl: 'https://c.example', lang: 'en' as const, timeZone: 'Europe/Berlin' });

describe('runNudges()', () => {
  it('notifies each person who can fix it once a day, with the deep link to the section, and never the sender', async () => {
    const log = memoryLog();
    const send = jest.fn(async () => undefined);
    const first = await runNudges(deps(log, send), { nudges: [minutes], people, me: thomas, now });
    expect(first.sent).toEqual([{ kind: 'minutesAwaitingSignature', to: 'Katrin Berger' }]);
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ recipient: 'k', activityType: 'minutesAwaitingSignature', previewText: 'The minutes of the management review of 2026-09-30 wait for your signature.', templateParameters: { review: '2026-09-30' } }));
    expect(send.mock.calls[0]).toBeDefined();
    const again = await runNudges(deps(log, send), { nudges: [minutes], people, me: jonas, now });
    expect(again.sent.map((s) => s.to)).toEqual(['Thomas Schmidt']);
    expect(again.alreadySent).toBe(1);
    const nextDay = await runNudges(deps(log, send), { nudges: [minutes], people, me: jonas, now: new Date('2026-11-29T10:00:00Z') });
    expect(nextDay.sent).toHaveLength(2);
  });

  it('reports a refused notification and records nothing for it', async () => {
    const log = memoryLog();
    const refuse = jest.fn(async () => {
      throw new Error('Ensure that the expected Teams app is installed');
    });
    const outcome = await runNudges(deps(log, refuse as never), { nudges: [minutes], people, me: jonas, now });
    expect(outcome.sent).toEqual([]);
    expect(outcome.failed.map((f) => f.to)).toEqual(['Katrin Berger', 'Thomas Schmidt']);
    expect(log.keys).toEqual([]);
  });

  it('sends nothing when the log list is missing (setup has not run)', async () => {
    const send = jest.fn(async () => undefined);
    const outcome = await runNudges(deps({ sentOn: async () => undefined, record: async () => undefined }, send), { nudges: [minutes], people, me: jonas, now });
    expect(outcome.notSetUp).toBe(true);
    expect(send).not.toHaveBeenCalled();
  });
});

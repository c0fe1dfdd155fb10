/** The nudges send only activity types the manifest declares (Teams refuses others), from the app id it renders. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TEAMS_APP_ID } from './dashboardNudges';
import { NUDGE_KINDS, NUDGE_RULES } from './nudgeRules';

const root = join(__dirname, '..', '..', '..');

describe('manifest activities', () => {
  it('declares every activity type the nudges send, with the template parameters they fill', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'manifest', 'manifest.json'), 'utf8')) as { activities: { activityTypes: { type: string; templateText: string }[] } };
    const declared = manifest.activities.activityTypes;
    expect(declared.map((t) => t.type).sort()).toEqual([...NUDGE_KINDS].sort());
    expect(Object.keys(NUDGE_RULES).sort()).toEqual([...NUDGE_KINDS].sort());
    for (const t of declared) for (const [, name] of t.templateText.matchAll(/\{(\w+)\}/g)) expect(['actor', 'dueDate', 'review', 'count', 'share']).toContain(name);
  });

  it("uses the manifest's default app id for deep links", () => {
    expect(readFileSync(join(root, 'manifest', 'render.mjs'), 'utf8')).toContain(`DEFAULT_APP_ID = '${DEFAULT_TEAMS_APP_ID}'`);
  });
});
